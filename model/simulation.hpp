// The simulation of one replica on one shard of the population: the base population and the
// year-by-year passes. Host API; the device state lives behind the pointer so that the app,
// compiled by g++ in every build, never sees Thrust's device types.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kernels/global_sum.hpp"
#include "model/calibration.hpp"
#include "model/energy.hpp"
#include "model/indicators.hpp"
#include "model/scenario_parameters.hpp"
#include "model/tax_benefit_rules.hpp"

namespace ts::model {

struct RunSettings {
  std::uint32_t seed = 1;
  std::uint32_t replica = 0;
  int base_year = calibration_base_year;
  double scale = 1.0;  // fraction of the real population simulated
  int shard = 0;       // this shard's index and the number of shards
  int shards = 1;
  // Hiring alignment factors by education (logit shifts) to apply instead of finding them, by
  // year: those of another run (a baseline), so that a policy variant keeps its alignment.
  std::map<int, std::array<double, education_count>> fixed_alignment_factors;
};

// One column of the population copied to the host, for snapshots and checkpoints.
struct HostColumn {
  std::string name;
  std::string unit;
  std::string type;  // "u8", "u16", "u64", "f32"
  std::vector<unsigned char> bytes;
};

class Simulation {
 public:
  Simulation(const Calibration& calibration, const ScenarioParameters& parameters,
             const EnergyParameters& energy, const TaxBenefitRules& rules, const RunSettings& settings,
             const GlobalSum& global_sum);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // Creates this shard's base population and returns the base year's indicators.
  Indicators start();
  // Starts from loaded persons instead (model/passes/population_import.cpp): host columns named
  // as the person attributes, all of one length N, in file order; required: age, sex, education
  // (attained), status, occupation (table index), hours, gross_wage; any other attribute that is
  // absent is drawn as synthesis draws it. Ids are 0..N-1; this shard takes its block.
  Indicators start_from(const std::vector<HostColumn>& persons);
  // Advances one year and returns its indicators.
  Indicators advance();
  int year() const;
  std::uint64_t local_persons() const;

  // The population's columns and the run's carried state (global quantities and the base-year
  // structure), for snapshots and checkpoints. Restoring both into a simulation built with the
  // same inputs continues it with the same bits as if it had never stopped.
  std::vector<HostColumn> columns() const;
  std::vector<unsigned char> carried_state() const;
  void restore(const std::vector<HostColumn>& columns, const std::vector<unsigned char>& carried_state);

  static std::size_t bytes_per_person();

  struct State;  // device state, model/passes/state.hpp

 private:
  std::unique_ptr<State> state_;
};

// The cell layout of the synthetic base population (synthesis_pass.cpp): the first global id of
// every (age, sex, attained education, broad status) cell in that order, plus the total at the
// end. The report of `taskshift synth` reads a person's attained education from it.
std::vector<std::uint64_t> synthesis_cell_starts(const Calibration& calibration, double scale);

}  // namespace ts::model
