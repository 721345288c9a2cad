#include "app/calibration_loader.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/csv_table.hpp"
#include "app/input_error.hpp"
#include "app/table_rows.hpp"
#include "model/tax_benefit_fields.hpp"

namespace ts::app {
namespace {

using model::education_count;

int sex_index(const CsvTable& t, std::size_t row) {
  const std::string_view s = t.text(row, "sex");
  if (s == "male") return 0;
  if (s == "female") return 1;
  throw InputError(t.file_name() + ":" + std::to_string(t.line_of(row)) + ": column 'sex': expected male or female, found '" + std::string(s) + "'");
}

int education_index(const CsvTable& t, std::size_t row) {
  const std::string_view s = t.text(row, "education");
  for (int e = 0; e < education_count; ++e)
    if (s == model::education_names[e]) return e;
  throw InputError(t.file_name() + ":" + std::to_string(t.line_of(row)) + ": column 'education': expected low, middle or high, found '" + std::string(s) + "'");
}

// Index of an age band label in a list of labels.
int band_index(const CsvTable& t, std::size_t row, const char* column, const std::vector<std::string>& labels) {
  const std::string_view s = t.text(row, column);
  for (std::size_t b = 0; b < labels.size(); ++b)
    if (s == labels[b]) return static_cast<int>(b);
  std::string expected;
  for (const auto& l : labels) expected += (expected.empty() ? "" : ", ") + l;
  throw InputError(t.file_name() + ":" + std::to_string(t.line_of(row)) + ": column '" + column + "': expected one of " + expected + ", found '" + std::string(s) + "'");
}

const std::vector<std::string> status_bands(std::begin(model::status_band_labels), std::end(model::status_band_labels));
const std::vector<std::string> education_bands(std::begin(model::education_band_labels),
                                               std::end(model::education_band_labels));
const std::vector<std::string> digital_bands(std::begin(model::digital_band_labels), std::end(model::digital_band_labels));

// Requires every combination of a table's keys to appear exactly once.
class Coverage {
 public:
  Coverage(const CsvTable& table, std::size_t expected) : table_(table), expected_(expected) {}
  void mark(std::size_t row, int key) {
    if (!seen_.emplace(key, row).second)
      throw InputError(table_.file_name() + ":" + std::to_string(table_.line_of(row)) + ": duplicate row (same keys as line " +
                       std::to_string(table_.line_of(seen_[key])) + ")");
  }
  void check() const {
    if (seen_.size() != expected_)
      throw InputError(table_.file_name() + ": expected " + std::to_string(expected_) + " rows of distinct keys, found " +
                       std::to_string(seen_.size()));
  }

