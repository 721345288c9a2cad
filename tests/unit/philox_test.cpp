// The counter-based generator: the published known answer, and the key/counter layout.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <vector>

#include "kernels/philox_blocks.hpp"
#include "kernels/philox_stream.hpp"
#include "kernels/philox_tile.hpp"

namespace {

TEST(Philox, MatchesThePublishedKnownAnswer) {
  // Random123 kat_vectors: philox4x32 10 rounds, counter 0, key 0.
  const std::uint32_t counter[4] = {0, 0, 0, 0};
  const std::uint32_t key[2] = {0, 0};
  const ts::RandomBlock r = ts::philox4x32_10(counter, key);
  EXPECT_EQ(r.word[0], 0x6627e8d5u);
  EXPECT_EQ(r.word[1], 0xe169c58du);
  EXPECT_EQ(r.word[2], 0xbc57ac4cu);
  EXPECT_EQ(r.word[3], 0x9b00dbd8u);
  // Second published vector: all ones.
  const std::uint32_t ones[4] = {0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu};
  const std::uint32_t key_ones[2] = {0xffffffffu, 0xffffffffu};
  const ts::RandomBlock s = ts::philox4x32_10(ones, key_ones);
  EXPECT_EQ(s.word[0], 0x408f276du);
  EXPECT_EQ(s.word[1], 0x41c83b0eu);
  EXPECT_EQ(s.word[2], 0xa20bc7c6u);
  EXPECT_EQ(s.word[3], 0x6d5451fdu);
}

TEST(Philox, PlainWordsMatchRandom123) {
  std::uint32_t x = 12345u;  // xorshift: counters and keys that use every bit
  const auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
  };
  for (int trial = 0; trial < 1000; ++trial) {
    const std::uint32_t counter[4] = {next(), next(), next(), next()};
    const std::uint32_t key[2] = {next(), next()};
    const ts::RandomBlock expected = ts::philox4x32_10(counter, key);
    std::uint32_t c0 = counter[0], c1 = counter[1], c2 = counter[2], c3 = counter[3];
    ts::philox4x32_10_words(c0, c1, c2, c3, key[0], key[1]);
    ASSERT_EQ(c0, expected.word[0]);
    ASSERT_EQ(c1, expected.word[1]);
    ASSERT_EQ(c2, expected.word[2]);
    ASSERT_EQ(c3, expected.word[3]);
  }
}

TEST(Philox, StreamBlocksOfManyIdsMatchPhiloxStream) {
  std::uint64_t x = 88172645463325252ull;  // xorshift64: ids that use both halves
  const auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  for (int count = 0; count <= 45; ++count) {  // whole groups of the vector paths and tails
    std::vector<std::uint64_t> ids(static_cast<std::size_t>(count));
    std::vector<std::uint32_t> low(ids.size()), high(ids.size()), w0(ids.size()), w1(ids.size()), w2(ids.size()),
        w3(ids.size());
    std::vector<double> u0(ids.size()), u1(ids.size());
    for (std::size_t k = 0; k < ids.size(); ++k) {
      ids[k] = k % 3 == 0 ? next() : next() & 0xffffffffull;
      low[k] = static_cast<std::uint32_t>(ids[k]);
      high[k] = static_cast<std::uint32_t>(ids[k] >> 32);
    }
    const std::uint32_t seed = static_cast<std::uint32_t>(next()), replica = static_cast<std::uint32_t>(count % 4);
    const std::uint32_t block = static_cast<std::uint32_t>(count % 2);
    ts::philox_stream_blocks(count, low.data(), high.data(), seed, replica, 2031, 5, block, w0.data(), w1.data(),
                             w2.data(), w3.data());
    ts::philox_stream_uniforms(count, low.data(), high.data(), seed, replica, 2031, 5, block, u0.data(), u1.data());
    for (std::size_t k = 0; k < ids.size(); ++k) {
      const ts::PhiloxStream stream(seed, replica, ids[k], 2031, 5);
      const ts::RandomBlock b = stream.block(block);
      ASSERT_EQ(w0[k], b.word[0]);
      ASSERT_EQ(w1[k], b.word[1]);
      ASSERT_EQ(w2[k], b.word[2]);
      ASSERT_EQ(w3[k], b.word[3]);
      ASSERT_EQ(u0[k], stream.uniform(2 * block));
      ASSERT_EQ(u1[k], stream.uniform(2 * block + 1));
      ASSERT_EQ(ts::uniform_from_words(b.word[0], b.word[1]), stream.uniform(2 * block));
      ASSERT_EQ(ts::uniform_from_words(b.word[2], b.word[3]), stream.uniform(2 * block + 1));
    }
  }
  // The extremes of the 53 bits.
  EXPECT_EQ(ts::uniform_from_words(0u, 0u), 0.5 / 9007199254740992.0);
  EXPECT_EQ(ts::uniform_from_words(0xffffffffu, 0xffffffffu), (9007199254740991.0 + 0.5) / 9007199254740992.0);
}

