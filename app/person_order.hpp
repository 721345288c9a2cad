// Where each process's persons go in a person file that lists everyone in id order, when the
// processes write their parts at once (parallel NetCDF). Every process holds its persons sorted
// by id; ids are unique but interleave across processes (each process gets a block of the base
// population and then a block of every year's entrants), so the file is a sequence of stretches,
// each a contiguous piece of one process's list. Describing a list by its runs of consecutive ids
// is exact whatever the interleaving (no other process can own an id inside a run) and compact:
// runs only break where another process's block or a removed person (a death) sits.
#pragma once
#include <cstdint>
#include <vector>

namespace ts::app {

struct IdRun {
  std::uint64_t first_id = 0;
  std::uint64_t count = 0;
};

// Maximal runs of consecutive ids of an ascending list.
std::vector<IdRun> consecutive_runs(const std::vector<std::uint64_t>& ascending_ids);

// `count` persons from position `local_start` of a process's id-ordered list go to the file from
// position `file_start`.
struct PersonStretch {
  std::uint64_t local_start = 0;
  std::uint64_t file_start = 0;
  std::uint64_t count = 0;
};

// The stretches of every part (process), fewest possible, given every part's runs: the runs are
// merged in id order and neighbours of one part joined.
std::vector<std::vector<PersonStretch>> stretches_in_id_order(const std::vector<std::vector<IdRun>>& runs_by_part);

}  // namespace ts::app
