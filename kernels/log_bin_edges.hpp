// LogBins::bin_of for float amounts (the person columns hold floats) by comparisons with the
// bins' edges instead of a logarithm: a CPU shortcut, host memory only. The edges are found
// with bin_of itself (the smallest float of each bin), so both agree wherever bin_of does not
// decrease as the amount grows: checked for every float up to the last edge and around each
// edge (tests/unit/log_bin_edges_test.cpp).
#pragma once
#include <bit>
#include <cstdint>
#include <vector>

#include "kernels/log_histogram.hpp"

namespace ts {

// The lookup as plain numbers and pointers, for loops that the compiler vectorises.
struct LogBinLookup {
  const std::int32_t* edge;      // [bin_count + 1]: float bits of the smallest amount of bins 2.., then a sentinel
  const std::int32_t* cell_bin;  // the bin of each cell's first float
  std::int32_t first_edge, last_edge;
  int cell_shift;  // a cell is 2^cell_shift consecutive floats from the first edge, with at most one edge

  // LogBins::bin_of(amount) for every float but +infinity, whose bin_of is undefined (its
  // position overflows an int) and which falls here in the last bin.
  int bin_of(float amount) const {
    const auto bits = std::bit_cast<std::int32_t>(amount);
    const std::int32_t above_first = bits > first_edge ? bits : first_edge;
    const std::int32_t clamped = above_first < last_edge ? above_first : last_edge;
    const int bin = cell_bin[(clamped - first_edge) >> cell_shift];
    const int found = bin + (clamped >= edge[bin + 1] ? 1 : 0);
    return bits <= 0 || bits > infinity_bits ? 0 : (bits < first_edge ? 1 : found);
  }
  static constexpr std::int32_t infinity_bits = 0x7f800000;
};

class LogBinEdges {
 public:
  explicit LogBinEdges(const LogBins& bins);

  LogBinLookup lookup() const { return {edge_.data(), cell_bin_.data(), edge_[2], edge_.end()[-2], cell_shift_}; }
  int bin_of(float amount) const { return lookup().bin_of(amount); }
  const LogBins& bins() const { return bins_; }
  // The float bits of the smallest amount of `bin`, from 2 (lowest) to the last.
  std::int32_t edge(int bin) const { return edge_[static_cast<std::size_t>(bin)]; }

 private:
  LogBins bins_;
  std::vector<std::int32_t> edge_;
  int cell_shift_;
  std::vector<std::int32_t> cell_bin_;
};

// The edges of `bins`, found once per process.
const LogBinEdges& log_bin_edges(const LogBins& bins);

}  // namespace ts
