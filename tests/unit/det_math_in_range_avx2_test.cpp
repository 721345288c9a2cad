// exp_vectors_in_range and log_vectors_of_normal (kernels/det_math_in_range_avx2.hpp) against
// exp_vectors and log_vectors, bit for bit, over their whole ranges and at their ends.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>

#include "kernels/det_math_in_range_avx2.hpp"

namespace {

#if defined(TS_DET_MATH_IN_RANGE_AVX2)

std::uint64_t bits_of(double x) {
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

template <class Draw, class Fast, class Reference>
void expect_same_bits(Draw draw, Fast fast, Reference reference) {
  std::mt19937_64 engine(5);
  for (int round = 0; round < 50000; ++round) {
    alignas(32) double x[8];
    for (double& v : x) v = draw(engine);
    __m256d a[2] = {_mm256_load_pd(x), _mm256_load_pd(x + 4)};
    __m256d b[2] = {a[0], a[1]};
    fast(a);
    reference(b);
    alignas(32) double got[8], want[8];
    for (int m = 0; m < 2; ++m) {
      _mm256_store_pd(got + 4 * m, a[m]);
      _mm256_store_pd(want + 4 * m, b[m]);
    }
    for (int l = 0; l < 8; ++l) ASSERT_EQ(bits_of(got[l]), bits_of(want[l])) << "argument " << x[l];
  }
}

TEST(DetMathInRangeAvx2, ExpEqualsExpVectors) {
  std::uniform_real_distribution<double> wide(-700.0, 700.0), narrow(-5.0, 5.0);
  expect_same_bits(
      [&](std::mt19937_64& e) {
        switch (e() % 4) {
          case 0: return (e() % 2 ? 700.0 : -700.0);
          case 1: return narrow(e);
          default: return wide(e);
        }
      },
      [](auto& v) { ts::avx2::exp_vectors_in_range(v); }, [](auto& v) { ts::avx2::exp_vectors(v); });
}

TEST(DetMathInRangeAvx2, LogEqualsLogVectors) {
  std::uniform_real_distribution<double> exponent(-1021.0, 1023.0), mantissa(1.0, 2.0), ordinary(0.05, 40.0);
  expect_same_bits(
      [&](std::mt19937_64& e) {
        switch (e() % 4) {
          case 0: return e() % 2 ? 2.2250738585072014e-308 : 1.7976931348623157e308;
          case 1: return ordinary(e);
          default: return std::ldexp(mantissa(e), static_cast<int>(exponent(e)));
        }
      },
      [](auto& v) { ts::avx2::log_vectors_of_normal(v); }, [](auto& v) { ts::avx2::log_vectors(v); });
}

#else
TEST(DetMathInRangeAvx2, NotBuiltWithoutAvx2) { GTEST_SKIP() << "built without AVX2"; }
#endif

}  // namespace