TEST(Philox, PaddedStreamBlocksMatchPhiloxStreamUpToTheCount) {
  for (int count = 0; count <= 45; ++count) {
    const std::size_t padded = static_cast<std::size_t>((count + 7) / 8 * 8);
    std::vector<std::uint32_t> low(padded), high(padded), w0(padded), w1(padded), w2(padded), w3(padded);
    for (std::size_t k = 0; k < padded; ++k) {
      low[k] = static_cast<std::uint32_t>(2654435761u * (k + 1));
      high[k] = static_cast<std::uint32_t>(k % 5);
    }
    const std::uint32_t seed = 977u * static_cast<std::uint32_t>(count), replica = 3, block = 1;
    ts::philox_stream_blocks_padded(count, low.data(), high.data(), seed, replica, 2040, 7, block, w0.data(),
                                    w1.data(), w2.data(), w3.data());
    std::vector<std::uint32_t> v0(padded), v1(padded), v2(padded), v3(padded);  // the first two words only
    ts::philox_stream_blocks_padded<2>(count, low.data(), high.data(), seed, replica, 2040, 7, block, v0.data(),
                                       v1.data(), v2.data(), v3.data());
    for (int k = 0; k < count; ++k) {
      const std::uint64_t id = (static_cast<std::uint64_t>(high[k]) << 32) | low[k];
      const ts::RandomBlock b = ts::PhiloxStream(seed, replica, id, 2040, 7).block(block);
      ASSERT_EQ(w0[k], b.word[0]);
      ASSERT_EQ(w1[k], b.word[1]);
      ASSERT_EQ(w2[k], b.word[2]);
      ASSERT_EQ(w3[k], b.word[3]);
      ASSERT_EQ(v0[k], b.word[0]);
      ASSERT_EQ(v1[k], b.word[1]);
    }
  }
}

// Draw 0 of listed persons' streams, as the CPU's tiles of selected persons take them: every
// listed count from 0 to the tile's 256, the ids read through the list.
TEST(Philox, ListedFirstUniformsMatchPhiloxStream) {
  std::vector<std::uint64_t> person_id(300);
  for (std::size_t i = 0; i < person_id.size(); ++i) person_id[i] = 0x9E3779B97F4A7C15ull * (i + 3) >> (i % 7);
  std::vector<std::uint32_t> listed(256);
  std::vector<double> uniform(256);
  for (std::size_t n = 0; n <= 256; ++n) {
    for (std::size_t k = 0; k < n; ++k) listed[k] = static_cast<std::uint32_t>((k * 37) % 256);
    ts::philox_listed_first_uniforms(person_id.data(), 40, listed.data(), n, 11u, 2u, 2042u, 9u, uniform.data());
    for (std::size_t k = 0; k < n; ++k)
      ASSERT_EQ(uniform[k], ts::PhiloxStream(11u, 2u, person_id[40 + listed[k]], 2042u, 9u).uniform(0)) << n << " " << k;
  }
}

TEST(Philox, EveryKeyPartChangesTheDraw) {
  const ts::PhiloxStream base(7, 0, 123456789012ull, 2030, 3);
  const double u = base.uniform(0);
  EXPECT_NE(u, ts::PhiloxStream(8, 0, 123456789012ull, 2030, 3).uniform(0));
  EXPECT_NE(u, ts::PhiloxStream(7, 1, 123456789012ull, 2030, 3).uniform(0));
  EXPECT_NE(u, ts::PhiloxStream(7, 0, 123456789013ull, 2030, 3).uniform(0));
  EXPECT_NE(u, ts::PhiloxStream(7, 0, 123456789012ull + (1ull << 32), 2030, 3).uniform(0));
  EXPECT_NE(u, ts::PhiloxStream(7, 0, 123456789012ull, 2031, 3).uniform(0));
  EXPECT_NE(u, ts::PhiloxStream(7, 0, 123456789012ull, 2030, 4).uniform(0));
  EXPECT_NE(u, base.uniform(1));
  EXPECT_EQ(u, ts::PhiloxStream(7, 0, 123456789012ull, 2030, 3).uniform(0));
}

TEST(Philox, UniformAndNormalHaveTheRightMoments) {
  const int n = 200000;
  double sum = 0, sum2 = 0, nsum = 0, nsum2 = 0;
  for (int i = 0; i < n; ++i) {
    const ts::PhiloxStream s(1, 0, static_cast<std::uint64_t>(i), 2024, 0);
    const double u = s.uniform(0);
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum2 += u * u;
    const double z = s.normal(1);
    nsum += z;
    nsum2 += z * z;
  }
  EXPECT_NEAR(sum / n, 0.5, 0.005);
  EXPECT_NEAR(sum2 / n - 0.25, 1.0 / 12.0, 0.002);
  EXPECT_NEAR(nsum / n, 0.0, 0.01);
  EXPECT_NEAR(nsum2 / n, 1.0, 0.02);
}

TEST(Philox, CategoricalFollowsTheWeightsAndSkipsZeros) {
  const double weights[4] = {1.0, 0.0, 3.0, 6.0};
  int counts[4] = {0, 0, 0, 0};
  const int n = 100000;
  for (int i = 0; i < n; ++i) ++counts[ts::PhiloxStream(3, 2, static_cast<std::uint64_t>(i), 2024, 9).categorical(0, weights, 4)];
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[0] / double(n), 0.1, 0.005);
  EXPECT_NEAR(counts[2] / double(n), 0.3, 0.007);
  EXPECT_NEAR(counts[3] / double(n), 0.6, 0.007);
}

TEST(Philox, BlocksComputedOnceGiveTheStreamsDraws) {
  const double weights[5] = {0.5, 0.0, 2.0, 1.0, 0.25};
  for (std::uint64_t id : {0ull, 17ull, 123456789012ull, (1ull << 40) + 3}) {
    const ts::PhiloxStream stream(9, 1, id, 2031, 7);
    const ts::PhiloxBlocks<3> blocks(stream);
    for (std::uint32_t k = 0; k < 10; ++k) {  // draws 6-9 lie beyond the blocks: the stream's
      ASSERT_EQ(blocks.uniform(k), stream.uniform(k)) << "id " << id << " draw " << k;
      ASSERT_EQ(blocks.normal(k), stream.normal(k));
      ASSERT_EQ(blocks.categorical(k, weights, 5), stream.categorical(k, weights, 5));
    }
  }
}

}  // namespace
