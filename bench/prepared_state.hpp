// The state of a run some years into the projection, for the benchmarks of single passes
// (pass_bench.cpp, pass_matching_bench.cpp): the base year as Simulation::start leaves it, then
// whole simulated years. Past the settling years the statuses, wages and task bundles are mixed
// as in the projection and technology is moving, so each pass takes the branches it takes in a
// running year (on the base-year state the income pass cost 17% less than in a year five years
// on). Engine code: it sees Simulation::State and so Thrust's device vectors.
#pragma once
#include <memory>

#include "bench/bench_context.hpp"
#include "kernels/global_sum.hpp"
#include "model/passes/passes.hpp"

namespace ts::bench {

// Whole years simulated before a pass is measured: two past the settling years.
inline constexpr int prepared_years = model::settling_years + 2;

struct PreparedState {
  SingleShardSum sum;
  std::unique_ptr<model::Simulation::State> state;
  explicit PreparedState(double scale) {
    const ModelInputs& in = model_inputs();
    model::RunSettings settings;
    settings.scale = scale;
    state = std::make_unique<model::Simulation::State>(in.calibration, in.parameters, in.energy, in.rules, settings, sum);
    model::Simulation::State& s = *state;
    s.globals.year = settings.base_year;
    model::synthesize_population(s);
    model::finish_base_year(s);
    for (int year = 0; year < prepared_years; ++year) model::advance_year(s);
  }
};

}  // namespace ts::bench
