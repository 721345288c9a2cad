// det_logistic of many arguments, in groups of eight through det_exp_lanes: each lane goes
// through exactly det_logistic's operations (det_exp of -x or x by the sign, then one division),
// so the bits are the same; the eight exponentials' chains overlap or share SIMD instructions.
#pragma once
#include "kernels/det_math.hpp"

namespace ts {

// x[k] = det_logistic(x[k]) for k < count.
inline void det_logistic_in_place(double* x, int count) {
  constexpr int lanes = 8;
  for (int first = 0; first < count; first += lanes) {
    const int n = count - first < lanes ? count - first : lanes;
    double e[lanes];
    bool non_negative[lanes];
    for (int l = 0; l < lanes; ++l) {
      const double v = l < n ? x[first + l] : 0.0;
      non_negative[l] = v >= 0.0;
      e[l] = non_negative[l] ? -v : v;  // det_logistic takes det_exp(-x) for x >= 0, det_exp(x) below
    }
    det_exp_lanes(e);
    for (int l = 0; l < n; ++l) x[first + l] = non_negative[l] ? 1.0 / (1.0 + e[l]) : e[l] / (1.0 + e[l]);
  }
}

}  // namespace ts
