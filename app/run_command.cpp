#include "app/run_command.hpp"

#include <unistd.h>

#include <csignal>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string_view>
#include <type_traits>

#include <fmt/core.h>
#include <fmt/format.h>

#include "app/alignment_factors.hpp"
#include "app/calibration_loader.hpp"
#include "app/checkpoint.hpp"
#include "app/code_version.hpp"
#include "app/energy_table.hpp"
#include "app/input_digest.hpp"
#include "app/input_error.hpp"
#include "app/population_file.hpp"
#include "app/microdata.hpp"
#include "app/output_dataset.hpp"
#include "app/output_file.hpp"
#include "app/parallel_population_file.hpp"
#include "app/scenario.hpp"
#include "kernels/device_info.hpp"
#include "kernels/philox_stream.hpp"
#include "kernels/shard_range.hpp"
#include "model/energy_parameter_specs.hpp"
#include "model/random_purposes.hpp"
#include "model/simulation.hpp"


#if defined(_OPENMP)
#include <omp.h>
#endif

namespace ts::app {
namespace {

// The model's keys and the energy keys: the whole vocabulary of a scenario file.
std::vector<model::ParameterSpec> all_specs() {
  std::vector<model::ParameterSpec> specs(model::scenario_parameter_specs().begin(), model::scenario_parameter_specs().end());
  for (const auto& spec : model::energy_parameter_specs) specs.push_back(spec);
  return specs;
}

// A replica's parameter draws come from their own Philox stream keyed by (seed, replica), so
// replica r of any scenario draws the same uniforms (common random numbers).
std::vector<double> replica_values(const ResolvedScenario& scenario, const std::vector<model::ParameterSpec>& specs,
                                   unsigned seed, int replica) {
  return draw_parameters(scenario, specs, [&](std::size_t index) {
    return PhiloxStream(seed, static_cast<std::uint32_t>(replica), index, 0, model::purpose_scenario_draw).uniform(0);
  });
}

class Progress {
 public:
  Progress(bool enabled, int total_steps) : enabled_(enabled && isatty(STDERR_FILENO)), total_(total_steps) {}
  void step(int replica, int year, std::uint64_t persons) {
    ++done_;
    if (!enabled_) return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(person_years_ += persons) / elapsed : 0.0;
    const double eta = done_ > 0 ? elapsed * (total_ - done_) / done_ : 0.0;
    std::fprintf(stderr, "\r  replica %d  year %d  %.2f M persons/s  ETA %.0f s   ", replica, year, rate / 1e6, eta);
    if (done_ == total_) std::fprintf(stderr, "\n");
  }

