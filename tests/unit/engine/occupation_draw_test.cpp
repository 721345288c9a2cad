// draw_occupation_in_group searches tabulated running sums of the weights; it must pick the
// occupation that a scan of the weights picks (the first whose running sum exceeds u times the
// group's total), zero weights and the ends of the groups included.
#include <gtest/gtest.h>

#include <vector>

#include "model/passes/person_access.hpp"

namespace {

int scanned_occupation(const std::vector<double>& weight, int first, int last, double u) {
  double total = 0.0;
  for (int o = first; o < last; ++o) total += weight[static_cast<std::size_t>(o)];
  const double target = u * total;
  double cumulative = 0.0;
  for (int o = first; o < last; ++o) {
    cumulative += weight[static_cast<std::size_t>(o)];
    if (target < cumulative) return o;
  }
  return last - 1;
}

TEST(OccupationDraw, SearchPicksWhatTheScanPicks) {
  // Nine groups of 1 to 9 occupations, with zero weights first, inside, last, and one group all zero.
  std::vector<int> first = {0};
  std::vector<double> weight;
  for (int g = 0; g < ts::model::isco_group_count; ++g) {
    for (int k = 0; k <= g; ++k) weight.push_back(g == 4 || (k + g) % 3 == 0 ? 0.0 : 0.1 * (k + 1) + 0.013 * g);
    first.push_back(static_cast<int>(weight.size()));
  }
  std::vector<double> cumulative(weight.size());
  for (int g = 0; g < ts::model::isco_group_count; ++g) {
    double sum = 0.0;
    for (int o = first[static_cast<std::size_t>(g)]; o < first[static_cast<std::size_t>(g) + 1]; ++o)
      cumulative[static_cast<std::size_t>(o)] = sum += weight[static_cast<std::size_t>(o)];
  }
  ts::model::TablesView t{};
  t.occupation_weight = weight.data();
  t.occupation_cumulative_weight = cumulative.data();
  t.group_first = first.data();
  for (int isco1 = 1; isco1 <= ts::model::isco_group_count; ++isco1)
    for (double u = 0.0; u < 1.0; u += 0.00037) {
      const int expected =
          scanned_occupation(weight, first[static_cast<std::size_t>(isco1) - 1], first[static_cast<std::size_t>(isco1)], u);
      ASSERT_EQ(ts::model::draw_occupation_in_group(t, isco1, u), expected) << "group " << isco1 << " u " << u;
    }
}

}  // namespace
