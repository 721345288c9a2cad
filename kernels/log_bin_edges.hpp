// LogBins::bin_of for float amounts (the person columns hold floats) by comparisons with the
// bins' edges instead of a logarithm: a CPU shortcut, host memory only. The edges are found
// with bin_of itself (the smallest float of each bin), so both agree wherever bin_of does not
// decrease as the amount grows: checked for every float up to the last edge and around each
// edge (tests/unit/log_bin_edges_test.cpp).
#pragma once
#include <cstdint>
#include <cstring>
#include <vector>

#include "kernels/log_histogram.hpp"

namespace ts {

class LogBinEdges {
 public:
  explicit LogBinEdges(const LogBins& bins);

  // bins.bin_of(amount) for every float but +infinity, whose bin_of is undefined (its position
  // overflows an int) and which falls here in the last bin.
  int bin_of(float amount) const {
    std::int32_t bits;
    std::memcpy(&bits, &amount, sizeof bits);
    const std::int32_t clamped = bits < first_edge_ ? first_edge_ : (bits > last_edge_ ? last_edge_ : bits);
    // A cell holds at most one edge: the bin at its start, or the next one.
    int bin = cell_bin_[static_cast<std::size_t>((clamped - first_edge_) >> cell_shift_)];
    bin += clamped >= edge_[static_cast<std::size_t>(bin) + 1] ? 1 : 0;
    return bits <= 0 || bits > infinity_bits ? 0 : (bits < first_edge_ ? 1 : bin);
  }

  const LogBins& bins() const { return bins_; }
  // The float bits of the smallest amount of each bin from 2 (lowest) to the last.
  std::int32_t edge(int bin) const { return edge_[static_cast<std::size_t>(bin)]; }

 private:
  static constexpr std::int32_t infinity_bits = 0x7f800000;
  LogBins bins_;
  std::vector<std::int32_t> edge_;  // [bin_count + 1]: edges of bins 2.., then a sentinel above every float
  std::int32_t first_edge_, last_edge_;
  int cell_shift_;                  // a cell is 2^cell_shift_ consecutive floats from the first edge
  std::vector<std::int32_t> cell_bin_;  // the bin of each cell's first float
};

// The edges of `bins`, found once per process.
const LogBinEdges& log_bin_edges(const LogBins& bins);

}  // namespace ts
