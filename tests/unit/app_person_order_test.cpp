// Where each process's persons go in an id-ordered person file (app/person_order.hpp): checked
// against a brute-force global sort on layouts like the model's (interleaved blocks, deaths).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <vector>

#include "app/person_order.hpp"

namespace {

using ts::app::IdRun;
using ts::app::PersonStretch;

TEST(PersonOrder, ConsecutiveRunsSplitAtGaps) {
  const auto runs = ts::app::consecutive_runs({3, 4, 5, 7, 8, 10});
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].first_id, 3u);
  EXPECT_EQ(runs[0].count, 3u);
  EXPECT_EQ(runs[1].first_id, 7u);
  EXPECT_EQ(runs[1].count, 2u);
  EXPECT_EQ(runs[2].first_id, 10u);
  EXPECT_EQ(runs[2].count, 1u);
  EXPECT_TRUE(ts::app::consecutive_runs({}).empty());
}

// Parts own a block of a base population and then a block of each cohort, in part order, as the
// model's shards do; every seventh id has died. Part `empty_part` owns nothing.
std::vector<std::vector<std::uint64_t>> interleaved_ids(int parts, int empty_part) {
  std::vector<std::vector<std::uint64_t>> ids(static_cast<std::size_t>(parts));
  std::uint64_t next = 0;
  for (const std::uint64_t round_size : {50u, 9u, 2u, 13u}) {
    for (int p = 0; p < parts; ++p) {
      const std::uint64_t share = p == empty_part ? 0 : round_size / static_cast<std::uint64_t>(parts) + (p == 0 ? round_size % static_cast<std::uint64_t>(parts) : 0);
      for (std::uint64_t k = 0; k < share; ++k, ++next)
        if (next % 7 != 3) ids[static_cast<std::size_t>(p)].push_back(next);
    }
  }
  return ids;
}

TEST(PersonOrder, StretchesPutEveryPersonAtItsPlaceInIdOrder) {
  for (int parts : {1, 2, 3, 5}) {
    const auto ids = interleaved_ids(parts, parts > 2 ? 1 : -1);
    std::vector<std::vector<IdRun>> runs;
    std::vector<std::tuple<std::uint64_t, std::size_t, std::uint64_t>> all;  // id, part, local index
    for (std::size_t p = 0; p < ids.size(); ++p) {
      runs.push_back(ts::app::consecutive_runs(ids[p]));
      for (std::uint64_t i = 0; i < ids[p].size(); ++i) all.emplace_back(ids[p][i], p, i);
    }
    std::sort(all.begin(), all.end());
    std::size_t same_part_runs = 0;
    for (std::size_t k = 0; k < all.size(); ++k)
      if (k == 0 || std::get<1>(all[k]) != std::get<1>(all[k - 1])) ++same_part_runs;

    const auto stretches = ts::app::stretches_in_id_order(runs);
    ASSERT_EQ(stretches.size(), ids.size());
    std::vector<int> written(all.size(), 0);
    std::size_t count = 0;
    for (std::size_t p = 0; p < stretches.size(); ++p)
      for (const PersonStretch& s : stretches[p]) {
        ++count;
        for (std::uint64_t k = 0; k < s.count; ++k) {
          const std::uint64_t position = s.file_start + k;
          ASSERT_LT(position, all.size());
          EXPECT_EQ(std::get<1>(all[position]), p) << parts << " parts, position " << position;
          EXPECT_EQ(std::get<2>(all[position]), s.local_start + k) << parts << " parts, position " << position;
          ++written[position];
        }
      }
    EXPECT_TRUE(std::all_of(written.begin(), written.end(), [](int w) { return w == 1; })) << parts << " parts";
    EXPECT_EQ(count, same_part_runs) << "not the fewest stretches with " << parts << " parts";
  }
}

}  // namespace
