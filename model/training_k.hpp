// Training participation: additive log-odds by education, age band, status or contract,
// policy and this year's displacement, calibrated to the published participation rates.
#pragma once
#include <cstdint>

#include "kernels/det_math.hpp"
#include "kernels/ts_hd.hpp"
#include "model/calibration.hpp"
#include "model/scenario_parameters.hpp"
#include "model/status.hpp"

namespace ts::model {

struct TrainingLogits {
  double education[education_count];   // log-odds of the education's published rate
  double age_band[4];                  // shifts for 25-34, 35-44, 45-54, 55-64
  double status[3];                    // shifts for employed, unemployed, inactive
  double contract[employment_type_count];  // shifts by job type, replacing the employed shift
  double policy;
  double low_educated_extra;
  double displacement;                 // per unit of this year's displaced share
};

// Age band of the training model: up to 34, 35-44, 45-54, 55 and over.
TS_HD inline int training_age_band(int age) { return age < 35 ? 0 : (age < 45 ? 1 : (age < 55 ? 2 : 3)); }

// The log-odds but for this year's displacement (the CPU's tiled supply pass tabulates them).
TS_HD inline double training_logit_before_displacement(const TrainingLogits& l, int education, int band, int status) {
  double logit = l.education[education] + l.age_band[band] + l.policy;
  if (is_employed(static_cast<std::uint8_t>(status))) logit += l.contract[status - status_employee_permanent];
  else logit += l.status[status == status_unemployed ? 1 : 2];
  if (education == 0) logit += l.low_educated_extra;
  return logit;
}

TS_HD inline double training_probability(const TrainingLogits& l, int education, int age, int status, double displaced) {
  const double logit = training_logit_before_displacement(l, education, training_age_band(age), status);
  return det_logistic(logit + l.displacement * displaced);
}

// Shifts of the log-odds that rake the additive model onto the base population, so that every
// published margin (education, age band, status and job type) is met jointly.
struct TrainingShifts {
  double education[education_count];
  double age_band[4];
  double status[3];
  double contract[employment_type_count];
};

// From the calibration's rates (training.csv), the raking shifts and the scenario's levers.
TrainingLogits training_logits(const Calibration& calibration, const ScenarioParameters& parameters,
                               const TrainingShifts& shifts);

}  // namespace ts::model
