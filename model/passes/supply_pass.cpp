// The labour-supply pass, one read and write of each person: death, ageing, leaving school,
// retirement, participation, exposure to this year's automation (displacement, augmentation,
// reinstatement), training and skills, separations. It reports the all-reduced totals that the
// matching step needs. Equations: docs/model.md, sections 1 and 3-5.
#include <thrust/copy.h>
#include <thrust/host_vector.h>

#include <vector>

#include "kernels/exact_histogram.hpp"
#include "model/passes/supply_contribution.hpp"
#include "model/passes/supply_tiles.hpp"

namespace ts::model {
namespace {

using namespace supply;

// Share inactive among those neither in education nor retired, at a single age: linear between
// the midpoints of the five-year bands of labour_status.csv.
inline double band_inactive_share(const double* status_share, int band, int sex, int education) {
  const double* shares = status_share + ((band * 2 + sex) * education_count + education) * synth_status_count;
  const double outside = shares[synth_in_education] + shares[synth_retired];
  return outside < 1.0 ? shares[synth_inactive] / (1.0 - outside) : 1.0;
}

inline double inactive_share(const double* status_share, int age, int sex, int education) {
  const double position = (static_cast<double>(age) - 17.0) / 5.0;  // 0 at the middle of 15-19
  if (position <= 0.0) return band_inactive_share(status_share, 0, sex, education);
  if (position >= status_band_count - 1) return band_inactive_share(status_share, status_band_count - 1, sex, education);
  const int band = static_cast<int>(position);
  const double w = position - band;
  return (1.0 - w) * band_inactive_share(status_share, band, sex, education) +
         w * band_inactive_share(status_share, band + 1, sex, education);
}


const double* inactive_shares_by_age(Simulation::State& s) {
  if (s.inactive_share_by_age.empty()) {
    const thrust::host_vector<double> status_share = s.status_share;
    std::vector<double> table(static_cast<std::size_t>(tabulated_ages * 2 * education_count));
    for (int age = 0; age < tabulated_ages; ++age)
      for (int sex = 0; sex < 2; ++sex)
        for (int e = 0; e < education_count; ++e)
          table[static_cast<std::size_t>(inactive_share_index(age, sex, e))] = inactive_share(status_share.data(), age, sex, e);
    s.inactive_share_by_age.resize(table.size());
    thrust::copy(table.begin(), table.end(), s.inactive_share_by_age.begin());
  }
  return thrust::raw_pointer_cast(s.inactive_share_by_age.data());
}

}  // namespace

SupplyTotals labour_supply_pass(Simulation::State& s, const YearTechnology& technology) {
  const std::size_t n = s.population.size();
  s.keep.resize(n);
  s.status_at_start.resize(n);
  LabourSupplyPass pass{};
  pass.p = s.population.view();
  pass.t = s.tables();
  pass.keep = thrust::raw_pointer_cast(s.keep.data());
  pass.status_at_start = thrust::raw_pointer_cast(s.status_at_start.data());
  pass.inactive_share_by_age = inactive_shares_by_age(s);
  pass.seed = s.settings.seed;
  pass.replica = s.settings.replica;
  pass.year = s.globals.year;
  pass.mortality_factor = det_pow(1.0 - s.parameters.demography.mortality_improvement,
                                  static_cast<double>(s.globals.year - s.settings.base_year));
  pass.statutory_age = s.calibration.statutory_age(s.globals.year);
  pass.late_retirement_probability = s.parameters.demography.late_retirement_probability;
  pass.school_exit_probability = s.parameters.demography.school_exit_probability;
  pass.leaving = school_leaving_ages(s.parameters);
  pass.participation_turnover = s.parameters.labour.participation_turnover;
  for (int g = 0; g < isco_group_count; ++g)
    for (int k = 0; k < task_category_count; ++k) pass.newly_adopted[g][k] = technology.newly_adopted[g][k];
  pass.pace = technology.pace;
  pass.exposure = s.parameters.exposure;
  pass.training = s.parameters.training;
  pass.training_logits = training_logits(s.calibration, s.parameters, s.globals.training_shifts);
  for (int k = 0; k < employment_type_count; ++k)
    pass.separation_logit[k] = det_logit_clamped(s.calibration.flows.separation[k]);
  pass.temporary_to_permanent = s.calibration.flows.temporary_to_permanent;
  const std::vector<std::int64_t> bins = global_histogram(s, exact_histogram(n, bin_count, pass));
  s.remove_unkept_persons();

  SupplyTotals totals;
  for (int g = 0; g < isco_group_count; ++g) {
    totals.employed_after_separations[g] = static_cast<double>(bins[bin_employed + g]);
    totals.displaced_fte_by_group[g] = fixed_to_share(bins[bin_displaced_fte + g]);
    for (int e = 0; e < education_count; ++e)
      totals.seekers_by_group[g][e] = static_cast<double>(bins[bin_seekers + g * education_count + e]);
  }
  for (int k = 0; k < task_category_count; ++k) totals.displaced_fte_by_task[k] = fixed_to_share(bins[bin_displaced_task + k]);
  totals.labour_force = static_cast<double>(bins[bin_labour_force]);
  for (int b = 0; b < broad_status_count; ++b) totals.deaths_by_status[b] = static_cast<double>(bins[bin_deaths + b]);
  for (int e = 0; e < education_count; ++e)
    totals.labour_force_by_education[e] = static_cast<double>(bins[bin_labour_force_education + e]);
  const double employed = static_cast<double>(bins[bin_employed_total]);
  totals.mean_displaced_share = employed > 0.0 ? fixed_to_share(bins[bin_displaced_sum]) / employed : 0.0;
  return totals;
}

}  // namespace ts::model
