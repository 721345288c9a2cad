// Checkpoint files: one per rank, holding what a run needs to continue with the same bits as an
// uninterrupted one: the run's identity (scenario hash, seed, scale, years, replicas, ranks), the
// indicators computed so far, the simulation's carried state and the shard's person columns,
// closed by a 64-bit checksum. Written under a temporary name and renamed when complete.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "model/indicators.hpp"
#include "model/simulation.hpp"

namespace ts::app {

// What must match between the interrupted run and the restarted one.
struct RunIdentity {
  std::string scenario_hash;
  std::string inputs_hash;  // app/input_digest.hpp: calibration tables, person and alignment files
  std::uint32_t seed = 0;
  double scale = 0.0;
  int first_year = 0, last_year = 0;
  int replica_offset = 0, replicas = 0;
  int ranks = 1;
  bool operator==(const RunIdentity&) const = default;
};

struct Checkpoint {
  RunIdentity identity;
  int rank = 0;
  int replica_index = 0;  // the replica being simulated (0-based within this run)
  std::vector<std::vector<model::Indicators>> indicators;  // finished replicas, then the current one
  std::vector<unsigned char> carried_state;
  std::vector<model::HostColumn> columns;
};

std::filesystem::path checkpoint_file(const std::filesystem::path& directory, int rank, int ranks);
void write_checkpoint(const std::filesystem::path& directory, const Checkpoint& checkpoint);
// Reads this rank's checkpoint and checks it against the run: a corrupt file, another rank
// count, scenario, seed, scale, years or replica range is refused with a message saying which.
Checkpoint read_checkpoint(const std::filesystem::path& directory, const RunIdentity& expected, int rank);

}  // namespace ts::app
