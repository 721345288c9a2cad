#include "app/population_report.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include <fmt/core.h>

#include "app/csv_table.hpp"
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

const std::vector<std::string> status_bands = {"15-19", "20-24", "25-29", "30-34", "35-39", "40-44",
                                               "45-49", "50-54", "55-59", "60-64", "65-69", "70+"};
const std::vector<std::string> education_bands = {"15-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"};
const std::vector<std::string> digital_bands = {"15-24", "25-34", "35-44", "45-54", "55-64", "65+"};
const char* const broad_names[] = {"in_education", "employed", "unemployed", "inactive", "retired"};
const char* const type_names[] = {"permanent", "temporary", "self_employed", "platform"};

// Counts of persons in groups, each with a numerator per outcome.
struct Tally {
  std::map<std::string, double> total;
  std::map<std::string, double> hits;
  void add(const std::string& group, const std::string& outcome, bool hit) {
    total[group] += 1.0;
    if (hit) hits[group + "/" + outcome] += 1.0;
  }
  void denominator(const std::string& group) { total[group] += 1.0; }
  void hit(const std::string& group, const std::string& outcome) { hits[group + "/" + outcome] += 1.0; }
  double share(const std::string& group, const std::string& outcome) const {
    const auto t = total.find(group);
    if (t == total.end() || t->second <= 0.0) return std::nan("");
    const auto h = hits.find(group + "/" + outcome);
    return (h == hits.end() ? 0.0 : h->second) / t->second;
  }
  double n(const std::string& group) const {
    const auto t = total.find(group);
    return t == total.end() ? 0.0 : t->second;
  }
};

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

  // Education by age band and sex; status by age band, sex and attained education.
  Tally education, labour, type, part, group, digit, training;
  // Published aggregates.
  Tally aggregates;
  std::vector<double> full_time_wages;
  for (std::size_t i = 0; i < n; ++i) {
    const int a = age[i], s = sex[i], e = attained[i], st = status[i];
    const int broad = model::broad_status(static_cast<std::uint8_t>(st));
    const bool employed = model::is_employed(static_cast<std::uint8_t>(st));
    const std::string eband = education_bands[static_cast<std::size_t>(model::education_band_of(a))] + "/" + sexes[s];
    education.denominator(eband);
    education.hit(eband, model::education_names[e]);
    const std::string sband = status_bands[static_cast<std::size_t>(model::status_band_of(a))] + "/" + sexes[s];
    const std::string cell = sband + "/" + model::education_names[e];
    labour.denominator(cell);
    labour.hit(cell, broad_names[broad]);
    if (employed) {
      type.denominator(sband);
      type.hit(sband, type_names[st - model::status_employee_permanent]);
      const std::string pband = sexes[s] + "/" + status_bands[static_cast<std::size_t>(model::status_band_of(a))];
      part.denominator(pband);
      if (hours[i] < 1.0f) part.hit(pband, "part_time");
      group.denominator(model::education_names[e]);
      group.hit(model::education_names[e], "isco" + std::to_string(c.occupations.at(occupation[i]).isco1));
      if (st <= model::status_employee_temporary && hours[i] >= 1.0f)
        full_time_wages.push_back(wage[i] / c.wages.annual_months);
    }
    const std::string dband = std::string(model::education_names[e]) + "/" +
                              digital_bands[static_cast<std::size_t>(model::digital_band_of(a))];
    digit.denominator(dband);
    digit.hit(dband, model::digital_level_names[digital[i]]);
    if (a >= 25 && a <= 64) {
      auto add = [&](const std::string& g) {
        training.denominator(g);
        if (trained[i]) training.hit(g, "trained");
      };
      add("overall/all");
      add(std::string("education/") + model::education_names[e]);
      add(std::string("age_band/") + (a < 35 ? "25-34" : a < 45 ? "35-44" : a < 55 ? "45-54" : "55-64"));
      if (employed) add("status/employed");
      else if (st == model::status_unemployed) add("status/unemployed");
      else if (st == model::status_inactive) add("status/inactive");
      if (employed) add(std::string("contract/") + type_names[st - model::status_employee_permanent]);
    }
    // ER: employed / population; UR: unemployed / (employed + unemployed).
    auto er = [&](const std::string& g) {
      aggregates.denominator("er " + g);
      if (employed) aggregates.hit("er " + g, "rate");
    };
    auto ur = [&](const std::string& g) {
      if (!employed && st != model::status_unemployed) return;
      aggregates.denominator("ur " + g);
      if (st == model::status_unemployed) aggregates.hit("ur " + g, "rate");
    };
    if (a >= 20 && a <= 64) er("20-64 total"), er("20-64 " + sexes[s]);
    if (a >= 55 && a <= 64) er("55-64 total");
    if (a >= 25 && a <= 64) er(std::string("25-64 ") + model::education_names[e]);
    if (a >= 15 && a <= 64) ur("15-64 total"), ur("15-64 " + sexes[s]);
    if (a >= 25 && a <= 64) ur(std::string("15-64 ") + model::education_names[e]);  // applied to 25-64
    if (a >= 15 && a <= 34) ur("15-34 total");
    if (a >= 35 && a <= 54) ur("35-54 total");
    if (a >= 55 && a <= 64) ur("55-64 total");
  }
  for (std::size_t b = 0; b < education_bands.size(); ++b)
    for (int s = 0; s < 2; ++s) {
      const std::string g = education_bands[b] + "/" + sexes[s];
      for (int e = 0; e < education_count; ++e)
        share_row("education_by_age_sex", g + "/" + model::education_names[e], c.education_share[b][s][e],
                  education.share(g, model::education_names[e]), education.n(g));
    }
  for (std::size_t b = 0; b < status_bands.size(); ++b)
    for (int s = 0; s < 2; ++s)
      for (int e = 0; e < education_count; ++e) {
        const std::string g = status_bands[b] + "/" + sexes[s] + "/" + model::education_names[e];
        for (int k = 0; k < model::synth_status_count; ++k)
          share_row("labour_status", g + "/" + broad_names[k], c.status_share[b][s][e][k], labour.share(g, broad_names[k]),
                    labour.n(g));
      }
  {
    const CsvTable t = CsvTable::load(calibration_dir / "raw" / "vg_labour_targets_2023.csv", {"indicator", "group", "value"});
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const std::string indicator(t.text(r, "indicator"));
      if (indicator != "er" && indicator != "ur") continue;
      const std::string g = indicator + " " + std::string(t.text(r, "group"));
      if (aggregates.n(g) <= 0.0) continue;
      std::string key = g;
      if (indicator == "ur" && g.find("15-64 ") != std::string::npos &&
          (g.ends_with("low") || g.ends_with("middle") || g.ends_with("high")))
        key += " (computed on 25-64, as the tables)";
      share_row("published_rates_2023", key, t.number(r, "value"), aggregates.share(g, "rate"), aggregates.n(g));
    }
  }
  for (std::size_t b = 0; b < status_bands.size(); ++b)
    for (int s = 0; s < 2; ++s) {
      const std::string g = status_bands[b] + "/" + sexes[s];
      double sum = 0.0;
      for (int k = 0; k < 4; ++k) sum += c.employment_type_share[b][s][k];
      for (int k = 0; k < 4; ++k)
        share_row("employment_type", g + "/" + type_names[k], c.employment_type_share[b][s][k] / sum,
                  type.share(g, type_names[k]), type.n(g));
    }
  for (int s = 0; s < 2; ++s)
    for (std::size_t b = 0; b < status_bands.size(); ++b) {
      const std::string g = sexes[s] + "/" + status_bands[b];
      share_row("part_time", g, c.part_time_share[s][b], part.share(g, "part_time"), part.n(g));
    }
  for (int e = 0; e < education_count; ++e) {
    double sum = 0.0;
    for (int g = 0; g < model::isco_group_count; ++g) sum += c.occupation_group_by_education[g][e];
    for (int g = 0; g < model::isco_group_count; ++g)
      share_row("occupation_by_education", std::string(model::education_names[e]) + "/isco" + std::to_string(g + 1),
                c.occupation_group_by_education[g][e] / sum,
                group.share(model::education_names[e], "isco" + std::to_string(g + 1)), group.n(model::education_names[e]));
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
      const std::string g = std::string(model::education_names[e]) + "/" + digital_bands[b];
      for (int d = 0; d < model::digital_level_count; ++d)
        share_row("digital_skills", g + "/" + model::digital_level_names[d], c.digital_share[e][b][d],
                  digit.share(g, model::digital_level_names[d]), digit.n(g));
    }
  {
    const model::TrainingRates& tr = c.training;
    auto add = [&](const std::string& g, double target) {
      share_row("training", g + " (25-64)", target, training.share(g, "trained"), training.n(g));
    };
    add("overall/all", tr.overall);
    for (int e = 0; e < education_count; ++e) add(std::string("education/") + model::education_names[e], tr.education[e]);
    const char* ages[] = {"25-34", "35-44", "45-54", "55-64"};
    for (int b = 0; b < 4; ++b) add(std::string("age_band/") + ages[b], tr.age_band[b]);
    const char* statuses[] = {"employed", "unemployed", "inactive"};
    for (int s = 0; s < 3; ++s) add(std::string("status/") + statuses[s], tr.status[s]);
    for (int k = 0; k < 4; ++k) add(std::string("contract/") + type_names[k], tr.contract[k]);
  }
  return rows;
}

void write_fit_csv(const std::vector<FitRow>& rows, const fs::path& out) {
  const fs::path partial = out.string() + ".partial-" + std::to_string(::getpid());
  {
    std::ofstream f(partial);
    if (!f) throw std::runtime_error(out.string() + ": cannot write the report");
    f << "target_table,key,target,synthetic,difference,within_tolerance,tolerance,n\n";
    for (const auto& r : rows)
      f << r.table << ",\"" << r.key << "\"," << fmt::format("{:.10g},{:.10g},{:.10g}", r.target, r.synthetic, r.difference())
        << "," << (r.within() ? "true" : "false") << "," << fmt::format("{:.10g}", r.relative ? r.tolerance * r.target : r.tolerance)
        << "," << fmt::format("{:.0f}", r.n) << "\n";
    if (!f) throw std::runtime_error(out.string() + ": cannot write the report");
  }
  fs::rename(partial, out);
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
