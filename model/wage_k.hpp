// Individual wages: a Mincer equation with occupation-group levels that move with productivity
// and tightness, a persistent individual effect, and pay gaps for non-standard work.
#pragma once
#include "kernels/det_math.hpp"
#include "kernels/ts_hd.hpp"

namespace ts::model {

struct WageTerms {
  double log_median_monthly;  // ln of the calibrated full-time median, plus the base-year intercept
  double premium_education[3];
  double experience_linear, experience_quadratic;
  double group_level[9];      // ln occupation-group level: base premium + drift since 2024
  double gap_type[4];
  double female_gap;
  double skill_return;
  double annual_months;
};

TS_HD inline double potential_experience(int age, double school_leaving_age) {
  const double x = static_cast<double>(age) - school_leaving_age;
  return x > 0.0 ? x : 0.0;
}

// Log of the full-time-equivalent gross monthly wage.
TS_HD inline double log_monthly_wage_fte(const WageTerms& w, int education, int isco1, int employment_type, int sex,
                                         double experience, double skill_stock, double individual_effect,
                                         double augmentation_gain) {
  return w.log_median_monthly + w.premium_education[education] + w.group_level[isco1 - 1] +
         w.experience_linear * experience + w.experience_quadratic * experience * experience +
         w.gap_type[employment_type] + (sex == 1 ? w.female_gap : 0.0) + w.skill_return * (skill_stock - 1.0) +
         individual_effect + augmentation_gain;
}

// Full-time-equivalent gross monthly wage.
TS_HD inline double monthly_wage_fte(const WageTerms& w, int education, int isco1, int employment_type, int sex,
                                     double experience, double skill_stock, double individual_effect,
                                     double augmentation_gain) {
  return det_exp(log_monthly_wage_fte(w, education, isco1, employment_type, sex, experience, skill_stock,
                                      individual_effect, augmentation_gain));
}

}  // namespace ts::model
