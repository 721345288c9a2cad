// The engine primitives on the configured Thrust system. The same file is built for the
// chosen backend (OpenMP, run with 1 and 2 threads, or CUDA) and for the serial reference; the
// expected values come from plain host loops, so every system must produce the same bits.
#include <gtest/gtest.h>
#include <thrust/device_vector.h>
#include <thrust/host_vector.h>
#include <thrust/sequence.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

#include "kernels/exact_histogram.hpp"
#include "kernels/fixed_point.hpp"
#include "kernels/log_histogram.hpp"
#include "kernels/parallel.hpp"
#include "kernels/philox_stream.hpp"
#include "kernels/soa.hpp"

namespace {

// A draw per person, written to its slot: the order of processing must not matter.
struct DrawPerPerson {
  double* out;
  std::uint64_t first_id;
  TS_HD void operator()(std::size_t i) const {
    out[i] = ts::PhiloxStream(11, 2, first_id + i, 2030, 5).normal(3);
  }
};

TEST(EnginePrimitives, DrawsDependOnlyOnTheIdNotOnThreadsOrOrder) {
  const std::size_t n = 100003;
  thrust::device_vector<double> forward(n);
  ts::parallel_for(n, DrawPerPerson{thrust::raw_pointer_cast(forward.data()), 1000});
  thrust::host_vector<double> got = forward;
  // The same persons processed as a shifted sub-range (another rank's shard, say).
  thrust::device_vector<double> shard(n / 2);
  ts::parallel_for(n / 2, DrawPerPerson{thrust::raw_pointer_cast(shard.data()), 1000 + n / 3});
  thrust::host_vector<double> shard_host = shard;
  for (std::size_t i = 0; i < n; i += 7) {
    ASSERT_EQ(got[i], ts::PhiloxStream(11, 2, 1000 + i, 2030, 5).normal(3));
  }
  for (std::size_t i = 0; i < n / 2; ++i) ASSERT_EQ(shard_host[i], got[i + n / 3]);
}

// Each person adds 1 to its group's count and its amount to the group's sum.
struct GroupContribution {
  const std::int64_t* amounts;
  int groups;
  template <class Add>
  TS_HD void operator()(std::size_t i, Add& add) const {
    const int group = static_cast<int>((i * 2654435761u) % static_cast<std::size_t>(groups));
    add(group, 1);
    add(groups + group, amounts[i]);
  }
};

TEST(EnginePrimitives, ExactHistogramEqualsASerialLoop) {
  const std::size_t n = 250001;
  const int groups = 37;
  std::vector<std::int64_t> amounts(n);
  for (std::size_t i = 0; i < n; ++i)
    amounts[i] = static_cast<std::int64_t>((i * 7919) % 1000003) * ((i % 5 == 0) ? -1 : 1) * 123457;
  thrust::device_vector<std::int64_t> device_amounts(amounts.begin(), amounts.end());
  const std::vector<std::int64_t> got = ts::exact_histogram(
      n, 2 * groups, GroupContribution{thrust::raw_pointer_cast(device_amounts.data()), groups});
  std::vector<std::int64_t> expected(2 * groups, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const int group = static_cast<int>((i * 2654435761u) % static_cast<std::size_t>(groups));
    expected[group] += 1;
    expected[groups + group] += amounts[i];
  }
  EXPECT_EQ(got, expected);
}

// Counts its indices in bin 0 and sums them in bin 1; range() adds a whole range at once, as a
// contribution that vectorises its chunks would.
struct RangeContribution {
  template <class Add>
  TS_HD void operator()(std::size_t i, Add& add) const {
    add(0, 1);
    add(1, static_cast<std::int64_t>(i));
  }
  template <class Add>
  void range(std::size_t begin, std::size_t end, Add& add) const {
    std::int64_t sum = 0;
    for (std::size_t i = begin; i < end; ++i) sum += static_cast<std::int64_t>(i);
    add(0, static_cast<std::int64_t>(end - begin));
    add(1, sum);
  }
};

TEST(EnginePrimitives, ExactHistogramRangesCoverEveryIndexOnce) {
  for (const std::size_t n : {std::size_t{1}, std::size_t{7}, std::size_t{100003}}) {
    const std::vector<std::int64_t> got = ts::exact_histogram(n, 2, RangeContribution{});
    const auto count = static_cast<std::int64_t>(n);
    EXPECT_EQ(got, (std::vector<std::int64_t>{count, count * (count - 1) / 2})) << "n = " << n;
  }
}

TEST(EnginePrimitives, SpansCoverEveryIndexOnceOnTheThreadsThereAre) {
  for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{130}, std::size_t{1000003}}) {
    std::vector<std::uint8_t> covered(n, 0);
    std::atomic<int> empty_spans{0}, threads_out_of_range{0};
    ts::for_each_span(n, [&](std::size_t begin, std::size_t end, int thread) {
      if (begin >= end) ++empty_spans;
      if (thread < 0 || thread >= ts::cpu_thread_count()) ++threads_out_of_range;
      for (std::size_t i = begin; i < end; ++i) ++covered[i];  // spans are disjoint: no race
    });
    EXPECT_EQ(empty_spans.load(), 0) << "n = " << n;
    EXPECT_EQ(threads_out_of_range.load(), 0) << "n = " << n;
    EXPECT_EQ(std::count(covered.begin(), covered.end(), std::uint8_t{1}), static_cast<std::ptrdiff_t>(n)) << "n = " << n;
  }
}

