// The contiguous block of global ids that shard `index` of `parts` owns: the same rule on every
// rank, so any rank can tell who owns an id without communicating.
#pragma once
#include <cstdint>

#include "kernels/ts_hd.hpp"

namespace ts {

struct IdRange {
  std::uint64_t begin;
  std::uint64_t end;
  TS_HD std::uint64_t size() const { return end - begin; }
};

TS_HD inline IdRange shard_range(std::uint64_t total, int parts, int index) {
  const std::uint64_t base = total / static_cast<std::uint64_t>(parts);
  const std::uint64_t extra = total % static_cast<std::uint64_t>(parts);
  const auto i = static_cast<std::uint64_t>(index);
  const std::uint64_t begin = i * base + (i < extra ? i : extra);
  return IdRange{begin, begin + base + (i < extra ? 1 : 0)};
}

}  // namespace ts
