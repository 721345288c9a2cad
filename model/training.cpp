#include "model/training_k.hpp"

namespace ts::model {
TrainingLogits training_logits(const Calibration& c, const ScenarioParameters& parameters, const TrainingShifts& shifts) {
  // Additive log-odds: each published rate by one dimension shifts the overall log-odds.
  const TrainingRates& r = c.training;
  const double overall = det_logit_clamped(r.overall);
  TrainingLogits l{};
  for (int e = 0; e < education_count; ++e) l.education[e] = det_logit_clamped(r.education[e]) + shifts.education[e];
  for (int b = 0; b < 4; ++b) l.age_band[b] = det_logit_clamped(r.age_band[b]) - overall + shifts.age_band[b];
  for (int s = 0; s < 3; ++s) l.status[s] = det_logit_clamped(r.status[s]) - overall + shifts.status[s];
  for (int k = 0; k < employment_type_count; ++k)
    l.contract[k] = det_logit_clamped(r.contract[k]) - overall + shifts.contract[k];
  const PolicyLevers& policy = parameters.policy;
  l.policy = parameters.training.policy_log_odds + policy.training_subsidy_share +
             parameters.training.learning_account_log_odds_per_1000_eur * policy.learning_account_eur / 1000.0;
  l.low_educated_extra = parameters.training.low_educated_extra_log_odds;
  l.displacement = parameters.training.displacement_log_odds;
  return l;
}

}  // namespace ts::model
