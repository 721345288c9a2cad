// The yearly indicators from one exact histogram over the population: counts, fixed-point sums
// and fine income histograms, all-reduced, then turned into rates, shares and distribution
// statistics on the host. Also carries the end-of-year employment into next year's demand.
#include <algorithm>
#include <utility>
#include <vector>

#include "kernels/exact_histogram.hpp"
#include "kernels/fixed_point.hpp"
#include "kernels/log_bin_edges.hpp"
#include "model/exposure_k.hpp"
#include "model/passes/entrants.hpp"
#include "model/passes/passes.hpp"
#include "model/passes/person_access.hpp"

namespace ts::model {
namespace {

// The disposable-income histogram of all adults, and their disposable income by education,
// are not counted: they are sums of the education histograms, formed on the host.
struct Layout {
  int bins;  // income histogram bins
  static constexpr int status = 0, transitions = 5, pop_20_64 = 30, employed_20_64 = 31, labour_force_education = 32,
                       unemployed_education = 35, employed_education = 38, employed_group = 41, employed_tercile = 50,
                       task_sum = 53, automatable_over_70 = 58, automatable_50_70 = 59, trained_25_64 = 60,
                       pop_25_64 = 61, trained_education = 62, pop_25_64_education = 65, digital = 68,
                       adults_education = 72, disposable_status = 75, adults_status = 80, employed = 85,
                       age_band_persons = 86, age_band_employed = 98, frey_osborne_over_70 = 110, entrants = 111,
                       sex_age_band_persons = 112, wage_histogram = 136;
  TS_HD int education_histogram(int e) const { return wage_histogram + 2 * bins * (1 + e); }
  TS_HD int total() const { return education_histogram(education_count); }
};

// What the counts need of a person's age; persons with equal traits add to the same bins.
struct AgeTraits {
  int band;  // 15-19 .. 65-69, 70+
  bool adult, in_20_64, in_25_64, up_to_64, up_to_74;
  TS_HD bool operator==(const AgeTraits& o) const {
    return band == o.band && adult == o.adult && in_20_64 == o.in_20_64 && in_25_64 == o.in_25_64 &&
           up_to_64 == o.up_to_64 && up_to_74 == o.up_to_74;
  }
};

TS_HD inline AgeTraits age_traits(int age) {
  return AgeTraits{age >= 70 ? 11 : (age - 15) / 5, age >= 18, age >= 20 && age <= 64, age >= 25 && age <= 64,
                   age <= 64, age <= 74};
}

// 0 below half automatable, 1 from half to 70%, 2 above 70%.
TS_HD inline int automatable_class(double automatable) {
  return automatable > 0.7 ? 2 : (automatable >= 0.5 ? 1 : 0);
}

// Statuses at the start of the year as cell keys: the broad statuses, then immigrants, then entrants.
TS_HD inline int start_key(std::uint8_t status_at_start) {
  return status_at_start < broad_status_count ? status_at_start
                                              : broad_status_count + (status_at_start == entrant_status ? 1 : 0);
}
constexpr int start_key_count = broad_status_count + 2;
TS_HD inline std::uint8_t start_of_key(int key) {
  return key < broad_status_count ? static_cast<std::uint8_t>(key)
                                  : (key == broad_status_count ? immigrant_status : entrant_status);
}

struct IndicatorContribution {
  PersonView p;
  TablesView t;
  const std::uint8_t* status_at_start;
  double capability[task_category_count];
  LogBins bins;
  const LogBinEdges* edges;  // the bins' edges, in host memory: the CPU path only
  Layout layout;
  std::size_t count;
  int occupation_count;

