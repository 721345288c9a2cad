#include "model/calibration.hpp"

#include <stdexcept>

namespace ts::model {

// Years past the table keep its last value: the law sets no age beyond 67.
int Calibration::statutory_age(int year) const {
  if (statutory_retirement_age.empty()) throw std::logic_error("no statutory retirement ages loaded");
  auto it = statutory_retirement_age.upper_bound(year);
  if (it == statutory_retirement_age.begin()) return it->second;
  return std::prev(it)->second;
}

std::array<double, education_count> Calibration::cohort_education_in(int year) const {
  if (cohort_education.empty()) throw std::logic_error("no cohort education loaded");
  auto it = cohort_education.upper_bound(year);
  if (it == cohort_education.begin()) return it->second;
  return std::prev(it)->second;
}

}  // namespace ts::model
