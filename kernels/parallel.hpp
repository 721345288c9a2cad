// The launch primitives every pass uses: a functor applied to each index in [0, n) on the
// configured Thrust device system, and exact integer reductions.
#pragma once
#include <thrust/execution_policy.h>
#include <thrust/for_each.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/transform_reduce.h>

#include <algorithm>
#include <atomic>
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

// CPU only: span_work(begin, end, thread) over spans that cover [0, count) once, handed out
// to whichever thread is free (thread < cpu_thread_count()), largest first: each span is a
// share of what is left, down to 1/64 of a thread's share, so the threads finish within a
// small span of each other even when the work per index is uneven (persons of one kind
// cluster in the population's order). Which thread takes which span varies from run to run:
// the callers sum integers, so the results do not.
template <class SpanWork>
void for_each_span(std::size_t count, const SpanWork& span_work) {
  if (count == 0) return;
#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_OMP
  const std::size_t threads = static_cast<std::size_t>(cpu_thread_count());
  const std::size_t smallest = std::max<std::size_t>(count / (64 * threads), 1);
  std::atomic<std::size_t> next{0};
#pragma omp parallel
  {
    const int thread = omp_get_thread_num();
    std::size_t begin = next.load(std::memory_order_relaxed);
    for (;;) {
      if (begin >= count) break;
      const std::size_t span = std::min(std::max((count - begin) / (2 * threads), smallest), count - begin);
      if (!next.compare_exchange_weak(begin, begin + span, std::memory_order_relaxed)) continue;
      span_work(begin, begin + span, thread);
      begin = next.load(std::memory_order_relaxed);
    }
  }
#else
  span_work(std::size_t{0}, count, 0);
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