  // The counts, each a function of a few small keys, so that the CPU path can count persons by
  // cells of equal keys and add each cell's count once (`n` persons at a time).
  template <class Add>
  TS_HD void count_person(Add& add, const AgeTraits& a, std::uint8_t status, int sex, int education, bool trained,
                          std::int64_t n) const {
    const int broad = broad_status(status);
    const bool employed = is_employed(status);
    add(Layout::status + broad, n);
    add(Layout::age_band_persons + a.band, n);
    add(Layout::sex_age_band_persons + sex * status_band_count + a.band, n);
    if (a.in_20_64) add(Layout::pop_20_64, n);
    if (a.up_to_64 && (employed || status == status_unemployed)) {
      add(Layout::labour_force_education + education, n);
      if (!employed) add(Layout::unemployed_education + education, n);
    }
    if (a.in_25_64) {
      add(Layout::pop_25_64, n);
      add(Layout::pop_25_64_education + education, n);
      if (trained) {
        add(Layout::trained_25_64, n);
        add(Layout::trained_education + education, n);
      }
    }
    if (employed) {
      add(Layout::age_band_employed + a.band, n);
      if (a.in_20_64) add(Layout::employed_20_64, n);
      add(Layout::employed, n);
      add(Layout::employed_education + education, n);
    }
    if (a.adult) {
      add(Layout::adults_education + education, n);
      add(Layout::adults_status + broad, n);
    }
  }
  template <class Add>
  TS_HD void count_start(Add& add, std::uint8_t start, std::uint8_t status, std::int64_t n) const {
    if (present_at_start(start)) add(Layout::transitions + start * 5 + broad_status(status), n);
    else if (start == entrant_status) add(Layout::entrants, n);
  }
  template <class Add>
  TS_HD void count_digital(Add& add, const AgeTraits& a, int digital, std::int64_t n) const {
    if (a.up_to_74) add(Layout::digital + digital, n);
  }
  // Employed persons only.
  template <class Add>
  TS_HD void count_job(Add& add, int occupation, int automatable, std::int64_t n) const {
    add(Layout::employed_group + t.occupation_isco1[occupation] - 1, n);
    add(Layout::employed_tercile + t.occupation_tercile[occupation], n);
    if (t.occupation_frey_osborne[occupation] > 0.7f) add(Layout::frey_osborne_over_70, n);
    if (automatable == 2) add(Layout::automatable_over_70, n);
    else if (automatable == 1) add(Layout::automatable_50_70, n);
  }

  template <class Add>
  TS_HD void histogram_at(Add& add, int offset, int bin, std::int64_t cents) const {
    add(offset + bin, 1);
    add(offset + layout.bins + bin, cents);
  }
  // The true sums of one person: task shares and wage of the employed, disposable income of adults.
  template <class Add>
  TS_HD void sum_employed(Add& add, std::size_t i, int wage_bin, const TaskBundle& tasks) const {
    for (int k = 0; k < task_category_count; ++k) add(Layout::task_sum + k, share_to_fixed(tasks.share[k]));
    histogram_at(add, layout.wage_histogram, wage_bin, euros_to_cents(p.gross_wage[i]));
  }
  template <class Add>
  TS_HD void sum_adult(Add& add, int broad, int education, int disposable_bin, std::int64_t cents) const {
    add(Layout::disposable_status + broad, cents);
    histogram_at(add, layout.education_histogram(education), disposable_bin, cents);
  }

  // GPU: persons in groups of `lanes`: the income bins of a group (a det_log each) are found
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
    const AgeTraits a = age_traits(p.age[i]);
    const int education = p.education[i];
    count_person(add, a, status, p.sex[i], education, p.trained[i] != 0, 1);
    count_start(add, status_at_start[i], status, 1);
    count_digital(add, a, p.digital_skill[i], 1);
    if (is_employed(status)) {
      const TaskBundle tasks = load_tasks(p, i);
      count_job(add, p.occupation[i], automatable_class(automatable_share(tasks, capability)), 1);
      sum_employed(add, i, wage_bin, tasks);
    }
    if (a.adult) sum_adult(add, broad_status(status), education, disposable_bin, euros_to_cents(p.disposable_income[i]));
  }

  // CPU: the groups [first_group, end_group) at once: their persons counted by cells of equal
  // keys and their true sums added person by person, in tiles; the same totals as operator().
  template <class Add>
  void range(std::size_t first_group, std::size_t end_group, Add& add) const;
};

// Asks the compiler to vectorise the next loop (OpenMP builds; ignored elsewhere).
#if defined(_OPENMP) && !defined(__CUDACC__)
#define TS_INDICATOR_SIMD _Pragma("omp simd")
#else
#define TS_INDICATOR_SIMD
#endif

// The cells of the CPU path: persons counted by the keys of each count function. Ages become
// classes of equal traits (about 17 of the 256 possible ages).
struct IndicatorCells {
  std::vector<AgeTraits> age_classes;
  int class_of_age[256];
  std::vector<std::uint32_t> person, start, digital, job;  // a chunk holds fewer than 2^32 persons
  int job_none;  // the cell of persons without a job

