// det_exp_lanes, det_log_lanes and det_pow_lanes (det_math.hpp) for host code compiled with
// AVX2: four lanes per instruction. Every lane goes through the scalar function's operations in
// the same order (no FMA: GCC treats these intrinsics as plain vector arithmetic, which the
// project's -ffp-contract=off keeps from fusing); what the scalar code does with branches and
// integers is exact here too: floor is a rounding instruction, special arguments are blended in,
// and 2^k is built from exponent bits. So each lane returns det_exp's, det_log's or det_pow's
// bits. Host only: nvcc's device pass, and builds without AVX2 (the serial reference engine,
// nvcc's host pass), take the portable lanes of det_math.hpp instead.
#pragma once
#if defined(__AVX2__) && !defined(__CUDA_ARCH__)
#include <immintrin.h>

#include "kernels/det_math_constants.hpp"

#define TS_DET_MATH_AVX2 1

namespace ts::avx2 {

// N lanes held in (N + 3) / 4 vectors; a partial last vector is padded with `pad`, an argument
// whose result is thrown away.
template <int N>
inline constexpr int vectors_for = (N + 3) / 4;

// The partial last vector is built from and returned to scalars, not with masked loads and
// stores: the callers have just written the lanes one by one, and a vector load of fresh scalar
// stores waits for them to reach the cache.
template <int N>
inline void load_lanes(const double (&x)[N], __m256d (&v)[vectors_for<N>], double pad) {
  for (int m = 0; m < N / 4; ++m) v[m] = _mm256_loadu_pd(x + 4 * m);
  if constexpr (N % 4 != 0) {
    double tail[4] = {pad, pad, pad, pad};
    for (int l = 0; l < N % 4; ++l) tail[l] = x[4 * (N / 4) + l];
    v[N / 4] = _mm256_setr_pd(tail[0], tail[1], tail[2], tail[3]);
  }
}

template <int N>
inline void store_lanes(const __m256d (&v)[vectors_for<N>], double (&x)[N]) {
  for (int m = 0; m < N / 4; ++m) _mm256_storeu_pd(x + 4 * m, v[m]);
  if constexpr (N % 4 != 0) {
    alignas(32) double tail[4];
    _mm256_store_pd(tail, v[N / 4]);
    for (int l = 0; l < N % 4; ++l) x[4 * (N / 4) + l] = tail[l];
  }
}

// 2^n for integral n in [-1022, 1023]: n + 1023 lands in the low mantissa bits of 2^52 + 1023 + n
// (an exact sum), and the shift moves it into the exponent field.
inline __m256d power_of_two(__m256d n) {
  const __m256d biased = _mm256_add_pd(n, _mm256_set1_pd(4503599627370496.0 + 1023.0));
  return _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_castpd_si256(biased), 52));
}

// det_exp's argument reduction and polynomial: k = round(x / ln 2), and in p the polynomial of
// e^r for r = x - k ln 2 (ln 2 in two parts), so that e^x = p * 2^k.
template <int M>
inline void exp_reduced(const __m256d (&x)[M], __m256d (&k)[M], __m256d (&p)[M]) {
  __m256d r[M];
  for (int m = 0; m < M; ++m) {
    k[m] = _mm256_floor_pd(_mm256_add_pd(_mm256_mul_pd(x[m], _mm256_set1_pd(detail::inv_ln2)), _mm256_set1_pd(0.5)));
    r[m] = _mm256_sub_pd(_mm256_sub_pd(x[m], _mm256_mul_pd(k[m], _mm256_set1_pd(detail::ln2_hi))),
                         _mm256_mul_pd(k[m], _mm256_set1_pd(detail::ln2_lo)));
    p[m] = _mm256_set1_pd(1.0 / 6227020800.0);
  }
  constexpr double coefficients[] = {1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0,
                                     1.0 / 40320.0,     1.0 / 5040.0,     1.0 / 720.0,     1.0 / 120.0,
                                     1.0 / 24.0,        1.0 / 6.0,        0.5,             1.0,
                                     1.0};
  for (double c : coefficients)
    for (int m = 0; m < M; ++m) p[m] = _mm256_add_pd(_mm256_mul_pd(p[m], r[m]), _mm256_set1_pd(c));
}

