// Draws of a new person's attributes that synthesis, microdata import and entrants share, so the
// three set them the same way. Draw indices refer to the person's synthesis stream.
#pragma once
#include "kernels/philox_stream.hpp"
#include "model/passes/person_access.hpp"

namespace ts::model {

// The draws take a PhiloxStream or the same stream's blocks computed once (PhiloxBlocks).

// Digital level by attained education and age band (digital_skills.csv): draw 10.
template <class Stream>
TS_HD inline std::uint8_t draw_digital_skill(const TablesView& t, const Stream& r, int attained_education, int age) {
  const int band = age >= 65 ? 5 : (age - 15) / 10;
  return static_cast<std::uint8_t>(r.categorical(
      10, t.digital_share + (attained_education * digital_band_count + band) * digital_level_count, digital_level_count));
}

// General skill stock around the base-year mean of 1 (assumption: 15% dispersion): draw 11.
template <class Stream>
TS_HD inline float draw_skill_stock(const Stream& r) {
  const double skill = 1.0 + 0.15 * r.normal(11);
  return static_cast<float>(skill < 0.3 ? 0.3 : skill);
}

// Months of the current unemployment spell, exponential with the given mean: draw 13.
template <class Stream>
TS_HD inline std::uint8_t draw_unemployment_months(const Stream& r, std::uint8_t status, double mean_months) {
  const double spell = status == status_unemployed ? -mean_months * det_log(r.uniform(13)) : 0.0;
  return static_cast<std::uint8_t>(spell > 255.0 ? 255.0 : spell);
}

// Years worked so far: potential experience (until retirement for the retired) times an assumed
// employment intensity over the career, 0.9 for workers and retirees and 0.6 for others, capped at 45.
TS_HD inline float synthetic_years_worked(int age, std::uint8_t status, int statutory_age, double leaving_age) {
  const double until = status == status_retired ? (age < statutory_age ? age : statutory_age) : age;
  const double potential = until - leaving_age;
  const double intensity = status == status_retired || is_employed(status) ? 0.9 : 0.6;
  const double years = (potential > 0.0 ? potential : 0.0) * intensity;
  return static_cast<float>(years > 45.0 ? 45.0 : years);
}

// The yearly flows that a new person has not had yet.
TS_HD inline void clear_yearly_amounts(const PersonView& p, std::size_t i) {
  p.displaced_share[i] = 0.0f;
  p.previous_wage[i] = 0.0f;
  p.capital_income[i] = 0.0f;
  p.benefits[i] = 0.0f;
  p.pension[i] = 0.0f;
  p.contributions[i] = 0.0f;
  p.taxes[i] = 0.0f;
  p.disposable_income[i] = 0.0f;
  p.trained[i] = 0;  // drawn for the base year by calibrate_base_year_training
}

}  // namespace ts::model
