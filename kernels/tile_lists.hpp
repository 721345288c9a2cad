// The flagged persons of a tile of up to 128 (CPU only): their indices and id halves packed to
// the front of lists, eight persons a step (AVX2 left-packing: a look-up table of the set bits'
// positions and a lane permutation, instead of a scalar loop and a branch or a conditional
// advance per person), and the Philox words of the listed persons spread back to their places
// in the tile as uniform draws. Lanes of persons not listed get some other person's draw (or a
// stale one): the callers only ever select draws of listed persons.
#pragma once
#include <cstdint>

#include "kernels/byte_bits_avx2.hpp"
#include "kernels/philox_tile.hpp"

#if defined(__AVX2__) && !defined(__CUDACC__)
#include <immintrin.h>
#define TS_TILE_LISTS_AVX2 1
#endif

namespace ts::tile_lists {

constexpr int tile = 128;

// Bit j of word j / 32: person j of the tile is flagged.
struct TileMask {
  std::uint32_t word[tile / 32];
};

// Persons 0 .. n - 1.
inline TileMask first_persons(int n) {
  TileMask mask{};
  for (int w = 0; w < tile / 32; ++w) {
    const int valid = n - 32 * w;
    mask.word[w] = valid >= 32 ? ~0u : (valid <= 0 ? 0u : (1u << valid) - 1u);
  }
  return mask;
}

// The flags (tile bytes readable, 0 or 1 where j < n; any value beyond) as a mask.
inline TileMask mask_of_flags(const std::uint8_t* flags, int n) {
  TileMask mask{};
  for (int w = 0; w < tile / 32; ++w) {
    const std::uint32_t in_tile = first_persons(n).word[w];
#if defined(TS_TILE_LISTS_AVX2)
    mask.word[w] = ~byte_equal_bits(flags + 32 * w, 0) & in_tile;
#else
    std::uint32_t bits = 0;
    for (int b = 0; b < 32 && 32 * w + b < n; ++b) bits |= static_cast<std::uint32_t>(flags[32 * w + b] != 0) << b;
    mask.word[w] = bits & in_tile;
#endif
  }
  return mask;
}

inline int popcount(const TileMask& mask) {
  int count = 0;
  for (int w = 0; w < tile / 32; ++w) count += __builtin_popcount(mask.word[w]);
  return count;
}

// The eight flags of persons 8 g .. 8 g + 7.
inline unsigned group_bits(const TileMask& mask, int g) { return (mask.word[g >> 2] >> (8 * (g & 3))) & 0xffu; }

#if defined(TS_TILE_LISTS_AVX2)
namespace detail {
// For each byte of flags: the lanes of its set bits, in order (pack), and for each lane the
// number of set bits below it (spread). Eight byte-sized lane numbers per entry.
struct LaneTables {
  std::uint64_t pack[256];
  std::uint64_t spread[256];
};

constexpr LaneTables make_lane_tables() {
  LaneTables t{};
  for (unsigned bits = 0; bits < 256; ++bits) {
    std::uint64_t pack = 0, spread = 0;
    int count = 0;
    for (int lane = 0; lane < 8; ++lane) {
      spread |= static_cast<std::uint64_t>(count) << (8 * lane);
      if ((bits >> lane) & 1u) pack |= static_cast<std::uint64_t>(lane) << (8 * count++);
    }
    t.pack[bits] = pack;
    t.spread[bits] = spread;
  }
  return t;
}

inline constexpr LaneTables lane_tables = make_lane_tables();

inline __m256i lanes_of(std::uint64_t bytes) {
  return _mm256_cvtepu8_epi32(_mm_cvtsi64_si128(static_cast<long long>(bytes)));
}
}  // namespace detail
#endif

// The indices j of the flagged persons, in order; returns their count. `list` has tile entries
// (the eight-wide stores never pass the group being packed).
inline int list_of(const TileMask& mask, int n, int* list) {
  int count = 0;
  for (int g = 0; 8 * g < n; ++g) {
    const unsigned bits = group_bits(mask, g);
#if defined(TS_TILE_LISTS_AVX2)
    const __m256i lanes = detail::lanes_of(detail::lane_tables.pack[bits]);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(list + count), _mm256_add_epi32(lanes, _mm256_set1_epi32(8 * g)));
    count += __builtin_popcount(bits);
#else
    for (int lane = 0; lane < 8; ++lane) {
      list[count] = 8 * g + lane;
      count += static_cast<int>((bits >> lane) & 1u);
    }
#endif
  }
  return count;
}

