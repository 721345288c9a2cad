// PhiloxStream draws of many persons at once, on the CPU: one block of each listed stream, the
// ids given as 32-bit halves, eight streams at a time in AVX2 registers where the compiler
// targets AVX2 (x86-64-v3), else in a plain loop. The same counters and key as PhiloxStream, so
// the same bits (philox_test.cpp).
#pragma once
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

inline void philox_lanes_round(PhiloxLanes& x, __m256i k0, __m256i k1) {
  const __m256i m0 = _mm256_set1_epi64x(0xD2511F53ll), m1 = _mm256_set1_epi64x(0xCD9E8D57ll);
  const __m256i p0 = _mm256_mul_epu32(x.c0, m0);
  const __m256i p1 = _mm256_mul_epu32(x.c2, m1);
  x.c0 = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p1, 32), x.c1), k0);
  x.c2 = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p0, 32), x.c3), k1);
  x.c1 = p1;
  x.c3 = p0;
}

// The low halves of the four lanes, in order.
inline void store_low_halves(std::uint32_t* out, __m256i v) {
  const __m256i evens = _mm256_permutevar8x32_epi32(v, _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm256_castsi256_si128(evens));
}

inline __m256i load_widened(const std::uint32_t* in) {
  return _mm256_cvtepu32_epi64(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in)));
}

// Streams first .. first + 4 groups - 1.
template <int groups>
inline void philox_groups(int first, const std::uint32_t* id_low, const std::uint32_t* id_high, const __m256i* key0,
                          const __m256i* key1, __m256i counter2, __m256i counter3, std::uint32_t* word0,
                          std::uint32_t* word1, std::uint32_t* word2, std::uint32_t* word3) {
  PhiloxLanes x[groups];
  for (int g = 0; g < groups; ++g)
    x[g] = PhiloxLanes{load_widened(id_low + first + 4 * g), load_widened(id_high + first + 4 * g), counter2, counter3};
  for (int r = 0; r < 10; ++r)
    for (int g = 0; g < groups; ++g) philox_lanes_round(x[g], key0[r], key1[r]);
  for (int g = 0; g < groups; ++g) {
    store_low_halves(word0 + first + 4 * g, x[g].c0);
    store_low_halves(word1 + first + 4 * g, x[g].c1);
    store_low_halves(word2 + first + 4 * g, x[g].c2);
    store_low_halves(word3 + first + 4 * g, x[g].c3);
  }
}
}  // namespace detail
#endif

// The four words of block `block` of the streams (seed, replica, id, year, purpose) of `count`
// ids given as low and high halves.
inline void philox_stream_blocks(int count, const std::uint32_t* id_low, const std::uint32_t* id_high,
                                 std::uint32_t seed, std::uint32_t replica, std::uint32_t year, std::uint32_t purpose,
                                 std::uint32_t block, std::uint32_t* word0, std::uint32_t* word1, std::uint32_t* word2,
                                 std::uint32_t* word3) {
  const std::uint32_t year_purpose = ((year & 0xffffu) << 16) | (purpose & 0xffffu);
  int first = 0;
#if defined(TS_PHILOX_AVX2)
  constexpr std::uint32_t bump0 = 0x9E3779B9u, bump1 = 0xBB67AE85u;
  __m256i key0[10], key1[10];
  for (std::uint32_t r = 0; r < 10; ++r) {
    key0[r] = _mm256_set1_epi64x(static_cast<long long>(seed + r * bump0));
    key1[r] = _mm256_set1_epi64x(static_cast<long long>(replica + r * bump1));
  }
  const __m256i counter2 = _mm256_set1_epi64x(year_purpose), counter3 = _mm256_set1_epi64x(block);
  // Four independent groups of four streams overlap the latencies of their rounds; then groups
  // of four; the last few streams one by one.
  for (; first + 16 <= count; first += 16)
    detail::philox_groups<4>(first, id_low, id_high, key0, key1, counter2, counter3, word0, word1, word2, word3);
  for (; first + 4 <= count; first += 4)
    detail::philox_groups<1>(first, id_low, id_high, key0, key1, counter2, counter3, word0, word1, word2, word3);
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
