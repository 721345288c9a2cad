// The order of a simulated year (ARCHITECTURE.md, "A year, step by step"): technology from
// the scenario, the labour-supply pass, entrants, matching, wages and incomes, indicators.
// Between passes only all-reduced integer totals couple the shards.
#include <algorithm>

#include "kernels/exact_histogram.hpp"
#include "kernels/fixed_point.hpp"
#include "model/passes/entrants.hpp"
#include "model/passes/passes.hpp"
#include "model/passes/person_access.hpp"
#include "model/technology_k.hpp"

namespace ts::model {
namespace {

// Shares of each category adopted by employers in each occupation group this year.
void adoption(const Simulation::State& s, int year, double adopted[isco_group_count][task_category_count],
              double capability[task_category_count]) {
  const TechnologyParameters& t = s.parameters.technology;
  const double cost = automation_cost(t, year, s.settings.base_year);
  for (int k = 0; k < task_category_count; ++k) capability[k] = automation_capability(t, k, year, s.settings.base_year);
  for (int g = 0; g < isco_group_count; ++g) {
    const double relative_wage = det_exp(s.group_log_wage(g));
    const double rate = adoption_rate(t, relative_wage, cost);
    for (int k = 0; k < task_category_count; ++k) adopted[g][k] = capability[k] * rate;
  }
}

// Base-year structure the outputs are measured against: the wage tercile of every 4-digit
// occupation (by mean FTE wage, terciles of employment) and mean task bundles per group.
struct OccupationStructure {
  PersonView p;
  TablesView t;
  int occupations;
  template <class Add>
  TS_HD void operator()(std::size_t i, Add& add) const {
    if (!is_employed(p.status[i])) return;
    const int o = p.occupation[i];
    add(o, 1);
    add(occupations + o, euros_to_cents(p.gross_wage[i] / (p.hours[i] > 0.0f ? p.hours[i] : 1.0f)));
    const int g = t.occupation_isco1[o] - 1;
    add(2 * occupations + g, 1);
    const TaskBundle tasks = load_tasks(p, i);
    for (int k = 0; k < task_category_count; ++k)
      add(2 * occupations + isco_group_count + g * task_category_count + k, share_to_fixed(tasks.share[k]));
  }
};

void measure_base_structure(Simulation::State& s) {
  const int occupations = static_cast<int>(s.calibration.occupations.size());
  const std::vector<std::int64_t> h = global_histogram(
      s, exact_histogram(s.population.size(), 2 * occupations + isco_group_count * (1 + task_category_count),
                         OccupationStructure{s.population.view(), s.tables(), occupations}));
  std::vector<int> order(static_cast<std::size_t>(occupations));
  for (int o = 0; o < occupations; ++o) order[static_cast<std::size_t>(o)] = o;
  auto mean_wage = [&](int o) {
    const auto count = h[static_cast<std::size_t>(o)];
    return count > 0 ? static_cast<double>(h[static_cast<std::size_t>(occupations + o)]) / static_cast<double>(count) : 0.0;
  };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return mean_wage(a) < mean_wage(b); });
  double total = 0.0;
  for (int o = 0; o < occupations; ++o) total += static_cast<double>(h[static_cast<std::size_t>(o)]);
  std::vector<std::uint8_t> tercile(static_cast<std::size_t>(occupations));
  double cumulative = 0.0;
  for (int o : order) {
    const double middle = cumulative + 0.5 * static_cast<double>(h[static_cast<std::size_t>(o)]);
    tercile[static_cast<std::size_t>(o)] = static_cast<std::uint8_t>(std::min(2.0, 3.0 * middle / std::max(1.0, total)));
    cumulative += static_cast<double>(h[static_cast<std::size_t>(o)]);
  }
  s.occupation_tercile = thrust::device_vector<std::uint8_t>(tercile.begin(), tercile.end());
  std::vector<double> group_tasks(isco_group_count * task_category_count, 0.2);
  for (int g = 0; g < isco_group_count; ++g) {
    const double count = static_cast<double>(h[static_cast<std::size_t>(2 * occupations + g)]);
    if (count <= 0.0) continue;
    for (int k = 0; k < task_category_count; ++k)
      group_tasks[static_cast<std::size_t>(g * task_category_count + k)] =
          fixed_to_share(h[static_cast<std::size_t>(2 * occupations + isco_group_count + g * task_category_count + k)]) / count;
  }
  s.group_mean_tasks = thrust::device_vector<double>(group_tasks.begin(), group_tasks.end());
}