struct AmountOf {
  const std::int64_t* amounts;
  TS_HD std::int64_t operator()(std::size_t i) const { return amounts[i]; }
};

TEST(EnginePrimitives, ExactSumOfFixedPointMoneyIsOrderIndependent) {
  std::vector<std::int64_t> cents;
  for (int i = 0; i < 100000; ++i) cents.push_back(ts::euros_to_cents(1234.567 * ((i % 13) - 6) + i * 0.01));
  std::vector<std::int64_t> reversed(cents.rbegin(), cents.rend());
  thrust::device_vector<std::int64_t> a(cents.begin(), cents.end()), b(reversed.begin(), reversed.end());
  const std::int64_t expected = std::accumulate(cents.begin(), cents.end(), std::int64_t{0});
  EXPECT_EQ(ts::exact_sum(a.size(), AmountOf{thrust::raw_pointer_cast(a.data())}), expected);
  EXPECT_EQ(ts::exact_sum(b.size(), AmountOf{thrust::raw_pointer_cast(b.data())}), expected);
  EXPECT_EQ(ts::euros_to_cents(-1.005), -100);  // rounds half up in cents: -100.5 -> -100
  EXPECT_EQ(ts::euros_to_cents(2.675), 268);
}

#define TEST_ATTRIBUTES(X)            \
  X(std::uint64_t, id, "1")           \
  X(std::uint8_t, age, "years")       \
  X(float, wage, "EUR")
TS_DECLARE_SOA(TestStore, TestView, TEST_ATTRIBUTES)

struct FillTest {
  TestView v;
  TS_HD void operator()(std::size_t i) const {
    v.id[i] = 100 + i;
    v.age[i] = static_cast<std::uint8_t>(i % 90);
    v.wage[i] = static_cast<float>(i) * 1.5f;
  }
};

TEST(EnginePrimitives, StructureOfArraysResizesCompactsAndVisitsEveryColumn) {
  TestStore store;
  EXPECT_EQ(TestStore::attribute_count, 3);
  EXPECT_EQ(TestStore::bytes_per_record, 8u + 1u + 4u);
  store.resize(1000);
  ts::parallel_for(store.size(), FillTest{store.view()});
  thrust::device_vector<std::uint8_t> keep(1000);
  for (std::size_t i = 0; i < 1000; ++i) keep[i] = (i % 3 != 0);
  EXPECT_EQ(store.compact(keep), 666u);
  thrust::host_vector<std::uint64_t> ids = store.id;
  thrust::host_vector<float> wages = store.wage;
  ASSERT_EQ(ids.size(), 666u);
  std::size_t k = 0;
  for (std::size_t i = 0; i < 1000; ++i) {
    if (i % 3 == 0) continue;
    ASSERT_EQ(ids[k], 100 + i);
    ASSERT_EQ(wages[k], static_cast<float>(i) * 1.5f);
    ++k;
  }
  std::vector<std::string> names;
  store.visit([&](const char* name, const char*, auto& column) {
    names.push_back(name);
    EXPECT_EQ(column.size(), 666u);
  });
  EXPECT_EQ(names, (std::vector<std::string>{"id", "age", "wage"}));
}