// det_log's series from the reduced mantissa (in [sqrt(1/2), sqrt(2)]) and the exponent e as
// doubles: log x = e ln 2 + 2 atanh((mantissa - 1) / (mantissa + 1)), ln 2 in two parts.
template <int M>
inline void log_of_reduced(const __m256d (&mantissa)[M], const __m256d (&e)[M], __m256d (&log_x)[M]) {
  const __m256d one = _mm256_set1_pd(1.0);
  __m256d s[M], s2[M], p[M];
  for (int m = 0; m < M; ++m) {
    s[m] = _mm256_div_pd(_mm256_sub_pd(mantissa[m], one), _mm256_add_pd(mantissa[m], one));
    s2[m] = _mm256_mul_pd(s[m], s[m]);
    p[m] = _mm256_set1_pd(1.0 / 23.0);
  }
  constexpr double coefficients[] = {1.0 / 21.0, 1.0 / 19.0, 1.0 / 17.0, 1.0 / 15.0, 1.0 / 13.0,
                                     1.0 / 11.0, 1.0 / 9.0,  1.0 / 7.0,  1.0 / 5.0,  1.0 / 3.0};
  for (double c : coefficients)
    for (int m = 0; m < M; ++m) p[m] = _mm256_add_pd(_mm256_mul_pd(p[m], s2[m]), _mm256_set1_pd(c));
  for (int m = 0; m < M; ++m) {
    const __m256d two_s = _mm256_mul_pd(_mm256_set1_pd(2.0), s[m]);
    const __m256d log_mantissa = _mm256_add_pd(two_s, _mm256_mul_pd(_mm256_mul_pd(two_s, s2[m]), p[m]));
    log_x[m] = _mm256_add_pd(_mm256_mul_pd(e[m], _mm256_set1_pd(detail::ln2_hi)),
                             _mm256_add_pd(log_mantissa, _mm256_mul_pd(e[m], _mm256_set1_pd(detail::ln2_lo))));
  }
}

