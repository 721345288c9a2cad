// Moves `length` bytes from `from` to `to` <= `from` (the regions may overlap), inline: the
// compaction after deaths moves each column's runs of kept records, about a hundred records
// each, and a call to memmove per run cost more than the copy (callgrind: ~100 instructions
// per run of ~300 bytes). Every 32-byte chunk is loaded before it is stored, and a store never
// reaches bytes not yet read (the destination lies below the source); the ragged end is one
// more chunk, overlapping, loaded before anything is stored. Host only.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__AVX2__) && !defined(__CUDA_ARCH__)
#include <immintrin.h>
#endif

namespace ts {

namespace move_down_detail {
// Lengths in [sizeof(Word), 2 * sizeof(Word)): two words, possibly overlapping, both read first.
template <class Word>
inline void two_words(unsigned char* to, const unsigned char* from, std::size_t length) {
  Word first, last;
  std::memcpy(&first, from, sizeof(Word));
  std::memcpy(&last, from + length - sizeof(Word), sizeof(Word));
  std::memcpy(to, &first, sizeof(Word));
  std::memcpy(to + length - sizeof(Word), &last, sizeof(Word));
}
}  // namespace move_down_detail

inline void move_down(unsigned char* to, const unsigned char* from, std::size_t length) {
#if defined(__AVX2__) && !defined(__CUDA_ARCH__)
  if (length >= 32) {
    const __m256i last = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(from + length - 32));
    std::size_t k = 0;
    for (; k + 64 <= length; k += 64) {
      const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(from + k));
      const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(from + k + 32));
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(to + k), a);
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(to + k + 32), b);
    }
    if (k + 32 <= length)
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(to + k),
                          _mm256_loadu_si256(reinterpret_cast<const __m256i*>(from + k)));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(to + length - 32), last);
  } else if (length >= 16) {
    const __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from));
    const __m128i last = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from + length - 16));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(to), first);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(to + length - 16), last);
  } else if (length >= 8) {
    move_down_detail::two_words<std::uint64_t>(to, from, length);
  } else if (length >= 4) {
    move_down_detail::two_words<std::uint32_t>(to, from, length);
  } else if (length >= 2) {
    move_down_detail::two_words<std::uint16_t>(to, from, length);
  } else if (length == 1) {
    *to = *from;
  }
#else
  std::memmove(to, from, length);
#endif
}

}  // namespace ts
