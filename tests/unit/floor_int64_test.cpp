// floor_to_int64 against the conversion of det_floor: integers, halves (where rounding to the
// nearest ties), neighbours of both, negatives, and the ends of the exact range.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "kernels/det_math.hpp"
#include "kernels/floor_int64.hpp"

namespace {

std::int64_t reference(double x) { return static_cast<std::int64_t>(ts::det_floor(x)); }

TEST(FloorInt64, MatchesTheConversionOfTheFloorAcrossTheExactRange) {
  std::vector<double> xs = {0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -1.5, -2.5, 0.49999999999999994, 1e-300, -1e-300};
  for (double magnitude = 0.3; magnitude < 3e15; magnitude = magnitude * 1.37 + 0.25)
    for (double k : {magnitude, -magnitude, std::floor(magnitude), -std::floor(magnitude)})
      for (double x : {k, k + 0.5, k - 0.5})
        if (ts::floors_exactly(x))
          for (double y : {x, std::nextafter(x, -1e300), std::nextafter(x, 1e300)}) xs.push_back(y);
  const double limit = 2251799813685248.0;
  for (double x : {limit - 1.0, limit - 0.5, -limit + 1.0, -limit + 0.5, std::nextafter(limit, 0.0), std::nextafter(-limit, 0.0)})
    xs.push_back(x);
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> wide(-1e12, 1e12), narrow(-4.0, 4.0);
  for (int draw = 0; draw < 200000; ++draw) {
    xs.push_back(wide(random));
    xs.push_back(narrow(random));
  }
  for (double x : xs) {
    ASSERT_TRUE(ts::floors_exactly(x)) << x;
    ASSERT_EQ(ts::floor_to_int64(x), reference(x)) << x;
  }
}

TEST(FloorInt64, TheExactRangeEndsAtTwoToTheFiftyFirst) {
  const double limit = 2251799813685248.0;
  EXPECT_FALSE(ts::floors_exactly(limit));
  EXPECT_FALSE(ts::floors_exactly(-limit));
  EXPECT_FALSE(ts::floors_exactly(std::nan("")));
  EXPECT_FALSE(ts::floors_exactly(INFINITY));
  EXPECT_TRUE(ts::floors_exactly(std::nextafter(limit, 0.0)));
}

}  // namespace
