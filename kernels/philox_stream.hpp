// Counter-based random numbers. Every draw is a pure function of
// (seed, replica, global person id, year, purpose, draw index) through Philox4x32-10, so no
// generator state is carried and results do not depend on ranks, threads, GPUs or the order
// in which persons are processed.
#pragma once
#include <Random123/philox.h>

#include <cstdint>

#include "kernels/det_math.hpp"
#include "kernels/ts_hd.hpp"

namespace ts {

using Philox = r123::Philox4x32_R<10>;

// Four 32-bit words of Philox output.
struct RandomBlock {
  std::uint32_t word[4];
};

// Raw Philox4x32-10 of a counter and key, exposed for the known-answer test.
TS_HD inline RandomBlock philox4x32_10(const std::uint32_t counter[4], const std::uint32_t key[2]) {
  Philox generator;
  Philox::ctr_type c = {{counter[0], counter[1], counter[2], counter[3]}};
  Philox::key_type k = {{key[0], key[1]}};
  const Philox::ctr_type r = generator(c, k);
  return RandomBlock{{r.v[0], r.v[1], r.v[2], r.v[3]}};
}

// Philox4x32-10 on four counter words in place, on plain integers (no arrays, no branches), so
// that a loop over many counters vectorises; the same bits as philox4x32_10 (philox_test.cpp).
namespace detail {
TS_HD inline void philox_round(std::uint32_t& c0, std::uint32_t& c1, std::uint32_t& c2, std::uint32_t& c3,
                               std::uint32_t k0, std::uint32_t k1) {
  const std::uint64_t p0 = static_cast<std::uint64_t>(0xD2511F53u) * c0;
  const std::uint64_t p1 = static_cast<std::uint64_t>(0xCD9E8D57u) * c2;
  const std::uint32_t next0 = static_cast<std::uint32_t>(p1 >> 32) ^ c1 ^ k0;
  const std::uint32_t next2 = static_cast<std::uint32_t>(p0 >> 32) ^ c3 ^ k1;
  c1 = static_cast<std::uint32_t>(p1);
  c3 = static_cast<std::uint32_t>(p0);
  c0 = next0;
  c2 = next2;
}
}  // namespace detail

TS_HD inline void philox4x32_10_words(std::uint32_t& c0, std::uint32_t& c1, std::uint32_t& c2, std::uint32_t& c3,
                                      std::uint32_t k0, std::uint32_t k1) {
  constexpr std::uint32_t bump0 = 0x9E3779B9u, bump1 = 0xBB67AE85u;
  detail::philox_round(c0, c1, c2, c3, k0, k1);
  detail::philox_round(c0, c1, c2, c3, k0 + 1u * bump0, k1 + 1u * bump1);
  detail::philox_round(c0, c1, c2, c3, k0 + 2u * bump0, k1 + 2u * bump1);
  detail::philox_round(c0, c1, c2, c3, k0 + 3u * bump0, k1 + 3u * bump1);
  detail::philox_round(c0, c1, c2, c3, k0 + 4u * bump0, k1 + 4u * bump1);
  detail::philox_round(c0, c1, c2, c3, k0 + 5u * bump0, k1 + 5u * bump1);
  detail::philox_round(c0, c1, c2, c3, k0 + 6u * bump0, k1 + 6u * bump1);
  detail::philox_round(c0, c1, c2, c3, k0 + 7u * bump0, k1 + 7u * bump1);
  detail::philox_round(c0, c1, c2, c3, k0 + 8u * bump0, k1 + 8u * bump1);
  detail::philox_round(c0, c1, c2, c3, k0 + 9u * bump0, k1 + 9u * bump1);
}

// Index i with probability weights[i] / sum(weights) for a uniform u in [0, 1); weights need not
// be normalised. Zero-weight categories are never chosen; with all weights zero, returns count - 1.
template <class Weight>
TS_HD int categorical_index(double u, const Weight* weights, int count) {
  double total = 0.0;
  for (int i = 0; i < count; ++i) total += static_cast<double>(weights[i]);
  const double target = u * total;
  double cumulative = 0.0;
  for (int i = 0; i < count; ++i) {
    cumulative += static_cast<double>(weights[i]);
    if (target < cumulative) return i;
  }
  for (int i = count - 1; i > 0; --i)
    if (weights[i] > 0) return i;
  return count - 1;
}

// Point k of a two-dimensional low-discrepancy (Kronecker, "R2") sequence started at `offset`:
// within a group of n draws, the shares of each category are met to within about log(n)/n,
// instead of the 1/sqrt(n) of independent draws; the two coordinates are nearly independent.
TS_HD inline double low_discrepancy(std::uint64_t k, int coordinate, double offset) {
  const double alpha = coordinate == 0 ? 0.7548776662466927 : 0.5698402909980532;
  const double x = offset + static_cast<double>(k % 1000000007ull) * alpha;
  return x - det_floor(x);
}

// Draw k of a stream from its block k/2: a uniform on the open interval (0, 1) with 53 random
// bits from half of the block's words (PhiloxStream::uniform and PhiloxBlocks share it).
TS_HD inline double uniform_in_block(const RandomBlock& b, std::uint32_t k) {
  const std::uint32_t high = b.word[(k & 1u) * 2];
  const std::uint32_t low = b.word[(k & 1u) * 2 + 1];
  const std::uint64_t bits53 = (static_cast<std::uint64_t>(high >> 5) << 26) | static_cast<std::uint64_t>(low >> 6);
  return (static_cast<double>(bits53) + 0.5) * (1.0 / 9007199254740992.0);
}

// Counter word 2 of a stream: the year and the purpose, 16 bits each. Every path that draws
// a stream (PhiloxStream, the CPU's tiles of streams, the peer workload) keys it with this.
TS_HD constexpr std::uint32_t philox_year_purpose(std::uint32_t year, std::uint32_t purpose) {
  return ((year & 0xffffu) << 16) | (purpose & 0xffffu);
}

// The stream of one person in one year for one purpose. Key = (seed, replica); counter =
// (person id low, person id high, philox_year_purpose(year, purpose), block index).
class PhiloxStream {
 public:
  TS_HD PhiloxStream(std::uint32_t seed, std::uint32_t replica, std::uint64_t person_id,
                     std::uint32_t year, std::uint32_t purpose)
      : key_{seed, replica},
        counter_{static_cast<std::uint32_t>(person_id), static_cast<std::uint32_t>(person_id >> 32),
                 philox_year_purpose(year, purpose)} {}

