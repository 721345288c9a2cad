// The positions of 32 bytes equal to a value, as the bits of a word (AVX2, host only): how the
// tile lists, the compaction and the listed loops find their few flagged persons without a
// branch per person.
#pragma once
#include <cstdint>

#if defined(__AVX2__) && !defined(__CUDACC__)
#include <immintrin.h>

namespace ts {

// Bit b is set where bytes[b] == value, for b in [0, 32).
inline std::uint32_t byte_equal_bits(const std::uint8_t* bytes, std::uint8_t value) {
  const __m256i loaded = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes));
  return static_cast<std::uint32_t>(
      _mm256_movemask_epi8(_mm256_cmpeq_epi8(loaded, _mm256_set1_epi8(static_cast<char>(value)))));
}

}  // namespace ts
#endif
