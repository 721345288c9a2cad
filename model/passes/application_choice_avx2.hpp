// ApplicationChoice::choose for four seekers at a time, host code compiled with AVX2: each lane
// takes the scalar code's operations in the same order (task distances summed from zero, the
// exponentials of det_math_avx2.hpp, the categorical draw's running sum), so it returns the same
// group; the categorical search is branch-free (the first running sum above the target is found
// by blends from the last group down).
#pragma once
#include "kernels/det_math_avx2.hpp"

#if defined(TS_DET_MATH_AVX2)
#include <immintrin.h>

#include "model/passes/application_choice.hpp"

#define TS_APPLICATION_CHOICE_AVX2 1

namespace ts::model {

// task[k]: the four seekers' shares of task k; education and u as doubles. The groups go to out.
inline void choose_applications_avx2(const ApplicationChoice& c, const __m256d (&task)[task_category_count],
                                     __m256d education, __m256d u, int (&out)[4]) {
  const __m256d sign = _mm256_set1_pd(-0.0), zero = _mm256_setzero_pd();
  __m256d weight[isco_group_count];
  for (int g = 0; g < isco_group_count; ++g) {
    __m256d total = zero;
    for (int k = 0; k < task_category_count; ++k)
      total = _mm256_add_pd(total, _mm256_andnot_pd(sign, _mm256_sub_pd(task[k], _mm256_set1_pd(c.group_tasks[g][k]))));
    const __m256d distance = _mm256_mul_pd(_mm256_set1_pd(0.5), total);
    // An integer difference of small levels, exact in doubles, clamped at zero as the scalar's.
    const __m256d lacking =
        _mm256_max_pd(_mm256_sub_pd(_mm256_set1_pd(application_required_education(g)), education), zero);
    weight[g] = _mm256_sub_pd(_mm256_mul_pd(_mm256_set1_pd(-c.distance_sensitivity), distance),
                              _mm256_mul_pd(_mm256_set1_pd(c.mismatch_penalty), lacking));
  }
  avx2::exp_vectors(weight);
  __m256d sum = zero;
  for (int g = 0; g < isco_group_count; ++g) {
    weight[g] = _mm256_mul_pd(_mm256_set1_pd(c.vacancies[g]), weight[g]);
    sum = _mm256_add_pd(sum, weight[g]);
  }
  const __m256d target = _mm256_mul_pd(u, sum);
  // categorical_index: with no running sum above the target, the last positive weight's group
  // (from 1 up), else the last group.
  __m256d chosen = _mm256_set1_pd(isco_group_count - 1);
  for (int g = 1; g < isco_group_count; ++g)
    chosen = _mm256_blendv_pd(chosen, _mm256_set1_pd(g), _mm256_cmp_pd(weight[g], zero, _CMP_GT_OQ));
  __m256d running = zero;
  __m256d above[isco_group_count];
  for (int g = 0; g < isco_group_count; ++g) {
    running = _mm256_add_pd(running, weight[g]);
    above[g] = _mm256_cmp_pd(target, running, _CMP_LT_OQ);
  }
  for (int g = isco_group_count - 1; g >= 0; --g) chosen = _mm256_blendv_pd(chosen, _mm256_set1_pd(g), above[g]);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm256_cvttpd_epi32(chosen));
}

}  // namespace ts::model
#endif
