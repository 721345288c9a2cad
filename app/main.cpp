// taskshift: the command line. The third error layer: every error reaches main, which prints it
// once (with the rank when there are several) and ends the whole job with a non-zero code.
#include <CLI/CLI.hpp>
#include <execinfo.h>
#include <unistd.h>

#include <charconv>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <new>
#include <tuple>

#include "app/code_version.hpp"
#include "app/dataset.hpp"
#include "app/input_error.hpp"
#include "app/number_text.hpp"
#include "app/output_dataset.hpp"
#include "app/output_file.hpp"
#include "app/run_command.hpp"
#include "app/scenario.hpp"
#include "app/synth_command.hpp"
#include "model/energy_parameter_specs.hpp"
#include "model/scenario_parameters.hpp"
#include "mpi/mpi_context.hpp"

namespace {

std::string default_calibration_dir() {
  if (std::filesystem::exists("configs/calibration/labour_status.csv")) return "configs/calibration";
  return TS_SOURCE_DIR "/configs/calibration";
}

int run_python_tool(const std::string& tool, const std::vector<std::string>& args) {
  std::string command = "/usr/bin/python3 " TS_SOURCE_DIR "/tools/" + tool;
  for (const auto& a : args) command += " '" + a + "'";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

}  // namespace

// A crash is a bug of ours: say so and leave a backtrace (addresses resolve with addr2line).
extern "C" void report_crash(int signal_number) {
  const char message[] = "taskshift: internal error (crash); backtrace:\n";
  (void)!write(STDERR_FILENO, message, sizeof message - 1);
  void* frames[64];
  backtrace_symbols_fd(frames, backtrace(frames, 64), STDERR_FILENO);
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

int main(int argc, char** argv) {
  std::signal(SIGSEGV, report_crash);
  std::signal(SIGBUS, report_crash);
  ts::mpi::Context mpi(&argc, &argv);
  CLI::App app{"TaskShift: microsimulation of digitalisation and work in Flanders", "taskshift"};
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  taskshift run configs/scenarios/baseline.toml -o baseline.nc\n"
      "  taskshift run configs/scenarios/rapid-automation.toml -o rapid.nc --scale 0.01 --replicas 20\n"
      "  taskshift run configs/scenarios/baseline.toml -o x.nc --set policy.learning_account_eur=500\n"
      "  mpiexec -n 4 taskshift run configs/scenarios/baseline.toml -o baseline.nc\n"
      "  taskshift validate configs/scenarios/*.toml\n"
      "  taskshift synth -o population.nc --report fit.csv\n"
      "  taskshift report baseline.nc -o report/\n"
      "  taskshift compare baseline.nc rapid.nc\n");

  // CLI::NonNegativeNumber prints the largest double as its bound.
  const CLI::Validator zero_or_more(
      [](std::string& text) -> std::string {
        int value = -1;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error == std::errc() && end == text.data() + text.size() && value >= 0) return "";
        return "expected a whole number, 0 or more, found '" + text + "'";
      },
      "INT>=0");
  ts::app::RunOptions run;
  run.calibration_dir = default_calibration_dir();
  std::string years = "2024:2050";
  auto* run_cmd = app.add_subcommand("run", "Run a scenario and write its NetCDF output");
  run_cmd->add_option("scenario", run.scenario, "Scenario file (TOML)")->required()->check(CLI::ExistingFile);
  run_cmd->add_option("-o,--output", run.output, "Output NetCDF file")->required();
  run_cmd->add_option("--scale", run.scale, "Fraction of the population to simulate (results are weighted)");
  run_cmd->add_option("--replicas", run.replicas, "Number of ensemble replicas");
  run_cmd->add_option("--replica-offset", run.replica_offset, "Number of the first replica (for ensemble blocks)")->check(zero_or_more);
  run_cmd->add_option("--replica-groups", run.replica_groups,
                      "Split the MPI ranks into G groups that run blocks of replicas side by side (docs/hpc.md)");
  run_cmd->add_option("--years", years, "First and last year, FIRST:LAST");
  run_cmd->add_option("--seed", run.seed, "Random seed");
  run_cmd->add_option("--threads", run.threads, "Threads per rank (CPU backend)")->check(zero_or_more);
  run_cmd->add_option("--set", run.set, "Override a scenario key: key=value (TOML value)");
  run_cmd->add_option("--calibration", run.calibration_dir, "Directory of the calibration tables");
  run_cmd->add_flag("--print-config", run.print_config, "Print the resolved scenario");
  run_cmd->add_option("--checkpoint-every", run.checkpoint_every, "Write a checkpoint every K years")->check(zero_or_more);
  run_cmd->add_option("--checkpoint-dir", run.checkpoint_dir, "Checkpoint directory (default: OUT without .nc, plus .ckpt)");
  run_cmd->add_option("--restart", run.restart_dir, "Continue from the checkpoint in this directory");
  run_cmd->add_option("--alignment-from", run.alignment_from,
                      "Reuse the hiring alignment factors of a previous output (e.g. the baseline)")
      ->check(CLI::ExistingFile);
  run_cmd->add_option("--snapshot-years", run.snapshot_years,
                      "Write the persons of replica 0 at the end of these years to OUT-persons-YEAR.nc")
      ->delimiter(',');

