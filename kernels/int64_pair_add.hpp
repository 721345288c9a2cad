// Adds two int64 (a histogram bin's count and its sum, say) to two adjacent ones with one
// 16-byte load, add and store: half the memory operations of two scalar adds, which bound the
// CPU's histogram loops. Integer sums: the same bits either way. Host only.
#pragma once
#include <cstdint>

#if defined(__SSE2__) && !defined(__CUDA_ARCH__)
#include <emmintrin.h>
#endif

namespace ts {

inline void add_int64_pair(std::int64_t* to, std::int64_t first, std::int64_t second) {
#if defined(__SSE2__) && !defined(__CUDA_ARCH__)
  const __m128i sum = _mm_add_epi64(_mm_loadu_si128(reinterpret_cast<const __m128i*>(to)), _mm_set_epi64x(second, first));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(to), sum);
#else
  to[0] += first;
  to[1] += second;
#endif
}

}  // namespace ts
