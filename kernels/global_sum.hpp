// How the engine asks for sums across all shards of the population without knowing how the
// shards are distributed: mpi/ implements it with an all-reduce, a single process with nothing.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ts {

class GlobalSum {
 public:
  virtual ~GlobalSum() = default;
  // Replaces each value by its sum over all shards. Integers, so the result is exact.
  virtual void sum_in_place(std::int64_t* values, std::size_t count) const = 0;
  void sum_in_place(std::vector<std::int64_t>& values) const { sum_in_place(values.data(), values.size()); }
};

// The whole population is in this process.
class SingleShardSum final : public GlobalSum {
 public:
  using GlobalSum::sum_in_place;
  void sum_in_place(std::int64_t*, std::size_t) const override {}
};

}  // namespace ts
