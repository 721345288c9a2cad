// A fine logarithmic histogram of non-negative amounts of money, kept as exact integers:
// for each bin the number of records and the sum of their amounts in cents. Bin 0 holds zero
// and negative amounts; bins 1..n cover [lowest, highest) with a constant ratio between edges;
// the last bin holds everything above. With a 0.5% ratio, a Gini coefficient from the
// histogram is within 1e-5 of the one from the sorted data (tests/unit/log_histogram_test.cpp).
#pragma once
#include <cstdint>
#include <vector>

#include "kernels/det_math.hpp"
#include "kernels/fixed_point.hpp"
#include "kernels/ts_hd.hpp"

namespace ts {

struct LogBins {
  double lowest = 100.0;       // upper edge of bin 0 (euros)
  double ratio_log = 0.004987541511038968;  // log(1.005)
  int log_bin_count = 2800;    // 100 EUR * 1.005^2800 = 1.1 billion EUR

  TS_HD int bin_count() const { return log_bin_count + 2; }
  TS_HD int bin_of(double amount) const {
    if (!(amount > 0.0)) return 0;
    if (amount < lowest) return 1;
    const double position = det_log(amount / lowest) / ratio_log;
    const int bin = 2 + static_cast<int>(position);
    return bin < bin_count() - 1 ? bin : bin_count() - 1;
  }
  // bin_of of N amounts at once, with the logarithms in lockstep (det_log_lanes): same bins.
  template <int N>
  TS_HD void bins_of(const double (&amount)[N], int (&bin)[N]) const {
    double position[N];
    for (int l = 0; l < N; ++l) position[l] = amount[l] >= lowest ? amount[l] / lowest : 1.0;
    det_log_lanes(position);
    for (int l = 0; l < N; ++l) {
      const int logarithmic = 2 + static_cast<int>(position[l] / ratio_log);
      bin[l] = !(amount[l] > 0.0) ? 0
               : amount[l] < lowest ? 1
                                    : (logarithmic < bin_count() - 1 ? logarithmic : bin_count() - 1);
    }
  }
};

// Host-side view of a reduced histogram: counts[b] and sums_cents[b] for each bin.
class LogBinnedDistribution {
 public:
  LogBinnedDistribution(std::vector<std::int64_t> counts, std::vector<std::int64_t> sums_cents);

  std::int64_t count() const { return total_count_; }
  double total() const;  // euros
  double mean() const;
  // Quantile p in [0, 1], interpolated within the bin on the assumption that its records are
  // spread evenly between the bin's lowest and highest possible amounts, scaled to its mean.
  double quantile(double p) const;
  // Gini coefficient from the Lorenz curve through the bin totals (exact bin sums).
  double gini() const;
  // Share of the total amount held by the `fraction` of records with the smallest amounts.
  double bottom_share(double fraction) const;
  double top_share(double fraction) const { return 1.0 - bottom_share(1.0 - fraction); }
  // Share of records strictly below `threshold` euros.
  double share_below(double threshold) const;

 private:
  std::vector<std::int64_t> counts_;
  std::vector<std::int64_t> sums_cents_;
  std::int64_t total_count_ = 0;
  std::int64_t total_cents_ = 0;
  LogBins bins_;
};

}  // namespace ts
