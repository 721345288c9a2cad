// Under mpiexec with 1, 2 and 4 ranks: groups of ranks split from the world sum among
// themselves only; a person file written by all ranks at once lists everyone in id order, the
// same on any number of ranks, and a failed write leaves no file under the final name.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <numeric>

#include "app/calibration_loader.hpp"
#include "app/parallel_population_file.hpp"
#include "app/population_file.hpp"
#include "kernels/shard_range.hpp"
#include "mpi/mpi_context.hpp"
#include "tests/mpi/mpi_test_context.hpp"

namespace {

namespace fs = std::filesystem;
const ts::mpi::Context& world() { return *ts::test::mpi_context; }

TEST(Groups, SplitIntoGroupsOfConsecutiveRanksThatSumAmongThemselves) {
  for (int groups = 1; groups <= world().size(); ++groups) {
    if (world().size() % groups != 0) continue;
    const ts::mpi::Communicator group = world().split_into(groups);
    const int per_group = world().size() / groups, index = world().rank() / per_group;
    EXPECT_EQ(group.size(), per_group);
    EXPECT_EQ(group.rank(), world().rank() % per_group);
    std::int64_t value = world().rank() + 1;
    ts::mpi::AllReduceSum(group).sum_in_place(&value, 1);
    std::int64_t expected = 0;
    for (int r = index * per_group; r < (index + 1) * per_group; ++r) expected += r + 1;
    EXPECT_EQ(value, expected) << groups << " groups";
    // Only group 0 has a rank that says no.
    EXPECT_EQ(group.all_true(world().rank() != 0), index != 0) << groups << " groups";
  }
}

TEST(Groups, ASplitThatDoesNotDivideTheRanksIsRefused) {
  EXPECT_THROW(world().split_into(world().size() + 1), std::invalid_argument);
  EXPECT_THROW(world().split_into(0), std::invalid_argument);
}

TEST(Groups, BroadcastGivesEveryRankTheRootsBytes) {
  const std::vector<unsigned char> mine(static_cast<std::size_t>(world().rank() + 2), static_cast<unsigned char>(world().rank()));
  EXPECT_EQ(world().broadcast_from_root(mine), std::vector<unsigned char>(2, 0));
}

template <class T>
ts::model::HostColumn column(const std::string& name, const std::string& type, const std::vector<T>& values) {
  ts::model::HostColumn c{name, "1", type, std::vector<unsigned char>(values.size() * sizeof(T))};
  if (!values.empty()) std::memcpy(c.bytes.data(), values.data(), c.bytes.size());
  return c;
}

// This rank's persons as the model's shards hold them: a block of a base population, then a
// block of each year's entrants; every fifth id has died. Given in reverse order, which the
// writer must undo.
std::vector<ts::model::HostColumn> interleaved_persons(std::vector<std::uint64_t>& all_ids) {
  std::vector<std::uint64_t> ids;
  std::uint64_t first = 0;
  for (const std::uint64_t round : {101u, 7u, 1u, 30u}) {
    for (int r = 0; r < world().size(); ++r) {
      const ts::IdRange range = ts::shard_range(round, world().size(), r);
      for (std::uint64_t id = first + range.begin; id < first + range.end; ++id) {
        if (id % 5 == 2) continue;
        all_ids.push_back(id);
        if (r == world().rank()) ids.push_back(id);
      }
    }
    first += round;
  }
  std::reverse(ids.begin(), ids.end());
  std::vector<std::uint8_t> age;
  std::vector<float> hours;
  for (const std::uint64_t id : ids) {
    age.push_back(static_cast<std::uint8_t>(15 + id % 80));
    hours.push_back(static_cast<float>(id) * 0.25f);
  }
  return {column("person_id", "u64", ids), column("age", "u8", age), column("hours", "f32", hours)};
}

fs::path scratch(const std::string& name) {
  return fs::temp_directory_path() / ("ts-mpi-test-" + std::to_string(world().size()) + "-" + name);
}

TEST(ParallelPersonFile, ListsEveryoneInIdOrderOnAnyRankCount) {
  static const ts::model::Calibration calibration = ts::app::load_calibration(TS_SOURCE_DIR "/configs/calibration");
  std::vector<std::uint64_t> all_ids;
  const fs::path out = scratch("persons.nc");
  ts::app::write_population_file_parallel(interleaved_persons(all_ids), calibration, {{"note", "test"}}, {{"year", 2030}},
                                          out, world());
  if (world().rank() != 0) return;
  std::size_t persons = 0;
  const auto variables = ts::app::read_person_variables(out, {"person_id", "age", "hours"}, persons);
  ASSERT_EQ(variables.size(), 3u);
  ASSERT_EQ(persons, all_ids.size());
  for (std::size_t i = 0; i < persons; ++i) {
    ASSERT_EQ(variables[0].values[i], static_cast<double>(all_ids[i])) << "person " << i;
    EXPECT_EQ(variables[1].values[i], static_cast<double>(15 + all_ids[i] % 80));
    EXPECT_EQ(variables[2].values[i], static_cast<double>(static_cast<float>(all_ids[i]) * 0.25f));
  }
  for (const auto& entry : fs::directory_iterator(out.parent_path()))
    EXPECT_EQ(entry.path().filename().string().find(out.filename().string() + ".partial"), std::string::npos);
  fs::remove(out);
}

TEST(ParallelPersonFile, AFailedWriteLeavesNoFileUnderTheFinalName) {
  static const ts::model::Calibration calibration = ts::app::load_calibration(TS_SOURCE_DIR "/configs/calibration");
  std::vector<std::uint64_t> all_ids;
  const fs::path out = scratch("no-such-directory") / "persons.nc";
  EXPECT_THROW(ts::app::write_population_file_parallel(interleaved_persons(all_ids), calibration, {}, {}, out, world()),
               std::runtime_error);
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
