#include "app/microdata.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>

#include <fmt/format.h>

#include "app/byte_order_mark.hpp"
#include "app/input_error.hpp"
#include "app/number_text.hpp"
#include "app/population_file.hpp"
#include "model/status.hpp"

namespace ts::app {
namespace {

namespace fs = std::filesystem;

// Bounds beyond any employee's pay, so that a unit or typing error is refused instead of
// overflowing the exact sums of euros (whole cents in 64 bits over millions of persons).
constexpr double most_annual_wage = 1e8;
constexpr double most_career_earnings = 1e10;

const char* const task_columns[] = {"task_analytic", "task_interpersonal", "task_routine_cognitive", "task_routine_manual",
                                    "task_manual"};

std::string label_list(const std::vector<std::string>& labels) {
  std::string text;
  for (const auto& l : labels) text += (text.empty() ? "" : ", ") + l;
  return text;
}

// Row access over either format. `where(row)` is "file:line" (CSV) or "file: row N" (NetCDF).
class Source {
 public:
  virtual ~Source() = default;
  virtual bool has(const std::string& column) const = 0;
  virtual std::string where(std::size_t row) const = 0;
  virtual double number(std::size_t row, const std::string& column) const = 0;
  virtual int code(std::size_t row, const std::string& column, const std::vector<std::string>& labels) const = 0;
  virtual std::string header_where() const = 0;
  std::size_t rows = 0;
  std::string file;

  [[noreturn]] void fail(std::size_t row, const std::string& column, const std::string& message) const {
    throw InputError(where(row) + ": column '" + column + "': " + message);
  }
};

class CsvSource : public Source {
 public:
  explicit CsvSource(const fs::path& path) {
    file = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw_input_error(file, 0, "cannot open the person file");
    std::string line;
    std::size_t number = 0;
    bool header_seen = false;
    while (std::getline(in, line)) {
      if (++number == 1) line.erase(0, utf8_byte_order_mark_length(line));
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!header_seen && !line.empty() && line[0] == '#') continue;
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      std::vector<std::string> fields = split(line, number);
      if (!header_seen) {
        header_seen = true;
        header_line_ = number;
        for (std::size_t i = 0; i < fields.size(); ++i) {
          if (index_.count(fields[i]))
            throw_input_error(file, number, "column '" + fields[i] + "' appears twice");
          index_[fields[i]] = i;
        }
        columns_ = fields.size();
        continue;
      }
      if (fields.size() != columns_)
        throw_input_error(file, number, "expected " + std::to_string(columns_) + " fields, found " + std::to_string(fields.size()));
      lines_.push_back(number);
      for (auto& f : fields) cells_.push_back(std::move(f));
    }
    if (!header_seen) throw_input_error(file, 0, "expected a header row, found no data");
    rows = lines_.size();
  }
  bool has(const std::string& column) const override { return index_.count(column) > 0; }
  std::string where(std::size_t row) const override { return file + ":" + std::to_string(lines_[row]); }
  std::string header_where() const override { return file + ":" + std::to_string(header_line_); }
  const std::string& text(std::size_t row, const std::string& column) const {
    return cells_[row * columns_ + index_.at(column)];
  }
  double number(std::size_t row, const std::string& column) const override {
    const std::string& t = text(row, column);
    const std::size_t first = t.find_first_not_of(" \t"), last = t.find_last_not_of(" \t");
    double value = 0.0;
    bool ok = first != std::string::npos;
    if (ok) {
      const auto [ptr, error] = std::from_chars(t.data() + first, t.data() + last + 1, value);
      ok = error == std::errc() && ptr == t.data() + last + 1 && std::isfinite(value);
    }
    if (!ok) fail(row, column, "expected a number, found '" + t + "'");
    return value;
  }
  int code(std::size_t row, const std::string& column, const std::vector<std::string>& labels) const override {
    const std::string& t = text(row, column);
    for (std::size_t k = 0; k < labels.size(); ++k)
      if (t == labels[k]) return static_cast<int>(k);
    fail(row, column, "unknown code '" + t + "': expected one of " + label_list(labels));
  }

