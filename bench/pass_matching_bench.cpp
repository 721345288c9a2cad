// The matching pass (applications and hiring) and the entrants' pass, on the state of a year
// some years into the projection (prepared_state.hpp) after its labour-supply pass, at 1% and
// 10% scale. Each iteration starts from
// the same persons and carried globals (both passes write them), restored outside the timing.
// Engine code: it sees Simulation::State and so Thrust's device vectors.
#include <benchmark/benchmark.h>

#include <memory>

#include "bench/prepared_state.hpp"
#include "kernels/global_sum.hpp"
#include "model/passes/entrants.hpp"
#include "model/passes/passes.hpp"

namespace ts::bench {
namespace {

using model::Simulation;

// The prepared state, then the next year's technology and labour supply: the seekers the
// matching pass sees.
struct StateAfterSupply : PreparedState {
  model::YearTechnology technology;
  model::SupplyTotals supply;
  explicit StateAfterSupply(double scale) : PreparedState(scale), technology(model::begin_year(*state)) {
    supply = model::labour_supply_pass(*state, technology);
  }
};

void set_persons(benchmark::State& state, double persons_handled, std::size_t persons) {
  state.counters["persons"] = static_cast<double>(persons);
  state.counters["person_years_per_s"] = benchmark::Counter(persons_handled, benchmark::Counter::kIsRate);
}

void BM_MatchingPass(benchmark::State& state) {
  StateAfterSupply prepared(static_cast<double>(state.range(0)) / 1000.0);
  Simulation::State& s = *prepared.state;
  const model::Population persons = s.population;
  const model::CarriedGlobals globals = s.globals;
  double handled = 0.0;
  for (auto _ : state) {
    state.PauseTiming();
    s.population = persons;
    s.globals = globals;
    state.ResumeTiming();
    benchmark::DoNotOptimize(model::matching_pass(s, prepared.supply, prepared.technology));
    handled += static_cast<double>(persons.size());
  }
  set_persons(state, handled, persons.size());
}

void BM_EntrantPass(benchmark::State& state) {
  StateAfterSupply prepared(static_cast<double>(state.range(0)) / 1000.0);
  Simulation::State& s = *prepared.state;
  const std::size_t persons = s.population.size();
  const model::CarriedGlobals globals = s.globals;
  // Once untimed: the columns reserve their headroom, as they have in a running simulation.
  model::add_entrants(s);
  double handled = 0.0;
  for (auto _ : state) {
    state.PauseTiming();
    s.population.resize(persons);  // the entrants are written again at the same places
    s.status_at_start.resize(persons);
    s.globals = globals;
    state.ResumeTiming();
    model::add_entrants(s);
    handled += static_cast<double>(persons);
  }
  set_persons(state, handled, persons);
}

// Argument: scale in thousandths of the population.
BENCHMARK(BM_MatchingPass)->Name("pass/matching/scale_permille")->Arg(10)->Arg(100)
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_EntrantPass)->Name("pass/entrants/scale_permille")->Arg(10)->Arg(100)
    ->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace ts::bench
