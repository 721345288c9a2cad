// Shared by the benchmark sources: the device in words, the simulation's inputs (loaded once),
// the last-level cache size the bandwidth benchmark sizes its arrays from, and a triad on demand.
#pragma once
#include <cstddef>
#include <string>

#include "model/calibration.hpp"
#include "model/energy.hpp"
#include "model/scenario_parameters.hpp"
#include "model/tax_benefit_rules.hpp"

namespace ts::bench {

std::string device_description();      // bandwidth_bench.cpp (knows the device system)
std::size_t last_level_cache_bytes();  // bandwidth_bench.cpp
// The best of `repetitions` STREAM triads (bytes per second, STREAM's count), measured now:
// the floor of the minutes a benchmark ran in (bandwidth_bench.cpp).
double best_triad_bytes_per_s(int repetitions);

// configs/calibration, the default scenario parameters and energy parameters (simulation_bench.cpp).
struct ModelInputs {
  model::Calibration calibration;
  model::TaxBenefitRules rules;
  model::ScenarioParameters parameters;
  model::EnergyParameters energy;
};
const ModelInputs& model_inputs();

}  // namespace ts::bench
