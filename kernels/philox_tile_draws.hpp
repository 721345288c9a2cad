// The first blocks of the PhiloxStreams of a tile of persons, computed together in Philox lanes
// over the persons (philox_stream_blocks), and one person's draws from them with PhiloxBlocks's
// interface and bits (uniform_from_words is uniform_in_block). PhiloxBlocks computes a person's
// blocks in lanes over the blocks, too few to fill AVX2 registers well; this is for CPU passes
// that take their persons in tiles (entrants, hires). CPU only.
#pragma once
#include <cstddef>
#include <cstdint>

#include "kernels/philox_stream.hpp"
#include "kernels/philox_tile.hpp"

namespace ts {

template <int Blocks, std::size_t Tile>
struct PhiloxTileBlocks {
  std::uint32_t word[Blocks][4][Tile];

  // Blocks 0 .. Blocks - 1 of the streams (seed, replica, id, year, purpose) of `count` <= Tile
  // ids given as low and high halves.
  void compute(std::size_t count, const std::uint32_t* id_low, const std::uint32_t* id_high, std::uint32_t seed,
               std::uint32_t replica, std::uint32_t year, std::uint32_t purpose) {
    for (int b = 0; b < Blocks; ++b)
      philox_stream_blocks(static_cast<int>(count), id_low, id_high, seed, replica, year, purpose,
                           static_cast<std::uint32_t>(b), word[b][0], word[b][1], word[b][2], word[b][3]);
  }
};

// Person `lane` of a tile; a draw beyond the blocks falls back to the stream, as PhiloxBlocks's do.
template <int Blocks, std::size_t Tile>
struct PhiloxTileDraws {
  const PhiloxTileBlocks<Blocks, Tile>* blocks;
  std::size_t lane;
  PhiloxStream stream;

  double uniform(std::uint32_t k) const {
    const std::uint32_t b = k >> 1;
    if (b >= static_cast<std::uint32_t>(Blocks)) return stream.uniform(k);
    const std::uint32_t w = (k & 1u) * 2;
    return uniform_from_words(blocks->word[b][w][lane], blocks->word[b][w + 1][lane]);
  }
  double normal(std::uint32_t k) const { return det_normal_quantile(uniform(k)); }
  template <class Weight>
  int categorical(std::uint32_t k, const Weight* weights, int count) const {
    return categorical_index(uniform(k), weights, count);
  }
};

}  // namespace ts
