// PhiloxStream draws of many persons at once, on the CPU: one block of each listed stream, the
// ids given as 32-bit halves, eight streams at a time in AVX2 registers where the compiler
// targets AVX2 (x86-64-v3), else in a plain loop. The same counters and key as PhiloxStream, so
// the same bits (philox_test.cpp).
#pragma once
#include <cassert>
#include <cstddef>
#include <cstdint>

#include "kernels/philox_stream.hpp"
#include "kernels/simd_loops.hpp"
#include "kernels/ts_hd.hpp"

#if defined(__AVX2__) && !defined(__CUDACC__)
#include <immintrin.h>
#define TS_PHILOX_AVX2 1
#endif

namespace ts {

// PhiloxStream::uniform(k) from the two words it takes: words 0 and 1 of block k / 2 for an even
// k, words 2 and 3 for an odd one. (high >> 5) * 2^26 + (low >> 6) is below 2^53, so summing it
// in doubles is exact: the stream's 53-bit integer without a 64-bit conversion (none in AVX2).
TS_HD inline double uniform_from_words(std::uint32_t high, std::uint32_t low) {
  const double bits53 = static_cast<double>(static_cast<std::int32_t>(high >> 5)) * 67108864.0 +
                        static_cast<double>(static_cast<std::int32_t>(low >> 6));
  return (bits53 + 0.5) * (1.0 / 9007199254740992.0);
}

#if defined(TS_PHILOX_AVX2)
namespace detail {
// Philox4x32-10 on four streams per register, each 32-bit word in the low half of a 64-bit lane:
// _mm256_mul_epu32 multiplies the low halves into full 64-bit products, whose halves are the
// round's two outputs, so no shuffles are needed (GCC's vectorisation of the 32-bit loop spends
// most of its instructions widening and narrowing). The high halves of the lanes carry garbage
// that only ever reaches other high halves (xor, and products that read low halves only).
struct PhiloxLanes {
  __m256i c0, c1, c2, c3;
};

// What the streams of one call share: counter words 2 and 3 and the key. Their part of the first
// two rounds is computed once: in round one, counter word 2's product is a constant, so new
// word 0 is word 1 xor a constant, new word 1 a constant and new word 2 the high half of word 0's
// product xor a constant; round two's new word 0 then takes that constant word 1 with its key.
// The same xors of the same values, so the same bits.
struct PhiloxConstants {
  __m256i key0[10], key1[10];
  __m256i first_c0;   // high(M1 * counter2) ^ key0 of round one
  __m256i first_c2;   // counter3 ^ key1 of round one
  __m256i second_c0;  // low(M1 * counter2) ^ key0 of round two

  PhiloxConstants(std::uint32_t seed, std::uint32_t replica, std::uint32_t counter2, std::uint32_t counter3) {
    constexpr std::uint32_t bump0 = 0x9E3779B9u, bump1 = 0xBB67AE85u;
    for (std::uint32_t r = 0; r < 10; ++r) {
      key0[r] = _mm256_set1_epi64x(static_cast<long long>(seed + r * bump0));
      key1[r] = _mm256_set1_epi64x(static_cast<long long>(replica + r * bump1));
    }
    const std::uint64_t p1 = static_cast<std::uint64_t>(0xCD9E8D57u) * counter2;
    first_c0 = _mm256_set1_epi64x(static_cast<long long>(static_cast<std::uint32_t>(p1 >> 32) ^ seed));
    first_c2 = _mm256_set1_epi64x(static_cast<long long>(counter3 ^ replica));
    second_c0 = _mm256_set1_epi64x(static_cast<long long>(static_cast<std::uint32_t>(p1) ^ (seed + bump0)));
  }
};

inline void philox_lanes_round(PhiloxLanes& x, __m256i k0, __m256i k1) {
  const __m256i m0 = _mm256_set1_epi64x(0xD2511F53ll), m1 = _mm256_set1_epi64x(0xCD9E8D57ll);
  const __m256i p0 = _mm256_mul_epu32(x.c0, m0);
  const __m256i p1 = _mm256_mul_epu32(x.c2, m1);
  x.c0 = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p1, 32), x.c1), k0);
  x.c2 = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p0, 32), x.c3), k1);
  x.c1 = p1;
  x.c3 = p0;
}

// Rounds one and two with the shared words folded (PhiloxConstants); x.c0 and x.c1 hold the id
// halves, x.c2 and x.c3 are not read.
inline void philox_lanes_first_rounds(PhiloxLanes& x, const PhiloxConstants& k) {
  const __m256i m0 = _mm256_set1_epi64x(0xD2511F53ll), m1 = _mm256_set1_epi64x(0xCD9E8D57ll);
  const __m256i p0 = _mm256_mul_epu32(x.c0, m0);
  const __m256i c0 = _mm256_xor_si256(x.c1, k.first_c0);
  const __m256i c2 = _mm256_xor_si256(_mm256_srli_epi64(p0, 32), k.first_c2);
  const __m256i q0 = _mm256_mul_epu32(c0, m0);
  const __m256i q1 = _mm256_mul_epu32(c2, m1);
  x.c0 = _mm256_xor_si256(_mm256_srli_epi64(q1, 32), k.second_c0);
  x.c2 = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(q0, 32), p0), k.key1[1]);
  x.c1 = q1;
  x.c3 = q0;
}

