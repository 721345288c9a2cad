// Exact sums of euros_to_cents (kernels/fixed_point.hpp) over four lanes at a time, for host
// code compiled with AVX2, and of share_to_fixed (the same rounding in other units: add_units).
// Each lane is floor(euros * 100 + 0.5), the scalar operations in order. Those integers are
// summed in double lanes while every one is below 2^46 in size: at most 32 of them keep each
// partial sum below 2^51, exact, and then the sums move to int64 lanes (an integral double v with
// |v| < 2^51 added to 1.5 * 2^52 leaves v in the low bits of the exact sum, so subtracting the
// bits of 1.5 * 2^52 gives v as an int64 without a conversion per lane). Groups with larger
// amounts (or NaN) are cast lane by lane, as euros_to_cents does. Integer sums in any order are
// exact, so the totals equal the sum of the scalar cents.
#pragma once
#if defined(__AVX2__) && !defined(__CUDACC__)
#include <immintrin.h>

#include <cstdint>

#include "kernels/fixed_point.hpp"

namespace ts::avx2 {

template <int Bins>
struct CentsLanes {
  static constexpr int adds_per_flush = 32;
  __m256d pending[Bins];  // integral doubles, each lane's sum below 2^51 in size
  __m256i lanes[Bins];
  std::int64_t scalar[Bins] = {};  // the groups cast lane by lane, and anything added per person
  int adds = 0;
  CentsLanes() {
    for (__m256d& v : pending) v = _mm256_setzero_pd();
    for (__m256i& v : lanes) v = _mm256_setzero_si256();
  }
  // Adds euros_to_cents of the four lanes of euros[b] to bin b, for every bin b whose bit is set
  // in `present` (the caller knows the others' lanes to be 0, which adds nothing).
  void add_euros(const __m256d (&euros)[Bins], unsigned present = ~0u) { add_units(euros, cents_per_euro, present); }
  // Adds floor(x * unit + 0.5) of the four lanes of x[b] to bin b, for the bins in `present`:
  // share_to_fixed with unit fixed_share_unit.
  void add_units(const __m256d (&x)[Bins], double unit, unsigned present = ~0u) {
    __m256d floored[Bins];
    // The sum of the magnitudes reaches 2^46 (or is NaN) if one of them does.
    __m256d magnitudes = _mm256_setzero_pd();
    const auto skip = [present](int b) { return ((present >> b) & 1u) == 0; };
    for (int b = 0; b < Bins; ++b) {
      if (skip(b)) continue;
      floored[b] = _mm256_floor_pd(_mm256_add_pd(_mm256_mul_pd(x[b], _mm256_set1_pd(unit)), _mm256_set1_pd(0.5)));
      magnitudes = _mm256_add_pd(magnitudes, _mm256_andnot_pd(_mm256_set1_pd(-0.0), floored[b]));
    }
    if (_mm256_movemask_pd(_mm256_cmp_pd(magnitudes, _mm256_set1_pd(70368744177664.0), _CMP_NLT_UQ)) == 0) {
      for (int b = 0; b < Bins; ++b)
        if (!skip(b)) pending[b] = _mm256_add_pd(pending[b], floored[b]);
      if (++adds == adds_per_flush) flush();
    } else {
      for (int b = 0; b < Bins; ++b) {
        if (skip(b)) continue;
        alignas(32) double v[4];
        _mm256_store_pd(v, floored[b]);
        for (double lane : v) scalar[b] += static_cast<std::int64_t>(lane);
      }
    }
  }
  // Moves the pending sums to the int64 lanes.
  void flush() {
    for (int b = 0; b < Bins; ++b) {
      lanes[b] = _mm256_add_epi64(lanes[b], as_int64(pending[b]));
      pending[b] = _mm256_setzero_pd();
    }
    adds = 0;
  }
  std::int64_t total(int b) const {
    alignas(32) std::int64_t x[4];
    _mm256_store_si256(reinterpret_cast<__m256i*>(x), _mm256_add_epi64(lanes[b], as_int64(pending[b])));
    return scalar[b] + x[0] + x[1] + x[2] + x[3];
  }
  // Integral doubles below 2^51 in size as int64 lanes.
  static __m256i as_int64(__m256d v) {
    const __m256d shift = _mm256_set1_pd(6755399441055744.0);  // 1.5 * 2^52
    return _mm256_sub_epi64(_mm256_castpd_si256(_mm256_add_pd(v, shift)), _mm256_castpd_si256(shift));
  }
};

}  // namespace ts::avx2
#endif
