// det_logistic of many arguments in one loop that the compiler vectorises (CPU only). Each
// element goes through exactly det_logistic's operations: det_exp of -x or x by the sign (the
// same range reduction, polynomial and scaling as det_exp), then one division; so the bits are
// the same (det_math_test.cpp). Two steps are written differently with the same results: the
// floor of the reduced argument, which lies in [-1075, 1], is a truncation to int corrected by
// one below zero (GCC does not vectorise floor with -ftrapping-math), and every case is
// computed and selected on the bits (ts::select_bits) rather than branched on.
#pragma once
#include <cstdint>

#include "kernels/det_math.hpp"
#include "kernels/simd_loops.hpp"

namespace ts {

inline constexpr double exp_taylor_coefficients[] = {1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0,
                                                     1.0 / 362880.0,    1.0 / 40320.0,    1.0 / 5040.0,
                                                     1.0 / 720.0,       1.0 / 120.0,      1.0 / 24.0,
                                                     1.0 / 6.0,         0.5,              1.0,
                                                     1.0};

// x[k] = det_logistic(x[k]) for k < count.
inline void det_logistic_in_place(double* x, int count) {
  TS_SIMD_LOOP
  for (int k = 0; k < count; ++k) {
    const double v = x[k];
    const bool non_negative = v >= 0.0;
    const double a = select_bits(non_negative, -v, v);  // det_logistic's argument of det_exp: <= 0 or NaN
    // det_exp(a): a never exceeds 709; NaN returns itself, below -745 returns 0.
    const bool special = !(a >= -745.0);
    const double special_value = select_bits(a != a, a, 0.0);
    const double xl = select_bits(special, 0.0, a);
    const double y = xl * detail::inv_ln2 + 0.5;
    const double truncated = static_cast<double>(static_cast<std::int32_t>(y));
    const double kf = truncated - select_bits(truncated > y, 1.0, 0.0);  // floor(y)
    const double r = (xl - kf * detail::ln2_hi) - kf * detail::ln2_lo;
    double p = 1.0 / 6227020800.0;  // det_exp's Taylor polynomial, its coefficients in its order
    for (const double c : exp_taylor_coefficients) p = p * r + c;
    const std::int32_t exponent = static_cast<std::int32_t>(kf);
    const std::int32_t half = exponent / 2;
    const double scale_a = detail::bits_to_double(static_cast<std::uint64_t>(half + 1023) << 52);
    const double scale_b = detail::bits_to_double(static_cast<std::uint64_t>(exponent - half + 1023) << 52);
    const double e = select_bits(special, special_value, p * scale_a * scale_b);
    const double one_plus = 1.0 + e;
    x[k] = select_bits(non_negative, 1.0 / one_plus, e / one_plus);
  }
}

}  // namespace ts
