// Matching job seekers to vacancies. Vacancies per occupation group follow from last year's
// employment, the labour force, displacement, the productivity effect and new tasks. Each seeker
// applies to one group chosen by vacancies, task distance and education fit; every shard counts
// the applicants by group and education; the hiring probabilities are computed from those totals
// identically everywhere (higher educated applicants served first: crowding-out); each seeker
// is then hired or not by the group applied to, which the count kept in a scratch column.
// Equations: docs/model.md, section 5.
#include <thrust/host_vector.h>

#include <algorithm>

#include "kernels/exact_histogram.hpp"
#include "kernels/parallel_listed.hpp"
#include "kernels/philox_blocks.hpp"
#include "kernels/philox_stream.hpp"
#include "kernels/philox_tile.hpp"
#include "model/passes/application_choice.hpp"
#include "model/passes/application_choice_avx2.hpp"
#include "model/passes/passes.hpp"
#include "model/passes/person_access.hpp"
#include "model/random_purposes.hpp"

namespace ts::model {
namespace {

struct CountApplications {
  PersonView p;
  ApplicationChoice choice;
  std::uint8_t* applied_group;  // the group each seeker applies to, for Hire
  std::uint32_t seed, replica;
  int year;
  template <class Add>
  TS_HD void operator()(std::size_t i, Add& add) const {
    if (!selected(i)) return;
    const PhiloxStream r(seed, replica, p.person_id[i], static_cast<std::uint32_t>(year), purpose_application);
    record(i, choice.choose(load_tasks(p, i), p.education[i], r.uniform(0)), add);
  }
  template <class Add>
  TS_HD void record(std::size_t i, int group, Add& add) const {
    applied_group[i] = static_cast<std::uint8_t>(group);
    add(group * education_count + p.education[i], 1);
  }
  TS_HD bool selected(std::size_t i) const { return p.status[i] == status_unemployed; }
  // CPU only: selected(i) as a byte compare, listed 32 persons at a time (templates, so that
  // nvcc does not flag them as unused).
  template <class = void>
  const std::uint8_t* selection_column() const { return p.status; }
  template <class = void>
  std::uint8_t selected_value() const { return status_unemployed; }
  // CPU only (a template, so that nvcc does not flag it as unused): the lines a seeker's
  // choice reads, requested for the whole tile before the first is needed.
  template <class = void>
  void fetch_ahead(std::size_t i) const {
    __builtin_prefetch(p.person_id + i);
    __builtin_prefetch(p.education + i);
    __builtin_prefetch(p.task_analytic + i);
    __builtin_prefetch(p.task_interpersonal + i);
    __builtin_prefetch(p.task_routine_cognitive + i);
    __builtin_prefetch(p.task_routine_manual + i);
    __builtin_prefetch(p.task_manual + i);
  }
  // The CPU's chunks (exact_histogram): the seekers, a few percent of persons, listed tile by
  // tile and their data fetched ahead, then handled (one loop that scanned and handled stalled
  // on each seeker's cache misses): with AVX2, the tile's draws in Philox lanes and the
  // choices four seekers at a time.
  template <class Add>
  void range(std::size_t begin, std::size_t end, Add& add) const {
#if defined(TS_APPLICATION_CHOICE_AVX2)
    for_each_selected_tile(begin, end, *this, [&](std::size_t first, const std::uint32_t* listed, std::size_t n) {
      choose_in_lanes(first, listed, n, add);
    });
#else
    for_each_selected(begin, end, *this, [&](std::size_t i) { (*this)(i, add); });
#endif
  }
#if defined(TS_APPLICATION_CHOICE_AVX2)
  template <class Add>
  void choose_in_lanes(std::size_t first, const std::uint32_t* listed, std::size_t n, Add& add) const {
    double draw[listed_tile];  // draw 0 of each seeker's stream
    philox_listed_first_uniforms(p.person_id, first, listed, n, seed, replica, static_cast<std::uint32_t>(year),
                                 purpose_application, draw);
    for (std::size_t k = 0; k < n; k += 4) {
      std::size_t lane[4];  // past the last seeker, lanes repeat it and are not recorded
      for (std::size_t l = 0; l < 4; ++l) lane[l] = k + l < n ? k + l : n - 1;
      std::size_t i[4];
      for (std::size_t l = 0; l < 4; ++l) i[l] = first + listed[lane[l]];
      const __m256d task[task_category_count] = {
          _mm256_setr_pd(p.task_analytic[i[0]], p.task_analytic[i[1]], p.task_analytic[i[2]], p.task_analytic[i[3]]),
          _mm256_setr_pd(p.task_interpersonal[i[0]], p.task_interpersonal[i[1]], p.task_interpersonal[i[2]],
                         p.task_interpersonal[i[3]]),
          _mm256_setr_pd(p.task_routine_cognitive[i[0]], p.task_routine_cognitive[i[1]], p.task_routine_cognitive[i[2]],
                         p.task_routine_cognitive[i[3]]),
          _mm256_setr_pd(p.task_routine_manual[i[0]], p.task_routine_manual[i[1]], p.task_routine_manual[i[2]],
                         p.task_routine_manual[i[3]]),
          _mm256_setr_pd(p.task_manual[i[0]], p.task_manual[i[1]], p.task_manual[i[2]], p.task_manual[i[3]])};
      const __m256d education = _mm256_setr_pd(p.education[i[0]], p.education[i[1]], p.education[i[2]], p.education[i[3]]);
      const __m256d u = _mm256_setr_pd(draw[lane[0]], draw[lane[1]], draw[lane[2]], draw[lane[3]]);
      int group[4];
      choose_applications_avx2(choice, task, education, u, group);
      for (std::size_t l = 0; l < 4 && k + l < n; ++l) record(i[l], group[l], add);
    }
  }
#endif
};

struct Hire {
  PersonView p;
  TablesView t;
  const std::uint8_t* applied_group;  // set by CountApplications for every seeker
  double hire_probability[isco_group_count][education_count];
  double type_share[employment_type_count];
  std::uint32_t seed, replica;
  int year;
  TS_HD bool selected(std::size_t i) const { return p.status[i] == status_unemployed; }
  template <class = void>  // CPU only, see CountApplications
  const std::uint8_t* selection_column() const { return p.status; }
  template <class = void>
  std::uint8_t selected_value() const { return status_unemployed; }
  template <class = void>  // CPU only, see CountApplications
  void fetch_ahead(std::size_t i) const { __builtin_prefetch(p.person_id + i); }
  TS_HD void operator()(std::size_t i) const {
    if (!selected(i)) return;
    const PhiloxStream hiring(seed, replica, p.person_id[i], static_cast<std::uint32_t>(year), purpose_hiring);
    hire_or_not(i, hiring.uniform(0));
  }
  // The CPU's tiles of seekers (parallel_for_selected): draw 0 of their hiring streams in Philox
  // lanes, then each seeker as operator() would.
  template <class = void>  // CPU only, see CountApplications
  void handle_tile(std::size_t first, const std::uint32_t* listed, std::size_t n) const {
    double draw[listed_tile];
    philox_listed_first_uniforms(p.person_id, first, listed, n, seed, replica, static_cast<std::uint32_t>(year),
                                 purpose_hiring, draw);
    for (std::size_t k = 0; k < n; ++k) hire_or_not(first + listed[k], draw[k]);
  }
  // Seeker i, whose hiring draw is u.
  TS_HD void hire_or_not(std::size_t i, double u) const {
    const int group = applied_group[i];
    if (!(u < hire_probability[group][p.education[i]])) {
      const int months = p.unemployment_months[i] + 12;
      p.unemployment_months[i] = static_cast<std::uint8_t>(months > 255 ? 255 : months);
      return;
    }
    const PhiloxStream job(seed, replica, p.person_id[i], static_cast<std::uint32_t>(year), purpose_new_job);
    int type;
    if (t.occupation_isco1[p.occupation[i]] != group + 1) {  // occupational mobility: draws 0-6
      const PhiloxBlocks<4> draws(job);
      const int occupation = draw_occupation_in_group(t, group + 1, draws.uniform(0));
      p.occupation[i] = static_cast<std::uint16_t>(occupation);
      store_tasks(p, i, draw_task_bundle(t, occupation, draws, 2, task_bundle_spread));
      type = draws.categorical(1, type_share, employment_type_count);
    } else {
      type = job.categorical(1, type_share, employment_type_count);
    }
    p.status[i] = static_cast<std::uint8_t>(status_employee_permanent + type);
    p.hours[i] = 1.0f;
    p.unemployment_months[i] = 0;
  }
};

// Hiring probability by group and education: applicants are served in order of education
// (crowding-out) with weight `crowding_out`, or in proportion with weight 1 - crowding_out.
// The efficiency of matching differs by education as the observed job-finding rates do.
void hiring_probabilities(const double applicants[isco_group_count][education_count], const double vacancies[isco_group_count],
                          const double efficiency[education_count], double crowding_out,
                          double out[isco_group_count][education_count]) {
  for (int g = 0; g < isco_group_count; ++g) {
    double total = 0.0;
    for (int e = 0; e < education_count; ++e) total += applicants[g][e];
    double remaining = vacancies[g];
    for (int e = education_count - 1; e >= 0; --e) {
      const double proportional = total > 0.0 ? std::min(efficiency[e], vacancies[g] / total) : 0.0;
      const double a = applicants[g][e];
      const double hires = std::min(efficiency[e] * a, remaining);
      const double priority = a > 0.0 ? hires / a : 0.0;
      remaining -= hires;
      out[g][e] = crowding_out * priority + (1.0 - crowding_out) * proportional;
    }
  }
}

// Logit scaling of hiring by education so that unemployment by education returns to the
// base-year rate: one factor per education level, found by bisection on the global totals.
void align_unemployment(const double applicants[isco_group_count][education_count], const double seekers[education_count],
                        const double labour_force[education_count], const double target_rate[education_count],
                        const double probability[isco_group_count][education_count], double factors[education_count]) {
  for (int e = 0; e < education_count; ++e) {
    const double wanted_hires = seekers[e] - target_rate[e] * labour_force[e];
    auto hires = [&](double factor) {
      double total = 0.0;
      for (int g = 0; g < isco_group_count; ++g) {
        const double p = std::clamp(probability[g][e], 1e-9, 1.0 - 1e-9);
        total += applicants[g][e] * det_logistic(det_logit(p) + factor);
      }
      return total;
    };
    double lo = -20.0, hi = 20.0;
    for (int iteration = 0; iteration < 60; ++iteration) {
      const double mid = 0.5 * (lo + hi);
      (hires(mid) < wanted_hires ? lo : hi) = mid;
    }
    factors[e] = 0.5 * (lo + hi);
  }
}

void shift_logits(const double factors[education_count], double probability[isco_group_count][education_count]) {
  for (int g = 0; g < isco_group_count; ++g)
    for (int e = 0; e < education_count; ++e)
      probability[g][e] = det_logistic(det_logit(std::clamp(probability[g][e], 1e-9, 1.0 - 1e-9)) + factors[e]);
}

}  // namespace

std::array<double, isco_group_count> matching_pass(Simulation::State& s, const SupplyTotals& supply,
                                                  const YearTechnology& technology) {
  (void)technology;
  const LabourParameters& labour = s.parameters.labour;
  CarriedGlobals& g = s.globals;
  const double supply_growth = g.previous_labour_force > 0.0 ? supply.labour_force / g.previous_labour_force : 1.0;
  thrust::host_vector<double> group_tasks = s.group_mean_tasks;
  double nonroutine_weight[isco_group_count];
  double nonroutine_total = 0.0;
  for (int o = 0; o < isco_group_count; ++o) {
    nonroutine_weight[o] = g.labour_demand[o] * (group_tasks[o * 5 + task_analytic] + group_tasks[o * 5 + task_interpersonal]);
    nonroutine_total += nonroutine_weight[o];
  }
  double displaced_total = 0.0;
  for (double d : supply.displaced_fte_by_group) displaced_total += d;

  std::array<double, isco_group_count> vacancies{};
  ApplicationChoice choice{};
  for (int o = 0; o < isco_group_count; ++o) {
    // Demand is carried from year to year, so vacancies left unfilled stay open: employment
    // cannot ratchet down because one year's matching fell short.
    const double demand = g.labour_demand[o] * supply_growth * (1.0 + labour.demand_growth) -
                          (1.0 - labour.productivity_effect) * supply.displaced_fte_by_group[o] +
                          labour.new_task_demand * displaced_total *
                              (nonroutine_total > 0.0 ? nonroutine_weight[o] / nonroutine_total : 0.0);
    g.labour_demand[o] = std::max(0.0, demand);
    vacancies[static_cast<std::size_t>(o)] = std::max(0.0, demand - supply.employed_after_separations[o]);
    choice.vacancies[o] = vacancies[static_cast<std::size_t>(o)];
    for (int k = 0; k < task_category_count; ++k) choice.group_tasks[o][k] = group_tasks[o * 5 + k];
  }
  choice.distance_sensitivity = labour.distance_sensitivity;
  choice.mismatch_penalty = labour.education_mismatch_penalty;

  ensure_capacity(s.applied_group, s.population.size());
  s.applied_group.resize(s.population.size());
  std::uint8_t* applied_group = thrust::raw_pointer_cast(s.applied_group.data());
  const std::vector<std::int64_t> counted = global_histogram(
      s, exact_histogram(s.population.size(), isco_group_count * education_count,
                         CountApplications{s.population.view(), choice, applied_group, s.settings.seed,
                                           s.settings.replica, g.year}));
  double applicants[isco_group_count][education_count];
  for (int o = 0; o < isco_group_count; ++o)
    for (int e = 0; e < education_count; ++e) applicants[o][e] = static_cast<double>(counted[static_cast<std::size_t>(o * education_count + e)]);

  Hire hire{};
  // Matching efficiency by education: the scenario's level for the middle educated, scaled by the
  // observed job-finding rates (labour_flows.csv: low 0.30, middle 0.40, high 0.52).
  double efficiency[education_count];
  const double* finding = s.calibration.flows.job_finding;
  for (int e = 0; e < education_count; ++e)
    efficiency[e] = std::min(1.0, labour.matching_efficiency * finding[e] / finding[1]);
  hiring_probabilities(applicants, choice.vacancies, efficiency, labour.crowding_out, hire.hire_probability);
  // The hiring factors by education are calibrated in the first simulated years (the synthetic
  // base year's stocks need a few years to settle into flows), so that the base year's
  // unemployment by education is a steady state of the flows, and then held: later changes come
  // from the scenario. With alignment on they are found again every year.
  const bool calibration_year = g.year <= s.settings.base_year + settling_years;
  const auto fixed = s.settings.fixed_alignment_factors.find(g.year);
  if (fixed != s.settings.fixed_alignment_factors.end()) {
    // Another run's factors (--alignment-from): the same alignment, the policy's own effect.
    for (int e = 0; e < education_count; ++e) g.applied_alignment_factor[e] = fixed->second[static_cast<std::size_t>(e)];
    if (calibration_year)
      for (int e = 0; e < education_count; ++e) g.hiring_logit_shift[e] = g.applied_alignment_factor[e];
    shift_logits(g.applied_alignment_factor, hire.hire_probability);
  } else if (calibration_year || s.parameters.alignment.unemployment) {
    double seekers[education_count] = {}, labour_force[education_count] = {}, factors[education_count];
    for (int o = 0; o < isco_group_count; ++o)
      for (int e = 0; e < education_count; ++e) seekers[e] += supply.seekers_by_group[o][e];
    for (int e = 0; e < education_count; ++e) labour_force[e] = supply.labour_force_by_education[e];
    double target[education_count];
    for (int e = 0; e < education_count; ++e) {
      const double chosen = s.parameters.alignment.unemployment_target[e];
      target[e] = s.parameters.alignment.unemployment && chosen > 0.0 ? chosen : g.base_unemployment_rate[e];
    }
    align_unemployment(applicants, seekers, labour_force, target, hire.hire_probability, factors);
    if (calibration_year)
      for (int e = 0; e < education_count; ++e) g.hiring_logit_shift[e] = factors[e];
    for (int e = 0; e < education_count; ++e) g.applied_alignment_factor[e] = factors[e];
    shift_logits(factors, hire.hire_probability);
  } else {
    for (int e = 0; e < education_count; ++e) g.applied_alignment_factor[e] = g.hiring_logit_shift[e];
    shift_logits(g.hiring_logit_shift, hire.hire_probability);
  }
  hire.p = s.population.view();
  hire.t = s.tables();
  hire.applied_group = applied_group;
  hire.type_share[0] = labour.permanent_share_of_hires;
  hire.type_share[1] = labour.temporary_share_of_hires;
  hire.type_share[2] = labour.self_employed_share_of_hires;
  hire.type_share[3] = labour.platform_share_of_hires;
  hire.seed = s.settings.seed;
  hire.replica = s.settings.replica;
  hire.year = g.year;
  parallel_for_selected(s.population.size(), hire);
  g.previous_labour_force = supply.labour_force;
  return vacancies;
}

}  // namespace ts::model