  run_cmd->add_option("--population", run.population, "Start from this person file (CSV or NetCDF) instead of synthesising")
      ->check(CLI::ExistingFile);

  // taskshift synth (docs/population.md)
  ts::app::SynthOptions synth;
  synth.calibration_dir = run.calibration_dir;
  synth.scenario = TS_SOURCE_DIR "/configs/scenarios/baseline.toml";
  auto* synth_cmd = app.add_subcommand("synth", "Create the base population and write it as a person-level NetCDF file");
  synth_cmd->add_option("-o,--output", synth.output, "Person-level NetCDF file");
  synth_cmd->add_option("--scale", synth.scale, "Fraction of the population to synthesise (or that a person file represents)");
  synth_cmd->add_option("--seed", synth.seed, "Random seed");
  synth_cmd->add_option("--report", synth.report, "Write the fit to every calibration target to this CSV file (and print it)");
  synth_cmd->add_option("--population", synth.population, "Load this person file (CSV or NetCDF) instead of synthesising")
      ->check(CLI::ExistingFile);
  synth_cmd->add_option("--scenario", synth.scenario, "Scenario whose parameters build the population (default: baseline)")
      ->check(CLI::ExistingFile);
  synth_cmd->add_option("--calibration", synth.calibration_dir, "Directory of the calibration tables");
  synth_cmd->add_option("--threads", synth.threads, "Threads (CPU backend)")->check(zero_or_more);

  std::vector<std::string> validate_files, validate_set;
  auto* validate_cmd = app.add_subcommand("validate", "Check scenario files without running them");
  validate_cmd->add_option("files", validate_files, "Scenario files")->required();
  validate_cmd->add_option("--set", validate_set, "Override a key: key=value");

  std::string report_input, report_dir = "report";
  auto* report_cmd = app.add_subcommand("report", "Write an HTML report with charts from an output file");
  report_cmd->add_option("input", report_input, "Output NetCDF file")->required();
  report_cmd->add_option("-o,--output", report_dir, "Report directory");

  std::string compare_a, compare_b, compare_dir;
  bool compare_exact = false;
  auto* compare_cmd = app.add_subcommand("compare", "Differences between two outputs (scenario B minus A)");
  compare_cmd->add_option("a", compare_a, "Output A")->required();
  compare_cmd->add_option("b", compare_b, "Output B")->required();
  compare_cmd->add_option("-o,--output", compare_dir, "Directory for the comparison page and charts");
  compare_cmd->add_flag("--exact", compare_exact, "Check that every variable is bit-for-bit identical");

  std::string merge_output;
  std::vector<std::string> merge_inputs;
  auto* merge_cmd = app.add_subcommand("merge", "Merge replica blocks of one scenario into one file");
  merge_cmd->add_option("-o,--output", merge_output, "Merged output")->required();
  merge_cmd->add_option("inputs", merge_inputs, "Block files")->required();

  std::string docs_what;
  auto* docs_cmd = app.add_subcommand("docs", "Print the reference tables of docs/usage.md or docs/outputs.md");
  docs_cmd->add_option("what", docs_what, "parameters | outputs")->required()->check(CLI::IsMember({"parameters", "outputs"}));

