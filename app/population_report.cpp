#include "app/population_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include <fmt/core.h>

#include "app/csv_table.hpp"
#include "app/output_file.hpp"
#include "app/population_file.hpp"
#include "model/status.hpp"

namespace ts::app {
namespace {

namespace fs = std::filesystem;
using model::education_count;

template <class T>
std::vector<T> column(const std::vector<model::HostColumn>& columns, const std::string& name) {
  for (const auto& c : columns)
    if (c.name == name) {
      std::vector<T> out(c.bytes.size() / sizeof(T));
      if (!out.empty()) std::memcpy(out.data(), c.bytes.data(), c.bytes.size());
      return out;
    }
  throw std::invalid_argument("population report: no column '" + name + "'");
}

const std::vector<std::string> status_bands(std::begin(model::status_band_labels), std::end(model::status_band_labels));
const std::vector<std::string> education_bands(std::begin(model::education_band_labels),
                                               std::end(model::education_band_labels));
const std::vector<std::string> digital_bands(std::begin(model::digital_band_labels), std::end(model::digital_band_labels));
const char* const broad_names[] = {"in_education", "employed", "unemployed", "inactive", "retired"};
const char* const type_names[] = {"permanent", "temporary", "self_employed", "platform"};

double quantile(std::vector<double> values, double p) {
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  const double position = p * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(position);
  const double fraction = position - static_cast<double>(below);
  return below + 1 < values.size() ? values[below] * (1 - fraction) + values[below + 1] * fraction : values[below];
}

}  // namespace

bool FitRow::within() const {
  if (!std::isfinite(synthetic)) return false;
  const double d = std::abs(difference());
  return relative ? d <= tolerance * std::abs(target) : d <= tolerance + 1e-12;
}

std::vector<FitRow> population_fit(const std::vector<model::HostColumn>& columns,
                                   const std::vector<std::uint8_t>& attained, const model::Calibration& c,
                                   const fs::path& calibration_dir, double scale) {
  const auto age = column<std::uint8_t>(columns, "age");
  const auto sex = column<std::uint8_t>(columns, "sex");
  const auto status = column<std::uint8_t>(columns, "status");
  const auto hours = column<float>(columns, "hours");
  const auto occupation = column<std::uint16_t>(columns, "occupation");
  const auto wage = column<float>(columns, "gross_wage");
  const auto digital = column<std::uint8_t>(columns, "digital_skill");
  const auto trained = column<std::uint8_t>(columns, "trained");
  const std::size_t n = age.size();
  if (attained.size() != n) throw std::invalid_argument("population report: attained education has the wrong length");
  const std::vector<std::string> sexes = {"male", "female"};
  std::vector<FitRow> rows;
  auto share_row = [&](const std::string& table, const std::string& key, double target, double synthetic, double count) {
    rows.push_back(FitRow{table, key, target, synthetic, share_tolerance, false, count});
  };

  // Population by status band and sex (shares of the 15+ population) and the total.
  {
    double table_total = 0.0;
    double band_target[12][2] = {};
    for (int s = 0; s < 2; ++s)
      for (int a = 0; a < model::age_count; ++a) {
        band_target[model::status_band_of(model::first_age + a)][s] += c.persons[s][a];
        table_total += c.persons[s][a];
      }
    double band_count[12][2] = {};
    for (std::size_t i = 0; i < n; ++i) band_count[model::status_band_of(age[i])][sex[i]] += 1.0;
    for (int b = 0; b < 12; ++b)
      for (int s = 0; s < 2; ++s)
        share_row("population_age_sex", status_bands[b] + "/" + sexes[s], band_target[b][s] / table_total,
                  band_count[b][s] / static_cast<double>(n), static_cast<double>(n));
    FitRow total{"population_age_sex", "total persons (weighted)", table_total, static_cast<double>(n) / scale,
                 0.5 / scale + 1e-6, false, static_cast<double>(n)};
    rows.push_back(total);
  }

  // Education by age band and sex; status by age band, sex and attained education; the rest.
  // Plain arrays of counts: the full population is 5.7 million persons.
  double edu_n[model::education_band_count][2] = {}, edu_hit[model::education_band_count][2][3] = {};
  double lab_n[12][2][3] = {}, lab_hit[12][2][3][5] = {};
  double type_n[12][2] = {}, type_hit[12][2][4] = {};
  double part_n[2][12] = {}, part_hit[2][12] = {};
  double group_n[3] = {}, group_hit[3][9] = {};
  double dig_n[3][6] = {}, dig_hit[3][6][4] = {};
  enum { tr_all, tr_edu, tr_age = tr_edu + 3, tr_status = tr_age + 4, tr_contract = tr_status + 3, tr_count = tr_contract + 4 };
  double tr_n[tr_count] = {}, tr_hit[tr_count] = {};
  // Published aggregates: ER = employed / population; UR = unemployed / (employed + unemployed).
  const std::vector<std::string> er_groups = {"20-64 total", "20-64 male", "20-64 female", "55-64 total",
                                              "25-64 low", "25-64 middle", "25-64 high"};
  const std::vector<std::string> ur_groups = {"15-64 total", "15-64 male", "15-64 female", "15-64 low", "15-64 middle",
                                              "15-64 high", "15-34 total", "35-54 total", "55-64 total"};
  std::vector<double> er_n(er_groups.size()), er_hit(er_groups.size()), ur_n(ur_groups.size()), ur_hit(ur_groups.size());
  std::vector<double> full_time_wages;
  for (std::size_t i = 0; i < n; ++i) {
    const int a = age[i], s = sex[i], e = attained[i], st = status[i];
    const int broad = model::broad_status(static_cast<std::uint8_t>(st));
    const bool employed = model::is_employed(static_cast<std::uint8_t>(st));
    const int eb = model::education_band_of(a), sb = model::status_band_of(a), db = model::digital_band_of(a);
    edu_n[eb][s] += 1;
    edu_hit[eb][s][e] += 1;
    lab_n[sb][s][e] += 1;
    lab_hit[sb][s][e][broad] += 1;
    if (employed) {
      const int k = st - model::status_employee_permanent;
      type_n[sb][s] += 1;
      type_hit[sb][s][k] += 1;
      part_n[s][sb] += 1;
      if (hours[i] < 1.0f) part_hit[s][sb] += 1;
      group_n[e] += 1;
      group_hit[e][c.occupations.at(occupation[i]).isco1 - 1] += 1;
      if (st <= model::status_employee_temporary && hours[i] >= 1.0f)
        full_time_wages.push_back(wage[i] / c.wages.annual_months);
    }
    dig_n[e][db] += 1;
    dig_hit[e][db][digital[i]] += 1;
    if (a >= 25 && a <= 64) {
      auto add = [&](int g) {
        tr_n[g] += 1;
        if (trained[i]) tr_hit[g] += 1;
      };
      add(tr_all);
      add(tr_edu + e);
      add(tr_age + (a < 35 ? 0 : a < 45 ? 1 : a < 55 ? 2 : 3));
      if (employed) add(tr_status), add(tr_contract + st - model::status_employee_permanent);
      else if (st == model::status_unemployed) add(tr_status + 1);
      else if (st == model::status_inactive) add(tr_status + 2);
    }
    auto er = [&](std::size_t g) {
      er_n[g] += 1;
      if (employed) er_hit[g] += 1;
    };
    auto ur = [&](std::size_t g) {
      if (!employed && st != model::status_unemployed) return;
      ur_n[g] += 1;
      if (st == model::status_unemployed) ur_hit[g] += 1;
    };
    if (a >= 20 && a <= 64) er(0), er(1 + static_cast<std::size_t>(s));
    if (a >= 55 && a <= 64) er(3), ur(8);
    if (a >= 25 && a <= 64) er(4 + static_cast<std::size_t>(e)), ur(3 + static_cast<std::size_t>(e));  // UR by education: 25-64, as the tables
    if (a >= 15 && a <= 64) ur(0), ur(1 + static_cast<std::size_t>(s));
    if (a >= 15 && a <= 34) ur(6);
    if (a >= 35 && a <= 54) ur(7);
  }
  auto ratio = [](double hit, double total) { return total > 0 ? hit / total : std::nan(""); };
  for (std::size_t b = 0; b < education_bands.size(); ++b)
    for (int s = 0; s < 2; ++s)
      for (int e = 0; e < education_count; ++e)
        share_row("education_by_age_sex", education_bands[b] + "/" + sexes[s] + "/" + model::education_names[e],
                  c.education_share[b][s][e], ratio(edu_hit[b][s][e], edu_n[b][s]), edu_n[b][s]);
  for (std::size_t b = 0; b < status_bands.size(); ++b)
    for (int s = 0; s < 2; ++s)
      for (int e = 0; e < education_count; ++e)
        for (int k = 0; k < model::synth_status_count; ++k)
          // A cell the education table leaves empty (no high educated at 15-19) has no share to
          // compare; the synthesis puts nobody there, as it should.
          if (lab_n[b][s][e] > 0 || c.education_share[model::education_band_of(model::first_age + 5 * static_cast<int>(b))][s][e] > 0.0)
            share_row("labour_status", status_bands[b] + "/" + sexes[s] + "/" + model::education_names[e] + "/" + broad_names[k],
                    c.status_share[b][s][e][k], ratio(lab_hit[b][s][e][k], lab_n[b][s][e]), lab_n[b][s][e]);
  {
    const CsvTable t = CsvTable::load(calibration_dir / "raw" / "vg_labour_targets_2023.csv", {"indicator", "group", "value"});
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const std::string indicator(t.text(r, "indicator"));
      if (indicator != "er" && indicator != "ur") continue;
      const std::string group(t.text(r, "group"));
      const auto& groups = indicator == "er" ? er_groups : ur_groups;
      const auto found = std::find(groups.begin(), groups.end(), group);
      if (found == groups.end()) continue;
      const auto g = static_cast<std::size_t>(found - groups.begin());
      std::string key = indicator + " " + group;
      if (indicator == "ur" && g >= 3 && g <= 5) key += " (computed on 25-64, as the tables)";
      const double hit = indicator == "er" ? er_hit[g] : ur_hit[g], total = indicator == "er" ? er_n[g] : ur_n[g];
      share_row("published_rates_2023", key, t.number(r, "value"), ratio(hit, total), total);
    }
  }
  for (std::size_t b = 0; b < status_bands.size(); ++b)
    for (int s = 0; s < 2; ++s) {
      double sum = 0.0;
      for (int k = 0; k < 4; ++k) sum += c.employment_type_share[b][s][k];
      for (int k = 0; k < 4; ++k)
        share_row("employment_type", status_bands[b] + "/" + sexes[s] + "/" + type_names[k],
                  c.employment_type_share[b][s][k] / sum, ratio(type_hit[b][s][k], type_n[b][s]), type_n[b][s]);
    }
  for (int s = 0; s < 2; ++s)
    for (std::size_t b = 0; b < status_bands.size(); ++b) {
      share_row("part_time", sexes[s] + "/" + status_bands[b], c.part_time_share[s][b], ratio(part_hit[s][b], part_n[s][b]),
                part_n[s][b]);
    }
  for (int e = 0; e < education_count; ++e) {
    double sum = 0.0;
    for (int g = 0; g < model::isco_group_count; ++g) sum += c.occupation_group_by_education[g][e];
    for (int g = 0; g < model::isco_group_count; ++g)
      share_row("occupation_by_education", std::string(model::education_names[e]) + "/isco" + std::to_string(g + 1),
                c.occupation_group_by_education[g][e] / sum, ratio(group_hit[e][g], group_n[e]), group_n[e]);
  }
  {
    const CsvTable t = CsvTable::load(calibration_dir / "wage_deciles.csv", {"percentile", "monthly_gross_fte_eur", "year"});
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const std::string p(t.text(r, "percentile"));
      if (t.number(r, "year") != 2024 || p.size() != 3 || p[0] != 'P') continue;
      const double q = std::stod(p.substr(1)) / 100.0;
      rows.push_back(FitRow{"wage_deciles", p + " monthly gross, full-time employees (EUR)", t.number(r, "monthly_gross_fte_eur"),
                            quantile(full_time_wages, q), wage_decile_tolerance, true,
                            static_cast<double>(full_time_wages.size())});
    }
  }
  for (int e = 0; e < education_count; ++e)
    for (std::size_t b = 0; b < digital_bands.size(); ++b) {
      for (int d = 0; d < model::digital_level_count; ++d)
        share_row("digital_skills", std::string(model::education_names[e]) + "/" + digital_bands[b] + "/" +
                  model::digital_level_names[d], c.digital_share[e][b][d], ratio(dig_hit[e][b][d], dig_n[e][b]), dig_n[e][b]);
    }
  {
    const model::TrainingRates& tr = c.training;
    auto add = [&](const std::string& g, int index, double target) {
      share_row("training", g + " (25-64)", target, ratio(tr_hit[index], tr_n[index]), tr_n[index]);
    };
    add("overall/all", tr_all, tr.overall);
    for (int e = 0; e < education_count; ++e) add(std::string("education/") + model::education_names[e], tr_edu + e, tr.education[e]);
    const char* ages[] = {"25-34", "35-44", "45-54", "55-64"};
    for (int b = 0; b < 4; ++b) add(std::string("age_band/") + ages[b], tr_age + b, tr.age_band[b]);
    const char* statuses[] = {"employed", "unemployed", "inactive"};
    for (int s = 0; s < 3; ++s) add(std::string("status/") + statuses[s], tr_status + s, tr.status[s]);
    for (int k = 0; k < 4; ++k) add(std::string("contract/") + type_names[k], tr_contract + k, tr.contract[k]);
  }
  return rows;
}

