// Spreadsheet programs save "CSV UTF-8" with a byte-order mark before the first line. The mark
// is not part of the first field, so the readers of CSV files skip it.
#pragma once
#include <cstddef>
#include <string_view>

namespace ts::app {

inline std::size_t utf8_byte_order_mark_length(std::string_view text) {
  return text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

}  // namespace ts::app
