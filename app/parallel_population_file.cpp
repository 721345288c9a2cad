#include "app/parallel_population_file.hpp"

#include <netcdf.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <stdexcept>

#include "app/person_order.hpp"
#include "app/population_file.hpp"

#if defined(TS_WITH_MPI)
#include <mpi.h>
#include <netcdf_par.h>
#endif

namespace ts::app {
namespace {

namespace fs = std::filesystem;

void check(int status, const std::string& what) {
  if (status != NC_NOERR) throw std::runtime_error(what + ": " + nc_strerror(status));
}

// Little helpers to pass vectors of uint64 through the byte-level collectives.
void append(std::vector<unsigned char>& bytes, std::uint64_t value) {
  const auto* p = reinterpret_cast<const unsigned char*>(&value);
  bytes.insert(bytes.end(), p, p + sizeof value);
}
std::uint64_t take(const std::vector<unsigned char>& bytes, std::size_t& offset) {
  std::uint64_t value;
  std::memcpy(&value, bytes.data() + offset, sizeof value);
  offset += sizeof value;
  return value;
}

// Puts this rank's columns in id order (they usually are already: blocks in the order of their
// ids, compacted stably) and returns the ids.
std::vector<std::uint64_t> sort_by_id(std::vector<model::HostColumn>& columns) {
  const auto id_column = std::find_if(columns.begin(), columns.end(), [](const auto& c) { return c.name == "person_id"; });
  if (id_column == columns.end()) throw std::invalid_argument("person file: no column person_id");
  std::vector<std::uint64_t> ids(id_column->bytes.size() / sizeof(std::uint64_t));
  std::memcpy(ids.data(), id_column->bytes.data(), ids.size() * sizeof(std::uint64_t));
  if (std::is_sorted(ids.begin(), ids.end())) return ids;
  std::vector<std::size_t> order(ids.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return ids[x] < ids[y]; });
  for (model::HostColumn& column : columns) {
    const std::size_t width = ids.empty() ? 0 : column.bytes.size() / ids.size();
    std::vector<unsigned char> sorted(column.bytes.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
      std::memcpy(sorted.data() + i * width, column.bytes.data() + order[i] * width, width);
    column.bytes.swap(sorted);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// Rank 0 learns every rank's runs of consecutive ids, places them in id order and tells every
// rank its stretches: the runs travel once to rank 0, the stretches (a few per rank and entry
// cohort) back to all. Also carries rank 0's process id, which names the temporary file.
PersonFileShare share_of(const std::vector<std::uint64_t>& ids, const mpi::Communicator& ranks, long& root_pid) {
  std::vector<unsigned char> mine;
  const std::vector<IdRun> runs = consecutive_runs(ids);
  append(mine, runs.size());
  for (const IdRun& run : runs) {
    append(mine, run.first_id);
    append(mine, run.count);
  }
  const std::vector<unsigned char> gathered = ranks.gather_to_root(mine);
  std::vector<unsigned char> layout;
  if (ranks.rank() == 0) {
    std::vector<std::vector<IdRun>> runs_by_rank(static_cast<std::size_t>(ranks.size()));
    std::size_t offset = 0;
    for (auto& rank_runs : runs_by_rank) {
      rank_runs.resize(take(gathered, offset));
      for (IdRun& run : rank_runs) {
        run.first_id = take(gathered, offset);
        run.count = take(gathered, offset);
      }
    }
    const auto stretches = stretches_in_id_order(runs_by_rank);
    std::uint64_t persons = 0, writes = 0;
    for (const auto& rank_stretches : stretches) {
      writes = std::max<std::uint64_t>(writes, rank_stretches.size());
      for (const PersonStretch& s : rank_stretches) persons += s.count;
    }
    append(layout, static_cast<std::uint64_t>(::getpid()));
    append(layout, persons);
    append(layout, writes);
    for (const auto& rank_stretches : stretches) {
      append(layout, rank_stretches.size());
      for (const PersonStretch& s : rank_stretches) {
        append(layout, s.local_start);
        append(layout, s.file_start);
        append(layout, s.count);
      }
    }
  }
  layout = ranks.broadcast_from_root(layout);
  std::size_t offset = 0;
  root_pid = static_cast<long>(take(layout, offset));
  PersonFileShare share;
  share.persons = take(layout, offset);
  share.writes = take(layout, offset);
  for (int r = 0; r < ranks.size(); ++r) {
    const std::uint64_t count = take(layout, offset);
    for (std::uint64_t k = 0; k < count; ++k) {
      PersonStretch s;
      s.local_start = take(layout, offset);
      s.file_start = take(layout, offset);
      s.count = take(layout, offset);
      if (r == ranks.rank()) share.stretches.push_back(s);
    }
  }
  return share;
}

int create(const fs::path& path, const mpi::Communicator& ranks, const std::string& what) {
  int file = -1;
#if defined(TS_WITH_MPI)
  check(nc_create_par(path.c_str(), NC_NETCDF4 | NC_MPIIO | NC_CLOBBER, MPI_Comm_f2c(ranks.fortran_handle()),
                      MPI_INFO_NULL, &file),
        what);
#else
  (void)ranks;
  check(nc_create(path.c_str(), NC_NETCDF4 | NC_CLOBBER, &file), what);
#endif
  return file;
}

// Collective access: every rank takes part in every write (needed for compressed variables).
void collective_access(int file) {
#if defined(TS_WITH_MPI)
  int variables = 0;
  check(nc_inq_nvars(file, &variables), "person file");
  for (int var = 0; var < variables; ++var) check(nc_var_par_access(file, var, NC_COLLECTIVE), "person file");
#else
  (void)file;
#endif
}

}  // namespace

void write_population_file_parallel(std::vector<model::HostColumn> columns, const model::Calibration& calibration,
                                    const std::vector<std::pair<std::string, std::string>>& text_attributes,
                                    const std::vector<std::pair<std::string, double>>& number_attributes,
                                    const fs::path& out, const mpi::Communicator& ranks) {
  const std::vector<std::uint64_t> ids = sort_by_id(columns);
  long root_pid = 0;
  const PersonFileShare share = share_of(ids, ranks, root_pid);
  const fs::path partial = out.string() + ".partial-" + std::to_string(root_pid);
  const std::string what = out.string();
  try {
    const int file = create(partial, ranks, what);
    try {
      write_person_variables(file, columns, calibration, text_attributes, number_attributes, share, collective_access, what);
      check(nc_close(file), what);
    } catch (...) {
      nc_close(file);
      throw;
    }
    // Every rank has closed the file: only now may it take its final name.
    if (!ranks.all_true(true)) throw std::runtime_error(what + ": another rank failed to write its part");
    if (ranks.rank() == 0) fs::rename(partial, out);
  } catch (...) {
    // A failing rank throws and main ends the job; rank 0 removes what it can.
    if (ranks.rank() == 0) {
      std::error_code ignored;
      fs::remove(partial, ignored);
    }
    throw;
  }
  ranks.barrier();
}

}  // namespace ts::app