  TS_HD RandomBlock block(std::uint32_t index) const {
    const std::uint32_t counter[4] = {counter_[0], counter_[1], counter_[2], index};
    return philox4x32_10(counter, key_);
  }

  // Block `index` is Philox of the counter (counter_word(0..2), index) under (key_word(0..1)).
  TS_HD std::uint32_t counter_word(int w) const { return counter_[w]; }
  TS_HD std::uint32_t key_word(int w) const { return key_[w]; }

  // Uniform on the open interval (0, 1) with 53 random bits; draw k uses half of block k/2.
  TS_HD double uniform(std::uint32_t k) const { return uniform_in_block(block(k >> 1), k); }

  TS_HD double normal(std::uint32_t k) const { return det_normal_quantile(uniform(k)); }

  TS_HD bool bernoulli(std::uint32_t k, double probability) const {
    return uniform(k) < probability;
  }

  // Index i with probability weights[i] / sum(weights); weights need not be normalised.
  // Zero-weight categories are never chosen; with all weights zero, returns count - 1.
  template <class Weight>
  TS_HD int categorical(std::uint32_t k, const Weight* weights, int count) const {
    return categorical_index(uniform(k), weights, count);
  }

 private:
  std::uint32_t key_[2];
  std::uint32_t counter_[3];
};

}  // namespace ts
