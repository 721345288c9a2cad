// det_exp and det_log of vectors (kernels/det_math_avx2.hpp) for callers that know every lane's
// argument to be ordinary: exp_vectors_in_range for arguments in [-700, 700], log_vectors_of_normal
// for positive normal finite arguments. For such arguments exp_vectors' and log_vectors' blends
// of special results and their handling of subnormals leave every value unchanged, and
// exp_vectors' scaling by 2^(k/2) and 2^(k - k/2) (two exact multiplies for |k| <= 1010, the
// result normal) equals one exact multiply by 2^k: so these, which skip or merge those steps,
// return the same bits with about a fifth fewer instructions. Host only, as det_math_avx2.hpp.
#pragma once
#include "kernels/det_math_avx2.hpp"

#if defined(TS_DET_MATH_AVX2)
#define TS_DET_MATH_IN_RANGE_AVX2 1

namespace ts::avx2 {

// Whether every lane of v is in [lo, hi] (NaN is not).
inline bool lanes_within(__m256d v, double lo, double hi) {
  const __m256d inside = _mm256_and_pd(_mm256_cmp_pd(v, _mm256_set1_pd(lo), _CMP_GE_OQ),
                                       _mm256_cmp_pd(v, _mm256_set1_pd(hi), _CMP_LE_OQ));
  return _mm256_movemask_pd(inside) == 0xf;
}

// exp_vectors for arguments in [-700, 700], in place.
template <int M>
inline void exp_vectors_in_range(__m256d (&x)[M]) {
  __m256d k[M], r[M], p[M];
  for (int m = 0; m < M; ++m) {
    k[m] = _mm256_floor_pd(_mm256_add_pd(_mm256_mul_pd(x[m], _mm256_set1_pd(detail::inv_ln2)), _mm256_set1_pd(0.5)));
    r[m] = _mm256_sub_pd(_mm256_sub_pd(x[m], _mm256_mul_pd(k[m], _mm256_set1_pd(detail::ln2_hi))),
                         _mm256_mul_pd(k[m], _mm256_set1_pd(detail::ln2_lo)));
    p[m] = _mm256_set1_pd(1.0 / 6227020800.0);
  }
  constexpr double coefficients[] = {1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0, 1.0 / 40320.0,
                                     1.0 / 5040.0,      1.0 / 720.0,      1.0 / 120.0,     1.0 / 24.0,     1.0 / 6.0,
                                     0.5,               1.0,              1.0};
  for (double c : coefficients)
    for (int m = 0; m < M; ++m) p[m] = _mm256_add_pd(_mm256_mul_pd(p[m], r[m]), _mm256_set1_pd(c));
  for (int m = 0; m < M; ++m) x[m] = _mm256_mul_pd(p[m], power_of_two(k[m]));
}

// log_vectors for positive normal finite arguments, in place.
template <int M>
inline void log_vectors_of_normal(__m256d (&x)[M]) {
  const __m256d one = _mm256_set1_pd(1.0);
  const __m256d magic = _mm256_set1_pd(6755399441055744.0);  // 1.5 * 2^52, as in log_vectors
  __m256d s[M], s2[M], p[M], e[M];
  for (int m = 0; m < M; ++m) {
    const __m256i bits = _mm256_castpd_si256(x[m]);
    const __m256i field = _mm256_srli_epi64(bits, 52);  // the sign bit is 0
    __m256d mantissa = _mm256_castsi256_pd(_mm256_or_si256(_mm256_and_si256(bits, _mm256_set1_epi64x(0x000fffffffffffffll)),
                                                           _mm256_set1_epi64x(0x3ff0000000000000ll)));
    const __m256d above = _mm256_cmp_pd(mantissa, _mm256_set1_pd(1.4142135623730951), _CMP_GT_OQ);
    mantissa = _mm256_blendv_pd(mantissa, _mm256_mul_pd(mantissa, _mm256_set1_pd(0.5)), above);
    const __m256i exponent = _mm256_sub_epi64(field, _mm256_castpd_si256(above));
    e[m] = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_add_epi64(exponent, _mm256_castpd_si256(magic))),
                         _mm256_add_pd(magic, _mm256_set1_pd(1023.0)));
    s[m] = _mm256_div_pd(_mm256_sub_pd(mantissa, one), _mm256_add_pd(mantissa, one));
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
    x[m] = _mm256_add_pd(_mm256_mul_pd(e[m], _mm256_set1_pd(detail::ln2_hi)),
                         _mm256_add_pd(log_mantissa, _mm256_mul_pd(e[m], _mm256_set1_pd(detail::ln2_lo))));
  }
}

}  // namespace ts::avx2
#endif
