// Compaction of columns in place, on the CPU (the GPU scatters into spare columns, soa.hpp).
// Moving each column's kept records down within the column reads and writes every record
// once, as copying into a spare column does, but writes lines it has just read instead of
// fresh ones (no read-for-ownership of the destination), and needs no spare set of columns:
// no second copy of the population in memory, and no page faults when that copy is first
// touched.
//
// The records are split into one contiguous part per thread. A part's kept records move down
// within the part, except its first `head` ones, whose final places lie in earlier parts (as
// many as were dropped before the part): those go to a scratch buffer first and are written
// after every part has moved its records, when the earlier parts no longer read them. The
// final places of all kept records are disjoint, so the result is the same stable compaction
// whatever the number of parts.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "kernels/byte_bits_avx2.hpp"
#include "kernels/move_down.hpp"
#include "kernels/parallel.hpp"

#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_OMP
#include <omp.h>
#endif

namespace ts {

class InPlaceCompaction {
 public:
  // Finds the runs of kept records (flag non-zero) among the first n; returns how many.
  std::size_t plan(const std::uint8_t* keep, std::size_t n) {
#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_OMP
    const std::size_t threads = static_cast<std::size_t>(omp_get_max_threads());
#else
    const std::size_t threads = 1;
#endif
    return plan(keep, n, std::min(threads, n / 4096));
  }

  // The same in a given number of parts (the result does not depend on it).
  std::size_t plan(const std::uint8_t* keep, std::size_t n, std::size_t parts) {
    if (parts == 0) parts = 1;
    parts_.resize(parts);
    for (std::size_t p = 0; p < parts; ++p) {
      parts_[p].begin = n * p / parts;
      parts_[p].end = n * (p + 1) / parts;
    }
    parallel_for(parts, FindRuns{parts_.data(), keep});
    std::size_t kept = 0, heads = 0;
    for (Part& part : parts_) {
      part.offset = kept;
      part.head = std::min(part.begin - part.offset, part.kept);
      part.scratch = heads;
      kept += part.kept;
      heads += part.head;
    }
    head_records_ = heads;
    return kept;
  }

  // A column to compact: its data and the bytes of one record.
  struct Column {
    void* data;
    std::size_t bytes;
  };

  // Compacts a column of records of `bytes` bytes each, as planned. The parts move their
  // records concurrently, in any order; `last_part_first` runs them one by one from the last
  // (for tests: a part that wrote into an earlier one before it was read would show).
  void apply(void* column, std::size_t bytes, bool last_part_first = false) {
    const Column one{column, bytes};
    apply(&one, 1, last_part_first);
  }

  // The same for `count` columns at once: two parallel regions in all rather than two per column.
  void apply(const Column* columns, std::size_t count, bool last_part_first = false) {
    std::size_t record_bytes = 0;
    for (std::size_t c = 0; c < count; ++c) record_bytes += columns[c].bytes;
    if (scratch_.size() < head_records_ * record_bytes) scratch_.resize(head_records_ * record_bytes);
    const Apply step{parts_.data(), columns, count, scratch_.data(), head_records_};
    if (last_part_first)
      for (std::size_t p = parts_.size(); p-- > 0;) MoveDown{step}(p);
    else
      parallel_for(parts_.size(), MoveDown{step});
    parallel_for(parts_.size(), WriteHead{step});
  }

 private:
  struct Run {
    std::size_t source, length;
  };
  struct Part {
    std::size_t begin, end;  // the part's records before compaction
    std::size_t kept;        // its kept records ...
    std::size_t offset;      // ... go to [offset, offset + kept)
    std::size_t head;        // the first `head` of them land before `begin`, in earlier parts
    std::size_t scratch;     // where its head waits in the scratch buffer, in records
    std::vector<Run> runs;
  };

  // The runs lie between the dropped records, found 32 flags at a time (most are kept).
  struct FindRuns {
    Part* parts;
    const std::uint8_t* keep;
    void operator()(std::size_t p) const {
      Part& part = parts[p];
      part.runs.clear();
      part.kept = 0;
      std::size_t run_begin = part.begin, i = part.begin;
      const auto dropped = [&](std::size_t d) {
        if (d > run_begin) {
          part.runs.push_back(Run{run_begin, d - run_begin});
          part.kept += d - run_begin;
        }
        run_begin = d + 1;
      };
#if defined(__AVX2__) && !defined(__CUDACC__)
      for (; i + 32 <= part.end; i += 32) {
        for (std::uint32_t zero = byte_equal_bits(keep + i, 0); zero != 0; zero &= zero - 1)
          dropped(i + static_cast<std::size_t>(__builtin_ctz(zero)));
      }
#endif
      for (; i < part.end; ++i)
        if (keep[i] == 0) dropped(i);
      dropped(part.end);
    }
  };

  struct Apply {
    const Part* parts;
    const Column* columns;
    std::size_t count;
    unsigned char* scratch;  // the heads of every part, column after column
    std::size_t head_records;
  };

  // The part's head into the scratch buffer, the rest of its kept records down within the
  // part, in order (each moves down or stays, so a forward copy never overwrites a record
  // still to be read); column by column.
  struct MoveDown {
    Apply a;
    void operator()(std::size_t p) const {
      const Part& part = a.parts[p];
      unsigned char* scratch = a.scratch;
      for (std::size_t c = 0; c < a.count; ++c) {
        unsigned char* const column = static_cast<unsigned char*>(a.columns[c].data);
        const std::size_t bytes = a.columns[c].bytes;
        std::size_t rank = 0;
        for (const Run& run : part.runs) {
          std::size_t source = run.source, length = run.length;
          if (rank < part.head) {
            const std::size_t to_scratch = std::min(length, part.head - rank);
            std::memcpy(scratch + (part.scratch + rank) * bytes, column + source * bytes, to_scratch * bytes);
            rank += to_scratch;
            source += to_scratch;
            length -= to_scratch;
          }
          const std::size_t target = part.offset + rank;
          if (length > 0 && target != source) move_down(column + target * bytes, column + source * bytes, length * bytes);
          rank += length;
        }
        scratch += a.head_records * bytes;
      }
    }
  };

  struct WriteHead {
    Apply a;
    void operator()(std::size_t p) const {
      const Part& part = a.parts[p];
      if (part.head == 0) return;
      const unsigned char* scratch = a.scratch;
      for (std::size_t c = 0; c < a.count; ++c) {
        unsigned char* const column = static_cast<unsigned char*>(a.columns[c].data);
        const std::size_t bytes = a.columns[c].bytes;
        std::memcpy(column + part.offset * bytes, scratch + part.scratch * bytes, part.head * bytes);
        scratch += a.head_records * bytes;
      }
    }
  };

  std::vector<Part> parts_;
  std::vector<unsigned char> scratch_;
  std::size_t head_records_ = 0;
};

}  // namespace ts
