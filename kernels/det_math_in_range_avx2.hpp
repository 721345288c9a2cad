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
  __m256d k[M], p[M];
  exp_reduced(x, k, p);
  for (int m = 0; m < M; ++m) x[m] = _mm256_mul_pd(p[m], power_of_two(k[m]));
}

// log_vectors for positive normal finite arguments, in place.
template <int M>
inline void log_vectors_of_normal(__m256d (&x)[M]) {
  const __m256d magic = _mm256_set1_pd(6755399441055744.0);  // 1.5 * 2^52, as in log_vectors
  __m256d mantissa[M], e[M];
  for (int m = 0; m < M; ++m) {
    const __m256i bits = _mm256_castpd_si256(x[m]);
    const __m256i field = _mm256_srli_epi64(bits, 52);  // the sign bit is 0
    mantissa[m] = _mm256_castsi256_pd(_mm256_or_si256(_mm256_and_si256(bits, _mm256_set1_epi64x(0x000fffffffffffffll)),
                                                      _mm256_set1_epi64x(0x3ff0000000000000ll)));
    const __m256d above = _mm256_cmp_pd(mantissa[m], _mm256_set1_pd(1.4142135623730951), _CMP_GT_OQ);
    mantissa[m] = _mm256_blendv_pd(mantissa[m], _mm256_mul_pd(mantissa[m], _mm256_set1_pd(0.5)), above);
    const __m256i exponent = _mm256_sub_epi64(field, _mm256_castpd_si256(above));
    e[m] = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_add_epi64(exponent, _mm256_castpd_si256(magic))),
                         _mm256_add_pd(magic, _mm256_set1_pd(1023.0)));
  }
  log_of_reduced(mantissa, e, x);
}

}  // namespace ts::avx2
#endif
