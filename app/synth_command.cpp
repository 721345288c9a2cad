#include "app/synth_command.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <iostream>

#include <fmt/core.h>

#include "app/calibration_loader.hpp"
#include "app/code_version.hpp"
#include "app/input_error.hpp"
#include "app/microdata.hpp"
#include "app/output_file.hpp"
#include "app/population_file.hpp"
#include "app/population_report.hpp"
#include "app/scenario.hpp"
#include "kernels/philox_stream.hpp"
#include "model/energy_parameter_specs.hpp"
#include "model/random_purposes.hpp"
#include "model/simulation.hpp"

#if defined(_OPENMP)
#include <omp.h>
#endif

namespace ts::app {
int synth_command(const SynthOptions& o, const mpi::Context& mpi) {
  if (mpi.size() > 1)
    throw InputError("synth: runs as a single process (found " + std::to_string(mpi.size()) +
                     " MPI ranks); start it without mpiexec");
#if defined(_OPENMP)
  if (o.threads > 0) omp_set_num_threads(o.threads);
#endif
  if (o.output.empty() && o.report.empty()) throw InputError("synth: give -o POP.nc, --report FILE or both");
  if (!(o.scale > 0.0 && o.scale <= 1.0)) throw InputError("--scale: expected a fraction in (0, 1], found " + std::to_string(o.scale));
  if (!o.output.empty()) check_output_folder(o.output);
  if (!o.report.empty()) check_output_folder(o.report);
  const auto started = std::chrono::steady_clock::now();
  std::vector<model::ParameterSpec> specs(model::scenario_parameter_specs().begin(), model::scenario_parameter_specs().end());
  for (const auto& spec : model::energy_parameter_specs) specs.push_back(spec);
  const ResolvedScenario scenario = load_scenario(o.scenario, specs, {}, 2024, 2050);
  // Replica 0's draws, exactly as `run` makes them.
  const std::vector<double> values = draw_parameters(scenario, specs, [&](std::size_t index) {
    return PhiloxStream(o.seed, 0, index, 0, model::purpose_scenario_draw).uniform(0);
  });
  const std::size_t model_count = model::scenario_parameter_specs().size();
  const model::ScenarioParameters parameters =
      model::scenario_parameters_from(std::span<const double>(values.data(), model_count));
  const model::EnergyParameters energy = model::energy_parameters_from(values.data() + model_count);
  const model::Calibration calibration = load_calibration(o.calibration_dir);
  const model::TaxBenefitRules rules = load_tax_benefit_rules(o.calibration_dir);
  Microdata microdata;
  if (!o.population.empty()) microdata = load_microdata(o.population, calibration);  // validated before anything is built
  check_microdata_fits(microdata, o.scale, model::calibration_base_year);
  if (!o.population.empty())
    if (const std::string note = microdata_size_note(microdata, calibration, o.scale); !note.empty())
      std::cerr << "taskshift: note: " << note;

  const mpi::AllReduceSum global_sum;
  model::RunSettings settings;
  settings.seed = o.seed;
  settings.scale = o.scale;
  model::Simulation simulation(calibration, parameters, energy, rules, settings, global_sum);
  if (o.population.empty()) simulation.start();
  else simulation.start_from(microdata.columns);
  const std::vector<model::HostColumn> columns = simulation.columns();
  const double built = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::size_t persons = 0;
  for (const auto& c : columns)
    if (c.name == "age") persons = c.bytes.size();
  std::cout << fmt::format("synth: {} persons ({}), scale {}, seed {}: built in {:.1f} s\n", persons,
                           o.population.empty() ? "synthesised" : "loaded from " + o.population, o.scale, o.seed, built);

  if (!o.output.empty()) {
    write_population_file(columns, calibration,
                          {{"title", "TaskShift base population, " + std::to_string(settings.base_year)},
                           {"institution", "TaskShift"},
                           {"source", o.population.empty() ? std::string("synthesised from configs/calibration (docs/population.md)")
                                                           : "loaded from " + o.population},
                           {"scenario_name", scenario.name},
                           {"code_version", code_version()}},
                          {{"scale", o.scale}, {"seed", static_cast<double>(o.seed)}, {"base_year", static_cast<double>(settings.base_year)}},
                          o.output);
    std::cout << fmt::format("  wrote {} ({:.1f} s so far)\n", o.output,
                             std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
  if (!o.report.empty()) {
    // The model's education column holds students' final education; the targets are about the
    // education attained so far: from the cell layout (synthesis) or the file (loaded).
    std::vector<std::uint8_t> attained;
    std::vector<std::uint64_t> ids(persons);
    for (const auto& c : columns)
      if (c.name == "person_id") std::memcpy(ids.data(), c.bytes.data(), c.bytes.size());
    if (o.population.empty()) {
      const std::vector<std::uint64_t> starts = model::synthesis_cell_starts(calibration, o.scale);
      attained.resize(persons);
      for (std::size_t i = 0; i < persons; ++i) {
        const auto cell = static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), ids[i]) - starts.begin()) - 1;
        attained[i] = static_cast<std::uint8_t>((cell / model::synth_status_count) % model::education_count);
      }
    } else {
      for (const auto& c : microdata.columns)
        if (c.name == "education") attained.assign(c.bytes.begin(), c.bytes.end());
    }
    const std::vector<FitRow> rows = population_fit(columns, attained, calibration, o.calibration_dir, o.scale);
    write_fit_csv(rows, o.report);
    std::cout << fit_summary(rows);
    std::cout << fmt::format("  wrote {}\n", o.report);
  }
  std::cout << fmt::format("  {:.1f} s in all\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return 0;
}

}  // namespace ts::app