// Year after year the store compacts into its spare columns and grows again within its
// capacity: records must stay in order and the kept capacity must not leak old values.
TEST(EnginePrimitives, StructureOfArraysKeepsOrderOverRepeatedCompactionsAndGrowth) {
  TestStore store;
  std::vector<std::uint64_t> expected;
  std::uint64_t next_id = 100;
  for (int year = 0; year < 5; ++year) {
    const std::size_t old_size = store.size();
    const std::size_t grown = old_size + 300;
    store.resize(grown);
    thrust::device_vector<std::uint64_t> fresh(300);
    thrust::sequence(fresh.begin(), fresh.end(), next_id);
    thrust::copy(fresh.begin(), fresh.end(), store.id.begin() + static_cast<std::ptrdiff_t>(old_size));
    for (std::size_t k = 0; k < 300; ++k) expected.push_back(next_id + k);
    next_id += 300;
    thrust::device_vector<std::uint8_t> keep(grown);
    std::vector<std::uint64_t> survivors;
    for (std::size_t i = 0; i < grown; ++i) {
      const bool kept = (expected[i] * 7 + static_cast<std::uint64_t>(year)) % 5 != 0;
      keep[i] = kept ? 1 : 0;
      if (kept) survivors.push_back(expected[i]);
    }
    ASSERT_EQ(store.compact(keep), survivors.size());
    thrust::host_vector<std::uint64_t> ids = store.id;
    ASSERT_EQ(std::vector<std::uint64_t>(ids.begin(), ids.end()), survivors);
    store.visit([&](const char*, const char*, auto& column) { EXPECT_EQ(column.size(), survivors.size()); });
    expected = survivors;
  }
}

#if THRUST_DEVICE_SYSTEM != THRUST_DEVICE_SYSTEM_CUDA
// In place, each part's first records may land in earlier parts (all of them, when more were
// dropped before the part than it keeps): every split, and every order in which the parts
// run, gives the same stable compaction.
TEST(EnginePrimitives, InPlaceCompactionIsTheSameForAnyNumberOfParts) {
  const std::size_t n = 5000;
  for (int pattern = 0; pattern < 4; ++pattern) {
    std::vector<std::uint8_t> keep(n);
    std::vector<std::uint32_t> expected;
    for (std::size_t i = 0; i < n; ++i) {
      const bool kept = pattern == 0   ? i % 97 != 5
                        : pattern == 1 ? i % 3 == 0
                        : pattern == 2 ? i >= 3000 || i % 50 == 0  // a long dropped stretch
                                       : i < 10;                   // nearly everyone dropped
      keep[i] = kept ? 1 : 0;
      if (kept) expected.push_back(static_cast<std::uint32_t>(i) * 3u + 1u);
    }
    for (std::size_t parts : std::vector<std::size_t>{1, 2, 3, 7, 64}) {
      for (bool last_part_first : {false, true}) {
        std::vector<std::uint32_t> column(n);
        for (std::size_t i = 0; i < n; ++i) column[i] = static_cast<std::uint32_t>(i) * 3u + 1u;
        ts::InPlaceCompaction compaction;
        ASSERT_EQ(compaction.plan(keep.data(), n, parts), expected.size());
        compaction.apply(column.data(), sizeof(std::uint32_t), last_part_first);
        column.resize(expected.size());
        ASSERT_EQ(column, expected) << "pattern " << pattern << ", " << parts << " parts, last first " << last_part_first;
      }
    }
  }
}

// Several columns of records of 1, 2, 4 and 8 bytes at once, with runs of every length from 1
// to a few hundred records (the inline moves' paths for 1 to over 64 bytes), as each alone.
TEST(EnginePrimitives, InPlaceCompactionOfSeveralColumnsIsTheCompactionOfEach) {
  const std::size_t n = 20000;
  std::vector<std::uint8_t> keep(n);
  std::uint64_t state = 12345;
  for (std::size_t i = 0; i < n;) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    const std::size_t run = 1 + (state >> 33) % (i < n / 2 ? 12 : 300), gap = 1 + (state >> 50) % 3;
    for (std::size_t k = 0; k < run && i < n; ++k) keep[i++] = 1;
    for (std::size_t k = 0; k < gap && i < n; ++k) keep[i++] = 0;
  }
  for (std::size_t parts : std::vector<std::size_t>{1, 2, 5}) {
    for (bool last_part_first : {false, true}) {
      std::vector<std::uint8_t> c1(n);
      std::vector<std::uint16_t> c2(n);
      std::vector<std::uint32_t> c4(n);
      std::vector<std::uint64_t> c8(n);
      std::vector<std::uint8_t> e1;
      std::vector<std::uint16_t> e2;
      std::vector<std::uint32_t> e4;
      std::vector<std::uint64_t> e8;
      for (std::size_t i = 0; i < n; ++i) {
        c1[i] = static_cast<std::uint8_t>(i * 7);
        c2[i] = static_cast<std::uint16_t>(i * 13);
        c4[i] = static_cast<std::uint32_t>(i * 3 + 1);
        c8[i] = i * 0x9e3779b97f4a7c15ull;
        if (keep[i] != 0) {
          e1.push_back(c1[i]);
          e2.push_back(c2[i]);
          e4.push_back(c4[i]);
          e8.push_back(c8[i]);
        }
      }
      ts::InPlaceCompaction compaction;
      ASSERT_EQ(compaction.plan(keep.data(), n, parts), e1.size());
      const ts::InPlaceCompaction::Column columns[] = {
          {c1.data(), 1}, {c2.data(), 2}, {c4.data(), 4}, {c8.data(), 8}};
      compaction.apply(columns, 4, last_part_first);
      c1.resize(e1.size());
      c2.resize(e2.size());
      c4.resize(e4.size());
      c8.resize(e8.size());
      ASSERT_EQ(c1, e1) << parts << " parts";
      ASSERT_EQ(c2, e2) << parts << " parts";
      ASSERT_EQ(c4, e4) << parts << " parts";
      ASSERT_EQ(c8, e8) << parts << " parts";
    }
  }
}
#endif

