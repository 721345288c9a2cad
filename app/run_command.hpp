// `taskshift run`: loads the scenario and calibration, runs every replica over the years on
// this rank's shard (the ranks may be split into groups that run blocks of replicas side by
// side), and writes the NetCDF (and CSV) output from rank 0.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "mpi/mpi_context.hpp"

namespace ts::app {

struct RunOptions {
  std::string scenario;
  std::string output;
  std::string calibration_dir;
  double scale = 1.0;
  int replicas = 1;
  int replica_offset = 0;
  int replica_groups = 1;        // groups of ranks that run blocks of replicas side by side
  int first_year = 2024;
  int last_year = 2050;
  unsigned seed = 20240101;
  int threads = 0;
  std::vector<std::string> set;
  bool print_config = false;
  bool csv = true;
  int checkpoint_every = 0;      // years; 0: only on a signal
  std::string checkpoint_dir;    // default: the output path without .nc, plus .ckpt
  std::string restart_dir;
  std::string alignment_from;  // an output whose hiring alignment factors this run reuses
  std::vector<int> snapshot_years;  // person-level files of replica 0 at the end of these years
  std::string population;        // person file to start from instead of synthesising (docs/population.md)
};

// "FIRST:LAST" of --years, two whole years; anything else is an InputError naming the option.
std::pair<int, int> year_range(const std::string& text);

// Returns 0 when complete, 3 when a signal (SIGUSR1, SIGTERM) stopped the run after writing a
// checkpoint.
int run_command(const RunOptions& options, const mpi::Context& mpi);
inline constexpr int exit_preempted = 3;
int validate_command(const std::vector<std::string>& files, const std::vector<std::string>& set);

}  // namespace ts::app
