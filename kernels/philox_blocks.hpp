// The first blocks of one PhiloxStream, computed once. A stream's block k/2 holds draws k and
// k + 1, and PhiloxStream computes it again for each draw; a person who takes a dozen draws
// (synthesis, entrants, hires) thus paid for nearly twice the Philox work needed. Computed
// together, the blocks also overlap in the core. Same draws, same bits as the stream
// (philox_test.cpp); draws beyond the first blocks fall back to the stream.
#pragma once
#include <cstdint>

#include "kernels/philox_stream.hpp"
#include "kernels/ts_hd.hpp"

// GCC vectorises the blocks' 32 x 32 -> 64-bit products only when asked to.
#if defined(_OPENMP) && !defined(__CUDA_ARCH__)
#define TS_PHILOX_BLOCKS_SIMD_ _Pragma("omp simd")
#else
#define TS_PHILOX_BLOCKS_SIMD_
#endif

namespace ts {

template <int Blocks>
class PhiloxBlocks {
 public:
  TS_HD explicit PhiloxBlocks(const PhiloxStream& stream) : stream_(stream) {
    // Word by word over the blocks, so that the CPU takes the blocks' rounds in SIMD lanes.
    std::uint32_t c0[Blocks], c1[Blocks], c2[Blocks], c3[Blocks];
    TS_PHILOX_BLOCKS_SIMD_
    for (int b = 0; b < Blocks; ++b) {
      c0[b] = stream.counter_word(0);
      c1[b] = stream.counter_word(1);
      c2[b] = stream.counter_word(2);
      c3[b] = static_cast<std::uint32_t>(b);
      philox4x32_10_words(c0[b], c1[b], c2[b], c3[b], stream.key_word(0), stream.key_word(1));
    }
    for (int b = 0; b < Blocks; ++b) block_[b] = RandomBlock{{c0[b], c1[b], c2[b], c3[b]}};
  }

  TS_HD double uniform(std::uint32_t k) const {
    const std::uint32_t b = k >> 1;
    return b < static_cast<std::uint32_t>(Blocks) ? uniform_in_block(block_[b], k) : stream_.uniform(k);
  }

  TS_HD double normal(std::uint32_t k) const { return det_normal_quantile(uniform(k)); }

  template <class Weight>
  TS_HD int categorical(std::uint32_t k, const Weight* weights, int count) const {
    return categorical_index(uniform(k), weights, count);
  }

 private:
  PhiloxStream stream_;
  RandomBlock block_[Blocks];
};

}  // namespace ts
