// Deterministic elementary functions. libm's exp/log differ in their last bits between glibc
// and CUDA's device library, which would make CPU and GPU runs drift apart; these use only
// IEEE-exact operations (+ - * / sqrt floor and bit manipulation), so they give the same bits
// on every backend as long as the compilers do not contract a*b+c into FMA
// (-ffp-contract=off for g++, --fmad=false for nvcc; see cmake/TaskShiftBackend.cmake).
#pragma once
#include <cmath>
#include <cstdint>

#include "kernels/det_math_avx2.hpp"
#include "kernels/det_math_constants.hpp"
#include "kernels/ts_hd.hpp"

namespace ts {

namespace detail {
TS_HD inline double bits_to_double(std::uint64_t bits) {
  double value;
  __builtin_memcpy(&value, &bits, sizeof value);
  return value;
}
TS_HD inline std::uint64_t double_to_bits(double value) {
  std::uint64_t bits;
  __builtin_memcpy(&bits, &value, sizeof bits);
  return bits;
}
// A NaN with its quiet bit set, as an arithmetic operation would return it.
TS_HD inline double quieted(double nan) { return bits_to_double(double_to_bits(nan) | (std::uint64_t{1} << 51)); }
}  // namespace detail

TS_HD inline double det_floor(double x) { return ::floor(x); }
TS_HD inline double det_sqrt(double x) { return ::sqrt(x); }

// e^x with a relative error below 2e-16 for |x| < 708; saturates outside.
TS_HD inline double det_exp(double x) {
  if (x != x) return x;
  if (x > 709.0) return detail::bits_to_double(0x7ff0000000000000ull);  // +inf
  if (x < -745.0) return 0.0;
  const double k = det_floor(x * detail::inv_ln2 + 0.5);
  const double r = (x - k * detail::ln2_hi) - k * detail::ln2_lo;  // |r| <= ln2/2
  // Taylor series to degree 13: the first omitted term is below 2e-16 for |r| <= 0.347.
  double p = 1.0 / 6227020800.0;
  p = p * r + 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  // Scale by 2^k in two steps so that results near the subnormal range stay exact.
  const int exponent = static_cast<int>(k);
  const int half = exponent / 2;
  const double scale_a = detail::bits_to_double(static_cast<std::uint64_t>(half + 1023) << 52);
  const double scale_b =
      detail::bits_to_double(static_cast<std::uint64_t>(exponent - half + 1023) << 52);
  return p * scale_a * scale_b;
}

// Natural logarithm with a relative error below 2e-16; log(0) = -inf, log(x<0) = NaN.
TS_HD inline double det_log(double x) {
  if (!(x > 0.0)) {
    return x == 0.0 ? -detail::bits_to_double(0x7ff0000000000000ull)
                    : detail::bits_to_double(0x7ff8000000000000ull);
  }
  std::uint64_t bits = detail::double_to_bits(x);
  int exponent = static_cast<int>((bits >> 52) & 0x7ff);
  if (exponent == 0) {  // subnormal: normalise first
    x *= 18014398509481984.0;  // 2^54
    bits = detail::double_to_bits(x);
    exponent = static_cast<int>((bits >> 52) & 0x7ff) - 54;
  }
  if (exponent == 0x7ff) return x;  // inf
  exponent -= 1023;
  double mantissa = detail::bits_to_double((bits & 0x000fffffffffffffull) | 0x3ff0000000000000ull);
  if (mantissa > 1.4142135623730951) {  // keep the mantissa in [sqrt(1/2), sqrt(2))
    mantissa *= 0.5;
    exponent += 1;
  }
  // log(m) = 2 atanh(s) with s = (m-1)/(m+1), |s| <= 0.1716: odd series to s^23.
  const double s = (mantissa - 1.0) / (mantissa + 1.0);
  const double s2 = s * s;
  double p = 1.0 / 23.0;
  p = p * s2 + 1.0 / 21.0;
  p = p * s2 + 1.0 / 19.0;
  p = p * s2 + 1.0 / 17.0;
  p = p * s2 + 1.0 / 15.0;
  p = p * s2 + 1.0 / 13.0;
  p = p * s2 + 1.0 / 11.0;
  p = p * s2 + 1.0 / 9.0;
  p = p * s2 + 1.0 / 7.0;
  p = p * s2 + 1.0 / 5.0;
  p = p * s2 + 1.0 / 3.0;
  const double log_mantissa = 2.0 * s + 2.0 * s * s2 * p;
  const double e = static_cast<double>(exponent);
  return e * detail::ln2_hi + (log_mantissa + e * detail::ln2_lo);
}

// 1 / (1 + e^-x), the link of every participation and transition probability.
TS_HD inline double det_logistic(double x) {
  if (x >= 0.0) return 1.0 / (1.0 + det_exp(-x));
  const double e = det_exp(x);
  return e / (1.0 + e);
}

// log(p / (1 - p)), the inverse of det_logistic.
TS_HD inline double det_logit(double p) { return det_log(p) - det_log(1.0 - p); }

// log-odds of a probability kept one millionth away from 0 and 1, for rates read from tables.
TS_HD inline double det_logit_clamped(double p) {
  return det_logit(p < 1e-6 ? 1e-6 : (p > 1.0 - 1e-6 ? 1.0 - 1e-6 : p));
}

// a^b for a > 0. A NaN exponent is the result, whatever a: where det_log(a) is a NaN too, the
// product of two NaNs carries either one's payload, by the operand order the compiler picks
// (IEEE leaves it open; x86-64-v4 builds and v3 builds picked differently), so it is chosen here.
TS_HD inline double det_pow(double a, double b) { return b != b ? detail::quieted(b) : det_exp(b * det_log(a)); }

// det_exp, det_log and det_pow of N independent arguments at once. Each lane goes through
// exactly the operations of the scalar function, in the same order, so it returns the same
// bits; evaluated in lockstep, the N dependent polynomial chains overlap in the core, where one
// argument at a time is bound by their latency. The portable versions below are what the GPU
// and builds without AVX2 run; host code with AVX2 runs det_math_avx2.hpp's (same bits).
template <int N>
TS_HD inline void det_exp_lanes_portable(double (&x)[N]) {
  double k[N], r[N], p[N], special[N];
  bool is_special[N];
  for (int l = 0; l < N; ++l) {
    is_special[l] = x[l] != x[l] || x[l] > 709.0 || x[l] < -745.0;
    special[l] = x[l] != x[l] ? x[l] : (x[l] > 709.0 ? detail::bits_to_double(0x7ff0000000000000ull) : 0.0);
    const double xl = is_special[l] ? 0.0 : x[l];
    k[l] = det_floor(xl * detail::inv_ln2 + 0.5);
    r[l] = (xl - k[l] * detail::ln2_hi) - k[l] * detail::ln2_lo;
    p[l] = 1.0 / 6227020800.0;
  }
  constexpr double coefficients[] = {1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0,
                                     1.0 / 40320.0,     1.0 / 5040.0,     1.0 / 720.0,     1.0 / 120.0,
                                     1.0 / 24.0,        1.0 / 6.0,        0.5,             1.0,
                                     1.0};
  for (double c : coefficients)
    for (int l = 0; l < N; ++l) p[l] = p[l] * r[l] + c;
  for (int l = 0; l < N; ++l) {
    const int exponent = static_cast<int>(k[l]);
    const int half = exponent / 2;
    const double scale_a = detail::bits_to_double(static_cast<std::uint64_t>(half + 1023) << 52);
    const double scale_b = detail::bits_to_double(static_cast<std::uint64_t>(exponent - half + 1023) << 52);
    x[l] = is_special[l] ? special[l] : p[l] * scale_a * scale_b;
  }
}

template <int N>
TS_HD inline void det_log_lanes_portable(double (&x)[N]) {
  double s[N], s2[N], p[N], e[N], special[N];
  bool is_special[N];
  for (int l = 0; l < N; ++l) {
    double xl = x[l];
    is_special[l] = !(xl > 0.0);
    special[l] = xl == 0.0 ? -detail::bits_to_double(0x7ff0000000000000ull)
                           : detail::bits_to_double(0x7ff8000000000000ull);
    if (is_special[l]) xl = 1.0;
    std::uint64_t bits = detail::double_to_bits(xl);
    int exponent = static_cast<int>((bits >> 52) & 0x7ff);
    if (exponent == 0) {  // subnormal: normalise first
      xl *= 18014398509481984.0;  // 2^54
      bits = detail::double_to_bits(xl);
      exponent = static_cast<int>((bits >> 52) & 0x7ff) - 54;
    }
    if (exponent == 0x7ff) {  // inf
      is_special[l] = true;
      special[l] = xl;
      exponent = 1023;
    }
    exponent -= 1023;
    double mantissa = detail::bits_to_double((bits & 0x000fffffffffffffull) | 0x3ff0000000000000ull);
    if (mantissa > 1.4142135623730951) {
      mantissa *= 0.5;
      exponent += 1;
    }
    s[l] = (mantissa - 1.0) / (mantissa + 1.0);
    s2[l] = s[l] * s[l];
    e[l] = static_cast<double>(exponent);
    p[l] = 1.0 / 23.0;
  }
  constexpr double coefficients[] = {1.0 / 21.0, 1.0 / 19.0, 1.0 / 17.0, 1.0 / 15.0, 1.0 / 13.0,
                                     1.0 / 11.0, 1.0 / 9.0,  1.0 / 7.0,  1.0 / 5.0,  1.0 / 3.0};
  for (double c : coefficients)
    for (int l = 0; l < N; ++l) p[l] = p[l] * s2[l] + c;
  for (int l = 0; l < N; ++l) {
    const double log_mantissa = 2.0 * s[l] + 2.0 * s[l] * s2[l] * p[l];
    x[l] = is_special[l] ? special[l] : e[l] * detail::ln2_hi + (log_mantissa + e[l] * detail::ln2_lo);
  }
}

// a[l]^b for a[l] > 0, in place.
template <int N>
TS_HD inline void det_pow_lanes_portable(double (&a)[N], double b) {
  if (b != b) {  // det_pow's NaN exponent
    for (double& lane : a) lane = detail::quieted(b);
    return;
  }
  det_log_lanes_portable(a);
  for (int l = 0; l < N; ++l) a[l] *= b;
  det_exp_lanes_portable(a);
}

template <int N>
TS_HD inline void det_exp_lanes(double (&x)[N]) {
#if defined(TS_DET_MATH_AVX2) && !defined(__CUDA_ARCH__)
  avx2::det_exp_lanes(x);
#else
  det_exp_lanes_portable(x);
#endif
}

template <int N>
TS_HD inline void det_log_lanes(double (&x)[N]) {
#if defined(TS_DET_MATH_AVX2) && !defined(__CUDA_ARCH__)
  avx2::det_log_lanes(x);
#else
  det_log_lanes_portable(x);
#endif
}

template <int N>
TS_HD inline void det_pow_lanes(double (&a)[N], double b) {
#if defined(TS_DET_MATH_AVX2) && !defined(__CUDA_ARCH__)
  if (b != b) return det_pow_lanes_portable(a, b);  // det_pow's NaN exponent
  avx2::det_pow_lanes(a, b);
#else
  det_pow_lanes_portable(a, b);
#endif
}

// Quantile function of the standard normal distribution (Acklam's rational approximation,
// relative error below 1.2e-9), so that a normal draw costs one uniform and no cos/sin.
TS_HD inline double det_normal_quantile(double p) {
  constexpr double a1 = -3.969683028665376e+01, a2 = 2.209460984245205e+02,
                   a3 = -2.759285104469687e+02, a4 = 1.383577518672690e+02,
                   a5 = -3.066479806614716e+01, a6 = 2.506628277459239e+00;
  constexpr double b1 = -5.447609879822406e+01, b2 = 1.615858368580409e+02,
                   b3 = -1.556989798598866e+02, b4 = 6.680131188771972e+01,
                   b5 = -1.328068155288572e+01;
  constexpr double c1 = -7.784894002430293e-03, c2 = -3.223964580411365e-01,
                   c3 = -2.400758277161838e+00, c4 = -2.549732539343734e+00,
                   c5 = 4.374664141464968e+00, c6 = 2.938163982698783e+00;
  constexpr double d1 = 7.784695709041462e-03, d2 = 3.224671290700398e-01,
                   d3 = 2.445134137142996e+00, d4 = 3.754408661907416e+00;
  constexpr double p_low = 0.02425;
  if (p < p_low) {
    const double q = det_sqrt(-2.0 * det_log(p));
    return (((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) /
           ((((d1 * q + d2) * q + d3) * q + d4) * q + 1.0);
  }
  if (p > 1.0 - p_low) {
    const double q = det_sqrt(-2.0 * det_log(1.0 - p));
    return -(((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) /
           ((((d1 * q + d2) * q + d3) * q + d4) * q + 1.0);
  }
  const double q = p - 0.5;
  const double r = q * q;
  return (((((a1 * r + a2) * r + a3) * r + a4) * r + a5) * r + a6) * q /
         (((((b1 * r + b2) * r + b3) * r + b4) * r + b5) * r + 1.0);
}

}  // namespace ts