 private:
  bool enabled_;
  int total_;
  int done_ = 0;
  std::uint64_t person_years_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

std::string backend_name() { return TS_BACKEND_NAME; }

// Set by the signal Slurm sends before a time limit or preemption; the year loop checkpoints.
volatile std::sig_atomic_t stop_requested = 0;
extern "C" void request_stop(int) { stop_requested = 1; }

// Person-level file of the whole population at the end of a year, written by all the ranks that
// simulate it (app/parallel_population_file.hpp), in person-id order whatever their number.
void write_snapshot(const model::Simulation& simulation, const model::Calibration& calibration, const RunOptions& o,
                    const RunIdentity& identity, const mpi::Communicator& ranks) {
  std::filesystem::path path(o.output);
  path = path.parent_path() / (path.stem().string() + "-persons-" + std::to_string(simulation.year()) + ".nc");
  write_population_file_parallel(simulation.columns(), calibration,
                                 {{"scenario_hash", identity.scenario_hash}, {"inputs_hash", identity.inputs_hash},
                                  {"code_version", code_version()}},
                                 {{"year", simulation.year()}, {"replica", o.replica_offset}, {"scale", o.scale}}, path, ranks);
}

// The replicas' yearly indicators as bytes, to bring every group's replicas to rank 0.
std::vector<unsigned char> indicator_bytes(const std::vector<std::vector<model::Indicators>>& replicas) {
  std::vector<unsigned char> bytes;
  auto put = [&](const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    bytes.insert(bytes.end(), p, p + size);
  };
  for (const auto& yearly : replicas) {
    const std::uint64_t years = yearly.size();
    put(&years, sizeof years);
    put(yearly.data(), years * sizeof(model::Indicators));
  }
  return bytes;
}

std::vector<std::vector<model::Indicators>> indicators_from_bytes(const std::vector<unsigned char>& bytes) {
  static_assert(std::is_trivially_copyable_v<model::Indicators>);
  std::vector<std::vector<model::Indicators>> replicas;
  for (std::size_t offset = 0; offset < bytes.size();) {
    std::uint64_t years;
    std::memcpy(&years, bytes.data() + offset, sizeof years);
    offset += sizeof years;
    replicas.emplace_back(years);
    std::memcpy(replicas.back().data(), bytes.data() + offset, years * sizeof(model::Indicators));
    offset += years * sizeof(model::Indicators);
  }
  return replicas;
}

// --replica-groups: what the ranks and replicas allow; refused before any work.
void check_replica_groups(const RunOptions& o, int ranks) {
  const int g = o.replica_groups;
  const std::string value = "--replica-groups " + std::to_string(g) + ": ";
  if (g < 1) throw InputError(value + "expected at least 1 group");
  if (g > o.replicas)
    throw InputError(value + "more groups than replicas (" + std::to_string(o.replicas) + "); a group would have nothing to run");
  if (ranks % g != 0)
    throw InputError(value + "the " + std::to_string(ranks) + " MPI ranks do not split into " + std::to_string(g) +
                     " groups of equal size (use a number of ranks that is a multiple of the groups)");
  if (g > 1 && (o.checkpoint_every > 0 || !o.restart_dir.empty()))
    throw InputError(value + "checkpoints (--checkpoint-every, --restart) need a single group; run the groups as "
                     "separate jobs with --replica-offset instead (docs/hpc.md)");
}

std::string default_checkpoint_dir(const RunOptions& o) {
  std::filesystem::path p(o.output);
  return (p.parent_path() / p.stem()).string() + ".ckpt";
}

// Each rank renames its own checkpoint file, so a job killed between the ranks' renames leaves
// files of two different years; a restart from them would mix two states of the population.
void require_one_point_of_the_run(const Checkpoint& resume, const std::string& directory, const mpi::Communicator& ranks) {
  const std::size_t years_done = resume.indicators.empty() ? 0 : resume.indicators.back().size();
  const std::string mine = "replica " + std::to_string(resume.replica_index) + ", " + std::to_string(years_done) + " years done";
  const std::vector<unsigned char> root_bytes = ranks.broadcast_from_root(std::vector<unsigned char>(mine.begin(), mine.end()));
  const std::string root(root_bytes.begin(), root_bytes.end());
  if (!ranks.all_true(mine == root)) {
    const std::string here = mine == root ? "at least one other rank elsewhere" : "rank " + std::to_string(ranks.rank()) + ": " + mine;
    throw InputError(directory + ": the ranks' checkpoints are of different points of the run (rank 0: " + root + "; " +
                     here + "), as when a job is stopped while writing them; restart from a complete set or afresh");
  }
}

int thread_count() {
#if defined(_OPENMP)
  return omp_get_max_threads();
#else
  return 1;
#endif
}

}  // namespace

std::pair<int, int> year_range(const std::string& text) {
  const auto refuse = [&] {
    return InputError("--years: expected FIRST:LAST, two years such as 2024:2050, found '" + text + "'");
  };
  const auto whole_year = [&](std::string_view part) {
    int year = 0;
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), year);
    if (part.empty() || error != std::errc() || end != part.data() + part.size()) throw refuse();
    return year;
  };
  const auto colon = text.find(':');
  if (colon == std::string::npos) throw refuse();
  return {whole_year(std::string_view(text).substr(0, colon)), whole_year(std::string_view(text).substr(colon + 1))};
}

int validate_command(const std::vector<std::string>& files, const std::vector<std::string>& set) {
  const std::vector<model::ParameterSpec> specs = all_specs();
  for (const std::string& file : files) {
    const ResolvedScenario scenario = load_scenario(file, specs, set, 2024, 2050);
    std::cout << file << ": ok (" << scenario.name << ", hash " << scenario.content_hash << ")\n";
  }
  return 0;
}

