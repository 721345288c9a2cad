// A calibration table (docs/calibration-format.md) held as text, with typed accessors whose
// errors name the file, the line in the file and the column. Loading checks the structure
// (quoting, field counts, required columns, a non-empty `source` on every row); the values
// are checked when the model reads them, because only the reader knows which are numbers
// and which are shares.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ts::app {

class CsvTable {
 public:
  // Throws InputError for a missing or unreadable file, bad quoting, a row with the wrong
  // number of fields, a missing required column (`source` is always required) or an empty
  // source field.
  static CsvTable load(const std::filesystem::path& file,
                       std::vector<std::string> required_columns);

  std::size_t rows() const { return rows_.size(); }
  const std::vector<std::string>& columns() const { return columns_; }
  bool has_column(std::string_view column) const;

  // The field as a finite number (surrounding blanks allowed), else an InputError.
  double number(std::size_t row, std::string_view column) const;
  // A number in [0, 1].
  double share(std::size_t row, std::string_view column) const;
  // A number in [low, high].
  double number_in(std::size_t row, std::string_view column, double low, double high) const;
  // A whole number in [low, high].
  int whole_number(std::size_t row, std::string_view column, int low, int high) const;
  std::string_view text(std::size_t row, std::string_view column) const;
  // 1-based line in the file where the row starts (a quoted field may span lines).
  std::size_t line_of(std::size_t row) const;

  // Every row's values in `columns` must be shares summing to one within `tolerance`.
  void check_shares_sum_to_one(const std::vector<std::string>& columns, double tolerance) const;

  const std::string& file_name() const { return file_; }

 private:
  struct Row {
    std::size_t line;
    std::vector<std::string> fields;
  };
  std::size_t column_index(std::string_view column) const;
  const std::string& field(std::size_t row, std::string_view column) const;
  [[noreturn]] void fail(std::size_t row, std::string_view column, std::string_view message) const;

  std::string file_;
  std::vector<std::string> columns_;
  std::vector<Row> rows_;
};

}  // namespace ts::app
