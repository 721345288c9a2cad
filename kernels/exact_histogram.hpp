// Exact integer histograms: each index contributes int64 amounts to any number of bins (a
// record adds 1 to a count bin and an amount in cents to a sum bin, say). Integer addition is
// associative, so every strategy below gives the same bits: on the GPU, 64-bit atomics into
// one array; on the CPU, one private row per thread, summed afterwards (atomics on a few hot
// bins would make two cores fight over cache lines), filled span by span.
#pragma once
#include <thrust/device_vector.h>
#include <thrust/execution_policy.h>
#include <thrust/fill.h>
#include <thrust/for_each.h>
#include <thrust/iterator/counting_iterator.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "kernels/parallel.hpp"
#include "kernels/ts_hd.hpp"

namespace ts {

// Adds into one thread's private row.
struct RowAdder {
  std::int64_t* row;
  TS_HD void operator()(int bin, std::int64_t amount) const { row[bin] += amount; }
};

// Adds into a shared array with 64-bit atomics; two's complement makes negatives exact.
struct AtomicAdder {
  unsigned long long* bins;
  TS_HD void operator()(int bin, std::int64_t amount) const {
#if defined(__CUDA_ARCH__)
    atomicAdd(bins + bin, static_cast<unsigned long long>(amount));
#else
    __atomic_fetch_add(bins + bin, static_cast<unsigned long long>(amount), __ATOMIC_RELAXED);
#endif
  }
};

namespace detail {

// A contribution may also offer `template <class Add> void range(begin, end, Add&) const`,
// adding exactly what operator() would add for each index of [begin, end): the CPU backends
// then call it once per span of indices, so that it can split the work into loops the compiler
// vectorises. The GPU always calls operator() per index, and so does a build with
// TS_PER_PERSON_PATHS (the serial reference engine): comparing its outputs with the OpenMP
// engine's checks every range() against the GPU's path on a machine without a GPU.
template <class Contribution>
concept HasRangeContribution = requires(const Contribution& c, std::size_t i, RowAdder& add) { c.range(i, i, add); };

// A span of indices, added into the row of the thread that takes it.
template <class Contribution>
void add_span(const Contribution& contribution, std::size_t begin, std::size_t end, RowAdder& add) {
#if defined(TS_PER_PERSON_PATHS)
  constexpr bool by_range = false;
#else
  constexpr bool by_range = HasRangeContribution<Contribution>;
#endif
  if constexpr (by_range) {
    if (begin < end) contribution.range(begin, end, add);
  } else {
    for (std::size_t i = begin; i < end; ++i) contribution(i, add);
  }
}

template <class Contribution>
struct AtomicHistogramPass {
  Contribution contribution;
  unsigned long long* bins;
  TS_HD void operator()(std::size_t i) const {
    AtomicAdder add{bins};
    contribution(i, add);
  }
};

}  // namespace detail

// contribution(i, add) calls add(bin, amount) for the bins index i contributes to;
// it must be a functor with `template <class Add> TS_HD void operator()(std::size_t, Add&) const`.
template <class Contribution>
std::vector<std::int64_t> exact_histogram(std::size_t count, int bins, const Contribution& contribution) {
  std::vector<std::int64_t> totals(static_cast<std::size_t>(bins), 0);
  if (count == 0 || bins == 0) return totals;
#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_CUDA
  thrust::device_vector<unsigned long long> shared(static_cast<std::size_t>(bins), 0ull);
  parallel_for(count, detail::AtomicHistogramPass<Contribution>{
                          contribution, thrust::raw_pointer_cast(shared.data())});
  std::vector<unsigned long long> host(static_cast<std::size_t>(bins));
  thrust::copy(shared.begin(), shared.end(), host.begin());
  for (std::size_t b = 0; b < host.size(); ++b) totals[b] = static_cast<std::int64_t>(host[b]);
#else
  // One private row per thread: integer sums, so which thread takes which span cannot change
  // the totals.
  const std::size_t rows = static_cast<std::size_t>(cpu_thread_count());
  std::vector<std::int64_t> row_sums(rows * static_cast<std::size_t>(bins), 0);
  for_each_span(count, [&](std::size_t begin, std::size_t end, int thread) {
    RowAdder add{row_sums.data() + static_cast<std::size_t>(thread) * static_cast<std::size_t>(bins)};
    detail::add_span(contribution, begin, end, add);
  });
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t b = 0; b < totals.size(); ++b) totals[b] += row_sums[r * static_cast<std::size_t>(bins) + b];
#endif
  return totals;
}

}  // namespace ts
