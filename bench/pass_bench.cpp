// One benchmark per yearly pass, on a state some years into the projection (prepared_state.hpp)
// at 1% and 10% scale: the
// labour-supply pass (with the compaction after deaths it ends with), the income pass and the
// indicator pass. Engine code: it sees Simulation::State and so Thrust's device vectors.
#include <benchmark/benchmark.h>

#include <memory>

#include "bench/bench_context.hpp"
#include "bench/person_year_bytes.hpp"
#include "bench/prepared_state.hpp"
#include "kernels/global_sum.hpp"
#include "model/passes/entrants.hpp"
#include "model/passes/passes.hpp"

namespace ts::bench {
namespace {

using model::Simulation;

static_assert(record == model::Population::bytes_per_record &&
              columns == static_cast<std::size_t>(model::Population::attribute_count));

void set_counters(benchmark::State& state, double person_years, std::size_t bytes, std::size_t persons) {
  state.counters["persons"] = static_cast<double>(persons);
  state.counters["person_years_per_s"] = benchmark::Counter(person_years, benchmark::Counter::kIsRate);
  state.counters["bytes_per_person_year"] = static_cast<double>(bytes);
  state.counters["bytes_per_s"] = benchmark::Counter(person_years * static_cast<double>(bytes), benchmark::Counter::kIsRate);
}

void BM_LabourSupplyPass(benchmark::State& state) {
  PreparedState prepared(static_cast<double>(state.range(0)) / 1000.0);
  Simulation::State& s = *prepared.state;
  const model::YearTechnology technology = model::begin_year(s);  // the next year's
  const model::Population base = s.population;
  const int year = s.globals.year;
  double person_years = 0.0;
  for (auto _ : state) {
    state.PauseTiming();
    s.population = base;  // every iteration starts from the same persons
    s.globals.year = year;
    state.ResumeTiming();
    benchmark::DoNotOptimize(model::labour_supply_pass(s, technology));
    person_years += static_cast<double>(base.size());
  }
  set_counters(state, person_years, supply_bytes.total() + compaction_bytes.total(), base.size());
}

void BM_IncomePass(benchmark::State& state) {
  PreparedState prepared(static_cast<double>(state.range(0)) / 1000.0);
  Simulation::State& s = *prepared.state;
  double person_years = 0.0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(model::income_pass(s));
    person_years += static_cast<double>(s.population.size());
  }
  set_counters(state, person_years, income_bytes.total(), s.population.size());
}

void BM_IndicatorPass(benchmark::State& state) {
  PreparedState prepared(static_cast<double>(state.range(0)) / 1000.0);
  Simulation::State& s = *prepared.state;
  const model::IncomeTotals incomes = model::income_pass(s);
  const model::YearTechnology technology{};
  double person_years = 0.0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(model::indicator_pass(s, incomes, technology, {}, model::SupplyTotals{}));
    person_years += static_cast<double>(s.population.size());
  }
  set_counters(state, person_years, indicator_bytes.total(), s.population.size());
}

// Argument: scale in thousandths of the population.
BENCHMARK(BM_LabourSupplyPass)->Name("pass/labour_supply/scale_permille")->Arg(10)->Arg(100)
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IncomePass)->Name("pass/income/scale_permille")->Arg(10)->Arg(100)
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IndicatorPass)->Name("pass/indicators/scale_permille")->Arg(10)->Arg(100)
    ->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace ts::bench
