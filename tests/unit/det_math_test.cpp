// The deterministic elementary functions against libm: they must be as accurate, since
// every probability of the model goes through them.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "kernels/det_math.hpp"
#include "kernels/det_normal_lanes.hpp"
#include "kernels/logistic_lanes.hpp"

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

double double_of(std::uint64_t bits) {
  double x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}

// Arguments where a lane version could part from the scalar one: special values, the ends of
// det_exp's range and of its subnormal results, subnormal and huge inputs of det_log, mantissas
// around sqrt(2), and the points where det_exp's k = floor(x / ln 2 + 0.5) steps.
std::vector<double> boundary_arguments() {
  std::vector<double> xs = {0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 4.9e-320, 1e-310, 1e300, -1e-300, 1e10, -1e10,
                            INFINITY, -INFINITY, std::nan(""), -std::nan(""), double_of(0x7ff0000000000001ull),
                            double_of(0xfff8000000000123ull), double_of(0x7ff4000000000000ull),
                            std::numeric_limits<double>::denorm_min(), -std::numeric_limits<double>::denorm_min(),
                            double_of(0x000fffffffffffffull), std::numeric_limits<double>::min(),
                            std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                            0.3465735902799726, -0.3465735902799727};
  for (double edge : {709.0, -745.0, -708.4, -708.3964185322641, 709.782712893384, -744.4400719213812}) {
    double below = edge, above = edge;
    for (int step = 0; step < 4; ++step) {
      xs.push_back(below);
      xs.push_back(above);
      below = std::nextafter(below, -INFINITY);
      above = std::nextafter(above, INFINITY);
    }
  }
  for (double x = -750.0; x <= -700.0; x += 0.0137) xs.push_back(x);  // subnormal results of exp
  for (int k = -1080; k <= 1030; ++k) {
    const double step = (k + 0.5) * 0.6931471805599453;
    xs.push_back(step);
    xs.push_back(std::nextafter(step, -INFINITY));
    xs.push_back(std::nextafter(step, INFINITY));
  }
  for (int power = -1074; power <= 1023; power += 1) {
    const double sqrt2 = 1.4142135623730951;
    for (double m : {1.0, std::nextafter(sqrt2, 0.0), sqrt2, std::nextafter(sqrt2, 2.0), std::nextafter(2.0, 0.0)}) {
      const double x = std::ldexp(m, power);
      xs.push_back(x);
      xs.push_back(-x);
    }
  }
  return xs;
}

// Exponents used for det_pow: ordinary ones and the special values.
std::vector<double> pow_exponents() {
  return {1.7, -0.37, 0.5, 2.0, -3.0, 0.0, -0.0, 1.0, 1e-300, 1e300, -1e300, INFINITY, -INFINITY, std::nan(""),
          std::numeric_limits<double>::denorm_min()};
}

// Runs N lanes of det_exp/det_log/det_pow, the dispatched version (AVX2 where the host has it)
// and the portable one, on arguments args[first + l * stride], against the scalar functions.
template <int N>
::testing::AssertionResult lanes_match_scalar(const std::vector<double>& args, std::size_t first, std::size_t stride,
                                              double b) {
  double x[N], e[N], g[N], p[N], e_portable[N], g_portable[N], p_portable[N];
  for (int l = 0; l < N; ++l) {
    x[l] = args[(first + static_cast<std::size_t>(l) * stride) % args.size()];
    e[l] = g[l] = p[l] = e_portable[l] = g_portable[l] = p_portable[l] = x[l];
  }
  ts::det_exp_lanes(e);
  ts::det_log_lanes(g);
  ts::det_pow_lanes(p, b);
  ts::det_exp_lanes_portable(e_portable);
  ts::det_log_lanes_portable(g_portable);
  ts::det_pow_lanes_portable(p_portable, b);
  for (int l = 0; l < N; ++l) {
    const std::uint64_t exp_bits = bits_of(ts::det_exp(x[l])), log_bits = bits_of(ts::det_log(x[l]));
    const std::uint64_t pow_bits = bits_of(ts::det_pow(x[l], b));
    if (bits_of(e[l]) != exp_bits || bits_of(g[l]) != log_bits || bits_of(p[l]) != pow_bits ||
        bits_of(e_portable[l]) != exp_bits || bits_of(g_portable[l]) != log_bits || bits_of(p_portable[l]) != pow_bits)
      return ::testing::AssertionFailure() << "N=" << N << " lane " << l << " x=" << x[l]
                                           << " b=" << b << ": exp " << e[l] << "/" << e_portable[l] << " vs "
                                           << ts::det_exp(x[l]) << ", log " << g[l] << "/" << g_portable[l]
                                           << " vs " << ts::det_log(x[l]) << ", pow " << p[l] << "/" << p_portable[l]
                                           << " vs " << ts::det_pow(x[l], b);
  }
  return ::testing::AssertionSuccess();
}