int run_command(const RunOptions& o, const mpi::Context& mpi) {
#if defined(_OPENMP)
  if (o.threads > 0) omp_set_num_threads(o.threads);
#endif
  use_device_of_rank_on_node(mpi.rank_on_node());
  if (!(o.scale > 0.0 && o.scale <= 1.0)) throw InputError("--scale: expected a fraction in (0, 1], found " + std::to_string(o.scale));
  if (o.replicas < 1) throw InputError("--replicas: expected at least 1");
  // The calibration tables describe one year (the base population, wages and tax-benefit rules).
  const int base_year = model::calibration_base_year;
  if (o.first_year != base_year)
    throw InputError("--years: the first year must be " + std::to_string(base_year) +
                     ", the year the calibration tables describe; found " + std::to_string(o.first_year));
  if (o.last_year < o.first_year) throw InputError("--years: the last year is before the first");
  for (const int year : o.snapshot_years)
    if (year < o.first_year || year > o.last_year)
      throw InputError("--snapshot-years: " + std::to_string(year) + " is outside the run's years " +
                       std::to_string(o.first_year) + "-" + std::to_string(o.last_year));
  check_replica_groups(o, mpi.size());
  if (mpi.rank() == 0) check_output_folder(o.output);
  const std::vector<model::ParameterSpec> specs = all_specs();
  const ResolvedScenario scenario = load_scenario(o.scenario, specs, o.set, o.first_year, o.last_year);
  if (o.print_config && mpi.rank() == 0) std::cout << scenario.resolved_text;
  const model::Calibration calibration = load_calibration(o.calibration_dir);
  const model::TaxBenefitRules rules = load_tax_benefit_rules(o.calibration_dir);
  check_energy_table(o.calibration_dir);
  // Nothing stops a run at the tables' horizon, but its user should know what the later years rest on.
  const int last_tabled_year = calibration.cohort_education.rbegin()->first;
  if (mpi.rank() == 0 && o.last_year > last_tabled_year)
    std::cerr << "taskshift: note: the years after " << last_tabled_year << " go past the last year of "
              << o.calibration_dir << "/cohort_education.csv, whose " << last_tabled_year
              << " shares of new cohorts by education are kept; the scenario's paths go on as docs/model.md "
                 "writes them, beyond the years the calibration was checked for\n";
  // A person file is read and validated whole before any simulation is built.
  const Microdata microdata = o.population.empty() ? Microdata{} : load_microdata(o.population, calibration);
  check_microdata_fits(microdata, o.scale, base_year);
  if (mpi.rank() == 0 && !o.population.empty())
    if (const std::string note = microdata_size_note(microdata, calibration, o.scale); !note.empty())
      std::cerr << "taskshift: note: " << note;
  const std::string inputs_hash = input_digest(o.calibration_dir, {o.population, o.alignment_from});
  // Groups of consecutive ranks; group g runs the contiguous block g of the replicas (the rule
  // that splits persons over ranks), each replica sharded over the group's ranks, which sum only
  // among themselves. One group is the whole world.
  const mpi::Communicator group = mpi.split_into(o.replica_groups);
  const int group_index = mpi.rank() / group.size();
  const IdRange block = shard_range(static_cast<std::uint64_t>(o.replicas), o.replica_groups, group_index);
  std::vector<int> replica_ids;
  for (int k = 0; k < o.replicas; ++k) replica_ids.push_back(o.replica_offset + k);
  // Every replica's factors, checked before any replica is simulated.
  const AlignmentReference alignment =
      o.alignment_from.empty()
          ? AlignmentReference{}
          : read_alignment_factors(o.alignment_from, replica_ids, o.first_year, o.last_year, o.seed, o.scale);
  if (mpi.rank() == 0 && !alignment.note.empty()) std::cerr << "taskshift: note: " << alignment.note;
  const mpi::AllReduceSum global_sum(group);
  const auto started = std::chrono::steady_clock::now();

  // With several groups a signal ends the run without a checkpoint (check_replica_groups).
  if (o.replica_groups == 1) {
    std::signal(SIGUSR1, request_stop);
    std::signal(SIGTERM, request_stop);
  }
  const RunIdentity identity{scenario.content_hash, inputs_hash, o.seed, o.scale, o.first_year, o.last_year, o.replica_offset,
                             o.replicas, mpi.size()};
  const std::string checkpoint_dir = o.checkpoint_dir.empty() ? default_checkpoint_dir(o) : o.checkpoint_dir;
  std::vector<std::vector<model::Indicators>> results;
  int first_replica = static_cast<int>(block.begin);
  Checkpoint resume;
  if (!o.restart_dir.empty()) {
    resume = read_checkpoint(o.restart_dir, identity, mpi.rank());
    require_one_point_of_the_run(resume, o.restart_dir, mpi);
    first_replica = resume.replica_index;
    results = resume.indicators;
  }
  Progress progress(mpi.rank() == 0, static_cast<int>(block.size()) * (o.last_year - o.first_year + 1));
  std::uint64_t person_years = 0;
  for (int k = first_replica; k < static_cast<int>(block.end); ++k) {
    const int replica = o.replica_offset + k;
    const std::vector<double> values = replica_values(scenario, specs, o.seed, replica);
    const std::size_t model_count = model::scenario_parameter_specs().size();
    const model::ScenarioParameters parameters =
        model::scenario_parameters_from(std::span<const double>(values.data(), model_count));
    const model::EnergyParameters energy = model::energy_parameters_from(values.data() + model_count);
    if (parameters.alignment.population)
      for (int year = o.first_year + 1; year <= o.last_year; ++year)
        if (!calibration.projected_persons.contains(year))
          throw InputError(o.calibration_dir + "/population_projection.csv: no rows for " + std::to_string(year) +
                           ", which alignment.population needs (the run goes to " + std::to_string(o.last_year) + ")");
    model::RunSettings settings;
    settings.seed = o.seed;
    settings.replica = static_cast<std::uint32_t>(replica);
    settings.base_year = o.first_year;
    settings.scale = o.scale;
    settings.shard = group.rank();
    settings.shards = group.size();
    if (!o.alignment_from.empty()) settings.fixed_alignment_factors = alignment.factors.at(replica);
    model::Simulation simulation(calibration, parameters, energy, rules, settings, global_sum);
    std::vector<model::Indicators> yearly;
    if (!o.restart_dir.empty() && k == first_replica) {
      simulation.restore(resume.columns, resume.carried_state);
      yearly = std::move(results.back());
      results.pop_back();
    } else {
      yearly.push_back(o.population.empty() ? simulation.start() : simulation.start_from(microdata.columns));
      progress.step(replica, o.first_year, simulation.local_persons() * static_cast<std::uint64_t>(group.size()));
    }
    auto snapshot = [&] {
      if (k == 0 && std::find(o.snapshot_years.begin(), o.snapshot_years.end(), simulation.year()) != o.snapshot_years.end())
        write_snapshot(simulation, calibration, o, identity, group);
    };
    snapshot();
    while (simulation.year() < o.last_year) {
      yearly.push_back(simulation.advance());
      snapshot();
      person_years += static_cast<std::uint64_t>(yearly.back().persons[0] * o.scale + 0.5);
      progress.step(replica, simulation.year(), simulation.local_persons() * static_cast<std::uint64_t>(group.size()));
      // Every rank must agree to stop, or the ranks that go on would wait for the others forever.
      const bool stop = !group.all_true(stop_requested == 0);
      const bool scheduled = o.checkpoint_every > 0 && (simulation.year() - o.first_year) % o.checkpoint_every == 0;
      if ((stop || scheduled) && simulation.year() < o.last_year) {
        Checkpoint checkpoint{identity, mpi.rank(), k, results, simulation.carried_state(), simulation.columns()};
        checkpoint.indicators.push_back(yearly);
        write_checkpoint(checkpoint_dir, checkpoint);
        mpi.barrier();
        if (stop) {
          if (mpi.rank() == 0)
            std::cerr << "taskshift: stopped by a signal after " << simulation.year() << "; checkpoint in " << checkpoint_dir
                      << ", continue with --restart " << checkpoint_dir << "\n";
          return exit_preempted;
        }
      }
    }
    results.push_back(std::move(yearly));
  }
  if (o.replica_groups > 1) {
    // Every group's first rank sends its block; rank order is group order is replica order.
    results = indicators_from_bytes(mpi.gather_to_root(group.rank() == 0 ? indicator_bytes(results) : std::vector<unsigned char>{}));
    std::int64_t total = group.rank() == 0 ? static_cast<std::int64_t>(person_years) : 0;
    mpi::AllReduceSum(mpi).sum_in_place(&total, 1);
    person_years = static_cast<std::uint64_t>(total);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (mpi.rank() != 0) return 0;

  Dataset ds = indicators_dataset(results, replica_ids);
  add_replica_percentiles(ds);
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  ds.text_attributes = {{"title", "TaskShift projection: " + scenario.name},
                        {"institution", "TaskShift"},
                        {"source", "TaskShift microsimulation of Flemish residents aged 15+"},
                        {"scenario_name", scenario.name},
                        {"scenario_description", scenario.description},
                        {"scenario_text", scenario.resolved_text},
                        {"scenario_hash", scenario.content_hash},
                        {"inputs_hash", inputs_hash},
                        {"scenario_files", fmt::format("{}", fmt::join(scenario.files, " "))},
                        {"code_version", code_version()},
                        {"backend", backend_name()},
                        {"device", describe_device()},
                        {"run_date", date},
                        {"income_unit", "individual incomes (not household or equivalised)"},
                        {per_run_attributes_key, "run_date mpi_ranks replica_groups threads backend device wall_seconds"}};
  ds.number_attributes = {{"mpi_ranks", static_cast<double>(mpi.size())},
                          {"replica_groups", static_cast<double>(o.replica_groups)},
                          {"threads", static_cast<double>(thread_count())}, {"seed", static_cast<double>(o.seed)},
                          {"scale", o.scale}, {"persons_simulated", results.front().front().persons[0] * o.scale},
                          {"wall_seconds", seconds}};
  write_netcdf(ds, o.output);
  if (o.csv) write_yearly_csv(ds, std::filesystem::path(o.output).replace_extension(".csv"));

  const model::Indicators& first = results.front().front();
  const model::Indicators& last = results.front().back();
  std::cout << fmt::format("TaskShift {} — scenario '{}' ({}), {} replica(s), {}-{}, scale {}, {} rank(s) x {} thread(s){}, backend {} on {}\n",
                           code_version(), scenario.name, scenario.content_hash, o.replicas, o.first_year, o.last_year,
                           o.scale, mpi.size(), thread_count(),
                           o.replica_groups > 1 ? fmt::format(" in {} replica groups", o.replica_groups) : "",
                           backend_name(), describe_device());
  std::cout << fmt::format("  persons simulated: {:.0f} in {}, {:.0f} in {}\n", first.persons[0] * o.scale, first.year,
                           last.persons[0] * o.scale, last.year);
  std::cout << fmt::format("  {:<34}{:>12}{:>12}\n", "indicator (replica 0)", first.year, last.year);
  auto row = [&](const char* name, double a, double b, const char* format) {
    std::cout << fmt::format("  {:<34}", name) << fmt::format(fmt::runtime(format), a) << fmt::format(fmt::runtime(format), b) << "\n";
  };
  row("employment rate 20-64", first.employment_rate_20_64[0], last.employment_rate_20_64[0], "{:>12.3f}");
  row("unemployment rate", first.unemployment_rate[0], last.unemployment_rate[0], "{:>12.3f}");
  row("share automatable > 70%", first.share_automatable_over_70[0], last.share_automatable_over_70[0], "{:>12.3f}");
  row("training rate 25-64", first.training_rate[0], last.training_rate[0], "{:>12.3f}");
  row("median wage (EUR/year)", first.median_wage[0], last.median_wage[0], "{:>12.0f}");
  row("Gini disposable income", first.gini_disposable_income[0], last.gini_disposable_income[0], "{:>12.3f}");
  row("poverty rate", first.poverty_rate[0], last.poverty_rate[0], "{:>12.3f}");
  row("social-security balance (bn EUR)", first.ss_balance[0] / 1e9, last.ss_balance[0] / 1e9, "{:>12.2f}");
  row("datacentre electricity (TWh)", first.datacenter_twh[0], last.datacenter_twh[0], "{:>12.2f}");
  std::cout << fmt::format("  {:.1f} s, {:.2f} M person-years/s; wrote {}\n", seconds,
                           seconds > 0 ? static_cast<double>(person_years) / seconds / 1e6 : 0.0, o.output);
  return 0;
}

}  // namespace ts::app
