#include "app/output_dataset.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace ts::app {
namespace {

using model::IndicatorDim;

// Coordinate labels of each group dimension; the orders follow the model's codes.
std::vector<Dimension> group_dimensions(IndicatorDim dim) {
  switch (dim) {
    case IndicatorDim::scalar: return {};
    case IndicatorDim::status:
      return {{"status", {"in_education", "employed", "unemployed", "inactive", "retired"}, {}, "", "Labour-market status"}};
    case IndicatorDim::transitions:
      return {{"status_from", {"in_education", "employed", "unemployed", "inactive", "retired"}, {}, "", "Status at the start of the year"},
              {"status_to", {"in_education", "employed", "unemployed", "inactive", "retired"}, {}, "", "Status at the end of the year"}};
    case IndicatorDim::education:
      return {{"education", {"low", "middle", "high"}, {}, "", "Highest attained education (ISCED 0-2, 3-4, 5-8)"}};
    case IndicatorDim::occupation:
      return {{"occupation",
               {"isco1_managers", "isco2_professionals", "isco3_technicians", "isco4_clerks", "isco5_service_sales",
                "isco6_agriculture", "isco7_craft", "isco8_operators", "isco9_elementary"},
               {}, "", "ISCO-08 major group"}};
    case IndicatorDim::wage_tercile:
      return {{"wage_tercile", {"low_paid", "middle_paid", "high_paid"}, {}, "", "Tercile of the base-year occupational wage ranking"}};
    case IndicatorDim::task:
      return {{"task", {"analytic", "interpersonal", "routine_cognitive", "routine_manual", "manual"}, {}, "", "Task category"}};
    case IndicatorDim::digital_skill:
      return {{"digital_skill", {"none", "basic", "advanced", "specialist"}, {}, "", "Digital-skill level (OECD)"}};
    case IndicatorDim::revenue_source:
      return {{"revenue_source", {"employee_contributions", "employer_contributions", "self_employed_contributions", "automation_tax"}, {}, "", "Social-security revenue source"}};
    case IndicatorDim::age_band:
      return {{"age_band", {"15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64", "65-69", "70+"}, {}, "", "Age band"}};
    case IndicatorDim::sex_age_band: {
      std::vector<Dimension> dims = {{"sex", {"male", "female"}, {}, "", "Sex"}};
      dims.push_back(group_dimensions(IndicatorDim::age_band).front());
      return dims;
    }
    case IndicatorDim::spending_branch:
      return {{"spending_branch", {"unemployment", "pensions", "social_assistance", "basic_income", "other_branches_net"}, {}, "", "Social-security spending branch"}};
  }
  return {};
}

struct IndicatorInfo {
  const char* name;
  IndicatorDim dim;
  const char* units;
  const char* long_name;
};

#define TS_INDICATOR_INFO(name, dim, units, long_name) IndicatorInfo{#name, IndicatorDim::dim, units, long_name},
constexpr IndicatorInfo indicator_info[] = {TS_INDICATORS(TS_INDICATOR_INFO)};
#undef TS_INDICATOR_INFO

// The values of indicator number `index` of one year, in the order of indicator_info.
std::vector<std::vector<double>> values_by_indicator(const model::Indicators& r) {
  std::vector<std::vector<double>> values;
#define TS_INDICATOR_VALUES(name, dim, units, long_name) values.emplace_back(r.name.begin(), r.name.end());
  TS_INDICATORS(TS_INDICATOR_VALUES)
#undef TS_INDICATOR_VALUES
  return values;
}

}  // namespace

Dataset indicators_dataset(const std::vector<std::vector<model::Indicators>>& indicators,
                           const std::vector<int>& replica_ids) {
  if (indicators.empty() || indicators.front().empty()) throw std::invalid_argument("no indicators to write");
  Dataset ds;
  Dimension year{"year", {}, {}, "year", "Calendar year (state at the end of the year)"};
  for (const auto& r : indicators.front()) year.values.push_back(r.year);
  Dimension replica{"replica", {}, {}, "1", "Ensemble replica"};
  for (int id : replica_ids) replica.values.push_back(id);
  ds.dims = {year, replica};
  for (IndicatorDim d : {IndicatorDim::status, IndicatorDim::transitions, IndicatorDim::education, IndicatorDim::occupation,
                         IndicatorDim::wage_tercile, IndicatorDim::task, IndicatorDim::digital_skill,
                         IndicatorDim::revenue_source, IndicatorDim::spending_branch, IndicatorDim::age_band, IndicatorDim::sex_age_band})
    for (Dimension& g : group_dimensions(d))
      if (std::none_of(ds.dims.begin(), ds.dims.end(), [&](const Dimension& known) { return known.name == g.name; }))
        ds.dims.push_back(g);

  const std::size_t years = year.values.size();
  const std::size_t replicas = indicators.size();
  std::vector<std::vector<std::vector<std::vector<double>>>> values(replicas);  // [replica][year][indicator][group]
  for (std::size_t r = 0; r < replicas; ++r) {
    if (indicators[r].size() != years) throw std::invalid_argument("replicas cover different years");
    for (const auto& yearly : indicators[r]) values[r].push_back(values_by_indicator(yearly));
  }
  for (std::size_t v = 0; v < std::size(indicator_info); ++v) {
    const IndicatorInfo& info = indicator_info[v];
    Variable var;
    var.name = info.name;
    var.long_name = info.long_name;
    var.units = info.units;
    var.dims = {"year", "replica"};
    for (const Dimension& g : group_dimensions(info.dim)) var.dims.push_back(g.name);
    for (std::size_t y = 0; y < years; ++y)
      for (std::size_t r = 0; r < replicas; ++r)
        for (double x : values[r][y][v]) var.data.push_back(x);
    ds.variables.push_back(std::move(var));
  }
  return ds;
}

std::string outputs_markdown() {
  std::ostringstream out;
  out << "| variable | dimensions | units | meaning |\n|---|---|---|---|\n";
  for (const IndicatorInfo& info : indicator_info) {
    std::string dims = "year, replica";
    for (const Dimension& g : group_dimensions(info.dim)) dims += ", " + g.name;
    out << "| `" << info.name << "` | " << dims << " | " << info.units << " | " << info.long_name << " |\n";
  }
  return out.str();
}

}  // namespace ts::app