void write_fit_csv(const std::vector<FitRow>& rows, const fs::path& out) {
  write_atomically(out, [&](const fs::path& partial) {
    std::ofstream f(partial);
    if (!f) throw std::runtime_error(out.string() + ": cannot write the report");
    f << "target_table,key,target,synthetic,difference,within_tolerance,tolerance,n\n";
    for (const auto& r : rows)
      f << r.table << ",\"" << r.key << "\"," << fmt::format("{:.10g},{:.10g},{:.10g}", r.target, r.synthetic, r.difference())
        << "," << (r.within() ? "true" : "false") << "," << fmt::format("{:.10g}", r.relative ? r.tolerance * r.target : r.tolerance)
        << "," << fmt::format("{:.0f}", r.n) << "\n";
    if (!f) throw std::runtime_error(out.string() + ": cannot write the report");
  });
}

std::string fit_summary(const std::vector<FitRow>& rows) {
  std::ostringstream out;
  std::vector<std::string> order;
  std::map<std::string, std::vector<const FitRow*>> by_table;
  for (const auto& r : rows) {
    if (!by_table.count(r.table)) order.push_back(r.table);
    by_table[r.table].push_back(&r);
  }
  out << fmt::format("  {:<26}{:>6}{:>6}  {}\n", "target table", "rows", "met", "largest difference");
  std::size_t met_all = 0;
  for (const auto& table : order) {
    std::size_t met = 0;
    const FitRow* worst = nullptr;
    double worst_d = -1.0;
    for (const FitRow* r : by_table[table]) {
      met += r->within() ? 1 : 0;
      if (r->key.starts_with("total")) continue;  // a count, reported as a row of its own
      const double d = r->relative ? std::abs(r->difference() / r->target) : std::abs(r->difference());
      if (d > worst_d) worst_d = d, worst = r;
    }
    met_all += met;
    out << fmt::format("  {:<26}{:>6}{:>6}  {}\n", table, by_table[table].size(), met,
                       worst->relative ? fmt::format("{:+.2f}% ({})", 100.0 * worst->difference() / worst->target, worst->key)
                                       : fmt::format("{:+.3f} pp ({})", 100.0 * worst->difference(), worst->key));
  }
  out << fmt::format("  {} of {} targets within tolerance (shares 0.5 pp, wage deciles 2%)\n", met_all, rows.size());
  for (const auto& r : rows)
    if (!r.within())
      out << fmt::format("  NOT MET  {} {}: target {:.4f}, synthetic {:.4f}, difference {:+.4f} (n = {:.0f})\n", r.table,
                         r.key, r.target, r.synthetic, r.difference(), r.n);
  return out.str();
}

}  // namespace ts::app
