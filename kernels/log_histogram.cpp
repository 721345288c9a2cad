// Statistics from an exact logarithmic histogram. Host code: the histogram is small once reduced.
#include "kernels/log_histogram.hpp"

#include <algorithm>
#include <stdexcept>

namespace ts {

LogBinnedDistribution::LogBinnedDistribution(std::vector<std::int64_t> counts, std::vector<std::int64_t> sums_cents)
    : counts_(std::move(counts)), sums_cents_(std::move(sums_cents)) {
  if (counts_.size() != sums_cents_.size())
    throw std::invalid_argument("log-binned distribution: counts and sums differ in length");
  for (std::size_t b = 0; b < counts_.size(); ++b) {
    total_count_ += counts_[b];
    total_cents_ += sums_cents_[b];
  }
}

double LogBinnedDistribution::total() const { return cents_to_euros(total_cents_); }

double LogBinnedDistribution::mean() const {
  return total_count_ == 0 ? 0.0 : total() / static_cast<double>(total_count_);
}

double LogBinnedDistribution::quantile(double p) const {
  if (total_count_ == 0) return 0.0;
  const double target = std::clamp(p, 0.0, 1.0) * static_cast<double>(total_count_);
  double cumulative = 0.0;
  for (std::size_t b = 0; b < counts_.size(); ++b) {
    const double n = static_cast<double>(counts_[b]);
    if (n == 0.0) continue;
    if (cumulative + n >= target) {
      const double within = (target - cumulative) / n;
      const double bin_mean = cents_to_euros(sums_cents_[b]) / n;
      if (b <= 1 || b + 1 == counts_.size()) return bin_mean;
      // Linear within the bin's edges, shifted so that the interpolated mean equals the exact mean.
      const double low = bins_.lowest * det_exp(static_cast<double>(b - 2) * bins_.ratio_log);
      const double high = low * det_exp(bins_.ratio_log);
      return low + within * (high - low) + (bin_mean - 0.5 * (low + high));
    }
    cumulative += n;
  }
  return cents_to_euros(sums_cents_.back()) / std::max<double>(1.0, static_cast<double>(counts_.back()));
}

double LogBinnedDistribution::gini() const {
  if (total_count_ == 0 || total_cents_ == 0) return 0.0;
  // Area under the Lorenz curve by trapezoids between bin boundaries.
  const double n = static_cast<double>(total_count_);
  const double total_amount = static_cast<double>(total_cents_);
  double cumulative_amount = 0.0;
  double area = 0.0;
  for (std::size_t b = 0; b < counts_.size(); ++b) {
    if (counts_[b] == 0) continue;
    const double population_share = static_cast<double>(counts_[b]) / n;
    const double before = cumulative_amount / total_amount;
    cumulative_amount += static_cast<double>(sums_cents_[b]);
    const double after = cumulative_amount / total_amount;
    area += population_share * (before + after) * 0.5;
  }
  return 1.0 - 2.0 * area;
}

double LogBinnedDistribution::bottom_share(double fraction) const {
  if (total_count_ == 0 || total_cents_ == 0) return 0.0;
  const double target = std::clamp(fraction, 0.0, 1.0) * static_cast<double>(total_count_);
  double cumulative_count = 0.0;
  double cumulative_amount = 0.0;
  for (std::size_t b = 0; b < counts_.size(); ++b) {
    const double n = static_cast<double>(counts_[b]);
    if (n == 0.0) continue;
    if (cumulative_count + n >= target) {
      cumulative_amount += static_cast<double>(sums_cents_[b]) * (target - cumulative_count) / n;
      break;
    }
    cumulative_count += n;
    cumulative_amount += static_cast<double>(sums_cents_[b]);
  }
  return cumulative_amount / static_cast<double>(total_cents_);
}

double LogBinnedDistribution::share_below(double threshold) const {
  if (total_count_ == 0) return 0.0;
  const int threshold_bin = bins_.bin_of(threshold);
  double below = 0.0;
  for (int b = 0; b < threshold_bin; ++b) below += static_cast<double>(counts_[static_cast<std::size_t>(b)]);
  // Within the threshold's bin, interpolate between its edges.
  const double n = static_cast<double>(counts_[static_cast<std::size_t>(threshold_bin)]);
  if (n > 0.0 && threshold_bin >= 2 && threshold_bin + 1 < static_cast<int>(counts_.size())) {
    const double low = bins_.lowest * det_exp(static_cast<double>(threshold_bin - 2) * bins_.ratio_log);
    const double high = low * det_exp(bins_.ratio_log);
    below += n * std::clamp((threshold - low) / (high - low), 0.0, 1.0);
  }
  return below / static_cast<double>(total_count_);
}

}  // namespace ts
