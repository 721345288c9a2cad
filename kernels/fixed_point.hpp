// Money as int64 cents. Sums of int64 are exact and associative, so totals that feed back
// into the model or into outputs are bit-identical in any order, on any number of ranks.
#pragma once
#include <cstdint>

#include "kernels/det_math.hpp"
#include "kernels/ts_hd.hpp"

namespace ts {

inline constexpr double cents_per_euro = 100.0;

TS_HD inline std::int64_t euros_to_cents(double euros) {
  return static_cast<std::int64_t>(det_floor(euros * cents_per_euro + 0.5));
}

inline double cents_to_euros(std::int64_t cents) {
  return static_cast<double>(cents) / cents_per_euro;
}

// A share in [0, 1] in units of 1e-9, for exact sums of fractional quantities (task shares,
// FTE) over millions of persons without overflow (3e15 < 9.2e18).
inline constexpr double fixed_share_unit = 1e9;

TS_HD inline std::int64_t share_to_fixed(double share) {
  return static_cast<std::int64_t>(det_floor(share * fixed_share_unit + 0.5));
}

inline double fixed_to_share(std::int64_t fixed) {
  return static_cast<double>(fixed) / fixed_share_unit;
}

}  // namespace ts