struct NoTransitions {
  std::uint8_t* status_at_start;
  TS_HD void operator()(std::size_t i) const { status_at_start[i] = entrant_status; }
};

}  // namespace

std::vector<std::int64_t> global_histogram(const Simulation::State& s, std::vector<std::int64_t> local) {
  s.global_sum.sum_in_place(local);
  return local;
}

Simulation::Simulation(const Calibration& calibration, const ScenarioParameters& parameters,
                       const EnergyParameters& energy, const TaxBenefitRules& rules, const RunSettings& settings,
                       const GlobalSum& global_sum)
    : state_(std::make_unique<State>(calibration, parameters, energy, rules, settings, global_sum)) {}

Simulation::~Simulation() = default;

int Simulation::year() const { return state_->globals.year; }
std::uint64_t Simulation::local_persons() const { return state_->population.size(); }
std::size_t Simulation::bytes_per_person() { return Population::bytes_per_record; }

Indicators finish_base_year(Simulation::State& s) {
  s.globals.year = s.settings.base_year;
  calibrate_base_year_training(s);
  const IncomeTotals incomes = income_pass(s);
  measure_base_structure(s);  // needs the base-year wages
  s.status_at_start.resize(s.population.size());
  parallel_for(s.population.size(), NoTransitions{thrust::raw_pointer_cast(s.status_at_start.data())});
  YearTechnology technology{};
  adoption(s, s.settings.base_year, s.globals.adopted, technology.capability);
  const Indicators indicators = indicator_pass(s, incomes, technology, {}, SupplyTotals{});
  for (int e = 0; e < education_count; ++e) s.globals.base_unemployment_rate[e] = indicators.unemployment_rate_by_education[e];
  return indicators;
}

Indicators Simulation::start() {
  State& s = *state_;
  s.globals.year = s.settings.base_year;
  synthesize_population(s);
  return finish_base_year(s);
}

Indicators Simulation::advance() { return advance_year(*state_); }

YearTechnology begin_year(Simulation::State& s) {
  CarriedGlobals& g = s.globals;
  g.year += 1;
  YearTechnology technology{};
  double adopted[isco_group_count][task_category_count];
  adoption(s, g.year, adopted, technology.capability);
  double pace = 0.0;
  for (int o = 0; o < isco_group_count; ++o)
    for (int k = 0; k < task_category_count; ++k) {
      const double before = g.adopted[o][k];
      const double newly = adopted[o][k] > before ? (adopted[o][k] - before) / (1.0 - before) : 0.0;
      technology.newly_adopted[o][k] = newly;
      pace += newly / (isco_group_count * task_category_count);
      g.adopted[o][k] = std::max(before, adopted[o][k]);
    }
  technology.pace = pace;
  return technology;
}

Indicators advance_year(Simulation::State& s) {
  const YearTechnology technology = begin_year(s);
  CarriedGlobals& g = s.globals;
  SupplyTotals supply = labour_supply_pass(s, technology);
  add_entrants(s);
  if (s.parameters.alignment.population) align_population(s, supply);
  const bool settling = g.year <= s.settings.base_year + settling_years;
  const std::array<double, isco_group_count> vacancies = matching_pass(s, supply, technology);
  // Occupation-group wage levels: the productivity of the remaining, augmented workers
  // accumulates; tightness (vacancies per job seeker) sets a level relative to the tightness the
  // flows settle at, measured over the settling years.
  for (int o = 0; o < isco_group_count; ++o) {
    double seekers = 0.0;
    for (int e = 0; e < education_count; ++e) seekers += supply.seekers_by_group[o][e];
    const double tightness = std::max(0.01, vacancies[static_cast<std::size_t>(o)] / std::max(1.0, seekers));
    if (settling) g.base_tightness[o] = tightness;
    g.tightness_premium[o] = s.parameters.wages.tightness_elasticity * det_log(tightness / g.base_tightness[o]);
    const double employed = std::max(1.0, supply.employed_after_separations[o]);
    g.group_wage_drift[o] += s.parameters.wages.augmentation_premium * supply.displaced_fte_by_group[o] / employed;
  }
  for (int k = 0; k < task_category_count; ++k) g.automated_fte[k] += supply.displaced_fte_by_task[k];
  g.real_wage_index *= 1.0 + s.parameters.wages.productivity_growth;
  const IncomeTotals incomes = income_pass(s);
  return indicator_pass(s, incomes, technology, vacancies, supply);
}

}  // namespace ts::model