 private:
  std::vector<std::string> split(const std::string& line, std::size_t number) const {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quoted) {
        if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') field += '"', ++i;
        else if (c == '"') quoted = false;
        else field += c;
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.push_back(field);
        field.clear();
      } else {
        field += c;
      }
    }
    if (quoted) throw_input_error(file, number, "bad quoting: a quoted field is never closed on its line");
    fields.push_back(field);
    return fields;
  }
  std::map<std::string, std::size_t> index_;
  std::size_t columns_ = 0, header_line_ = 0;
  std::vector<std::size_t> lines_;
  std::vector<std::string> cells_;
};

class NetcdfSource : public Source {
 public:
  NetcdfSource(const fs::path& path, const std::vector<std::string>& wanted) {
    file = path.string();
    for (auto& v : read_person_variables(path, wanted, rows)) values_[v.name] = std::move(v.values);
  }
  bool has(const std::string& column) const override { return values_.count(column) > 0; }
  std::string where(std::size_t row) const override { return file + ": row " + std::to_string(row + 1); }
  std::string header_where() const override { return file; }
  double number(std::size_t row, const std::string& column) const override {
    const double v = values_.at(column)[row];
    if (!std::isfinite(v)) fail(row, column, "expected a number, found " + message_text(v));
    return v;
  }
  int code(std::size_t row, const std::string& column, const std::vector<std::string>& labels) const override {
    const double v = number(row, column);
    if (v != std::floor(v) || v < 0 || v >= static_cast<double>(labels.size())) {
      std::string expected;
      for (std::size_t k = 0; k < labels.size(); ++k)
        expected += (k ? ", " : "") + std::to_string(k) + " (" + labels[k] + ")";
      fail(row, column, "unknown code " + message_text(v) + ": expected one of " + expected);
    }
    return static_cast<int>(v);
  }

 private:
  std::map<std::string, std::vector<double>> values_;
};

template <class T>
struct Column {
  std::string name, unit, type;
  std::vector<T> data;
  model::HostColumn host() const {
    model::HostColumn c{name, unit, type, {}};
    c.bytes.resize(data.size() * sizeof(T));
    if (!data.empty()) std::memcpy(c.bytes.data(), data.data(), c.bytes.size());
    return c;
  }
};

