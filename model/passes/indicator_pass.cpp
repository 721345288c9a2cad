// The yearly indicators from one exact histogram over the population: counts, fixed-point sums
// and fine income histograms, all-reduced, then turned into rates, shares and distribution
// statistics on the host. Also carries the end-of-year employment into next year's demand.
#include <utility>
#include <vector>

#include "kernels/exact_histogram.hpp"
#include "model/passes/indicator_contribution.hpp"
#include "model/passes/passes.hpp"

namespace ts::model {
namespace {

using indicator::Layout;

double ratio(double a, double b) { return b > 0.0 ? a / b : 0.0; }

// Adds the income histogram at `offset` (for each bin its count, then its sum in cents) to counts and sums.
void add_histogram(const std::vector<std::int64_t>& h, int offset, std::vector<std::int64_t>& counts,
                   std::vector<std::int64_t>& sums) {
  for (std::size_t b = 0; b < counts.size(); ++b) {
    counts[b] += h[static_cast<std::size_t>(offset) + 2 * b];
    sums[b] += h[static_cast<std::size_t>(offset) + 2 * b + 1];
  }
}

LogBinnedDistribution distribution_at(const std::vector<std::int64_t>& h, const Layout& layout, int offset) {
  std::vector<std::int64_t> counts(static_cast<std::size_t>(layout.bins), 0), sums(counts);
  add_histogram(h, offset, counts, sums);
  return LogBinnedDistribution(std::move(counts), std::move(sums));
}

// The disposable-income histogram of all adults: the sum of the education histograms.
LogBinnedDistribution adult_distribution(const std::vector<std::int64_t>& h, const Layout& layout) {
  std::vector<std::int64_t> counts(static_cast<std::size_t>(layout.bins), 0), sums(counts);
  for (int e = 0; e < education_count; ++e) add_histogram(h, layout.education_histogram(e), counts, sums);
  return LogBinnedDistribution(std::move(counts), std::move(sums));
}

// Cents of disposable income of the adults with education e: the sums of their histogram.
std::int64_t disposable_cents(const std::vector<std::int64_t>& h, const Layout& layout, int e) {
  std::int64_t total = 0;
  for (int b = 0; b < layout.bins; ++b) total += h[static_cast<std::size_t>(layout.education_histogram(e) + 2 * b + 1)];
  return total;
}

}  // namespace

Indicators indicator_pass(Simulation::State& s, const IncomeTotals& incomes, const YearTechnology& technology,
                          const std::array<double, isco_group_count>& vacancies, const SupplyTotals& supply) {
  const Layout layout{s.bins.bin_count()};
  indicator::Contribution contribution{};
  contribution.p = s.population.view();
  contribution.t = s.tables();
  contribution.status_at_start = thrust::raw_pointer_cast(s.status_at_start.data());
  for (int k = 0; k < task_category_count; ++k) contribution.capability[k] = technology.capability[k];
  contribution.bins = s.bins;
  contribution.edges = &log_bin_edges(s.bins);
  contribution.layout = layout;
  contribution.count = s.population.size();
  contribution.occupation_count = static_cast<int>(s.occupation_isco1.size());
  const std::size_t groups = (contribution.count + indicator::Contribution::lanes - 1) / indicator::Contribution::lanes;
  const std::vector<std::int64_t> h = global_histogram(s, exact_histogram(groups, layout.total(), contribution));
  auto at = [&](int bin) { return static_cast<double>(h[static_cast<std::size_t>(bin)]); };
  const double weight = s.person_weight();
  CarriedGlobals& g = s.globals;

  Indicators r;
  r.year = g.year;
  double persons = 0.0;
  for (int b = 0; b < 5; ++b) {
    r.population_by_status[b] = at(Layout::status + b) * weight;
    persons += at(Layout::status + b);
  }
  r.persons[0] = persons * weight;
  for (int b = 0; b < 25; ++b) r.status_transitions[b] = at(Layout::transitions + b) * weight;
  for (int b = 0; b < 12; ++b)
    r.employment_rate_by_age_band[b] = ratio(at(Layout::age_band_employed + b), at(Layout::age_band_persons + b));
  r.employment_rate_20_64[0] = ratio(at(Layout::employed_20_64), at(Layout::pop_20_64));
  double labour_force = 0.0, unemployed = 0.0;
  for (int e = 0; e < education_count; ++e) {
    labour_force += at(Layout::labour_force_education + e);
    unemployed += at(Layout::unemployed_education + e);
    r.unemployment_rate_by_education[e] = ratio(at(Layout::unemployed_education + e), at(Layout::labour_force_education + e));
    r.employment_by_education[e] = at(Layout::employed_education + e) * weight;
    r.unemployment_alignment_factor[e] = g.applied_alignment_factor[e];
    r.training_rate_by_education[e] = ratio(at(Layout::trained_education + e), at(Layout::pop_25_64_education + e));
    r.mean_disposable_income_by_education[e] =
        ratio(cents_to_euros(disposable_cents(h, layout, e)), at(Layout::adults_education + e));
    r.median_disposable_income_by_education[e] = distribution_at(h, layout, layout.education_histogram(e)).quantile(0.5);
  }
  r.unemployment_rate[0] = ratio(unemployed, labour_force);
  const double employed = at(Layout::employed);
  for (int o = 0; o < isco_group_count; ++o) {
    r.employment_by_occupation[o] = at(Layout::employed_group + o) * weight;
    r.vacancies_by_occupation[o] = vacancies[static_cast<std::size_t>(o)] * weight;
    // Base-year demand: the jobs filled plus the open vacancies (the vacancy rate).
    if (g.year == s.settings.base_year)
      g.labour_demand[o] = at(Layout::employed_group + o) * (1.0 + s.calibration.flows.vacancy_rate);
  }
  for (int b = 0; b < 3; ++b) r.employment_share_by_wage_tercile[b] = ratio(at(Layout::employed_tercile + b), employed);
  for (int k = 0; k < task_category_count; ++k) {
    r.mean_task_share[k] = ratio(fixed_to_share(h[static_cast<std::size_t>(Layout::task_sum + k)]), employed);
    r.automation_capability[k] = technology.capability[k];
  }
  r.share_automatable_over_70[0] = ratio(at(Layout::automatable_over_70), employed);
  r.share_automatable_50_70[0] = ratio(at(Layout::automatable_50_70), employed);
  r.share_frey_osborne_over_70[0] = ratio(at(Layout::frey_osborne_over_70), employed);
  r.mean_displaced_share[0] = supply.mean_displaced_share;
  for (int b = 0; b < broad_status_count; ++b) r.deaths_by_status[b] = supply.deaths_by_status[b] * weight;
  r.entrants[0] = at(Layout::entrants) * weight;
  r.immigrants[0] = supply.immigrants * weight;
  for (int b = 0; b < broad_status_count; ++b) r.emigrants_by_status[b] = supply.emigrants_by_status[b] * weight;
  for (int c = 0; c < 2 * status_band_count; ++c)
    r.population_by_sex_age_band[c] = at(Layout::sex_age_band_persons + c) * weight;
  double automated = 0.0;
  for (double fte : g.automated_fte) automated += fte;
  r.automated_fte[0] = automated * weight;
  r.training_rate[0] = ratio(at(Layout::trained_25_64), at(Layout::pop_25_64));
  double digital_total = 0.0;
  for (int d = 0; d < digital_level_count; ++d) digital_total += at(Layout::digital + d);
  for (int d = 0; d < digital_level_count; ++d) r.digital_skill_share[d] = ratio(at(Layout::digital + d), digital_total);
  for (int b = 0; b < 5; ++b)
    r.mean_disposable_income_by_status[b] =
        ratio(cents_to_euros(h[static_cast<std::size_t>(Layout::disposable_status + b)]), at(Layout::adults_status + b));

  const LogBinnedDistribution wages = distribution_at(h, layout, layout.wage_histogram);
  const LogBinnedDistribution disposable = adult_distribution(h, layout);
  r.mean_wage[0] = wages.mean();
  r.median_wage[0] = wages.quantile(0.5);
  r.gini_gross_labour_income[0] = wages.gini();
  r.gini_disposable_income[0] = disposable.gini();
  const double p10 = disposable.quantile(0.1), p50 = disposable.quantile(0.5), p90 = disposable.quantile(0.9);
  r.p90_p10[0] = ratio(p90, p10);
  r.p50_p10[0] = ratio(p50, p10);
  r.s80_s20[0] = ratio(disposable.top_share(0.2), disposable.bottom_share(0.2));
  r.poverty_rate[0] = disposable.share_below(0.6 * p50);

  // Social-security accounts (euros, scaled to the whole population).
  const double* a = incomes.accounts;
  const double robot_tax = g.year == s.settings.base_year ? 0.0 : s.parameters.policy.robot_tax_rate * incomes.displaced_wage_bill;
  const double contributions = a[account_employee_ssc] + a[account_employer_ssc] + a[account_self_employed_ssc];
  // The branches not modelled person by person (health care, sickness, family allowances, less
  // the state's alternative financing) are one net item, a constant share of value added set
  // so that the base year balances: later imbalances show the pressure on financing.
  const double modelled = a[account_unemployment] + a[account_pension] + a[account_assistance] + a[account_basic_income];
  if (g.year == s.settings.base_year)
    g.other_branches_share = ratio(contributions + robot_tax - modelled, incomes.value_added);
  const double spending_branches[5] = {a[account_unemployment], a[account_pension], a[account_assistance],
                                       a[account_basic_income], g.other_branches_share * incomes.value_added};
  double spending = 0.0;
  for (int b = 0; b < 5; ++b) {
    r.ss_spending_by_branch[b] = spending_branches[b] * weight;
    spending += spending_branches[b];
  }
  const double sources[4] = {a[account_employee_ssc], a[account_employer_ssc], a[account_self_employed_ssc], robot_tax};
  double revenue = 0.0;
  for (int k = 0; k < 4; ++k) {
    r.ss_revenue_by_source[k] = sources[k] * weight;
    revenue += sources[k];
  }
  r.ss_revenue[0] = revenue * weight;
  r.ss_spending[0] = spending * weight;
  r.ss_balance[0] = (revenue - spending) * weight;
  r.ss_balance_share_of_value_added[0] = ratio(revenue - spending, incomes.value_added);
  r.income_tax_revenue[0] = (a[account_income_tax] + a[account_capital_tax]) * weight;
  r.labour_share[0] = ratio(incomes.labour_compensation, incomes.value_added);
  r.value_added[0] = incomes.value_added * weight;
  r.capital_income_total[0] = incomes.capital_income * weight;

  double automated_real[task_category_count];
  for (int k = 0; k < task_category_count; ++k) automated_real[k] = g.automated_fte[k] * weight;
  const EnergyYear energy = datacenter_energy(g.year, automated_real, s.energy);
  r.datacenter_twh[0] = energy.twh_total;
  for (int k = 0; k < task_category_count; ++k) r.datacenter_twh_by_task[k] = energy.twh_by_task[k];
  r.datacenter_cost_eur[0] = energy.cost_eur;
  r.datacenter_co2_t[0] = energy.co2_t;
  r.datacenter_share_of_electricity[0] = energy.share_of_regional_electricity;
  r.datacenter_kwh_per_automated_fte[0] = energy.kwh_per_automated_fte;
  return r;
}

}  // namespace ts::model
