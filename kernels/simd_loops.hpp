// Helpers for CPU loops that the compiler should vectorise.
#pragma once
#include <cstdint>

#include "kernels/det_math.hpp"

// Asks the compiler to vectorise the next loop (OpenMP builds; ignored elsewhere).
#if defined(_OPENMP) && !defined(__CUDACC__)
#define TS_SIMD_LOOP _Pragma("omp simd")
#else
#define TS_SIMD_LOOP
#endif

namespace ts {

// c ? a : b on the bits of two doubles: GCC turns a plain select into branches where it can
// fold a constant arm into what follows, and with -ftrapping-math it does not vectorise
// floating-point arithmetic under a branch.
inline double select_bits(bool c, double a, double b) {
  const std::uint64_t mask = 0 - static_cast<std::uint64_t>(c);
  return detail::bits_to_double((detail::double_to_bits(a) & mask) | (detail::double_to_bits(b) & ~mask));
}

inline float select_bits(bool c, float a, float b) {
  const std::uint32_t mask = 0u - static_cast<std::uint32_t>(c);
  std::uint32_t x, y;
  __builtin_memcpy(&x, &a, sizeof x);
  __builtin_memcpy(&y, &b, sizeof y);
  const std::uint32_t r = (x & mask) | (y & ~mask);
  float value;
  __builtin_memcpy(&value, &r, sizeof value);
  return value;
}

}  // namespace ts
