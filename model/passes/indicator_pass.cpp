// The yearly indicators from one exact histogram over the population: counts, fixed-point sums
// and fine income histograms, all-reduced, then turned into rates, shares and distribution
// statistics on the host. Also carries the end-of-year employment into next year's demand.
#include <algorithm>

#include "kernels/exact_histogram.hpp"
#include "kernels/fixed_point.hpp"
#include "model/exposure_k.hpp"
#include "model/passes/entrants.hpp"
#include "model/passes/passes.hpp"
#include "model/passes/person_access.hpp"

namespace ts::model {
namespace {

struct Layout {
  int bins;  // income histogram bins
  static constexpr int status = 0, transitions = 5, pop_20_64 = 30, employed_20_64 = 31, labour_force_education = 32,
                       unemployed_education = 35, employed_education = 38, employed_group = 41, employed_tercile = 50,
                       task_sum = 53, automatable_over_70 = 58, automatable_50_70 = 59, trained_25_64 = 60,
                       pop_25_64 = 61, trained_education = 62, pop_25_64_education = 65, digital = 68,
                       disposable_education = 72, adults_education = 75, disposable_status = 78, adults_status = 83,
                       employed = 88, age_band_persons = 89, age_band_employed = 101, frey_osborne_over_70 = 113,
                       entrants = 114, sex_age_band_persons = 115, wage_histogram = 139;
  TS_HD int disposable_histogram() const { return wage_histogram + 2 * bins; }
  TS_HD int education_histogram(int e) const { return disposable_histogram() + 2 * bins * (1 + e); }
  TS_HD int total() const { return education_histogram(education_count); }
};

struct IndicatorContribution {
  PersonView p;
  TablesView t;
  const std::uint8_t* status_at_start;
  double capability[task_category_count];
  LogBins bins;
  Layout layout;
  std::size_t count;
  template <class Add>
  TS_HD void histogram_at(Add& add, int offset, int bin, double amount) const {
    add(offset + bin, 1);
    add(offset + layout.bins + bin, euros_to_cents(amount));
  }
  // Persons in groups of `lanes`: the income bins of a group (a det_log each) are found
  // together, so that their dependent chains overlap.
  static constexpr int lanes = 8;
  template <class Add>
  TS_HD void operator()(std::size_t group, Add& add) const {
    const std::size_t first = group * lanes;
    double wage[lanes], disposable[lanes];
    for (int l = 0; l < lanes; ++l) {
      const std::size_t i = first + static_cast<std::size_t>(l);
      wage[l] = i < count ? p.gross_wage[i] : 0.0;
      disposable[l] = i < count ? p.disposable_income[i] : 0.0;
    }
    int wage_bin[lanes], disposable_bin[lanes];
    bins.bins_of(wage, wage_bin);
    bins.bins_of(disposable, disposable_bin);
    for (int l = 0; l < lanes; ++l) {
      const std::size_t i = first + static_cast<std::size_t>(l);
      if (i < count) person(i, wage_bin[l], disposable_bin[l], add);
    }
  }
  template <class Add>
  TS_HD void person(std::size_t i, int wage_bin, int disposable_bin, Add& add) const {
    const std::uint8_t status = p.status[i];
    const int broad = broad_status(status);
    const int age = p.age[i];
    const int education = p.education[i];
    add(Layout::status + broad, 1);
    const int age_band = age >= 70 ? 11 : (age - 15) / 5;
    add(Layout::age_band_persons + age_band, 1);
    if (is_employed(status)) add(Layout::age_band_employed + age_band, 1);
    if (present_at_start(status_at_start[i])) add(Layout::transitions + status_at_start[i] * 5 + broad, 1);
    else if (status_at_start[i] == entrant_status) add(Layout::entrants, 1);
    add(Layout::sex_age_band_persons + p.sex[i] * status_band_count + age_band, 1);
    const bool employed = is_employed(status);
    if (age >= 20 && age <= 64) {
      add(Layout::pop_20_64, 1);
      if (employed) add(Layout::employed_20_64, 1);
    }
    if (age <= 64 && (employed || status == status_unemployed)) {
      add(Layout::labour_force_education + education, 1);
      if (!employed) add(Layout::unemployed_education + education, 1);
    }
    if (age >= 25 && age <= 64) {
      add(Layout::pop_25_64, 1);
      add(Layout::pop_25_64_education + education, 1);
      if (p.trained[i]) {
        add(Layout::trained_25_64, 1);
        add(Layout::trained_education + education, 1);
      }
    }
    if (age <= 74) add(Layout::digital + p.digital_skill[i], 1);
    if (employed) {
      const int occupation = p.occupation[i];
      add(Layout::employed, 1);
      add(Layout::employed_education + education, 1);
      add(Layout::employed_group + t.occupation_isco1[occupation] - 1, 1);
      add(Layout::employed_tercile + t.occupation_tercile[occupation], 1);
      const TaskBundle tasks = load_tasks(p, i);
      for (int k = 0; k < task_category_count; ++k) add(Layout::task_sum + k, share_to_fixed(tasks.share[k]));
      const double automatable = automatable_share(tasks, capability);
      if (t.occupation_frey_osborne[occupation] > 0.7f) add(Layout::frey_osborne_over_70, 1);
      if (automatable > 0.7) add(Layout::automatable_over_70, 1);
      else if (automatable >= 0.5) add(Layout::automatable_50_70, 1);
      histogram_at(add, layout.wage_histogram, wage_bin, p.gross_wage[i]);
    }
    if (age >= 18) {
      const double disposable = p.disposable_income[i];
      add(Layout::disposable_education + education, euros_to_cents(disposable));
      add(Layout::adults_education + education, 1);
      add(Layout::disposable_status + broad, euros_to_cents(disposable));
      add(Layout::adults_status + broad, 1);
      histogram_at(add, layout.disposable_histogram(), disposable_bin, disposable);
      histogram_at(add, layout.education_histogram(education), disposable_bin, disposable);
    }
  }
};

double ratio(double a, double b) { return b > 0.0 ? a / b : 0.0; }

IncomeDistribution distribution_at(const std::vector<std::int64_t>& h, int offset, int bins) {
  return IncomeDistribution(std::vector<std::int64_t>(h.begin() + offset, h.begin() + offset + bins),
                            std::vector<std::int64_t>(h.begin() + offset + bins, h.begin() + offset + 2 * bins));
}

}  // namespace

Indicators indicator_pass(Simulation::State& s, const IncomeTotals& incomes, const YearTechnology& technology,
                          const std::array<double, isco_group_count>& vacancies, const SupplyTotals& supply) {
  const Layout layout{s.bins.bin_count()};
  IndicatorContribution contribution{};
  contribution.p = s.population.view();
  contribution.t = s.tables();
  contribution.status_at_start = thrust::raw_pointer_cast(s.status_at_start.data());
  for (int k = 0; k < task_category_count; ++k) contribution.capability[k] = technology.capability[k];
  contribution.bins = s.bins;
  contribution.layout = layout;
  contribution.count = s.population.size();
  const std::size_t groups = (contribution.count + IndicatorContribution::lanes - 1) / IndicatorContribution::lanes;
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
        ratio(cents_to_euros(h[static_cast<std::size_t>(Layout::disposable_education + e)]), at(Layout::adults_education + e));
    r.median_disposable_income_by_education[e] = distribution_at(h, layout.education_histogram(e), layout.bins).quantile(0.5);
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

  const IncomeDistribution wages = distribution_at(h, layout.wage_histogram, layout.bins);
  const IncomeDistribution disposable = distribution_at(h, layout.disposable_histogram(), layout.bins);
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