 private:
  const CsvTable& table_;
  std::size_t expected_;
  std::map<int, std::size_t> seen_;
};

// Bounds that no region's table reaches, so that a mistyped count is refused with its line
// instead of asking for memory that no machine has.
constexpr double most_persons_of_one_age_and_sex = 1e7;
constexpr double most_persons_of_one_age_band_and_sex = 1e8;
// Occupation weights are relative within a major group (employment counts at most).
constexpr double most_occupation_weight = 1e9;
// Bounds of the tax-benefit rules' euro amounts (thresholds, ceilings, benefits) and years.
constexpr double most_rule_euros = 1e7, most_rule_years = 100.0;
// Calendar years of the year-keyed tables.
constexpr int first_table_year = 1900, last_table_year = 2200;

// Each year at most once in a year-keyed table.
void mark_year(std::set<int>& seen, const CsvTable& t, std::size_t row, int year) {
  if (!seen.insert(year).second)
    throw InputError(t.file_name() + ":" + std::to_string(t.line_of(row)) + ": column 'year': a second row for " +
                     std::to_string(year));
}

// A year-keyed table whose later years keep the last row's value must begin at the base year,
// or the first simulated years would have no row to take.
void require_base_year(const CsvTable& t, const std::set<int>& years) {
  const int base_year = model::calibration_base_year;
  if (years.empty())
    throw InputError(t.file_name() + ": no rows; expected one for each year from " + std::to_string(base_year));
  const int first = *years.begin();
  if (first <= base_year) return;
  std::size_t row = 0;
  while (t.whole_number(row, "year", first_table_year, last_table_year) != first) ++row;
  throw InputError(t.file_name() + ":" + std::to_string(t.line_of(row)) + ": column 'year': the first year is " +
                   std::to_string(first) + "; expected a row for " + std::to_string(base_year) + ", the base year");
}

void load_population(model::Calibration& c, const std::filesystem::path& dir) {
  const CsvTable t = CsvTable::load(dir / "population_age_sex.csv", {"age", "sex", "persons"});
  Coverage coverage(t, 2 * model::age_count);
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const int age = t.whole_number(r, "age", model::first_age, model::last_age);
    const double persons = t.number_in(r, "persons", 0.0, most_persons_of_one_age_and_sex);
    const int sex = sex_index(t, r);
    coverage.mark(r, sex * 1000 + age);
    c.persons[sex][age - model::first_age] = persons;
  }
  coverage.check();
}

void load_shares(model::Calibration& c, const std::filesystem::path& dir) {
  {
    const CsvTable t = CsvTable::load(dir / "education_by_age_sex.csv", {"age_band", "sex", "low", "middle", "high"});
    t.check_shares_sum_to_one({"low", "middle", "high"}, 1e-3);
    Coverage coverage(t, education_bands.size() * 2);
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const int b = band_index(t, r, "age_band", education_bands), sex = sex_index(t, r);
      coverage.mark(r, b * 2 + sex);
      for (int e = 0; e < education_count; ++e) c.education_share[b][sex][e] = t.share(r, model::education_names[e]);
    }
    coverage.check();
  }
  {
    const std::vector<std::string> columns = {"in_education", "employed", "unemployed", "inactive", "retired"};
    const CsvTable t = CsvTable::load(dir / "labour_status.csv", {"age_band", "sex", "education", "in_education", "employed", "unemployed", "inactive", "retired"});
    t.check_shares_sum_to_one(columns, 1e-3);
    Coverage coverage(t, status_bands.size() * 2 * education_count);
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const int b = band_index(t, r, "age_band", status_bands), sex = sex_index(t, r), e = education_index(t, r);
      coverage.mark(r, (b * 2 + sex) * 3 + e);
      for (int k = 0; k < model::synth_status_count; ++k) c.status_share[b][sex][e][k] = t.share(r, columns[static_cast<std::size_t>(k)]);
    }
    coverage.check();
  }
  {
    const std::vector<std::string> columns = {"permanent", "temporary", "self_employed", "platform"};
    const CsvTable t = CsvTable::load(dir / "employment_type.csv", {"age_band", "sex", "permanent", "temporary", "self_employed", "platform"});
    t.check_shares_sum_to_one(columns, 1e-3);
    Coverage coverage(t, status_bands.size() * 2);
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const int b = band_index(t, r, "age_band", status_bands), sex = sex_index(t, r);
      coverage.mark(r, b * 2 + sex);
      for (int k = 0; k < 4; ++k) c.employment_type_share[b][sex][k] = t.share(r, columns[static_cast<std::size_t>(k)]);
    }
    coverage.check();
  }
  {
    const CsvTable t = CsvTable::load(dir / "part_time.csv", {"sex", "age_band", "part_time_share", "part_time_fte"});
    Coverage coverage(t, status_bands.size() * 2);
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const int b = band_index(t, r, "age_band", status_bands), sex = sex_index(t, r);
      coverage.mark(r, b * 2 + sex);
      c.part_time_share[sex][b] = t.share(r, "part_time_share");
      c.part_time_fte[sex][b] = t.share(r, "part_time_fte");
    }
    coverage.check();
  }
  {
    const CsvTable t = CsvTable::load(dir / "digital_skills.csv", {"education", "age_band", "none", "basic", "advanced", "specialist"});
    t.check_shares_sum_to_one({"none", "basic", "advanced", "specialist"}, 1e-3);
    Coverage coverage(t, digital_bands.size() * education_count);
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const int e = education_index(t, r), b = band_index(t, r, "age_band", digital_bands);
      coverage.mark(r, e * 10 + b);
      for (int d = 0; d < model::digital_level_count; ++d) c.digital_share[e][b][d] = t.share(r, model::digital_level_names[d]);
    }
    coverage.check();
  }
  {
    const CsvTable t = CsvTable::load(dir / "region_shares.csv", {"province", "share"});
    if (t.rows() != model::province_count) throw InputError(t.file_name() + ": expected 5 provinces, found " + std::to_string(t.rows()));
    for (std::size_t r = 0; r < t.rows(); ++r) c.province_share[r] = t.share(r, "share");
  }
}

