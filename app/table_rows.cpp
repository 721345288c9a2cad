#include "app/table_rows.hpp"

#include <algorithm>
#include <utility>

#include "app/input_error.hpp"

namespace ts::app {

RowsByKey::RowsByKey(const CsvTable& table, std::vector<std::string> key_columns)
    : table_(table), columns_(std::move(key_columns)) {
  std::string names;
  for (const std::string& column : columns_) names += (names.empty() ? "'" : ", '") + column + "'";
  for (std::size_t r = 0; r < table.rows(); ++r) {
    std::string key;
    for (const std::string& column : columns_) key += (key.empty() ? "" : ",") + std::string(table.text(r, column));
    const auto [first, inserted] = rows_.emplace(key, r);
    if (!inserted)
      throw InputError(table.file_name() + ":" + std::to_string(table.line_of(r)) +
                       (columns_.size() == 1 ? ": column " : ": columns ") + names + ": a second row for " + key +
                       " (the first is line " + std::to_string(table.line_of(first->second)) + ")");
  }
}

std::optional<std::size_t> RowsByKey::find(const std::string& key) const {
  const auto it = rows_.find(key);
  return it == rows_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

std::size_t ParameterRows::row(const std::string& name) const {
  const std::optional<std::size_t> found = rows_.find(name);
  if (!found) throw InputError(table_.file_name() + ": missing row for parameter '" + name + "'");
  return *found;
}

ParameterRows::ParameterRows(const CsvTable& table) : table_(table), rows_(table, {"parameter"}) {
  for (std::size_t r = 0; r < table.rows(); ++r) table.number(r, "value");  // rows not read are checked too
}

void ParameterRows::refuse_unknown(const std::vector<std::string>& known, const std::string& what) const {
  for (const auto& [name, row] : rows_.rows())
    if (std::find(known.begin(), known.end(), name) == known.end())
      throw InputError(table_.file_name() + ":" + std::to_string(table_.line_of(row)) + ": column 'parameter': '" + name +
                       "' is not " + what);
}

double ParameterRows::operator()(const std::string& name) const { return table_.number(row(name), "value"); }

}  // namespace ts::app
