// RFC 4180 reader for calibration tables. The parser walks the whole file once, tracking the
// line number so that rows whose quoted fields span lines still report where they start.
#include "app/csv_table.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "app/byte_order_mark.hpp"
#include "app/input_error.hpp"
#include "app/number_text.hpp"

namespace ts::app {
namespace {

struct Record {
  std::size_t line;
  std::vector<std::string> fields;
};

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

// Splits `text` (the file after its comment block) into records. `line` is the file line
// where `text` begins.
std::vector<Record> parse_records(std::string_view text, std::size_t line,
                                  const std::string& file) {
  std::vector<Record> records;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Blank lines (typically a trailing one) carry no record.
    if (text[pos] == '\n' ||
        (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n')) {
      pos += text[pos] == '\r' ? 2 : 1;
      ++line;
      continue;
    }
    Record record{line, {}};
    std::string field;
    bool record_done = false;
    while (!record_done) {
      field.clear();
      if (pos < text.size() && text[pos] == '"') {
        const std::size_t open_line = line;
        ++pos;
        for (;;) {
          if (pos >= text.size())
            throw_input_error(file, open_line, "bad quoting: a quoted field is never closed");
          const char c = text[pos++];
          if (c == '"') {
            if (pos < text.size() && text[pos] == '"') {
              field += '"';
              ++pos;
              continue;
            }
            break;
          }
          if (c == '\n') ++line;
          field += c;
        }
        if (pos < text.size() && text[pos] == '\r') ++pos;
        if (pos < text.size() && text[pos] != ',' && text[pos] != '\n')
          throw_input_error(
              file, line,
              "bad quoting: expected ',' or end of line after a closing quote, found " +
                  in_quotes(text.substr(pos, 1)));
      } else {
        while (pos < text.size() && text[pos] != ',' && text[pos] != '\n') {
          if (text[pos] == '"')
            throw_input_error(
                file, line,
                "bad quoting: a quote inside an unquoted field (quote the whole field "
                "and double inner quotes)");
          field += text[pos++];
        }
        if (!field.empty() && field.back() == '\r') field.pop_back();
      }
      record.fields.push_back(field);
      if (pos < text.size() && text[pos] == ',') {
        ++pos;
      } else {
        record_done = true;
        if (pos < text.size()) {  // the '\n'
          ++pos;
          ++line;
        }
      }
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace

CsvTable CsvTable::load(const std::filesystem::path& path,
                        std::vector<std::string> required_columns) {
  CsvTable table;
  table.file_ = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_input_error(table.file_, 0, "cannot open the calibration table (missing file?)");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string content = buffer.str();

  // The leading '#' block is documentation, not data.
  std::size_t pos = utf8_byte_order_mark_length(content), line = 1;
  while (pos < content.size() && content[pos] == '#') {
    const std::size_t end = content.find('\n', pos);
    pos = end == std::string::npos ? content.size() : end + 1;
    ++line;
  }
  std::vector<Record> records =
      parse_records(std::string_view(content).substr(pos), line, table.file_);
  if (records.empty()) throw_input_error(table.file_, 0, "expected a header row, found no data");

  table.columns_ = std::move(records.front().fields);
  const std::size_t header_line = records.front().line;
  for (std::size_t i = 0; i < table.columns_.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (table.columns_[i] == table.columns_[j])
        throw_input_error(table.file_, header_line,
                          "column " + in_quotes(table.columns_[i]) + " appears twice");
  required_columns.push_back("source");
  for (const std::string& column : required_columns)
    if (!table.has_column(column))
      throw_input_error(
          table.file_, header_line,
          "column " + in_quotes(column) + ": expected in the header row, found it missing");

  for (std::size_t r = 1; r < records.size(); ++r) {
    Record& record = records[r];
    if (record.fields.size() != table.columns_.size())
      throw_input_error(table.file_, record.line,
                        "expected " + std::to_string(table.columns_.size()) + " fields, found " +
                            std::to_string(record.fields.size()));
    table.rows_.push_back(Row{record.line, std::move(record.fields)});
  }
  for (std::size_t r = 0; r < table.rows_.size(); ++r)
    if (table.text(r, "source").find_first_not_of(" \t") == std::string_view::npos)
      table.fail(r, "source",
                 "expected a citation or 'assumption: <reason>', found an empty field");
  return table;
}

bool CsvTable::has_column(std::string_view column) const {
  for (const std::string& name : columns_)
    if (name == column) return true;
  return false;
}

std::size_t CsvTable::column_index(std::string_view column) const {
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i] == column) return i;
  throw std::invalid_argument(file_ + ": the code asked for column '" + std::string(column) +
                              "', which the table does not have (list it as required)");
}

const std::string& CsvTable::field(std::size_t row, std::string_view column) const {
  if (row >= rows_.size())
    throw std::out_of_range(file_ + ": row " + std::to_string(row) + " past the end");
  return rows_[row].fields[column_index(column)];
}

void CsvTable::fail(std::size_t row, std::string_view column, std::string_view message) const {
  throw_input_error(file_, line_of(row),
                    "column " + in_quotes(column) + ": " + std::string(message));
}

double CsvTable::number(std::size_t row, std::string_view column) const {
  const std::string& text = field(row, column);
  const std::size_t first = text.find_first_not_of(" \t");
  const std::size_t last = text.find_last_not_of(" \t");
  double value = 0.0;
  bool ok = first != std::string::npos;
  if (ok) {
    // from_chars does not take a leading '+'; numbers here never need one.
    const char* begin = text.data() + first;
    const char* end = text.data() + last + 1;
    const auto [ptr, error] = std::from_chars(begin, end, value);
    ok = error == std::errc() && ptr == end && std::isfinite(value);
  }
  if (!ok) fail(row, column, "expected a number, found " + in_quotes(text));
  return value;
}

double CsvTable::share(std::size_t row, std::string_view column) const {
  const double value = number(row, column);
  if (value < 0.0 || value > 1.0)
    fail(row, column, "expected a share in [0, 1], found " + message_text(value));
  return value;
}

double CsvTable::number_in(std::size_t row, std::string_view column, double low, double high) const {
  const double value = number(row, column);
  if (value < low || value > high)
    fail(row, column, "expected a number from " + message_text(low) + " to " + message_text(high) + ", found " +
                          message_text(value));
  return value;
}

int CsvTable::whole_number(std::size_t row, std::string_view column, int low, int high) const {
  const double value = number(row, column);
  if (value < low || value > high || value != std::trunc(value))
    fail(row, column, "expected a whole number from " + std::to_string(low) + " to " + std::to_string(high) +
                          ", found " + message_text(value));
  return static_cast<int>(value);
}

std::string_view CsvTable::text(std::size_t row, std::string_view column) const {
  return field(row, column);
}

std::size_t CsvTable::line_of(std::size_t row) const {
  if (row >= rows_.size())
    throw std::out_of_range(file_ + ": row " + std::to_string(row) + " past the end");
  return rows_[row].line;
}

void CsvTable::check_shares_sum_to_one(const std::vector<std::string>& columns,
                                       double tolerance) const {
  std::string names;
  for (const std::string& column : columns)
    names += (names.empty() ? "" : ", ") + in_quotes(column);
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    double sum = 0.0;
    for (const std::string& column : columns) sum += share(r, column);
    if (std::abs(sum - 1.0) > tolerance)
      throw_input_error(file_, line_of(r),
                        "columns " + names + ": expected shares summing to 1 (within " +
                            message_text(tolerance) + "), found a sum of " + message_text(sum));
  }
}

}  // namespace ts::app
