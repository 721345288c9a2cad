// Under mpiexec with 1, 2 and 4 ranks: the exact all-reduce, the shard ranges, and a simulation
// sharded over the ranks whose indicators have the same bits as the whole population simulated
// by each rank alone.
#include <gtest/gtest.h>

#include <cstring>
#include <memory>

#include "app/calibration_loader.hpp"
#include "kernels/shard_range.hpp"
#include "model/energy_parameter_specs.hpp"
#include "model/simulation.hpp"
#include "mpi/mpi_context.hpp"
#include "tests/mpi/mpi_test_context.hpp"

namespace {

ts::mpi::Context* const& context = ts::test::mpi_context;

TEST(Mpi, AllReduceSumIsExactForLargeAndNegativeValues) {
  const int rank = context->rank(), size = context->size();
  std::vector<std::int64_t> values = {static_cast<std::int64_t>(rank) + 1, -(std::int64_t{1} << 60) / 8 + rank,
                                      std::int64_t{123456789012345} * (rank % 2 ? -1 : 1)};
  ts::mpi::AllReduceSum().sum_in_place(values);
  std::int64_t expected1 = 0, expected2 = 0, expected3 = 0;
  for (int r = 0; r < size; ++r) {
    expected1 += r + 1;
    expected2 += -(std::int64_t{1} << 60) / 8 + r;
    expected3 += std::int64_t{123456789012345} * (r % 2 ? -1 : 1);
  }
  EXPECT_EQ(values[0], expected1);
  EXPECT_EQ(values[1], expected2);
  EXPECT_EQ(values[2], expected3);
}

TEST(Mpi, ShardRangesCoverEveryIdOnce) {
  for (std::uint64_t total : {0ull, 1ull, 7ull, 1000003ull}) {
    std::uint64_t next = 0;
    for (int r = 0; r < context->size(); ++r) {
      const ts::IdRange range = ts::shard_range(total, context->size(), r);
      EXPECT_EQ(range.begin, next);
      next = range.end;
    }
    EXPECT_EQ(next, total);
  }
}

std::vector<ts::model::Indicators> simulate(int shard, int shards, const ts::GlobalSum& sum) {
  static const ts::model::Calibration calibration = ts::app::load_calibration(TS_SOURCE_DIR "/configs/calibration");
  static const ts::model::TaxBenefitRules rules = ts::app::load_tax_benefit_rules(TS_SOURCE_DIR "/configs/calibration");
  ts::model::RunSettings settings;
  settings.seed = 99;
  settings.scale = 0.003;
  settings.shard = shard;
  settings.shards = shards;
  ts::model::Simulation simulation(calibration, ts::model::default_scenario_parameters(),
                                   ts::model::default_energy_parameters(), rules, settings, sum);
  std::vector<ts::model::Indicators> years{simulation.start()};
  while (simulation.year() < 2028) years.push_back(simulation.advance());
  return years;
}

TEST(Mpi, ShardedSimulationHasTheSameBitsAsOneShard) {
  const auto sharded = simulate(context->rank(), context->size(), ts::mpi::AllReduceSum());
  const auto whole = simulate(0, 1, ts::SingleShardSum());
  ASSERT_EQ(sharded.size(), whole.size());
  for (std::size_t y = 0; y < whole.size(); ++y) {
    ASSERT_EQ(sharded[y].year, whole[y].year);
    // Field by field, bit for bit (memcmp of the whole struct would compare padding too).
#define TS_COMPARE_FIELD(name, dim, units, long_name)                                                  \
  EXPECT_EQ(std::memcmp(sharded[y].name.data(), whole[y].name.data(), sizeof(whole[y].name)), 0) \
      << #name << " in " << whole[y].year;
    TS_INDICATORS(TS_COMPARE_FIELD)
#undef TS_COMPARE_FIELD
  }
  EXPECT_GT(whole.back().persons[0], 0.0);
}

}  // namespace
