#include "kernels/log_bin_edges.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace ts {
namespace {

constexpr std::int32_t largest_float_bits = 0x7f7fffff;

int bin_of_bits(const LogBins& bins, std::int32_t bits) {
  return bins.bin_of(static_cast<double>(std::bit_cast<float>(bits)));
}

}  // namespace

LogBinEdges::LogBinEdges(const LogBins& bins) : bins_(bins) {
  const int last = bins.bin_count() - 1;
  edge_.assign(static_cast<std::size_t>(last) + 2, 0);
  // Each edge by bisection between the previous one (below the bin) and the largest float (in it or above).
  std::int32_t below = 0;
  for (int bin = 2; bin <= last; ++bin) {
    std::int32_t at_or_above = largest_float_bits;
    if (bin_of_bits(bins, below) >= bin || bin_of_bits(bins, at_or_above) < bin)
      throw std::invalid_argument("log bins: some bin holds no float, or lies beyond the largest float");
    while (at_or_above - below > 1) {
      const std::int32_t middle = below + (at_or_above - below) / 2;
      (bin_of_bits(bins, middle) >= bin ? at_or_above : below) = middle;
    }
    edge_[static_cast<std::size_t>(bin)] = at_or_above;
    below = at_or_above;
  }
  edge_[static_cast<std::size_t>(last) + 1] = 0x7fffffff;  // no float reaches it
  const std::int32_t first_edge = edge_[2], last_edge = edge_[static_cast<std::size_t>(last)];

  // The widest cells that hold at most one edge after their first float.
  auto bin_at = [&](std::int64_t bits) {
    const auto begin = edge_.begin() + 2, end = edge_.begin() + last + 1;
    return 1 + static_cast<int>(std::upper_bound(begin, end, static_cast<std::int32_t>(bits)) - begin);
  };
  for (cell_shift_ = 23; cell_shift_ >= 0; --cell_shift_) {
    const std::int64_t span = std::int64_t{1} << cell_shift_;
    const std::int64_t cells = ((std::int64_t{last_edge} - first_edge) >> cell_shift_) + 1;
    cell_bin_.assign(static_cast<std::size_t>(cells), 0);
    bool one_edge_each = true;
    for (std::int64_t cell = 0; cell < cells && one_edge_each; ++cell) {
      const std::int64_t start = first_edge + cell * span;
      const std::int64_t end = std::min<std::int64_t>(start + span - 1, last_edge);
      cell_bin_[static_cast<std::size_t>(cell)] = bin_at(start);
      one_edge_each = bin_at(end) - bin_at(start) <= 1;
    }
    if (one_edge_each) return;
  }
  throw std::invalid_argument("log bins: two edges in one float");  // unreachable: edges differ
}

const LogBinEdges& log_bin_edges(const LogBins& bins) {
  static std::mutex mutex;
  static std::vector<std::unique_ptr<LogBinEdges>> found;
  const std::lock_guard<std::mutex> lock(mutex);
  for (const auto& edges : found) {
    const LogBins& b = edges->bins();
    if (b.lowest == bins.lowest && b.ratio_log == bins.ratio_log && b.log_bin_count == bins.log_bin_count) return *edges;
  }
  found.push_back(std::make_unique<LogBinEdges>(bins));
  return *found.back();
}

}  // namespace ts