// Every boundary argument in every lane position, for the lane counts the model uses (5, 8, 9)
// and ones that leave a partial vector (1, 3).
TEST(DetMath, LanesGiveTheScalarBitsAtTheBoundaries) {
  const std::vector<double> xs = boundary_arguments();
  for (double b : pow_exponents()) {
    for (std::size_t first = 0; first < xs.size(); ++first) {
      ASSERT_TRUE(lanes_match_scalar<1>(xs, first, 1, b));
      ASSERT_TRUE(lanes_match_scalar<3>(xs, first, 7, b));
      ASSERT_TRUE(lanes_match_scalar<4>(xs, first, 7, b));
      ASSERT_TRUE(lanes_match_scalar<5>(xs, first, 11, b));
      ASSERT_TRUE(lanes_match_scalar<8>(xs, first, 7, b));
      ASSERT_TRUE(lanes_match_scalar<9>(xs, first, 13, b));
    }
  }
}

// Millions of random arguments: any bit pattern (every sign, exponent and NaN payload), and
// uniform over det_exp's range, where the polynomial and the scaling matter.
TEST(DetMath, LanesGiveTheScalarBitsForRandomArguments) {
  std::mt19937_64 random(20240611);
  std::uniform_real_distribution<double> exp_range(-760.0, 720.0), small(-2.0, 2.0);
  constexpr std::size_t count = 1 << 20;
  std::vector<double> any_bits(count), in_range(count), exponents(count);
  for (std::size_t i = 0; i < count; ++i) {
    any_bits[i] = double_of(random());
    in_range[i] = exp_range(random);
    exponents[i] = i % 4 == 0 ? double_of(random()) : small(random);
  }
  for (const auto* args : {&any_bits, &in_range}) {
    for (std::size_t first = 0; first < count; first += 9) {
      ASSERT_TRUE(lanes_match_scalar<8>(*args, first, 1, exponents[first]));
      ASSERT_TRUE(lanes_match_scalar<9>(*args, first, 1, exponents[(first + 1) % count]));
    }
  }
}

// A NaN exponent is the result, quieted, also where det_log(a) is a NaN of another payload
// (a < 0, a NaN): the product of two NaNs would leave the payload to the compiler's operand order.
TEST(DetMath, PowReturnsItsNanExponentQuieted) {
  const double signalling = double_of(0xfff0000000000123ull), quiet = double_of(0xfff8000000000123ull);
  for (double a : {-1.7588799277367157e-185, -2.0, 0.0, 2.0, double{INFINITY}, std::nan(""), double_of(0x7ff0000000000456ull)}) {
    EXPECT_EQ(bits_of(ts::det_pow(a, signalling)), bits_of(quiet)) << a;
    EXPECT_EQ(bits_of(ts::det_pow(a, quiet)), bits_of(quiet)) << a;
    double lanes[5] = {a, a, 1.5, a, a}, portable[5] = {a, a, 1.5, a, a};
    ts::det_pow_lanes(lanes, signalling);
    ts::det_pow_lanes_portable(portable, signalling);
    for (int l = 0; l < 5; ++l) {
      EXPECT_EQ(bits_of(lanes[l]), bits_of(quiet)) << a << " lane " << l;
      EXPECT_EQ(bits_of(portable[l]), bits_of(quiet)) << a << " lane " << l;
    }
  }
}

TEST(DetMath, LogisticInPlaceHasTheBitsOfTheScalarLogistic) {
  std::vector<double> xs = {0.0, -0.0, 1e-300, -1e-300, 709.5, -709.5, 745.5, -745.5, 1e10, -1e10,
                            std::nan(""), INFINITY, -INFINITY};
  for (double x = -60.0; x <= 60.0; x += 0.173) xs.push_back(x);
  for (int count = 0; count <= 19; ++count) {  // whole groups of eight and partial ones
    for (std::size_t first = 0; first + static_cast<std::size_t>(count) <= xs.size(); first += 37) {
      std::vector<double> y(xs.begin() + static_cast<std::ptrdiff_t>(first),
                            xs.begin() + static_cast<std::ptrdiff_t>(first) + count);
      ts::det_logistic_in_place(y.data(), count);
      for (int k = 0; k < count; ++k) {
        const double x = xs[first + static_cast<std::size_t>(k)];
        ASSERT_EQ(bits_of(y[static_cast<std::size_t>(k)]), bits_of(ts::det_logistic(x))) << "x=" << x;
      }
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
