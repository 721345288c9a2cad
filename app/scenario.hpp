// Scenario files: TOML tables of model parameters that may inherit from one another,
// validated key by key against the model's ParameterSpec table, resolved into one value or
// one distribution per parameter, and printed back as canonical TOML (stored in every output
// so that a run can be reproduced from its file alone).
//
// A file holds optional top-level `name`, `description` and `base = "other.toml"` (relative
// to the file; chains of any depth, a cycle is an error) and parameter tables such as
//   [technology.midpoint_year]
//   routine_cognitive = 2035
//   routine_manual = { distribution = "uniform", min = 2030, max = 2040 }
// A value is a number (integers for integer and year parameters, true/false for booleans) or
// a distribution: uniform {min, max}, normal {mean, sd}, triangular {min, mode, max} or
// choice {values = [...]}. Every bound must lie in the parameter's range (and, for years, in
// the run's years).
#pragma once
#include <cstddef>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "model/parameter_spec.hpp"

namespace ts::app {

struct Distribution {
  enum class Kind { fixed, uniform, normal, triangular, choice } kind = Kind::fixed;
  // fixed: {value}; uniform: {min, max}; triangular: {min, mode, max}; choice: the values;
  // normal: {mean, sd, lower, upper}, where lower and upper are the parameter's admissible
  // range, filled in by load_scenario, to which draws are clamped.
  std::vector<double> args;
};

struct ResolvedScenario {
  std::string name, description;
  std::vector<Distribution> parameters;  // one per spec, the spec default where no file sets it
  std::vector<std::string> files;        // the inheritance chain, most derived first
  std::string resolved_text;             // canonical TOML of every key, sorted
  std::string content_hash;              // 16 hex digits, 64-bit FNV-1a of resolved_text
};

// Reads `file` and its bases, applies `set_overrides` ("key=value", the value in TOML syntax)
// last, validates everything and resolves one Distribution per spec. Throws InputError naming
// the file and line (or the --set option), the key, what was expected and what was found.
// Shares of a sum group must sum to one (within 1e-6) on their point values (a
// distribution's mean stands for it).
ResolvedScenario load_scenario(const std::filesystem::path& file,
                               std::span<const model::ParameterSpec> specs,
                               const std::vector<std::string>& set_overrides, int base_year,
                               int horizon_year);

// One replica's parameter values. Fixed values are returned as they are; each distribution
// draws from uniform01(parameter index), a uniform in [0, 1) that the caller takes from the
// replica's Philox stream (so results do not depend on the order of calls). Draws use the
// inverse CDF: normal draws are clamped to the admissible range (no resampling, so a normal
// reaching past a bound piles probability onto that bound); integer and year parameters are
// rounded to the nearest integer; a choice picks values[floor(u * n)]. When a sum group has
// a drawn member, the group's draws are rescaled to sum to one.
std::vector<double> draw_parameters(
    const ResolvedScenario& scenario, std::span<const model::ParameterSpec> specs,
    const std::function<double(std::size_t parameter_index)>& uniform01);

// A Markdown table for docs/usage.md: key, meaning, unit, default, range.
std::string parameters_markdown(std::span<const model::ParameterSpec> specs);

}  // namespace ts::app