// det_exp of M vectors in lockstep, in place.
template <int M>
inline void exp_vectors(__m256d (&x)[M]) {
  const __m256d infinity = _mm256_castsi256_pd(_mm256_set1_epi64x(0x7ff0000000000000ll));
  __m256d xl[M], k[M], p[M], special[M], is_special[M];
  for (int m = 0; m < M; ++m) {
    const __m256d nan = _mm256_cmp_pd(x[m], x[m], _CMP_UNORD_Q);
    const __m256d over = _mm256_cmp_pd(x[m], _mm256_set1_pd(709.0), _CMP_GT_OQ);
    const __m256d under = _mm256_cmp_pd(x[m], _mm256_set1_pd(-745.0), _CMP_LT_OQ);
    is_special[m] = _mm256_or_pd(nan, _mm256_or_pd(over, under));
    special[m] = _mm256_blendv_pd(_mm256_and_pd(over, infinity), x[m], nan);  // NaN, +inf or 0
    xl[m] = _mm256_andnot_pd(is_special[m], x[m]);                            // 0 in special lanes
  }
  exp_reduced(xl, k, p);
  for (int m = 0; m < M; ++m) {
    // The scalar code's exponent / 2 truncates towards zero, as does this rounding of k / 2.
    const __m256d half = _mm256_round_pd(_mm256_mul_pd(k[m], _mm256_set1_pd(0.5)),
                                         _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
    const __m256d scaled = _mm256_mul_pd(_mm256_mul_pd(p[m], power_of_two(half)),
                                         power_of_two(_mm256_sub_pd(k[m], half)));
    x[m] = _mm256_blendv_pd(scaled, special[m], is_special[m]);
  }
}

// det_log of M vectors in lockstep, in place.
template <int M>
inline void log_vectors(__m256d (&x)[M]) {
  const __m256d zero = _mm256_setzero_pd(), one = _mm256_set1_pd(1.0);
  const __m256i exponent_field = _mm256_set1_epi64x(0x7ff);
  // An int64 v added to the bits of 1.5 * 2^52 gives the double 1.5 * 2^52 + v for |v| < 2^51.
  const __m256d magic = _mm256_set1_pd(6755399441055744.0);
  __m256d mantissa[M], e[M], log_x[M], special[M], is_special[M];
  for (int m = 0; m < M; ++m) {
    const __m256d not_positive = _mm256_cmp_pd(x[m], zero, _CMP_NGT_UQ);
    special[m] = _mm256_blendv_pd(_mm256_castsi256_pd(_mm256_set1_epi64x(0x7ff8000000000000ll)),
                                  _mm256_castsi256_pd(_mm256_set1_epi64x(static_cast<long long>(0xfff0000000000000ull))),
                                  _mm256_cmp_pd(x[m], zero, _CMP_EQ_OQ));  // log(0) = -inf, else NaN
    __m256d xl = _mm256_blendv_pd(x[m], one, not_positive);
    const __m256i subnormal = _mm256_cmpeq_epi64(
        _mm256_and_si256(_mm256_srli_epi64(_mm256_castpd_si256(xl), 52), exponent_field), _mm256_setzero_si256());
    xl = _mm256_blendv_pd(xl, _mm256_mul_pd(xl, _mm256_set1_pd(18014398509481984.0)),  // 2^54
                          _mm256_castsi256_pd(subnormal));
    const __m256i bits = _mm256_castpd_si256(xl);
    const __m256i field = _mm256_and_si256(_mm256_srli_epi64(bits, 52), exponent_field);
    const __m256d infinite = _mm256_castsi256_pd(_mm256_cmpeq_epi64(field, exponent_field));
    is_special[m] = _mm256_or_pd(not_positive, infinite);
    special[m] = _mm256_blendv_pd(special[m], xl, infinite);  // log(inf) = inf
    mantissa[m] = _mm256_castsi256_pd(
        _mm256_or_si256(_mm256_and_si256(bits, _mm256_set1_epi64x(0x000fffffffffffffll)),
                        _mm256_set1_epi64x(0x3ff0000000000000ll)));
    const __m256d above = _mm256_cmp_pd(mantissa[m], _mm256_set1_pd(1.4142135623730951), _CMP_GT_OQ);
    mantissa[m] = _mm256_blendv_pd(mantissa[m], _mm256_mul_pd(mantissa[m], _mm256_set1_pd(0.5)), above);
    // exponent = field - 54 (subnormal) + 1 (above) as an integer (masks are -1), then exactly
    // to double, less the bias.
    const __m256i exponent = _mm256_sub_epi64(
        _mm256_sub_epi64(field, _mm256_and_si256(subnormal, _mm256_set1_epi64x(54))), _mm256_castpd_si256(above));
    e[m] = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_add_epi64(exponent, _mm256_castpd_si256(magic))),
                         _mm256_add_pd(magic, _mm256_set1_pd(1023.0)));
  }
  log_of_reduced(mantissa, e, log_x);
  for (int m = 0; m < M; ++m) x[m] = _mm256_blendv_pd(log_x[m], special[m], is_special[m]);
}

// Loads N lanes into vectors, applies `step` to them, stores them back.
template <int N, class Step>
inline void on_vectors(double (&x)[N], double pad, Step step) {
  __m256d v[vectors_for<N>];
  load_lanes(x, v, pad);
  step(v);
  store_lanes(v, x);
}

template <int N>
inline void det_exp_lanes(double (&x)[N]) {
  on_vectors(x, 0.0, [](auto& v) { exp_vectors(v); });
}

template <int N>
inline void det_log_lanes(double (&x)[N]) {
  on_vectors(x, 1.0, [](auto& v) { log_vectors(v); });
}

template <int N>
inline void det_pow_lanes(double (&a)[N], double b) {
  on_vectors(a, 1.0, [b](auto& v) {
    log_vectors(v);
    for (auto& lane : v) lane = _mm256_mul_pd(_mm256_set1_pd(b), lane);  // det_pow's b * det_log(a)
    exp_vectors(v);
  });
}

}  // namespace ts::avx2
#endif
