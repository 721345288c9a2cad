// The edge lookup of income bins against LogBins::bin_of, the function it replaces on the CPU:
// every float of the histogram's range, the floats around each edge, special values, and
// random bit patterns over all floats.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>

#include "kernels/log_bin_edges.hpp"

namespace {

float float_of(std::int32_t bits) {
  float amount;
  std::memcpy(&amount, &bits, sizeof amount);
  return amount;
}

std::int32_t bits_of(float amount) {
  std::int32_t bits;
  std::memcpy(&bits, &amount, sizeof bits);
  return bits;
}

TEST(LogBinEdges, EveryFloatOfTheLogarithmicRangeHasTheBinOfTheLogarithm) {
  const ts::LogBins bins;
  const ts::LogBinEdges edges(bins);
  const int last = bins.bin_count() - 1;
  // From below the lowest amount to above the last edge, 8 floats at a time through bins_of
  // (which equals bin_of: engine_primitives_test).
  const std::int32_t from = bits_of(static_cast<float>(bins.lowest)) - 4096, to = edges.edge(last) + 4096;
  constexpr int lanes = 8;
  std::int64_t mismatches = 0;
  for (std::int32_t first = from; first < to; first += lanes) {
    double amount[lanes];
    int bin[lanes];
    for (int l = 0; l < lanes; ++l) amount[l] = float_of(first + l);
    bins.bins_of(amount, bin);
    for (int l = 0; l < lanes; ++l) mismatches += edges.bin_of(float_of(first + l)) != bin[l] ? 1 : 0;
  }
  EXPECT_EQ(mismatches, 0);
}

TEST(LogBinEdges, TheFloatsAroundEachEdgeHaveTheBinOfTheLogarithm) {
  const ts::LogBins bins;
  const ts::LogBinEdges edges(bins);
  for (int bin = 2; bin < bins.bin_count(); ++bin) {
    const std::int32_t edge = edges.edge(bin);
    ASSERT_EQ(bins.bin_of(static_cast<double>(float_of(edge))), bin);
    ASSERT_EQ(bins.bin_of(static_cast<double>(float_of(edge - 1))), bin - 1);
    for (std::int32_t bits = edge - 64; bits <= edge + 64; ++bits)
      ASSERT_EQ(edges.bin_of(float_of(bits)), bins.bin_of(static_cast<double>(float_of(bits)))) << float_of(bits);
  }
}

TEST(LogBinEdges, SpecialAmountsHaveTheBinOfTheLogarithm) {
  const ts::LogBins bins;
  const ts::LogBinEdges edges(bins);
  const float special[] = {0.0f, -0.0f, -1.0f, -1e30f, std::numeric_limits<float>::denorm_min(),
                           std::numeric_limits<float>::min(), 1e-20f, 0.01f, 99.99999f, 100.0f,
                           std::nextafter(100.0f, 0.0f), std::nextafter(100.0f, 200.0f), 1.1e9f, 2e9f, 1e20f,
                           std::numeric_limits<float>::max(), -std::numeric_limits<float>::infinity(),
                           std::numeric_limits<float>::quiet_NaN(), -std::numeric_limits<float>::quiet_NaN()};
  for (const float amount : special) EXPECT_EQ(edges.bin_of(amount), bins.bin_of(static_cast<double>(amount))) << amount;
  EXPECT_EQ(edges.bin_of(std::numeric_limits<float>::infinity()), bins.bin_count() - 1);
}

TEST(LogBinEdges, RandomFloatsHaveTheBinOfTheLogarithm) {
  const ts::LogBins bins;
  const ts::LogBinEdges edges(bins);
  std::mt19937 random(20240611u);
  std::uniform_int_distribution<std::uint32_t> any_bits;
  std::uniform_real_distribution<double> log_amount(-5.0, 30.0);
  std::int64_t mismatches = 0;
  for (int draw = 0; draw < 2000000; ++draw) {
    const std::uint32_t raw = any_bits(random);
    float amount;
    std::memcpy(&amount, &raw, sizeof amount);
    if (std::isinf(amount)) continue;
    mismatches += edges.bin_of(amount) != bins.bin_of(static_cast<double>(amount)) ? 1 : 0;
    const auto income = static_cast<float>(std::exp(log_amount(random)));
    mismatches += edges.bin_of(income) != bins.bin_of(static_cast<double>(income)) ? 1 : 0;
  }
  EXPECT_EQ(mismatches, 0);
}

TEST(LogBinEdges, AreFoundOncePerBins) {
  const ts::LogBins bins;
  EXPECT_EQ(&ts::log_bin_edges(bins), &ts::log_bin_edges(ts::LogBins{}));
  ts::LogBins coarser;
  coarser.ratio_log = 0.01;
  coarser.log_bin_count = 1500;
  const ts::LogBinEdges& other = ts::log_bin_edges(coarser);
  EXPECT_NE(&other, &ts::log_bin_edges(bins));
  for (float amount = 50.0f; amount < 1e8f; amount *= 1.0007f)
    ASSERT_EQ(other.bin_of(amount), coarser.bin_of(static_cast<double>(amount))) << amount;
}

}  // namespace