Microdata convert(const Source& src, const model::Calibration& calibration) {
  for (const auto& c : microdata_required_columns())
    if (!src.has(c)) throw InputError(src.header_where() + ": column '" + c + "': required, found it missing");
  int tasks_given = 0;
  for (const char* t : task_columns) tasks_given += src.has(t) ? 1 : 0;
  if (tasks_given > 0 && tasks_given < 5)
    for (const char* t : task_columns)
      if (!src.has(t))
        throw InputError(src.header_where() + ": column '" + std::string(t) +
                         "': the five task shares come together, found some of them but not this one");
  if (src.rows == 0) throw InputError(src.header_where() + ": expected at least one person, found none");
  std::map<int, std::uint16_t> occupation_index;
  for (std::size_t o = 0; o < calibration.occupations.size(); ++o)
    occupation_index[calibration.occupations[o].isco4] = static_cast<std::uint16_t>(o);

  const std::size_t n = src.rows;
  Column<std::uint8_t> age{"age", "years", "u8", {}}, sex{"sex", "1", "u8", {}}, education{"education", "1", "u8", {}},
      status{"status", "1", "u8", {}}, region{"region", "1", "u8", {}}, digital{"digital_skill", "1", "u8", {}},
      months{"unemployment_months", "months", "u8", {}};
  Column<std::uint16_t> occupation{"occupation", "1", "u16", {}};
  Column<float> hours{"hours", "1", "f32", {}}, wage{"gross_wage", "EUR/year", "f32", {}},
      years{"years_worked", "years", "f32", {}}, career{"career_earnings", "EUR", "f32", {}};
  std::vector<Column<float>> tasks;
  for (const char* t : task_columns) tasks.push_back(Column<float>{t, "1", "f32", {}});
  const bool has_region = src.has("region"), has_digital = src.has("digital_skill"), has_tasks = tasks_given == 5,
             has_years = src.has("years_worked"), has_months = src.has("unemployment_months"),
             has_career = src.has("career_earnings");
  for (std::size_t r = 0; r < n; ++r) {
    const double a = src.number(r, "age");
    if (a != std::floor(a)) src.fail(r, "age", "expected whole years, found " + message_text(a));
    if (a < model::first_age) src.fail(r, "age", "age below 15 (the model covers residents aged 15 and over), found " + message_text(a));
    if (a > 105) src.fail(r, "age", "expected at most 105, found " + message_text(a));
    age.data.push_back(static_cast<std::uint8_t>(a));
    sex.data.push_back(static_cast<std::uint8_t>(src.code(r, "sex", sex_labels())));
    education.data.push_back(static_cast<std::uint8_t>(src.code(r, "education", education_labels())));
    const int st = src.code(r, "status", status_labels());
    status.data.push_back(static_cast<std::uint8_t>(st));
    const bool employed = model::is_employed(static_cast<std::uint8_t>(st));
    const double isco = src.number(r, "isco4");
    const auto found = isco == std::floor(isco) ? occupation_index.find(static_cast<int>(isco)) : occupation_index.end();
    if (found == occupation_index.end())
      src.fail(r, "isco4", "unknown code " + message_text(isco) + ": not an ISCO-08 unit group of configs/calibration/occupation_tasks_isco08.csv");
    occupation.data.push_back(found->second);
    const double h = src.number(r, "hours");
    if (!(h >= 0.0 && h <= 1.0)) src.fail(r, "hours", "out of range: expected a full-time-equivalent fraction in [0, 1], found " + message_text(h));
    if (employed && !(h > 0.0)) src.fail(r, "hours", "out of range: an employed person needs hours above 0, found " + message_text(h));
    hours.data.push_back(static_cast<float>(h));
    const double w = src.number(r, "gross_wage");
    if (w < 0.0) src.fail(r, "gross_wage", "negative wage: expected annual euros >= 0, found " + message_text(w));
    if (w > most_annual_wage)
      src.fail(r, "gross_wage", "expected at most " + message_text(most_annual_wage) + " euros a year, found " + message_text(w));
    if (employed && !(w > 0.0)) src.fail(r, "gross_wage", "an employed person needs a positive annual wage, found " + message_text(w));
    wage.data.push_back(static_cast<float>(w));
    if (has_region) region.data.push_back(static_cast<std::uint8_t>(src.code(r, "region", region_labels())));
    if (has_digital) digital.data.push_back(static_cast<std::uint8_t>(src.code(r, "digital_skill", digital_skill_labels())));
    if (has_tasks) {
      double sum = 0.0;
      for (std::size_t k = 0; k < 5; ++k) {
        const double share = src.number(r, task_columns[k]);
        if (!(share >= 0.0 && share <= 1.0)) src.fail(r, task_columns[k], "share out of range: expected [0, 1], found " + message_text(share));
        sum += share;
        tasks[k].data.push_back(static_cast<float>(share));
      }
      if (std::abs(sum - 1.0) > 1e-4)
        src.fail(r, "task_analytic..task_manual", "task shares must sum to one (within 1e-4), found a sum of " + message_text(sum));
    }
    if (has_years) {
      const double y = src.number(r, "years_worked");
      if (!(y >= 0.0 && y <= a - 10)) src.fail(r, "years_worked", "out of range: expected 0 to age - 10, found " + message_text(y));
      years.data.push_back(static_cast<float>(y));
    }
    if (has_months) {
      const double m = src.number(r, "unemployment_months");
      if (!(m >= 0.0) || m != std::floor(m)) src.fail(r, "unemployment_months", "expected whole months >= 0, found " + message_text(m));
      months.data.push_back(static_cast<std::uint8_t>(m > 255 ? 255 : m));
    }
    if (has_career) {
      const double c = src.number(r, "career_earnings");
      if (c < 0.0) src.fail(r, "career_earnings", "negative earnings: expected euros >= 0, found " + message_text(c));
      if (c > most_career_earnings)
        src.fail(r, "career_earnings", "expected at most " + message_text(most_career_earnings) + " euros, found " + message_text(c));
      career.data.push_back(static_cast<float>(c));
    }
  }
  Microdata m;
  m.file = src.file;
  m.persons = n;
  for (auto* c : {&age, &sex, &education, &status}) m.columns.push_back(c->host());
  m.columns.push_back(occupation.host());
  m.columns.push_back(hours.host());
  m.columns.push_back(wage.host());
  auto optional = [&](bool given, const model::HostColumn& c, const std::string& name) {
    if (given) m.columns.push_back(c);
    else m.optional_missing.push_back(name);
  };
  optional(has_region, region.host(), "region");
  optional(has_digital, digital.host(), "digital_skill");
  for (auto& t : tasks) optional(has_tasks, t.host(), t.name);
  optional(has_years, years.host(), "years_worked");
  optional(has_months, months.host(), "unemployment_months");
  optional(has_career, career.host(), "career_earnings");
  return m;
}

}  // namespace

