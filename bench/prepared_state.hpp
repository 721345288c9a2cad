// The base-year state exactly as Simulation::start leaves it, for the benchmarks of single
// passes (pass_bench.cpp, pass_matching_bench.cpp). Engine code: it sees Simulation::State and
// so Thrust's device vectors.
#pragma once
#include <memory>

#include "bench/bench_context.hpp"
#include "kernels/global_sum.hpp"
#include "model/passes/passes.hpp"

namespace ts::bench {

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
  }
};

}  // namespace ts::bench
