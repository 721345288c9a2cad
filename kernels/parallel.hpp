// The launch primitives every pass uses: a functor applied to each index in [0, n) on the
// configured Thrust device system, and exact integer reductions.
#pragma once
#include <thrust/execution_policy.h>
#include <thrust/for_each.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/transform_reduce.h>

#include <cstddef>
#include <cstdint>

#include "kernels/ts_hd.hpp"

#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_OMP
#include <omp.h>
#endif

namespace ts {

template <class IndexFunctor>
void parallel_for(std::size_t n, const IndexFunctor& functor) {
  if (n == 0) return;
  thrust::for_each_n(thrust::device, thrust::counting_iterator<std::size_t>(0), n, functor);
}

// The functor applied to each index in [first, first + n): a pass over the persons just appended.
template <class IndexFunctor>
void parallel_for_range(std::size_t first, std::size_t n, const IndexFunctor& functor) {
  if (n == 0) return;
  thrust::for_each_n(thrust::device, thrust::counting_iterator<std::size_t>(first), n, functor);
}

// The threads a CPU pass runs on (1 on the serial backend).
inline int cpu_thread_count() {
#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_OMP
  return omp_get_max_threads();
#else
  return 1;
#endif
}

// CPU only: chunk_work(chunk, thread) for each chunk in [0, chunks), the chunks handed out one
// at a time to whichever thread is free (thread < cpu_thread_count()), so that chunks of
// unequal work still finish together.
template <class ChunkWork>
void for_each_chunk(std::size_t chunks, const ChunkWork& chunk_work) {
#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_OMP
#pragma omp parallel
  {
    const int thread = omp_get_thread_num();
#pragma omp for schedule(dynamic, 1)
    for (std::size_t chunk = 0; chunk < chunks; ++chunk) chunk_work(chunk, thread);
  }
#else
  for (std::size_t chunk = 0; chunk < chunks; ++chunk) chunk_work(chunk, 0);
#endif
}

namespace detail {
struct Int64Plus {
  TS_HD std::int64_t operator()(std::int64_t a, std::int64_t b) const { return a + b; }
};
}  // namespace detail

// Sum over i of value(i), value returning int64: exact and independent of the order.
template <class IndexToInt64>
std::int64_t exact_sum(std::size_t n, const IndexToInt64& value) {
  if (n == 0) return 0;
  return thrust::transform_reduce(thrust::device, thrust::counting_iterator<std::size_t>(0),
                                  thrust::counting_iterator<std::size_t>(n), value,
                                  std::int64_t{0}, detail::Int64Plus{});
}

}  // namespace ts
