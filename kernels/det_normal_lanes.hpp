// det_normal_quantile of N probabilities at once: the central region's rational function in
// lockstep over the lanes (its two polynomial chains and division overlap in the core), and
// the tails, a few percent of draws, by the scalar function. Each lane goes through exactly
// the scalar function's operations, so it returns the same bits (det_math_test.cpp).
#pragma once
#include "kernels/det_math.hpp"
#include "kernels/ts_hd.hpp"

namespace ts {

template <int N>
TS_HD inline void det_normal_quantile_lanes(double (&p)[N]) {
  constexpr double a1 = -3.969683028665376e+01, a2 = 2.209460984245205e+02, a3 = -2.759285104469687e+02,
                   a4 = 1.383577518672690e+02, a5 = -3.066479806614716e+01, a6 = 2.506628277459239e+00;
  constexpr double b1 = -5.447609879822406e+01, b2 = 1.615858368580409e+02, b3 = -1.556989798598866e+02,
                   b4 = 6.680131188771972e+01, b5 = -1.328068155288572e+01;
  constexpr double p_low = 0.02425;
  double central[N];
  for (int l = 0; l < N; ++l) {
    const double q = p[l] - 0.5;
    const double r = q * q;
    central[l] = (((((a1 * r + a2) * r + a3) * r + a4) * r + a5) * r + a6) * q /
                 (((((b1 * r + b2) * r + b3) * r + b4) * r + b5) * r + 1.0);
  }
  for (int l = 0; l < N; ++l) p[l] = p[l] < p_low || p[l] > 1.0 - p_low ? det_normal_quantile(p[l]) : central[l];
}

}  // namespace ts
