// Labour-market status codes of a person. The order is part of the output format (the
// NetCDF coordinate labels follow it) and of checkpoints: append, never reorder.
#pragma once
#include <cstdint>

#include "kernels/ts_hd.hpp"

namespace ts::model {

enum Status : std::uint8_t {
  status_in_education = 0,
  status_employee_permanent = 1,
  status_employee_temporary = 2,
  status_self_employed = 3,
  status_platform_worker = 4,
  status_unemployed = 5,
  status_inactive = 6,
  status_retired = 7,
};
inline constexpr int status_count = 8;

// The five broad statuses used for the transition matrix and population-by-status outputs.
enum BroadStatus : std::uint8_t {
  broad_in_education = 0,
  broad_employed = 1,
  broad_unemployed = 2,
  broad_inactive = 3,
  broad_retired = 4,
};
inline constexpr int broad_status_count = 5;

TS_HD inline constexpr bool is_employed(std::uint8_t status) {
  return status >= status_employee_permanent && status <= status_platform_worker;
}

TS_HD inline constexpr std::uint8_t broad_status(std::uint8_t status) {
  return status == status_in_education ? broad_in_education
         : is_employed(status)         ? broad_employed
         : status == status_unemployed ? broad_unemployed
         : status == status_inactive   ? broad_inactive
                                       : broad_retired;
}

}  // namespace ts::model