// Round ten for words 0 and 1 only: word 0's product and words 2 and 3 are skipped.
inline void philox_lanes_last_round_first_words(PhiloxLanes& x, __m256i k0) {
  const __m256i p1 = _mm256_mul_epu32(x.c2, _mm256_set1_epi64x(0xCD9E8D57ll));
  x.c0 = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p1, 32), x.c1), k0);
  x.c1 = p1;
}

// The ten rounds; with words == 2, only words 0 and 1 of the result are right.
template <int groups, int words = 4>
inline void philox_lanes_rounds(PhiloxLanes* x, const PhiloxConstants& k) {
  for (int g = 0; g < groups; ++g) philox_lanes_first_rounds(x[g], k);
  for (int r = 2; r < 9; ++r)
    for (int g = 0; g < groups; ++g) philox_lanes_round(x[g], k.key0[r], k.key1[r]);
  for (int g = 0; g < groups; ++g) {
    if constexpr (words == 4)
      philox_lanes_round(x[g], k.key0[9], k.key1[9]);
    else
      philox_lanes_last_round_first_words(x[g], k.key0[9]);
  }
}

// Streams first .. first + 8 pairs - 1, eight a pair: a pair's two registers take the even and
// the odd streams of eight ids loaded at once, and their low halves interleave back into eight
// words for one store.
// With words == 2, word2 and word3 are not written (and may be null).
template <int pairs, int words = 4>
inline void philox_pairs(int first, const std::uint32_t* id_low, const std::uint32_t* id_high,
                         const PhiloxConstants& k, std::uint32_t* word0, std::uint32_t* word1, std::uint32_t* word2,
                         std::uint32_t* word3) {
  PhiloxLanes x[2 * pairs];
  for (int q = 0; q < pairs; ++q) {
    const __m256i low = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(id_low + first + 8 * q));
    const __m256i high = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(id_high + first + 8 * q));
    x[2 * q].c0 = low;
    x[2 * q].c1 = high;
    x[2 * q + 1].c0 = _mm256_srli_epi64(low, 32);
    x[2 * q + 1].c1 = _mm256_srli_epi64(high, 32);
  }
  philox_lanes_rounds<2 * pairs, words>(x, k);
  const auto store = [](std::uint32_t* out, __m256i even, __m256i odd) {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out), _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xaa));
  };
  for (int q = 0; q < pairs; ++q) {
    const int at = first + 8 * q;
    store(word0 + at, x[2 * q].c0, x[2 * q + 1].c0);
    store(word1 + at, x[2 * q].c1, x[2 * q + 1].c1);
    if constexpr (words == 4) {
      store(word2 + at, x[2 * q].c2, x[2 * q + 1].c2);
      store(word3 + at, x[2 * q].c3, x[2 * q + 1].c3);
    }
  }
}

// The low halves of the four lanes, in order.
inline void store_low_halves(std::uint32_t* out, __m256i v) {
  const __m256i evens = _mm256_permutevar8x32_epi32(v, _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm256_castsi256_si128(evens));
}

inline __m256i load_widened(const std::uint32_t* in) {
  return _mm256_cvtepu32_epi64(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in)));
}

// Streams first .. first + 3.
inline void philox_group(int first, const std::uint32_t* id_low, const std::uint32_t* id_high,
                         const PhiloxConstants& k, std::uint32_t* word0, std::uint32_t* word1, std::uint32_t* word2,
                         std::uint32_t* word3) {
  PhiloxLanes x{load_widened(id_low + first), load_widened(id_high + first), {}, {}};
  philox_lanes_rounds<1>(&x, k);
  store_low_halves(word0 + first, x.c0);
  store_low_halves(word1 + first, x.c1);
  store_low_halves(word2 + first, x.c2);
  store_low_halves(word3 + first, x.c3);
}
}  // namespace detail
#endif

