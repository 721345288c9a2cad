// A pass over the few indices that a cheap test selects (the unemployed among all persons,
// say). On the CPU, each span of indices goes in tiles: the tile's selected indices are listed
// first by a branch-free scan (32 bytes per compare where the test is a byte's value), then
// handled one after another or together, so that their loads overlap instead of each stalling
// the scan; a functor may also name data to fetch ahead for the listed indices.
// The GPU calls the functor for every index, as parallel_for does. The functor's operator()
// must itself skip unselected indices (the GPU path relies on it).
#pragma once
#include <concepts>
#include <cstddef>
#include <cstdint>

#include "kernels/byte_bits_avx2.hpp"
#include "kernels/exact_histogram.hpp"
#include "kernels/parallel.hpp"

#if defined(__AVX2__) && !defined(__CUDACC__)
#define TS_LISTED_AVX2 1
#endif

namespace ts {

namespace detail {

template <class Functor>
concept FetchesAhead = requires(const Functor& f, std::size_t i) { f.fetch_ahead(i); };

// A functor that takes a tile's listed indices together (their random draws in Philox lanes,
// say) in handle_tile(first, listed, n), as for_each_selected_tile passes them (CPU only).
template <class Functor>
concept HandlesTiles = requires(const Functor& f, std::size_t first, const std::uint32_t* listed, std::size_t n) {
  f.handle_tile(first, listed, n);
};

// A functor whose selected(i) is selection_column()[i] == selected_value(): its tiles are
// listed 32 bytes at a time (CPU only).
template <class Functor>
concept SelectsByByte = requires(const Functor& f) {
  { f.selection_column() } -> std::convertible_to<const std::uint8_t*>;
  { f.selected_value() } -> std::convertible_to<std::uint8_t>;
};

// Writes the offsets (from `first`) of the indices of [first, last) that the functor selects
// into listed, which has room for 4 more than last - first; returns their number.
template <class Functor>
std::size_t list_selected(std::size_t first, std::size_t last, const Functor& functor, std::uint32_t* listed) {
  std::size_t n = 0;
  std::size_t i = first;
#if defined(TS_LISTED_AVX2)
  if constexpr (SelectsByByte<Functor>) {
    // A compare and a bit mask per 32 persons; the few set bits (a few percent of persons)
    // written four at a time without a branch (beyond a mask's count they are overwritten
    // later), a loop only for the rare block with more.
    const std::uint8_t* column = functor.selection_column();
    const std::uint8_t wanted = functor.selected_value();
    for (; i + 32 <= last; i += 32) {
      std::uint32_t mask = byte_equal_bits(column + i, wanted);
      const auto offset = static_cast<std::uint32_t>(i - first);
      const int count = __builtin_popcount(mask);
      std::uint32_t* out = listed + n;
      for (int k = 0; k < 4; ++k) {
        out[k] = offset + static_cast<std::uint32_t>(__builtin_ctz(mask | 0x80000000u));
        mask &= mask - 1;
      }
      for (int k = 4; k < count; ++k) {
        out[k] = offset + static_cast<std::uint32_t>(__builtin_ctz(mask));
        mask &= mask - 1;
      }
      n += static_cast<std::size_t>(count);
    }
  }
#endif
  for (; i < last; ++i) {
    listed[n] = static_cast<std::uint32_t>(i - first);
    n += functor.selected(i) ? 1 : 0;
  }
  return n;
}

}  // namespace detail

// The indices of [begin, end) with functor.selected(i), in tiles of 256: listed (offsets from
// the tile's first index), fetched ahead (functor.fetch_ahead(i), if it has one), then
// handle_tile(first, listed, n) once per tile, so that the tile's persons can be taken in
// SIMD lanes. CPU only.
inline constexpr std::size_t listed_tile = 256;

template <class Functor, class HandleTile>
void for_each_selected_tile(std::size_t begin, std::size_t end, const Functor& functor, const HandleTile& handle_tile) {
  std::uint32_t listed[listed_tile + 4];
  for (std::size_t first = begin; first < end; first += listed_tile) {
    const std::size_t last = first + listed_tile < end ? first + listed_tile : end;
    const std::size_t n = detail::list_selected(first, last, functor, listed);
    if constexpr (detail::FetchesAhead<Functor>)
      for (std::size_t k = 0; k < n; ++k) functor.fetch_ahead(first + listed[k]);
    if (n > 0) handle_tile(first, static_cast<const std::uint32_t*>(listed), n);
  }
}

// The same, handle(i) for each listed index in order: the spans of parallel_for_selected and
// of exact_histogram's range contributions.
template <class Functor, class Handle>
void for_each_selected(std::size_t begin, std::size_t end, const Functor& functor, const Handle& handle) {
  for_each_selected_tile(begin, end, functor, [&](std::size_t first, const std::uint32_t* listed, std::size_t n) {
    for (std::size_t k = 0; k < n; ++k) handle(first + listed[k]);
  });
}

// functor.selected(i): the cheap test; functor(i): the work, a no-op for unselected i; on the
// CPU, functor.handle_tile(first, listed, n) instead where the functor has it.
template <class Functor>
void parallel_for_selected(std::size_t n, const Functor& functor) {
#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_CUDA || defined(TS_PER_PERSON_PATHS)
  parallel_for(n, functor);  // per person, as on the GPU (see exact_histogram.hpp)
#else
  if (n == 0) return;
  for_each_span(n, [&](std::size_t begin, std::size_t end, int) {
    if constexpr (detail::HandlesTiles<Functor>)
      for_each_selected_tile(begin, end, functor, [&](std::size_t first, const std::uint32_t* listed, std::size_t count) {
        functor.handle_tile(first, listed, count);
      });
    else
      for_each_selected(begin, end, functor, [&](std::size_t i) { functor(i); });
  });
#endif
}

}  // namespace ts
