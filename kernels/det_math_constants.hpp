// Constants shared by the scalar deterministic functions (det_math.hpp) and their AVX2 lanes
// (det_math_avx2.hpp), which must use the very same values to give the same bits.
#pragma once

namespace ts::detail {
// ln 2 split so that k * ln2_hi is exact for |k| < 2^11 (Cody and Waite).
inline constexpr double ln2_hi = 6.93147180369123816490e-01;
inline constexpr double ln2_lo = 1.90821492927058770002e-10;
inline constexpr double inv_ln2 = 1.44269504088896338700e+00;
}  // namespace ts::detail