void load_demography(model::Calibration& c, const std::filesystem::path& dir) {
  {
    const CsvTable t = CsvTable::load(dir / "life_table.csv", {"age", "sex", "qx"});
    Coverage coverage(t, 2 * model::life_table_ages);
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const int age = t.whole_number(r, "age", 0, model::life_table_ages - 1);
      const int sex = sex_index(t, r);
      coverage.mark(r, sex * 1000 + age);
      c.death_probability[sex][age] = t.share(r, "qx");
    }
    coverage.check();
  }
  {
    const CsvTable t = CsvTable::load(dir / "retirement.csv", {"year", "statutory_age"});
    std::set<int> years;
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const int year = t.whole_number(r, "year", first_table_year, last_table_year);
      mark_year(years, t, r, year);
      c.statutory_retirement_age[year] = t.whole_number(r, "statutory_age", 55, 75);
    }
    require_base_year(t, years);
  }
  {
    const CsvTable t = CsvTable::load(dir / "retirement_exit.csv", {"age", "sex", "exit_rate"});
    Coverage coverage(t, 2 * model::retirement_exit_ages);
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const int age = t.whole_number(r, "age", model::retirement_exit_first_age,
                                     model::retirement_exit_first_age + model::retirement_exit_ages - 1);
      const int sex = sex_index(t, r);
      coverage.mark(r, sex * 1000 + age);
      c.retirement_exit_rate[sex][age - model::retirement_exit_first_age] = t.share(r, "exit_rate");
    }
    coverage.check();
  }
  {
    const CsvTable t = CsvTable::load(dir / "cohort_education.csv", {"year", "low", "middle", "high"});
    t.check_shares_sum_to_one({"low", "middle", "high"}, 1e-3);
    std::set<int> years;
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const int year = t.whole_number(r, "year", first_table_year, last_table_year);
      mark_year(years, t, r, year);
      c.cohort_education[year] = {t.share(r, "low"), t.share(r, "middle"), t.share(r, "high")};
    }
    require_base_year(t, years);
  }
  {
    const CsvTable t = CsvTable::load(dir / "population_projection.csv", {"year", "sex", "age_band", "persons"});
    // Population alignment needs every sex and band of a year: a year with a row missing is refused.
    std::map<int, std::set<std::size_t>> seen;
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const int year = t.whole_number(r, "year", first_table_year, last_table_year);
      const auto sex = static_cast<std::size_t>(sex_index(t, r));
      const auto band = static_cast<std::size_t>(band_index(t, r, "age_band", status_bands));
      const double persons = t.number_in(r, "persons", 0.0, most_persons_of_one_age_band_and_sex);
      const std::string where = t.file_name() + ":" + std::to_string(t.line_of(r));
      if (!seen[year].insert(sex * model::status_band_count + band).second)
        throw InputError(where + ": a second row for year " + std::to_string(year) + ", this sex and age band");
      c.projected_persons[year][sex][band] = persons;
    }
    for (const auto& [year, cells] : seen)
      if (cells.size() != 2 * model::status_band_count)
        throw InputError(t.file_name() + ": year " + std::to_string(year) + " has " + std::to_string(cells.size()) + " of the " +
                         std::to_string(2 * model::status_band_count) + " sex and age-band rows");
  }
}

