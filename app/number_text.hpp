// Numbers as text, in the two forms the program needs.
#pragma once
#include <charconv>
#include <sstream>
#include <string>

namespace ts::app {

// The shortest text that reads back as the same double: for what must round-trip exactly (the
// resolved scenario that is hashed, dimension labels, attributes compared between files).
inline std::string round_trip_text(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// Twelve significant digits: for messages that quote a value read from a table or a file, so
// that a cell written 0.3 is not shown as 0.29999999999999999.
inline std::string message_text(double value) {
  std::ostringstream out;
  out.precision(12);
  out << value;
  return out.str();
}

}  // namespace ts::app