// The four words of block `block` of the streams (seed, replica, id, year, purpose) of `count`
// ids given as low and high halves.
inline void philox_stream_blocks(int count, const std::uint32_t* id_low, const std::uint32_t* id_high,
                                 std::uint32_t seed, std::uint32_t replica, std::uint32_t year, std::uint32_t purpose,
                                 std::uint32_t block, std::uint32_t* word0, std::uint32_t* word1, std::uint32_t* word2,
                                 std::uint32_t* word3) {
  const std::uint32_t year_purpose = philox_year_purpose(year, purpose);
  int first = 0;
#if defined(TS_PHILOX_AVX2)
  const detail::PhiloxConstants k(seed, replica, year_purpose, block);
  // Two pairs (four independent registers) overlap the latencies of their rounds; then one pair,
  // one register of four; the last few streams one by one.
  for (; first + 16 <= count; first += 16)
    detail::philox_pairs<2>(first, id_low, id_high, k, word0, word1, word2, word3);
  for (; first + 8 <= count; first += 8) detail::philox_pairs<1>(first, id_low, id_high, k, word0, word1, word2, word3);
  for (; first + 4 <= count; first += 4) detail::philox_group(first, id_low, id_high, k, word0, word1, word2, word3);
#endif
  for (int k = first; k < count; ++k) {
    std::uint32_t c0 = id_low[k], c1 = id_high[k], c2 = year_purpose, c3 = block;
    philox4x32_10_words(c0, c1, c2, c3, seed, replica);
    word0[k] = c0;
    word1[k] = c1;
    word2[k] = c2;
    word3[k] = c3;
  }
}

// philox_stream_blocks for arrays that hold `count` rounded up to eight entries: the streams
// beyond `count`, of whatever ids lie there, are computed and stored too, which costs less than
// the tails of four and of one by one. With words == 2, only words 0 and 1 (draw 2 block): the
// last round's other half is skipped, and word2 and word3 keep whatever the path leaves there.
template <int words = 4>
inline void philox_stream_blocks_padded(int count, const std::uint32_t* id_low, const std::uint32_t* id_high,
                                        std::uint32_t seed, std::uint32_t replica, std::uint32_t year,
                                        std::uint32_t purpose, std::uint32_t block, std::uint32_t* word0,
                                        std::uint32_t* word1, std::uint32_t* word2, std::uint32_t* word3) {
  static_assert(words == 2 || words == 4);
#if defined(TS_PHILOX_AVX2)
  const std::uint32_t year_purpose = philox_year_purpose(year, purpose);
  const detail::PhiloxConstants k(seed, replica, year_purpose, block);
  int first = 0;
  for (; first + 16 <= count; first += 16)
    detail::philox_pairs<2, words>(first, id_low, id_high, k, word0, word1, word2, word3);
  if (count - first > 8)
    detail::philox_pairs<2, words>(first, id_low, id_high, k, word0, word1, word2, word3);
  else if (count > first)
    detail::philox_pairs<1, words>(first, id_low, id_high, k, word0, word1, word2, word3);
#else
  philox_stream_blocks(count, id_low, id_high, seed, replica, year, purpose, block, word0, word1, word2, word3);
#endif
}

// Draw 0 of the streams of the listed persons (ids person_id[first + listed[k]], k < n, at most
// 256: the CPU's tiles of selected persons, kernels/parallel_listed.hpp) in uniform[k].
inline void philox_listed_first_uniforms(const std::uint64_t* person_id, std::size_t first, const std::uint32_t* listed,
                                         std::size_t n, std::uint32_t seed, std::uint32_t replica, std::uint32_t year,
                                         std::uint32_t purpose, double* uniform) {
  constexpr std::size_t most = 256;
  assert(n <= most);
  std::uint32_t id_low[most], id_high[most], word0[most], word1[most], word2[most], word3[most];
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint64_t id = person_id[first + listed[k]];
    id_low[k] = static_cast<std::uint32_t>(id);
    id_high[k] = static_cast<std::uint32_t>(id >> 32);
  }
  for (std::size_t k = n; k % 8 != 0; ++k) id_low[k] = id_high[k] = 0;  // the padding's ids
  // Padded to eight streams: no one-by-one tail; words 0 and 1 only. GCC cannot see that only
  // the entries written above are read (zeroing the whole arrays cost 3% of the matching pass).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
  philox_stream_blocks_padded<2>(static_cast<int>(n), id_low, id_high, seed, replica, year, purpose, 0, word0, word1,
                                 word2, word3);
#pragma GCC diagnostic pop
  for (std::size_t k = 0; k < n; ++k) uniform[k] = uniform_from_words(word0[k], word1[k]);
}

// Draws 2 block and 2 block + 1 of the streams of `count` ids: uniform0[k], uniform1[k].
inline void philox_stream_uniforms(int count, const std::uint32_t* id_low, const std::uint32_t* id_high,
                                   std::uint32_t seed, std::uint32_t replica, std::uint32_t year, std::uint32_t purpose,
                                   std::uint32_t block, double* uniform0, double* uniform1) {
  constexpr int batch = 64;  // words of a batch stay in L1 between the two loops
  std::uint32_t w0[batch], w1[batch], w2[batch], w3[batch];
  for (int first = 0; first < count; first += batch) {
    const int n = count - first < batch ? count - first : batch;
    philox_stream_blocks(n, id_low + first, id_high + first, seed, replica, year, purpose, block, w0, w1, w2, w3);
    TS_SIMD_LOOP
    for (int k = 0; k < n; ++k) {
      uniform0[first + k] = uniform_from_words(w0[k], w1[k]);
      uniform1[first + k] = uniform_from_words(w2[k], w3[k]);
    }
  }
}

}  // namespace ts
