// The deterministic elementary functions against libm: they must be as accurate, since
// every probability of the model goes through them.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "kernels/det_math.hpp"
#include "kernels/det_normal_lanes.hpp"

namespace {

double relative_error(double value, double reference) {
  return std::fabs(value - reference) / std::fmax(std::fabs(reference), 1e-300);
}

TEST(DetMath, ExpMatchesLibmAcrossItsRange) {
  double worst = 0.0;
  for (double x = -700.0; x <= 700.0; x += 0.0137) worst = std::fmax(worst, relative_error(ts::det_exp(x), std::exp(x)));
  EXPECT_LT(worst, 4e-16);
  EXPECT_EQ(ts::det_exp(0.0), 1.0);
  EXPECT_TRUE(std::isinf(ts::det_exp(800.0)));
  EXPECT_EQ(ts::det_exp(-800.0), 0.0);
}

TEST(DetMath, LogMatchesLibmAcrossItsRange) {
  double worst = 0.0;
  for (double x = 1e-300; x < 1e300; x *= 1.0173) worst = std::fmax(worst, std::fabs(ts::det_log(x) - std::log(x)) / std::fmax(1.0, std::fabs(std::log(x))));
  for (double x = 0.5; x < 2.0; x += 1e-4) worst = std::fmax(worst, std::fabs(ts::det_log(x) - std::log(x)));
  EXPECT_LT(worst, 4e-16);
  EXPECT_EQ(ts::det_log(1.0), 0.0);
  EXPECT_NEAR(ts::det_log(4.9e-320), std::log(4.9e-320), 1e-12);  // subnormal input
  EXPECT_TRUE(std::isinf(ts::det_log(0.0)));
  EXPECT_TRUE(std::isnan(ts::det_log(-1.0)));
}

TEST(DetMath, LogisticIsSymmetricBoundedAndAccurate) {
  for (double x = -40.0; x <= 40.0; x += 0.01) {
    const double p = ts::det_logistic(x);
    EXPECT_GE(p, 0.0);
    EXPECT_LE(p, 1.0);
    EXPECT_NEAR(p + ts::det_logistic(-x), 1.0, 1e-15);
    EXPECT_NEAR(p, 1.0 / (1.0 + std::exp(-x)), 1e-15);
  }
  for (double p = 0.001; p < 1.0; p += 0.001) EXPECT_NEAR(ts::det_logistic(ts::det_logit(p)), p, 1e-13);
}

TEST(DetMath, PowMatchesLibm) {
  for (double a = 0.1; a < 10.0; a += 0.37)
    for (double b = -3.0; b < 3.0; b += 0.29) EXPECT_LT(relative_error(ts::det_pow(a, b), std::pow(a, b)), 2e-15);
}

std::uint64_t bits_of(double x) {
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return bits;
}

// The lane versions must give the scalar functions' bits for every argument, special values
// included, whatever lane an argument sits in.
TEST(DetMath, LanesGiveTheScalarBits) {
  std::vector<double> xs = {0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 4.9e-320, 1e-310, 1e300, -1e-300, 708.9, 709.5, -744.9,
                            -745.5, 1e10, -1e10, std::nan(""), INFINITY, -INFINITY, 0.3465735902799726, -0.3465735902799727};
  for (double x = -720.0; x <= 720.0; x += 0.731) xs.push_back(x);
  for (double x = 1e-12; x < 1e12; x *= 1.37) xs.push_back(x);
  constexpr int lanes = 4;
  for (std::size_t first = 0; first < xs.size(); ++first) {
    double e[lanes], g[lanes], p[lanes];
    for (int l = 0; l < lanes; ++l) e[l] = g[l] = p[l] = xs[(first + static_cast<std::size_t>(l) * 7) % xs.size()];
    ts::det_exp_lanes(e);
    ts::det_log_lanes(g);
    ts::det_pow_lanes(p, 1.7);
    for (int l = 0; l < lanes; ++l) {
      const double x = xs[(first + static_cast<std::size_t>(l) * 7) % xs.size()];
      ASSERT_EQ(bits_of(e[l]), bits_of(ts::det_exp(x))) << "exp " << x;
      ASSERT_EQ(bits_of(g[l]), bits_of(ts::det_log(x))) << "log " << x;
      ASSERT_EQ(bits_of(p[l]), bits_of(ts::det_pow(x, 1.7))) << "pow " << x;
    }
  }
}

TEST(DetMath, NormalQuantileLanesGiveTheScalarBits) {
  std::vector<double> ps = {1e-300, 1e-12, 0.02424999, 0.02425, 0.02425001, 0.5, 0.97575, 0.9757500001, 1.0 - 1e-12};
  for (double p = 1e-7; p < 1.0; p += 0.000731) ps.push_back(p);
  constexpr int lanes = 5;
  for (std::size_t first = 0; first < ps.size(); ++first) {
    double z[lanes];
    for (int l = 0; l < lanes; ++l) z[l] = ps[(first + static_cast<std::size_t>(l) * 11) % ps.size()];
    ts::det_normal_quantile_lanes(z);
    for (int l = 0; l < lanes; ++l) {
      const double p = ps[(first + static_cast<std::size_t>(l) * 11) % ps.size()];
      ASSERT_EQ(bits_of(z[l]), bits_of(ts::det_normal_quantile(p))) << "p=" << p;
    }
  }
}

TEST(DetMath, NormalQuantileInvertsTheNormalCdf) {
  for (double p = 1e-6; p < 1.0; p += 0.00731) {
    const double z = ts::det_normal_quantile(p);
    const double cdf = 0.5 * std::erfc(-z / std::sqrt(2.0));
    EXPECT_NEAR(cdf, p, 4e-8 * std::fmin(p, 1.0 - p)) << "p=" << p;  // 1.15e-9 relative in z
  }
  EXPECT_NEAR(ts::det_normal_quantile(0.5), 0.0, 1e-15);
  EXPECT_NEAR(ts::det_normal_quantile(0.975), 1.959963984540054, 1e-8);
}

}  // namespace
