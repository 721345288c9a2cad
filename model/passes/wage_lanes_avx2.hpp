// person_log_monthly_wage_fte (model/passes/person_access.hpp) for four consecutive persons at
// a time, for host code compiled with AVX2. Each lane adds the terms of log_monthly_wage_fte
// (model/wage_k.hpp) in the same order with the same operands: the terms indexed by a small
// code are looked up in tables of the same doubles, and the first sum, log median plus the
// education premium, is tabulated by education (the same addition, done once). So every lane
// gives the scalar function's bits. Lanes of persons who are not employed are left undefined
// (their occupation is never read).
#pragma once
#if defined(__AVX2__) && !defined(__CUDACC__)
#include <immintrin.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "model/passes/person_access.hpp"

#define TS_WAGE_LANES_AVX2 1

namespace ts::model::avx2 {

// Bytes and half-words of four consecutive persons as four int32 lanes.
inline __m128i widen_bytes(const std::uint8_t* x) {
  std::uint32_t bytes;
  std::memcpy(&bytes, x, sizeof bytes);
  return _mm_cvtepu8_epi32(_mm_cvtsi32_si128(static_cast<int>(bytes)));
}
inline __m128i widen_halves(const std::uint16_t* x) {
  std::uint64_t halves;
  std::memcpy(&halves, x, sizeof halves);
  return _mm_cvtepu16_epi32(_mm_cvtsi64_si128(static_cast<long long>(halves)));
}
inline __m256d widen_floats(const float* x) { return _mm256_cvtps_pd(_mm_loadu_ps(x)); }
// A table of at most four doubles held in a register, looked up by a permutation of its 32-bit
// halves: cheaper than a gather from memory.
struct RegisterTable {
  __m256i doubles = _mm256_setzero_si256();
  RegisterTable() = default;
  RegisterTable(const double* table, int size) {
    alignas(32) double padded[4] = {0.0, 0.0, 0.0, 0.0};
    for (int k = 0; k < size && k < 4; ++k) padded[k] = table[k];
    doubles = _mm256_load_si256(reinterpret_cast<const __m256i*>(padded));
  }
  // The halves 2 * index and 2 * index + 1 of four indices in 0..3, for operator().
  static __m256i halves_of(__m128i index) {
    const __m256i twice = _mm256_slli_epi64(_mm256_cvtepu32_epi64(index), 1);
    return _mm256_or_si256(twice, _mm256_slli_epi64(_mm256_add_epi64(twice, _mm256_set1_epi64x(1)), 32));
  }
  __m256d operator()(__m256i halves) const { return _mm256_castsi256_pd(_mm256_permutevar8x32_epi32(doubles, halves)); }
};
// An int32 lane mask as a double lane mask.
inline __m256d wide_mask(__m128i mask) { return _mm256_castsi256_pd(_mm256_cvtepi32_epi64(mask)); }

// Status codes 1 to 4 (is_employed), as int32 lane masks.
inline __m128i employed_mask(__m128i status) {
  return _mm_andnot_si128(_mm_cmpgt_epi32(status, _mm_set1_epi32(status_platform_worker)),
                          _mm_cmpgt_epi32(status, _mm_set1_epi32(status_employee_permanent - 1)));
}

struct WageLaneTables {
  double intercept_by_education[education_count];  // w.log_median_monthly + w.premium_education[e]
  double leaving_age[education_count];
  RegisterTable intercept_of_education, leaving_age_of_education, gap_of_type;
  std::vector<double> level_by_occupation;  // w.group_level[isco1 - 1] of each occupation
  double experience_linear, experience_quadratic, female_gap, skill_return;

  WageLaneTables(const TablesView& t, const WageTerms& w, const SchoolLeavingAges& leaving)
      : gap_of_type(w.gap_type, 4),
        experience_linear(w.experience_linear),
        experience_quadratic(w.experience_quadratic),
        female_gap(w.female_gap),
        skill_return(w.skill_return) {
    for (int e = 0; e < education_count; ++e) {
      intercept_by_education[e] = w.log_median_monthly + w.premium_education[e];
      leaving_age[e] = leaving.age[e];
    }
    intercept_of_education = RegisterTable(intercept_by_education, education_count);
    leaving_age_of_education = RegisterTable(leaving_age, education_count);
    const int occupations = t.group_first[isco_group_count];
    level_by_occupation.resize(static_cast<std::size_t>(occupations));
    for (int o = 0; o < occupations; ++o) level_by_occupation[static_cast<std::size_t>(o)] = w.group_level[t.occupation_isco1[o] - 1];
  }

  // log_monthly_wage_fte of persons i to i + 3 with augmentation gain 0, in the lanes `employed`
  // (a double lane mask).
  __m256d log_monthly_wage_fte(const PersonView& p, std::size_t i, __m128i status, __m256d employed) const {
    const __m256d zero = _mm256_setzero_pd();
    const __m256i education = RegisterTable::halves_of(widen_bytes(p.education + i));
    const __m256d age = _mm256_cvtepi32_pd(widen_bytes(p.age + i));
    // potential_experience: x > 0.0 ? x : 0.0, what max_pd returns.
    const __m256d experience = _mm256_max_pd(_mm256_sub_pd(age, leaving_age_of_education(education)), zero);
    const __m128i employed32 = employed_mask(status);
    const __m128i type = _mm_and_si128(employed32, _mm_sub_epi32(status, _mm_set1_epi32(status_employee_permanent)));
    // A masked gather: the occupations of the others may be anything.
    const __m256d level = _mm256_mask_i32gather_pd(zero, level_by_occupation.data(), widen_halves(p.occupation + i), employed, 8);
    const __m256d female = wide_mask(_mm_cmpeq_epi32(widen_bytes(p.sex + i), _mm_set1_epi32(1)));
    __m256d x = intercept_of_education(education);
    x = _mm256_add_pd(x, level);
    x = _mm256_add_pd(x, _mm256_mul_pd(_mm256_set1_pd(experience_linear), experience));
    x = _mm256_add_pd(x, _mm256_mul_pd(_mm256_mul_pd(_mm256_set1_pd(experience_quadratic), experience), experience));
    x = _mm256_add_pd(x, gap_of_type(RegisterTable::halves_of(type)));
    x = _mm256_add_pd(x, _mm256_blendv_pd(zero, _mm256_set1_pd(female_gap), female));
    x = _mm256_add_pd(x, _mm256_mul_pd(_mm256_set1_pd(skill_return), _mm256_sub_pd(widen_floats(p.skill_stock + i), _mm256_set1_pd(1.0))));
    x = _mm256_add_pd(x, widen_floats(p.wage_effect + i));
    return _mm256_add_pd(x, zero);  // the augmentation gain
  }
};

}  // namespace ts::model::avx2
#endif