void load_occupations(model::Calibration& c, const std::filesystem::path& dir) {
  {
    const CsvTable t = CsvTable::load(dir / "occupation_tasks_isco08.csv",
                                      {"isco4", "isco1", "weight", "task_analytic", "task_interpersonal", "task_routine_cognitive",
                                       "task_routine_manual", "task_manual", "frey_osborne"});
    t.check_shares_sum_to_one({"task_analytic", "task_interpersonal", "task_routine_cognitive", "task_routine_manual", "task_manual"}, 1e-4);
    if (t.rows() == 0) throw InputError(t.file_name() + ": no rows; expected one per ISCO-08 unit group (isco4)");
    const RowsByKey each_once(t, {"isco4"});
    for (std::size_t r = 0; r < t.rows(); ++r) {
      model::Occupation o{};
      o.isco4 = t.whole_number(r, "isco4", 1000, 9999);
      o.isco1 = t.whole_number(r, "isco1", 1, 9);
      if (o.isco4 / 1000 != o.isco1)
        throw InputError(t.file_name() + ":" + std::to_string(t.line_of(r)) + ": column 'isco1': expected the first digit of isco4 (" +
                         std::to_string(o.isco4) + "), found " + std::to_string(o.isco1));
      o.weight = t.number_in(r, "weight", 0.0, most_occupation_weight);
      const char* columns[] = {"task_analytic", "task_interpersonal", "task_routine_cognitive", "task_routine_manual", "task_manual"};
      for (int k = 0; k < model::task_category_count; ++k) o.tasks[k] = t.share(r, columns[k]);
      o.frey_osborne = t.share(r, "frey_osborne");
      c.occupations.push_back(o);
    }
    // Occupations are drawn within a major group by their weights: each group needs some.
    double group_weight[model::isco_group_count] = {};
    for (const model::Occupation& o : c.occupations) group_weight[o.isco1 - 1] += o.weight;
    for (int g = 0; g < model::isco_group_count; ++g)
      if (!(group_weight[g] > 0.0))
        throw InputError(t.file_name() + ": ISCO major group " + std::to_string(g + 1) +
                         " has no occupation with a weight above 0 (column 'weight'); every group needs one");
    std::stable_sort(c.occupations.begin(), c.occupations.end(),
                     [](const auto& a, const auto& b) { return a.isco1 != b.isco1 ? a.isco1 < b.isco1 : a.isco4 < b.isco4; });
  }
  {
    const CsvTable t = CsvTable::load(dir / "occupation_by_education.csv", {"isco1", "low", "middle", "high"});
    Coverage coverage(t, model::isco_group_count);
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const int g = t.whole_number(r, "isco1", 1, 9);
      coverage.mark(r, g);
      for (int e = 0; e < education_count; ++e) c.occupation_group_by_education[g - 1][e] = t.share(r, model::education_names[e]);
    }
    coverage.check();
  }
}

