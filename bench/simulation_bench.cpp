// The whole year: Simulation::advance at 1% and 10% of the Flemish population, and at full
// scale when TS_BENCH_FULL=1 (a default run stays short). Counters: person-years per second,
// the bytes one person-year moves (bench/person_year_bytes.hpp), the bandwidth that implies, a
// triad measured right after, and the fraction of the floor (triad / bytes) the year reached.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "app/calibration_loader.hpp"
#include "bench/bench_context.hpp"
#include "bench/person_year_bytes.hpp"
#include "kernels/global_sum.hpp"
#include "model/energy_parameter_specs.hpp"
#include "model/simulation.hpp"

namespace ts::bench {

const ModelInputs& model_inputs() {
  static const ModelInputs inputs = [] {
    const char* directory = std::getenv("TS_CALIBRATION_DIR");
    const std::string dir = directory ? directory : TS_SOURCE_DIR "/configs/calibration";
    return ModelInputs{app::load_calibration(dir), app::load_tax_benefit_rules(dir),
                       model::default_scenario_parameters(), model::default_energy_parameters()};
  }();
  return inputs;
}

namespace {

constexpr int last_year = 2050;  // restart from the base year when the horizon is reached

std::unique_ptr<model::Simulation> started_simulation(double scale, const GlobalSum& sum) {
  const ModelInputs& in = model_inputs();
  model::RunSettings settings;
  settings.scale = scale;
  auto simulation = std::make_unique<model::Simulation>(in.calibration, in.parameters, in.energy, in.rules, settings, sum);
  simulation->start();
  return simulation;
}

void BM_SimulationYear(benchmark::State& state) {
  const double scale = static_cast<double>(state.range(0)) / 1000.0;
  const SingleShardSum sum;
  auto simulation = started_simulation(scale, sum);
  double person_years = 0.0, seconds = 0.0;
  for (auto _ : state) {
    if (simulation->year() >= last_year) {
      state.PauseTiming();
      simulation = started_simulation(scale, sum);
      state.ResumeTiming();
    }
    const std::uint64_t persons = simulation->local_persons();  // those the year's passes start with
    const auto start = std::chrono::steady_clock::now();
    simulation->advance();
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    person_years += static_cast<double>(persons);
  }
  const double bytes = static_cast<double>(bytes_per_person_year());
  // The floor of these minutes: a triad right after the years (the machine's bandwidth varies
  // from minute to minute on a shared host, docs/performance.md).
  const double triad = best_triad_bytes_per_s(10);
  state.counters["triad_bytes_per_s"] = triad;
  state.counters["fraction_of_floor"] = person_years / seconds * bytes / triad;
  state.counters["persons"] = static_cast<double>(simulation->local_persons());
  state.counters["person_years_per_s"] = benchmark::Counter(person_years, benchmark::Counter::kIsRate);
  state.counters["bytes_per_person_year"] = bytes;
  state.counters["bytes_per_s"] = benchmark::Counter(person_years * bytes, benchmark::Counter::kIsRate);
}

// Argument: scale in thousandths of the population; full scale only with TS_BENCH_FULL=1.
const bool registered = [] {
  const char* full = std::getenv("TS_BENCH_FULL");
  auto* b = benchmark::RegisterBenchmark("simulation_year/scale_permille", BM_SimulationYear);
  b->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
  if (full != nullptr && std::strcmp(full, "1") == 0) b->Arg(1000);
  return true;
}();

}  // namespace
}  // namespace ts::bench
