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