  explicit IndicatorCells(int occupation_count) {
    for (int age = 0; age < 256; ++age) {
      const AgeTraits a = age_traits(age);
      const auto found = std::find(age_classes.begin(), age_classes.end(), a);
      class_of_age[age] = static_cast<int>(found - age_classes.begin());
      if (found == age_classes.end()) age_classes.push_back(a);
    }
    const std::size_t classes = age_classes.size();
    person.assign(classes * status_count * 2 * education_count * 2, 0);
    start.assign(start_key_count * status_count, 0);
    digital.assign(classes * digital_level_count, 0);
    job_none = occupation_count * 3;
    job.assign(static_cast<std::size_t>(job_none) + 1, 0);
  }
  int person_key(int age_class, int status, int sex, int education, bool trained) const {
    return (((age_class * status_count + status) * 2 + sex) * education_count + education) * 2 + (trained ? 1 : 0);
  }
};

template <class Add>
void IndicatorContribution::range(std::size_t first_group, std::size_t end_group, Add& add) const {
  const std::size_t begin = first_group * lanes;
  const std::size_t end = end_group * lanes < count ? end_group * lanes : count;
  // Locals, not members: stores into the cells could otherwise alias the column pointers.
  const PersonView p = this->p;
  const std::uint8_t* const status_at_start = this->status_at_start;
  const LogBinEdges& edges = *this->edges;
  IndicatorCells cells(occupation_count);
  std::uint32_t* const person_cells = cells.person.data();
  std::uint32_t* const start_cells = cells.start.data();
  std::uint32_t* const digital_cells = cells.digital.data();
  std::uint32_t* const job_cells = cells.job.data();
  constexpr int tile = 256;
  int person_key[tile], start_cell[tile], digital_cell[tile], job_cell[tile];
  int wage_bin[tile], disposable_bin[tile];
  std::int64_t task_total[task_category_count] = {}, disposable_by_status[broad_status_count] = {};
  for (std::size_t first = begin; first < end; first += tile) {
    const int n = static_cast<int>(end - first < std::size_t{tile} ? end - first : std::size_t{tile});
    for (int j = 0; j < n; ++j) {
      const std::size_t i = first + static_cast<std::size_t>(j);
      const int status = p.status[i];
      const int age_class = cells.class_of_age[p.age[i]];
      person_key[j] = cells.person_key(age_class, status, p.sex[i], p.education[i], p.trained[i] != 0);
      start_cell[j] = start_key(status_at_start[i]) * status_count + status;
      digital_cell[j] = age_class * digital_level_count + p.digital_skill[i];
    }
    for (int j = 0; j < n; ++j) {
      const std::size_t i = first + static_cast<std::size_t>(j);
      const bool employed = is_employed(p.status[i]);
      const TaskBundle tasks = load_tasks(p, i);
      for (int k = 0; k < task_category_count; ++k) task_total[k] += employed ? share_to_fixed(tasks.share[k]) : 0;
      job_cell[j] = employed ? p.occupation[i] * 3 + automatable_class(automatable_share(tasks, capability))
                             : cells.job_none;
    }
    TS_INDICATOR_SIMD
    for (int j = 0; j < n; ++j) {
      const std::size_t i = first + static_cast<std::size_t>(j);
      wage_bin[j] = edges.bin_of(p.gross_wage[i]);
      disposable_bin[j] = edges.bin_of(p.disposable_income[i]);
    }
    for (int j = 0; j < n; ++j) {
      const std::size_t i = first + static_cast<std::size_t>(j);
      ++person_cells[person_key[j]];
      ++start_cells[start_cell[j]];
      ++digital_cells[digital_cell[j]];
      ++job_cells[job_cell[j]];
      const std::uint8_t status = p.status[i];
      if (is_employed(status)) histogram_at(add, layout.wage_histogram, wage_bin[j], euros_to_cents(p.gross_wage[i]));
      if (age_traits(p.age[i]).adult) {
        const std::int64_t cents = euros_to_cents(p.disposable_income[i]);
        disposable_by_status[broad_status(status)] += cents;
        histogram_at(add, layout.education_histogram(p.education[i]), disposable_bin[j], cents);
      }
    }
  }
  // Each cell's count, added through the same count functions as operator().
  const int classes = static_cast<int>(cells.age_classes.size());
  for (int c = 0; c < classes; ++c)
    for (int status = 0; status < status_count; ++status)
      for (int sex = 0; sex < 2; ++sex)
        for (int education = 0; education < education_count; ++education)
          for (int trained = 0; trained < 2; ++trained) {
            const std::uint32_t n = person_cells[cells.person_key(c, status, sex, education, trained != 0)];
            if (n != 0)
              count_person(add, cells.age_classes[static_cast<std::size_t>(c)], static_cast<std::uint8_t>(status), sex,
                           education, trained != 0, n);
          }
  for (int key = 0; key < start_key_count; ++key)
    for (int status = 0; status < status_count; ++status) {
      const std::uint32_t n = start_cells[key * status_count + status];
      if (n != 0) count_start(add, start_of_key(key), static_cast<std::uint8_t>(status), n);
    }
  for (int c = 0; c < classes; ++c)
    for (int d = 0; d < digital_level_count; ++d) {
      const std::uint32_t n = digital_cells[c * digital_level_count + d];
      if (n != 0) count_digital(add, cells.age_classes[static_cast<std::size_t>(c)], d, n);
    }
  for (int occupation = 0; occupation < occupation_count; ++occupation)
    for (int a = 0; a < 3; ++a) {
      const std::uint32_t n = job_cells[occupation * 3 + a];
      if (n != 0) count_job(add, occupation, a, n);
    }
  for (int k = 0; k < task_category_count; ++k) add(Layout::task_sum + k, task_total[k]);
  for (int b = 0; b < broad_status_count; ++b) add(Layout::disposable_status + b, disposable_by_status[b]);
}

double ratio(double a, double b) { return b > 0.0 ? a / b : 0.0; }

IncomeDistribution distribution_at(const std::vector<std::int64_t>& h, int offset, int bins) {
  return IncomeDistribution(std::vector<std::int64_t>(h.begin() + offset, h.begin() + offset + bins),
                            std::vector<std::int64_t>(h.begin() + offset + bins, h.begin() + offset + 2 * bins));
}

// The disposable-income histogram of all adults: the sum of the education histograms.
IncomeDistribution adult_distribution(const std::vector<std::int64_t>& h, const Layout& layout) {
  std::vector<std::int64_t> counts(static_cast<std::size_t>(layout.bins), 0), sums(counts);
  for (int e = 0; e < education_count; ++e)
    for (int b = 0; b < layout.bins; ++b) {
      const auto at = static_cast<std::size_t>(layout.education_histogram(e) + b);
      counts[static_cast<std::size_t>(b)] += h[at];
      sums[static_cast<std::size_t>(b)] += h[at + static_cast<std::size_t>(layout.bins)];
    }
  return IncomeDistribution(std::move(counts), std::move(sums));
}

// Cents of disposable income of the adults with education e: the sums of their histogram.
std::int64_t disposable_cents(const std::vector<std::int64_t>& h, const Layout& layout, int e) {
  std::int64_t total = 0;
  const int sums = layout.education_histogram(e) + layout.bins;
  for (int b = 0; b < layout.bins; ++b) total += h[static_cast<std::size_t>(sums + b)];
  return total;
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
  contribution.edges = &log_bin_edges(s.bins);
  contribution.layout = layout;
  contribution.count = s.population.size();
  contribution.occupation_count = static_cast<int>(s.occupation_isco1.size());
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
        ratio(cents_to_euros(disposable_cents(h, layout, e)), at(Layout::adults_education + e));
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
  const IncomeDistribution disposable = adult_distribution(h, layout);
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