  auto* version_cmd = app.add_subcommand("version", "Print the version and build");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every refused option exits 2, like refused input files, so
    // that job scripts tell input errors from failures (CLI11's own codes are 100-120).
    const int code = app.exit(e) == 0 ? 0 : 2;
    if (mpi.size() > 1 && code != 0) mpi.abort(code);
    return code;
  }

  try {
    if (*run_cmd) {
      std::tie(run.first_year, run.last_year) = ts::app::year_range(years);
      return ts::app::run_command(run, mpi);
    }
    if (*synth_cmd) return ts::app::synth_command(synth, mpi);
    if (mpi.rank() != 0) return 0;
    if (*validate_cmd) return ts::app::validate_command(validate_files, validate_set);
    if (*report_cmd) return run_python_tool("report.py", {report_input, "-o", report_dir});
    if (*compare_cmd) {
      if (compare_exact) {
        const auto differences = ts::app::compare_bitwise(ts::app::read_netcdf(compare_a), ts::app::read_netcdf(compare_b));
        for (const auto& d : differences)
          if (d.differing_values == SIZE_MAX)
            std::cout << d.variable << ": in only one of the outputs, or of another shape\n";
          else
            std::cout << d.variable << ": " << d.differing_values << " values differ (max abs diff " << d.max_abs_diff << ")\n";
        std::cout << (differences.empty() ? "identical: every variable is bit-for-bit equal\n" : "outputs differ\n");
        return differences.empty() ? 0 : 1;
      }
      std::vector<std::string> args{compare_a, compare_b};
      if (!compare_dir.empty()) args.insert(args.end(), {"-o", compare_dir});
      return run_python_tool("compare.py", args);
    }
    if (*merge_cmd) {
      ts::app::check_output_folder(merge_output);
      std::vector<ts::app::Dataset> blocks;
      for (const auto& file : merge_inputs) blocks.push_back(ts::app::read_netcdf(file));
      const ts::app::Dataset merged = ts::app::merge_replicas(blocks, merge_inputs);
      const ts::app::Dimension& replica = merged.dim("replica");
      const std::string missing = ts::app::missing_replicas(replica);
      if (!missing.empty())
        std::cerr << "taskshift: note: the blocks hold " << replica.size() << " replicas from "
                  << ts::app::round_trip_text(replica.values.front()) << " to "
                  << ts::app::round_trip_text(replica.values.back()) << ", without " << missing << "\n";
      ts::app::write_netcdf(merged, merge_output);
      std::cout << "merged " << blocks.size() << " blocks into " << merge_output << "\n";
      return 0;
    }
    if (*docs_cmd) {
      if (docs_what == "outputs") {
        std::cout << ts::app::outputs_markdown();
      } else {
        std::vector<ts::model::ParameterSpec> specs(ts::model::scenario_parameter_specs().begin(),
                                                    ts::model::scenario_parameter_specs().end());
        for (const auto& spec : ts::model::energy_parameter_specs) specs.push_back(spec);
        std::cout << ts::app::parameters_markdown(specs);
      }
      return 0;
    }
    if (*version_cmd) {
      std::cout << "taskshift " << ts::app::code_version() << " (backend " << TS_BACKEND_NAME << ", MPI "
                << (ts::mpi::built_with_mpi() ? "on" : "off") << ")\n";
      return 0;
    }
  } catch (const std::exception& e) {
    // One write per rank, so that the ranks' lines do not interleave.
    const std::string where = mpi.size() > 1 ? "taskshift: rank " + std::to_string(mpi.rank()) + ": error: " : "taskshift: error: ";
    // bad_alloc's own text says only "std::bad_alloc".
    const std::string what = dynamic_cast<const std::bad_alloc*>(&e) != nullptr
                                 ? "out of memory; a smaller --scale, or more MPI ranks on more nodes, needs less per process"
                                 : e.what();
    std::cerr << where + what + "\n" << std::flush;
    if (mpi.size() > 1) mpi.abort(2);
    return 2;
  }
  return 0;
}