const std::vector<std::string>& microdata_required_columns() {
  static const std::vector<std::string> c{"age", "sex", "education", "status", "isco4", "hours", "gross_wage"};
  return c;
}

const std::vector<std::string>& microdata_optional_columns() {
  static const std::vector<std::string> c{"region", "digital_skill", "task_analytic", "task_interpersonal",
                                          "task_routine_cognitive", "task_routine_manual", "task_manual",
                                          "years_worked", "unemployment_months", "career_earnings"};
  return c;
}

Microdata load_microdata(const fs::path& file, const model::Calibration& calibration) {
  if (file.extension() == ".nc") {
    std::vector<std::string> wanted = microdata_required_columns();
    for (const auto& c : microdata_optional_columns()) wanted.push_back(c);
    Microdata microdata = convert(NetcdfSource(file, wanted), calibration);
    microdata.scale = read_number_attribute(file, "scale");
    microdata.year = read_number_attribute(file, "year");
    return microdata;
  }
  return convert(CsvSource(file), calibration);
}

std::string microdata_size_note(const Microdata& microdata, const model::Calibration& calibration, double scale) {
  double residents = 0.0;
  for (const auto& by_age : calibration.persons)
    for (const double persons : by_age) residents += persons;
  const double stood_for = static_cast<double>(microdata.persons) / scale;
  if (std::abs(stood_for - residents) <= 0.05 * residents) return "";
  return microdata.file + " holds " + std::to_string(microdata.persons) + " persons, who at --scale " + message_text(scale) +
         " stand for " + message_text(std::round(stood_for)) + " residents aged 15+, but the base population has " +
         message_text(std::round(residents)) + " (population_age_sex.csv): levels (persons, euros) and the yearly cohorts of " +
         "entrants, sized from the calibration, will not match the persons loaded; --scale " +
         fmt::format("{:.3g}", static_cast<double>(microdata.persons) / residents) + " would make them match\n";
}

void check_microdata_fits(const Microdata& microdata, double scale, int base_year) {
  if (microdata.year && *microdata.year != base_year)
    throw InputError(microdata.file + ": a snapshot of the end of " + message_text(*microdata.year) +
                     " (its attribute 'year'), but a run starts from the population of " + std::to_string(base_year) +
                     ", the year the calibration tables describe: use the snapshot of " + std::to_string(base_year) +
                     " or a person file of that year");
  if (!microdata.scale || *microdata.scale == scale) return;
  throw InputError(microdata.file + ": written at scale " + message_text(*microdata.scale) +
                   " (its attribute 'scale'), but --scale is " + message_text(scale) +
                   ", which would give each person a weight of " + message_text(1.0 / scale) + " instead of " +
                   message_text(1.0 / *microdata.scale) + ": run it with --scale " + message_text(*microdata.scale));
}

}  // namespace ts::app
