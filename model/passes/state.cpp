// Copies the calibration tables to the device once per simulation.
#include "model/passes/state.hpp"

#include "kernels/det_math.hpp"
#include <stdexcept>

namespace ts::model {
namespace {

template <class T>
thrust::device_vector<T> to_device(const std::vector<T>& host) {
  return thrust::device_vector<T>(host.begin(), host.end());
}

template <class Array>
std::vector<double> flatten(const Array& array) {
  const double* first = &array[0][0];
  return std::vector<double>(first, first + sizeof(array) / sizeof(double));
}

template <class T>
const T* raw(const thrust::device_vector<T>& v) {
  return thrust::raw_pointer_cast(v.data());
}

}  // namespace

Simulation::State::State(const Calibration& c, const ScenarioParameters& p, const EnergyParameters& e,
                         const TaxBenefitRules& r, const RunSettings& s, const GlobalSum& g)
    : calibration(c), parameters(p), energy(e), rules(r), settings(s), global_sum(g) {
  if (c.occupations.empty()) throw std::invalid_argument("calibration has no occupations");
  std::vector<float> tasks, frey_osborne;
  std::vector<std::uint8_t> isco1;
  std::vector<double> weight;
  std::vector<int> first(isco_group_count + 1, 0);
  for (const Occupation& o : c.occupations) {
    // Occupation draws search the running sums of the weights, which must not decrease.
    if (!(o.weight >= 0.0)) throw std::invalid_argument("calibration has a negative occupation weight");
    for (double share : o.tasks) tasks.push_back(static_cast<float>(share));
    isco1.push_back(static_cast<std::uint8_t>(o.isco1));
    frey_osborne.push_back(static_cast<float>(o.frey_osborne));
    weight.push_back(o.weight);
  }
  for (int g = 1; g <= isco_group_count; ++g) {
    int count = 0;
    for (const Occupation& o : c.occupations) count += o.isco1 <= g;
    first[static_cast<std::size_t>(g)] = count;
    if (count == first[static_cast<std::size_t>(g - 1)])
      throw std::invalid_argument("calibration has no occupation in ISCO major group " + std::to_string(g));
  }
  occupation_tasks = to_device(tasks);
  occupation_frey_osborne = to_device(frey_osborne);
  occupation_isco1 = to_device(isco1);
  occupation_tercile = thrust::device_vector<std::uint8_t>(isco1.size(), 1);
  occupation_weight = to_device(weight);
  // Summed in the order of draw_occupation_in_group's scan, so its totals have the same bits.
  std::vector<double> cumulative(weight.size());
  for (int g = 0; g < isco_group_count; ++g) {
    double sum = 0.0;
    for (int o = first[static_cast<std::size_t>(g)]; o < first[static_cast<std::size_t>(g + 1)]; ++o)
      cumulative[static_cast<std::size_t>(o)] = sum += weight[static_cast<std::size_t>(o)];
  }
  occupation_cumulative_weight = to_device(cumulative);
  group_first = to_device(first);
  death_probability = to_device(flatten(c.death_probability));
  retirement_exit = to_device(flatten(c.retirement_exit_rate));
  std::vector<double> types;
  for (const auto& band : c.employment_type_share)
    for (const auto& sex : band)
      for (double share : sex) types.push_back(share);
  employment_type_share = to_device(types);
  part_time_share = to_device(flatten(c.part_time_share));
  part_time_fte = to_device(flatten(c.part_time_fte));
  std::vector<double> digital;
  for (const auto& edu : c.digital_share)
    for (const auto& band : edu)
      for (double share : band) digital.push_back(share);
  digital_share = to_device(digital);
  province_share = to_device(std::vector<double>(c.province_share, c.province_share + province_count));
  group_by_education = to_device(flatten(c.occupation_group_by_education));
  std::vector<double> statuses;
  for (const auto& band : c.status_share)
    for (const auto& sex : band)
      for (const auto& edu : sex)
        for (double share : edu) statuses.push_back(share);
  status_share = to_device(statuses);
  group_mean_tasks = thrust::device_vector<double>(isco_group_count * task_category_count, 0.2);
  globals.year = s.base_year;
}

TablesView Simulation::State::tables() const {
  return TablesView{raw(occupation_tasks),  raw(occupation_isco1),   raw(occupation_tercile), raw(occupation_frey_osborne),
                    raw(occupation_weight), raw(occupation_cumulative_weight), raw(group_first),        raw(death_probability),
                    raw(retirement_exit),   raw(employment_type_share), raw(part_time_share),
                    raw(part_time_fte),     raw(digital_share),      raw(province_share),
                    raw(group_by_education), raw(status_share),      raw(group_mean_tasks)};
}

double Simulation::State::group_log_wage(int group) const {
  return calibration.wages.premium_isco1[group] + globals.group_wage_drift[group] + globals.tightness_premium[group];
}

WageTerms Simulation::State::wage_terms() const {
  const WageStructure& w = calibration.wages;
  WageTerms terms{};
  terms.log_median_monthly = det_log(w.deciles_monthly_fte_2024[4]) + globals.log_wage_intercept +
                             det_log(globals.real_wage_index);
  for (int e = 0; e < education_count; ++e) terms.premium_education[e] = w.premium_education[e];
  terms.experience_linear = w.experience_linear;
  terms.experience_quadratic = w.experience_quadratic;
  for (int g = 0; g < isco_group_count; ++g) terms.group_level[g] = group_log_wage(g);
  for (int t = 0; t < employment_type_count; ++t) terms.gap_type[t] = w.gap_type[t];
  terms.female_gap = w.female_gap;
  terms.skill_return = w.skill_stock_return;
  terms.annual_months = w.annual_months;
  return terms;
}

void Simulation::State::remove_unkept_persons() {
  const std::size_t n = population.size();
  status_at_start.resize(n);
  // The wages and the tax-benefit accounts are set for every person by the income pass, and
  // nothing reads them before it (the labour-supply pass, which reads the wages, runs before
  // this compaction): moving them would be 28 of the 94 bytes a record moves, for nothing.
  const PersonView p = population.view();
  population.compact(keep, {p.gross_wage, p.capital_income, p.benefits, p.pension, p.contributions, p.taxes,
                            p.disposable_income});
  population.compact_alongside(status_at_start, status_at_start_spare, keep);
}

}  // namespace ts::model
