// The peer workload's float maths against double references (the error bounds quoted in
// docs/performance.md, "Peer workload"), and its tiled CPU pass against the per-person pass
// the GPU runs: the same bits in every column and every histogram bin.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "kernels/det_math.hpp"
#include "kernels/exact_histogram.hpp"
#include "kernels/parallel.hpp"
#include "bench/peer_model_k.hpp"
#include "bench/peer_period_k.hpp"

namespace {

std::uint32_t next_word(std::uint64_t& state) {  // splitmix64, high half
  state += 0x9E3779B97F4A7C15ull;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return static_cast<std::uint32_t>((z ^ (z >> 31)) >> 32);
}

TEST(PeerModel, UniformBelowIsTheExactComparison) {
  std::uint64_t state = 1;
  for (int trial = 0; trial < 2000000; ++trial) {
    const std::uint32_t word = next_word(state);
    float probability;
    switch (trial % 4) {
      case 0:  // any probability
        probability = static_cast<float>(next_word(state)) * 2.3283064365386963e-10f;
        break;
      case 1:  // the uniform itself, rounded to float either way: the hardest cases
        probability = static_cast<float>((static_cast<double>(word) + 0.5) / 4294967296.0);
        break;
      case 2:  // small probabilities, where p 2^24 has a fraction
        probability = static_cast<float>(next_word(state) >> 12) * 2.3283064365386963e-10f;
        break;
      default:  // a word near p 2^32 for a random p
        probability = static_cast<float>(word >> 8) * 5.9604644775390625e-8f;
        break;
    }
    const bool exact = static_cast<double>(word) + 0.5 < static_cast<double>(probability) * 4294967296.0;
    ASSERT_EQ(peer::uniform_below(word, probability), exact) << word << " " << probability;
  }
  EXPECT_TRUE(peer::uniform_below(0u, 1.0f));
  EXPECT_TRUE(peer::uniform_below(0xffffffffu, 1.0f));
  EXPECT_FALSE(peer::uniform_below(0u, 0.0f));
  EXPECT_TRUE(peer::uniform_below((1u << 30) - 1u, 0.25f));
  EXPECT_FALSE(peer::uniform_below(1u << 30, 0.25f));
}

TEST(PeerModel, ThresholdsDecideAsUniformBelow) {
  std::uint64_t state = 3;
  for (int trial = 0; trial < 200000; ++trial) {
    const float probability = static_cast<float>(next_word(state) >> 8) * 5.9604644775390625e-8f;  // [0, 1)
    const std::uint32_t threshold = peer::uniform_threshold(probability);
    for (const std::uint32_t word : {threshold - 2u, threshold - 1u, threshold, threshold + 1u, next_word(state)})
      ASSERT_EQ(word < threshold, peer::uniform_below(word, probability)) << word << " " << probability;
  }
  for (const std::uint32_t t : peer::training_table()) EXPECT_GT(t, 0u);
  EXPECT_THROW(peer::uniform_threshold(1.0f), std::domain_error);
}

TEST(PeerModel, ExpfRelativeErrorBelow2e7) {
  double worst = 0.0;
  for (double x = -87.0; x <= 88.0; x += 1.0 / 4096.0) {
    const float xf = static_cast<float>(x);
    const double exact = std::exp(static_cast<double>(xf));
    worst = std::fmax(worst, std::fabs(static_cast<double>(peer::peer_expf(xf)) / exact - 1.0));
  }
  EXPECT_LT(worst, 2e-7);
  EXPECT_EQ(peer::peer_expf(0.0f), 1.0f);
  EXPECT_EQ(peer::peer_expf(200.0f), peer::peer_expf(88.0f));  // saturates, finite
}

TEST(PeerModel, LogisticAbsoluteErrorBelow1e7) {
  double worst = 0.0;
  for (double x = -30.0; x <= 30.0; x += 1.0 / 4096.0) {
    const float xf = static_cast<float>(x);
    const double exact = 1.0 / (1.0 + std::exp(-static_cast<double>(xf)));
    worst = std::fmax(worst, std::fabs(static_cast<double>(peer::peer_logistic(xf)) - exact));
  }
  EXPECT_LT(worst, 1e-7);
}

TEST(PeerModel, NormalQuantileWithinFloatRoundingOfDouble) {
  double worst = 0.0;
  std::uint64_t state = 2;
  const auto check = [&](std::uint32_t word) {
    const float z = peer::normal_quantile(word, peer::normal_quantile_central(word));
    const double exact = ts::det_normal_quantile((static_cast<double>(word) + 0.5) / 4294967296.0);
    worst = std::fmax(worst, std::fabs(static_cast<double>(z) - exact) / std::fmax(1.0, std::fabs(exact)));
  };
  for (int trial = 0; trial < 4000000; ++trial) check(next_word(state));
  for (std::uint32_t d = 0; d < 4096; ++d) {  // both ends, both sides of the tails' edges, the middle
    check(d);
    check(~d);
    check(peer::normal_tail_words - 2048u + d);
    check(~(peer::normal_tail_words - 2048u + d));
    check(0x80000000u - 2048u + d);
  }
  EXPECT_LT(worst, 1e-7);  // |error| / max(1, |z|): float's rounding of z
}

// Runs `periods` periods on two copies of one population, one through exact_histogram (the
// tiles on the CPU) and one person by person, and compares everything after each period.
TEST(PeerModel, TilesGiveTheBitsOfThePersonByPersonPass) {
  const std::size_t n = 20011;  // not a multiple of the tile or of the chunk count
  const std::vector<std::uint32_t> training = peer::training_table();
  thrust::device_vector<std::uint32_t> training_device(training.begin(), training.end());
  peer::PeerPopulation tiled, single;
  tiled.resize(n);
  single.resize(n);
  ts::parallel_for(n, peer::Synthesize{tiled.view(), 5});
  ts::parallel_for(n, peer::Synthesize{single.view(), 5});
  for (int period = 0; period < 20; ++period) {
    const peer::PeriodConstants c =
        peer::period_constants(5, peer::first_year + period, thrust::raw_pointer_cast(training_device.data()));
    const int bins = peer::bin_wage_histogram + 2 * c.wage_bin_count;
    const std::vector<std::int64_t> from_tiles = ts::exact_histogram(n, bins, peer::Period{tiled.view(), c});
    thrust::device_vector<std::int64_t> row(static_cast<std::size_t>(bins), 0);
    {
      const peer::Period pass{single.view(), c};
      ts::RowAdder add{thrust::raw_pointer_cast(row.data())};
      for (std::size_t i = 0; i < n; ++i) pass(i, add);
    }
    std::vector<std::int64_t> person_by_person(static_cast<std::size_t>(bins));
    thrust::copy(row.begin(), row.end(), person_by_person.begin());
    ASSERT_EQ(from_tiles, person_by_person) << "period " << period;
    ASSERT_GT(from_tiles[peer::bin_employed], 0);
    const auto same_bits = [n](const auto& a, const auto& b) {
      std::vector<typename std::decay_t<decltype(a)>::value_type> x(n), y(n);
      thrust::copy(a.begin(), a.end(), x.begin());
      thrust::copy(b.begin(), b.end(), y.begin());
      return std::memcmp(x.data(), y.data(), n * sizeof(x[0])) == 0;
    };
    ASSERT_TRUE(same_bits(tiled.age, single.age)) << "period " << period;
    ASSERT_TRUE(same_bits(tiled.status, single.status)) << "period " << period;
    ASSERT_TRUE(same_bits(tiled.trained, single.trained)) << "period " << period;
    ASSERT_TRUE(same_bits(tiled.digital_skill, single.digital_skill)) << "period " << period;
    ASSERT_TRUE(same_bits(tiled.skill_stock, single.skill_stock)) << "period " << period;
    ASSERT_TRUE(same_bits(tiled.wage, single.wage)) << "period " << period;
  }
}

}  // namespace