struct IncomeContribution {
  const double* incomes;
  ts::LogBins bins;
  template <class Add>
  TS_HD void operator()(std::size_t i, Add& add) const {
    const int bin = bins.bin_of(incomes[i]);
    add(bin, 1);
    add(bins.bin_count() + bin, ts::euros_to_cents(incomes[i]));
  }
};

TEST(EnginePrimitives, IncomeBinsOfSeveralAmountsAreTheBinsOfEach) {
  const ts::LogBins bins;
  std::vector<double> amounts = {-5.0, 0.0, 1.0, 99.99, 100.0, 100.5, 1e12, std::nan("")};
  for (double a = 37.0; a < 5e6; a *= 1.0031) amounts.push_back(a);
  constexpr int lanes = 8;
  for (std::size_t first = 0; first + lanes <= amounts.size(); first += 3) {
    double group[lanes];
    int bin[lanes];
    for (int l = 0; l < lanes; ++l) group[l] = amounts[first + static_cast<std::size_t>(l)];
    bins.bins_of(group, bin);
    for (int l = 0; l < lanes; ++l) ASSERT_EQ(bin[l], bins.bin_of(group[l])) << group[l];
  }
}

TEST(EnginePrimitives, GiniFromTheIncomeHistogramMatchesTheSortedGini) {
  // A log-normal wage distribution with a mass of zeros and a long top tail.
  const std::size_t n = 300000;
  std::vector<double> incomes(n);
  for (std::size_t i = 0; i < n; ++i) {
    const ts::PhiloxStream s(5, 0, i, 2024, 1);
    incomes[i] = s.uniform(0) < 0.08 ? 0.0 : ts::det_exp(10.4 + 0.55 * s.normal(1) + (s.uniform(2) < 0.01 ? 2.0 : 0.0));
  }
  thrust::device_vector<double> device_incomes(incomes.begin(), incomes.end());
  const ts::LogBins bins;
  const std::vector<std::int64_t> h =
      ts::exact_histogram(n, 2 * bins.bin_count(), IncomeContribution{thrust::raw_pointer_cast(device_incomes.data()), bins});
  const ts::LogBinnedDistribution distribution(std::vector<std::int64_t>(h.begin(), h.begin() + bins.bin_count()),
                                            std::vector<std::int64_t>(h.begin() + bins.bin_count(), h.end()));
  std::vector<double> sorted = incomes;
  std::sort(sorted.begin(), sorted.end());
  double weighted = 0.0, total = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    weighted += static_cast<double>(2 * (i + 1)) * sorted[i];
    total += sorted[i];
  }
  const double exact_gini = weighted / (static_cast<double>(n) * total) - static_cast<double>(n + 1) / static_cast<double>(n);
  EXPECT_NEAR(distribution.gini(), exact_gini, 1e-4);
  EXPECT_EQ(distribution.count(), static_cast<std::int64_t>(n));
  EXPECT_NEAR(distribution.quantile(0.5), sorted[n / 2], 0.003 * sorted[n / 2]);
  EXPECT_NEAR(distribution.quantile(0.9), sorted[9 * n / 10], 0.003 * sorted[9 * n / 10]);
  double bottom = 0.0;
  for (std::size_t i = 0; i < n / 5; ++i) bottom += sorted[i];
  EXPECT_NEAR(distribution.bottom_share(0.2), bottom / total, 1e-4);
  const double threshold = 0.6 * sorted[n / 2];
  const double below = static_cast<double>(std::lower_bound(sorted.begin(), sorted.end(), threshold) - sorted.begin()) / n;
  EXPECT_NEAR(distribution.share_below(threshold), below, 5e-4);
}

}  // namespace
