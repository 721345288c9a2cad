// static_cast<std::int64_t>(det_floor(x)) in operations that vectorise on the CPU: AVX2 has no
// double to int64 conversion, and GCC under -ftrapping-math vectorises no floor. Exact for
// |x| < 2^51, the range of fixed-point shares and of cents of any income (tests/unit/floor_int64_test.cpp).
#pragma once
#include <bit>
#include <cstdint>

namespace ts {

// Whether floor_to_int64(x) is exact: |x| < 2^51 (false for NaN).
inline bool floors_exactly(double x) {
  constexpr double limit = 2251799813685248.0;  // 2^51
  return (x > -limit) & (x < limit);
}

// x + 1.5 * 2^52 lies in [2^52, 2^53), where doubles are the integers: it rounds x to a nearest
// integer k and holds k in its low bits; floor(x) is k, or k - 1 where k > x.
inline std::int64_t floor_to_int64(double x) {
  constexpr double shift = 6755399441055744.0;  // 1.5 * 2^52
  const double rounded = x + shift;
  return std::bit_cast<std::int64_t>(rounded) - std::bit_cast<std::int64_t>(shift) - (rounded - shift > x ? 1 : 0);
}

}  // namespace ts
