#include "app/person_order.hpp"

#include <algorithm>

namespace ts::app {

std::vector<IdRun> consecutive_runs(const std::vector<std::uint64_t>& ascending_ids) {
  std::vector<IdRun> runs;
  for (const std::uint64_t id : ascending_ids) {
    if (!runs.empty() && runs.back().first_id + runs.back().count == id)
      ++runs.back().count;
    else
      runs.push_back({id, 1});
  }
  return runs;
}

std::vector<std::vector<PersonStretch>> stretches_in_id_order(const std::vector<std::vector<IdRun>>& runs_by_part) {
  struct Located {
    std::uint64_t first_id, count, local_start;
    std::size_t part;
  };
  std::vector<Located> all;
  for (std::size_t part = 0; part < runs_by_part.size(); ++part) {
    std::uint64_t local = 0;
    for (const IdRun& run : runs_by_part[part]) {
      all.push_back({run.first_id, run.count, local, part});
      local += run.count;
    }
  }
  std::sort(all.begin(), all.end(), [](const Located& a, const Located& b) { return a.first_id < b.first_id; });
  std::vector<std::vector<PersonStretch>> stretches(runs_by_part.size());
  std::uint64_t file_position = 0;
  std::size_t previous_part = runs_by_part.size();
  for (const Located& run : all) {
    // A part's runs come in its own order, so joining neighbours keeps its list contiguous.
    if (run.part == previous_part)
      stretches[run.part].back().count += run.count;
    else
      stretches[run.part].push_back({run.local_start, file_position, run.count});
    file_position += run.count;
    previous_part = run.part;
  }
  return stretches;
}

}  // namespace ts::app