// The id halves of the flagged persons, in order; returns their count. Every array has tile
// entries.
inline int pack_ids(const TileMask& mask, int n, const std::uint32_t* id_low, const std::uint32_t* id_high,
                    std::uint32_t* list_low, std::uint32_t* list_high) {
  int count = 0;
  for (int g = 0; 8 * g < n; ++g) {
    const unsigned bits = group_bits(mask, g);
#if defined(TS_TILE_LISTS_AVX2)
    const __m256i lanes = detail::lanes_of(detail::lane_tables.pack[bits]);
    const __m256i low = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(id_low + 8 * g));
    const __m256i high = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(id_high + 8 * g));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(list_low + count), _mm256_permutevar8x32_epi32(low, lanes));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(list_high + count), _mm256_permutevar8x32_epi32(high, lanes));
    count += __builtin_popcount(bits);
#else
    for (int lane = 0; lane < 8; ++lane) {
      list_low[count] = id_low[8 * g + lane];
      list_high[count] = id_high[8 * g + lane];
      count += static_cast<int>((bits >> lane) & 1u);
    }
#endif
  }
  return count;
}

// uniform[j] = uniform_from_words(high[k], low[k]) for the k-th flagged person j, for j < n
// rounded up to eight (the others' lanes get some value). The word arrays have tile entries.
inline void spread_uniforms(const TileMask& mask, int n, const std::uint32_t* high, const std::uint32_t* low,
                            double* uniform) {
  int count = 0;
  for (int g = 0; 8 * g < n; ++g) {
    const unsigned bits = group_bits(mask, g);
#if defined(TS_TILE_LISTS_AVX2)
    // uniform_from_words, lane by lane: the same operations (no fused multiply-add).
    const __m256i lanes = detail::lanes_of(detail::lane_tables.spread[bits]);
    const __m256i h = _mm256_srli_epi32(
        _mm256_permutevar8x32_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(high + count)), lanes), 5);
    const __m256i l = _mm256_srli_epi32(
        _mm256_permutevar8x32_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(low + count)), lanes), 6);
    const __m256d scale = _mm256_set1_pd(67108864.0), half = _mm256_set1_pd(0.5);
    const __m256d unit = _mm256_set1_pd(1.0 / 9007199254740992.0);
    const __m256d bits_low4 = _mm256_add_pd(_mm256_mul_pd(_mm256_cvtepi32_pd(_mm256_castsi256_si128(h)), scale),
                                            _mm256_cvtepi32_pd(_mm256_castsi256_si128(l)));
    const __m256d bits_high4 = _mm256_add_pd(_mm256_mul_pd(_mm256_cvtepi32_pd(_mm256_extracti128_si256(h, 1)), scale),
                                             _mm256_cvtepi32_pd(_mm256_extracti128_si256(l, 1)));
    _mm256_storeu_pd(uniform + 8 * g, _mm256_mul_pd(_mm256_add_pd(bits_low4, half), unit));
    _mm256_storeu_pd(uniform + 8 * g + 4, _mm256_mul_pd(_mm256_add_pd(bits_high4, half), unit));
    count += __builtin_popcount(bits);
#else
    for (int lane = 0; lane < 8; ++lane)
      if ((bits >> lane) & 1u) {
        uniform[8 * g + lane] = uniform_from_words(high[count], low[count]);
        ++count;
      }
#endif
  }
}

}  // namespace ts::tile_lists
