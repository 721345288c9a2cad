// The indicator pass's per-person task work on the CPU (indicator_contribution.hpp, range()),
// four persons at a time with AVX2: the employed persons' task shares in fixed point and each
// person's job cell. GCC's vectorised loop spilled its five int64 sums to the stack. Each lane
// does the scalar operations in order: share * unit + 0.5 floored (a rounding instruction), held
// as int64 through the 1.5 * 2^52 shift (exact below 2^51, as floor_to_int64), and
// automatable_share's multiplies and adds one by one (no FMA under -ffp-contract=off). Host only.
#pragma once
#if defined(__AVX2__) && !defined(__CUDACC__)
#include <immintrin.h>

#include <cstdint>

#include "kernels/fixed_point.hpp"
#include "model/status.hpp"
#include "model/tasks.hpp"

#define TS_INDICATOR_TASK_LANES_AVX2 1

namespace ts::model::indicator::avx2 {

// The employed among persons [0, n), n a multiple of 32, listed in order: 32 statuses compared
// at once, then the set bits of the mask taken one by one (a scalar loop with a conditional
// advance per person was 5 instructions a person). Returns their count.
inline int list_employed(const std::uint8_t* status, int n, int* list) {
  static_assert(status_employee_permanent == 1 && status_platform_worker == 4, "the employed are statuses 1 to 4");
  const __m256i one = _mm256_set1_epi8(1), three = _mm256_set1_epi8(3);
  int count = 0;
  for (int first = 0; first < n; first += 32) {
    const __m256i s = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(status + first));
    const __m256i above = _mm256_subs_epu8(_mm256_sub_epi8(s, one), three);  // zero where s - 1 <= 3 (unsigned)
    auto employed = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(above, _mm256_setzero_si256())));
    for (; employed != 0; employed &= employed - 1) list[count++] = first + __builtin_ctz(employed);
  }
  return count;
}

// For persons [0, n) with n a multiple of 4: adds the fixed-point shares of the employed to
// `total` and writes each employed person's job cell (occupation * 3 + automatable class; in a
// group of four with somebody employed, `job_none` for the others; nothing in other groups).
// False, with nothing added, when some employed person's share is NaN or beyond 10^6 (its
// floor may not be exact): the caller then sums them by share_to_fixed.
inline bool employed_tasks(const float* const (&share)[task_category_count],
                           const double (&capability)[task_category_count], const std::uint8_t* status,
                           const std::uint16_t* occupation, int n, int job_none, std::int64_t (&total)[task_category_count],
                           int* job_cell) {
  const __m256d unit = _mm256_set1_pd(fixed_share_unit), half = _mm256_set1_pd(0.5);
  const __m256d shift = _mm256_set1_pd(6755399441055744.0);  // 1.5 * 2^52
  __m256i sum[task_category_count];
  for (__m256i& s : sum) s = _mm256_setzero_si256();
  const __m128 sign_float = _mm_set1_ps(-0.0f), bound = _mm_set1_ps(1e6f);
  __m128 outside_float = _mm_setzero_ps();
  for (int j = 0; j < n; j += 4) {
    std::int32_t status_bytes;
    __builtin_memcpy(&status_bytes, status + j, sizeof status_bytes);
    const __m128i s = _mm_cvtepu8_epi32(_mm_cvtsi32_si128(status_bytes));
    const __m128i employed = _mm_and_si128(_mm_cmpgt_epi32(s, _mm_set1_epi32(status_employee_permanent - 1)),
                                           _mm_cmpgt_epi32(_mm_set1_epi32(status_platform_worker + 1), s));
    // Persons of one kind sit together: many groups of four have nobody employed.
    if (_mm_testz_si128(employed, employed)) continue;
    const __m256i employed_lanes = _mm256_cvtepi32_epi64(employed);
    __m256d automatable = _mm256_setzero_pd();
    for (int k = 0; k < task_category_count; ++k) {
      const __m128 share_k = _mm_loadu_ps(share[k] + j);
      // |share| <= 10^6 (false for NaN) keeps share * unit + 0.5 well inside +-2^51, where the
      // floor below is exact; beyond it the caller's scalar path decides.
      outside_float = _mm_or_ps(outside_float, _mm_and_ps(_mm_cmp_ps(_mm_andnot_ps(sign_float, share_k), bound, _CMP_NLE_UQ),
                                                          _mm_castsi128_ps(employed)));
      const __m256d x = _mm256_cvtps_pd(share_k);
      const __m256d fixed = _mm256_add_pd(_mm256_mul_pd(x, unit), half);
      const __m256i floored = _mm256_sub_epi64(_mm256_castpd_si256(_mm256_add_pd(_mm256_floor_pd(fixed), shift)),
                                               _mm256_castpd_si256(shift));
      sum[k] = _mm256_add_epi64(sum[k], _mm256_and_si256(floored, employed_lanes));
      automatable = _mm256_add_pd(automatable, _mm256_mul_pd(x, _mm256_set1_pd(capability[k])));
    }
    // automatable_class: (automatable > 0.7) + (automatable >= 0.5), each true lane -1 as a mask.
    const __m256i over_70 = _mm256_castpd_si256(_mm256_cmp_pd(automatable, _mm256_set1_pd(0.7), _CMP_GT_OQ));
    const __m256i over_50 = _mm256_castpd_si256(_mm256_cmp_pd(automatable, _mm256_set1_pd(0.5), _CMP_GE_OQ));
    const __m256i negated_class = _mm256_add_epi64(over_70, over_50);
    const __m128i automatable_class = _mm_sub_epi32(
        _mm_setzero_si128(),
        _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(negated_class, _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6))));
    const __m128i o = _mm_cvtepu16_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(occupation + j)));
    const __m128i job = _mm_add_epi32(_mm_add_epi32(_mm_add_epi32(o, o), o), automatable_class);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(job_cell + j), _mm_blendv_epi8(_mm_set1_epi32(job_none), job, employed));
  }
  if (_mm_movemask_ps(outside_float) != 0) return false;
  for (int k = 0; k < task_category_count; ++k) {
    alignas(32) std::int64_t lane[4];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lane), sum[k]);
    total[k] += lane[0] + lane[1] + lane[2] + lane[3];
  }
  return true;
}

}  // namespace ts::model::indicator::avx2
#endif
