// Rows of a calibration table found by their key columns (app/csv_table.hpp), each key at most
// once: with two rows of one key it would be unclear which applies.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/csv_table.hpp"

namespace ts::app {

class RowsByKey {
 public:
  // Refuses a second row of a key, naming both lines.
  RowsByKey(const CsvTable& table, std::vector<std::string> key_columns);
  // The row whose key columns hold `key` (their texts joined by commas), if any.
  std::optional<std::size_t> find(const std::string& key) const;
  // Every key with its row, in key order.
  const std::map<std::string, std::size_t>& rows() const { return rows_; }

 private:
  const CsvTable& table_;
  std::vector<std::string> columns_;
  std::map<std::string, std::size_t> rows_;
};

// A table of `parameter,value` rows.
class ParameterRows {
 public:
  // Refuses a value that is not a number, in any row.
  explicit ParameterRows(const CsvTable& table);
  // The value of `name`; refused when the table has no row for it.
  double operator()(const std::string& name) const;
  // The row of `name`; refused when the table has no row for it.
  std::size_t row(const std::string& name) const;
  // Refuses, naming its line, a row whose parameter is not one of `known`; `what` says what
  // they are ("a key of the energy module").
  void refuse_unknown(const std::vector<std::string>& known, const std::string& what) const;

 private:
  const CsvTable& table_;
  RowsByKey rows_;
};

}  // namespace ts::app
