// Automation capability and adoption: pure functions of the scenario and the year.
#pragma once
#include "kernels/det_math.hpp"
#include "kernels/ts_hd.hpp"
#include "model/scenario_parameters.hpp"

namespace ts::model {

// Share of task category k automatable at the frontier in `year`: a logistic diffusion curve
// rescaled so that it starts exactly at the 2024 capability and tends to the ceiling.
TS_HD inline double automation_capability(const TechnologyParameters& t, int k, int year, int base_year) {
  const double start = t.capability_2024[k];
  const double ceiling = t.capability_ceiling[k] > start ? t.capability_ceiling[k] : start;
  const double s0 = det_logistic(t.speed[k] * (base_year - t.midpoint_year[k]));
  const double s = det_logistic(t.speed[k] * (year - t.midpoint_year[k]));
  const double progress = s0 < 1.0 ? (s - s0) / (1.0 - s0) : 0.0;
  return start + (ceiling - start) * (progress > 0.0 ? progress : 0.0);
}

// Relative cost of automating an FTE of tasks (against the mean FTE wage) in `year`.
TS_HD inline double automation_cost(const TechnologyParameters& t, int year, int base_year) {
  return t.cost_relative_2024 * det_pow(1.0 - t.cost_decline, static_cast<double>(year - base_year));
}

// Share of the automatable tasks that employers in an occupation group adopt: where the
// group's wage relative to the mean exceeds the automation cost, most of the frontier is used.
TS_HD inline double adoption_rate(const TechnologyParameters& t, double relative_wage, double relative_cost) {
  return det_logistic((det_log(relative_wage) - det_log(relative_cost)) / t.adoption_spread);
}

}  // namespace ts::model
