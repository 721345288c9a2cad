// `taskshift synth`: the base population (synthesised exactly as `run` does for its base year,
// or loaded from a person file), written as a person-level NetCDF file, with an optional report
// of its fit to every calibration target. Single process.
#pragma once
#include <string>

#include "mpi/mpi_context.hpp"

namespace ts::app {

struct SynthOptions {
  std::string output;       // person-level NetCDF (optional when --report is given)
  std::string report;       // fit CSV
  std::string population;   // person file to load instead of synthesising
  std::string scenario;     // the scenario whose replica 0 parameters build the simulation
  std::string calibration_dir;
  double scale = 1.0;
  unsigned seed = 20240101;
  int threads = 0;
};

int synth_command(const SynthOptions& options, const mpi::Context& mpi);

}  // namespace ts::app
