// A pass over the few indices that a cheap test selects (the unemployed among all persons,
// say). On the CPU, each span of indices goes in tiles: the tile's selected indices are listed first by
// a branch-free scan, then handled one after another, so that their loads overlap instead of
// each stalling the scan; a functor may also name data to fetch ahead for the listed indices.
// The GPU calls the functor for every index, as parallel_for does. The functor's operator()
// must itself skip unselected indices (the GPU path relies on it).
#pragma once
#include <cstddef>
#include <cstdint>

#include "kernels/exact_histogram.hpp"
#include "kernels/parallel.hpp"

namespace ts {

namespace detail {

template <class Functor>
concept FetchesAhead = requires(const Functor& f, std::size_t i) { f.fetch_ahead(i); };

}  // namespace detail

// The indices i of [begin, end) with functor.selected(i), in tiles of 256: listed by a
// branch-free scan, fetched ahead (functor.fetch_ahead(i), if it has one), then handle(i)
// for each in order. CPU only: the spans of parallel_for_selected and of exact_histogram's
// range contributions.
template <class Functor, class Handle>
void for_each_selected(std::size_t begin, std::size_t end, const Functor& functor, const Handle& handle) {
  constexpr std::size_t tile = 256;
  std::uint32_t listed[tile];
  for (std::size_t first = begin; first < end; first += tile) {
    const std::size_t last = first + tile < end ? first + tile : end;
    std::size_t n = 0;
    for (std::size_t i = first; i < last; ++i) {
      listed[n] = static_cast<std::uint32_t>(i - first);
      n += functor.selected(i) ? 1 : 0;
    }
    if constexpr (detail::FetchesAhead<Functor>)
      for (std::size_t k = 0; k < n; ++k) functor.fetch_ahead(first + listed[k]);
    for (std::size_t k = 0; k < n; ++k) handle(first + listed[k]);
  }
}

// functor.selected(i): the cheap test; functor(i): the work, a no-op for unselected i.
template <class Functor>
void parallel_for_selected(std::size_t n, const Functor& functor) {
#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_CUDA || defined(TS_PER_PERSON_PATHS)
  parallel_for(n, functor);  // per person, as on the GPU (see exact_histogram.hpp)
#else
  if (n == 0) return;
  for_each_span(n, [&](std::size_t begin, std::size_t end, int) {
    for_each_selected(begin, end, functor, [&](std::size_t i) { functor(i); });
  });
#endif
}

}  // namespace ts
