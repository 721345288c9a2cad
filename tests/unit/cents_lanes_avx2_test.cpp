// avx2::CentsLanes (kernels/cents_lanes_avx2.hpp) against sums of euros_to_cents and
// share_to_fixed, on amounts at half cents, negative ones, and ones too large for the shortcut
// (the lane-by-lane path).
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "kernels/cents_lanes_avx2.hpp"
#include "kernels/fixed_point.hpp"

namespace {

#if defined(__AVX2__)

TEST(CentsLanesAvx2, SumsEqualTheScalarCents) {
  std::mt19937_64 engine(7);
  std::uniform_real_distribution<double> euros(-50000.0, 50000.0);
  constexpr int bins = 3;
  for (double scale : {1.0, 1e9, 3e13}) {  // 3e13 euros: beyond 2^51 cents
    ts::avx2::CentsLanes<bins> lanes;
    std::int64_t want[bins] = {};
    for (int group = 0; group < 20000; ++group) {
      alignas(32) double x[bins][4];
      for (auto& bin : x)
        for (double& v : bin) {
          const double draw = euros(engine);
          switch (engine() % 4) {
            case 0: v = std::floor(draw * 100.0) / 100.0 + 0.005; break;  // near a half cent
            case 1: v = 0.0; break;
            default: v = draw * (group % 50 == 0 ? scale : 1.0);
          }
        }
      __m256d v[bins];
      for (int b = 0; b < bins; ++b) {
        v[b] = _mm256_load_pd(x[b]);
        for (double e : x[b]) want[b] += ts::euros_to_cents(e);
      }
      lanes.add_euros(v);
    }
    for (int b = 0; b < bins; ++b) EXPECT_EQ(lanes.total(b), want[b]) << "scale " << scale << " bin " << b;
  }
}

// Amounts just below the shortcut's bound, summed in double lanes up to the flush: the partial
// sums must stay small enough to move to int64 exactly.
TEST(CentsLanesAvx2, LargestShortcutAmountsUpToTheFlush) {
  std::mt19937_64 engine(13);
  std::uniform_int_distribution<int> cents(0, 99);
  ts::avx2::CentsLanes<1> lanes;
  std::int64_t want = 0;
  for (int group = 0; group < 3 * ts::avx2::CentsLanes<1>::adds_per_flush; ++group) {
    alignas(32) double x[4];
    for (double& v : x) v = (group % 2 ? 6.9e11 : 1.3e12) + 0.01 * cents(engine);  // either side of 2^46 cents
    for (double e : x) want += ts::euros_to_cents(e);
    lanes.add_euros({_mm256_load_pd(x)});
  }
  EXPECT_EQ(lanes.total(0), want);
}

// Bins left out of `present` add nothing; add_units with fixed_share_unit sums share_to_fixed.
TEST(CentsLanesAvx2, PresentBinsAndOtherUnits) {
  std::mt19937_64 engine(11);
  std::uniform_real_distribution<double> share(0.0, 1.0);
  ts::avx2::CentsLanes<2> lanes;
  std::int64_t want[2] = {};
  for (int group = 0; group < 20000; ++group) {
    alignas(32) double x[2][4];
    for (auto& bin : x)
      for (double& v : bin) v = group % 100 == 0 ? 3e7 * share(engine) : share(engine);  // 3e16: the lane-by-lane path
    const unsigned present = group % 3 == 0 ? 1u : 3u;
    for (int b = 0; b < 2; ++b)
      if ((present >> b) & 1u)
        for (double v : x[b]) want[b] += ts::share_to_fixed(v);
    lanes.add_units({_mm256_load_pd(x[0]), _mm256_load_pd(x[1])}, ts::fixed_share_unit, present);
  }
  for (int b = 0; b < 2; ++b) EXPECT_EQ(lanes.total(b), want[b]) << "bin " << b;
}

#else
TEST(CentsLanesAvx2, NotBuiltWithoutAvx2) { GTEST_SKIP() << "built without AVX2"; }
#endif

}  // namespace