void load_wages_training_flows(model::Calibration& c, const std::filesystem::path& dir) {
  {
    const CsvTable t = CsvTable::load(dir / "wage_deciles.csv", {"percentile", "monthly_gross_fte_eur", "year"});
    // Rows of other years are not used, but a malformed one is refused all the same.
    for (std::size_t r = 0; r < t.rows(); ++r) {
      t.whole_number(r, "year", first_table_year, last_table_year);
      t.number_in(r, "monthly_gross_fte_eur", 1.0, 1e6);
    }
    const RowsByKey rows(t, {"percentile", "year"});
    for (int k = 0; k < 9; ++k) {
      const std::string name = "P" + std::to_string(10 * (k + 1));
      const std::optional<std::size_t> row = rows.find(name + "," + std::to_string(model::calibration_base_year));
      if (!row) throw InputError(t.file_name() + ": missing the " + name + " row for 2024");
      c.wages.deciles_monthly_fte_2024[k] = t.number(*row, "monthly_gross_fte_eur");
      if (k > 0 && !(c.wages.deciles_monthly_fte_2024[k] > c.wages.deciles_monthly_fte_2024[k - 1]))
        throw InputError(t.file_name() + ": the 2024 deciles must increase (" + name + ")");
    }
  }
  {
    const CsvTable t = CsvTable::load(dir / "wage_structure.csv", {"parameter", "value"});
    const ParameterRows table_parameter(t);
    model::WageStructure& w = c.wages;
    w.premium_education[0] = 0.0;
    w.premium_education[1] = table_parameter("premium_middle");
    w.premium_education[2] = table_parameter("premium_high");
    w.experience_linear = table_parameter("experience_linear");
    w.experience_quadratic = table_parameter("experience_quadratic");
    for (int g = 0; g < model::isco_group_count; ++g) w.premium_isco1[g] = table_parameter("premium_isco1_" + std::to_string(g + 1));
    w.gap_type[0] = 0.0;
    w.gap_type[1] = table_parameter("gap_temporary");
    w.gap_type[2] = table_parameter("gap_self_employed");
    w.gap_type[3] = table_parameter("gap_platform");
    w.female_gap = table_parameter("female_gap");
    w.individual_effect_sd = table_parameter("individual_effect_sd");
    w.skill_stock_return = table_parameter("skill_stock_return");
    // Belgian pay comes in 12 to 16 monthly wages a year (13th month, holiday pay).
    w.annual_months = t.number_in(table_parameter.row("annual_months"), "value", 12.0, 16.0);
  }
  {
    const CsvTable t = CsvTable::load(dir / "training.csv", {"dimension", "category", "rate_12m"});
    const RowsByKey rows(t, {"dimension", "category"});
    auto rate = [&](std::string_view dimension, std::string_view category) {
      const std::string key = std::string(dimension) + "," + std::string(category);
      const std::optional<std::size_t> row = rows.find(key);
      if (!row) throw InputError(t.file_name() + ": missing row " + key);
      return t.share(*row, "rate_12m");
    };
    model::TrainingRates& tr = c.training;
    tr.overall = rate("overall", "all");
    for (int e = 0; e < education_count; ++e) tr.education[e] = rate("education", model::education_names[e]);
    const char* ages[] = {"25-34", "35-44", "45-54", "55-64"};
    for (int b = 0; b < 4; ++b) tr.age_band[b] = rate("age_band", ages[b]);
    const char* statuses[] = {"employed", "unemployed", "inactive"};
    for (int s = 0; s < 3; ++s) tr.status[s] = rate("status", statuses[s]);
    const char* contracts[] = {"permanent", "temporary", "self_employed", "platform"};
    for (int k = 0; k < 4; ++k) tr.contract[k] = rate("contract", contracts[k]);
  }
  {
    const CsvTable t = CsvTable::load(dir / "labour_flows.csv", {"parameter", "value"});
    const ParameterRows table_parameter(t);
    model::LabourFlows& f = c.flows;
    f.separation[0] = table_parameter("separation_permanent");
    f.separation[1] = table_parameter("separation_temporary");
    f.separation[2] = table_parameter("separation_self_employed");
    f.separation[3] = table_parameter("separation_platform");
    for (int e = 0; e < education_count; ++e)
      f.job_finding[e] = table_parameter(std::string("job_finding_") + model::education_names[e]);
    f.temporary_to_permanent = table_parameter("temporary_to_permanent");
    f.vacancy_rate = table_parameter("vacancy_rate");
    f.long_term_unemployment_share = table_parameter("long_term_unemployment_share");
  }
}

}  // namespace

model::Calibration load_calibration(const std::filesystem::path& directory) {
  model::Calibration c{};
  load_population(c, directory);
  load_shares(c, directory);
  load_demography(c, directory);
  load_occupations(c, directory);
  load_wages_training_flows(c, directory);
  return c;
}

model::TaxBenefitRules load_tax_benefit_rules(const std::filesystem::path& directory) {
  const CsvTable t = CsvTable::load(directory / "tax_benefit_2024.csv", {"parameter", "value", "unit"});
  const ParameterRows parameters(t);
  std::vector<std::string> rule_names;
  for (const auto& field : model::tax_benefit_fields) rule_names.emplace_back(field.name);
  parameters.refuse_unknown(rule_names, "a rule of the model (model/tax_benefit_fields.hpp)");
  model::TaxBenefitRules rules{};
  for (const auto& field : model::tax_benefit_fields) {
    const std::size_t row = parameters.row(field.name);
    const std::string unit(field.unit);
    if (t.text(row, "unit") != unit)
      throw InputError(t.file_name() + ":" + std::to_string(t.line_of(row)) + ": column 'unit': expected '" + unit +
                       "' for " + field.name + ", found '" + std::string(t.text(row, "unit")) + "'");
    // Shares are rates or fractions; euro amounts and years are bounded by what no rule reaches,
    // so that a unit error is refused instead of overflowing the sums of cents.
    const double most = unit == "share" ? 1.0 : (unit == "eur" ? most_rule_euros : most_rule_years);
    rules.*(field.member) = t.number_in(row, "value", 0.0, most);
  }
  return rules;
}

}  // namespace ts::app
