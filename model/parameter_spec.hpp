// The description of one scenario parameter: the single definition that the scenario
// validator, the documentation generator (docs/usage.md) and the model all read.
#pragma once

namespace ts::model {

enum class ParameterType { real, integer, boolean, year };

struct ParameterSpec {
  const char* key;          // dotted TOML path, e.g. "technology.midpoint_year.routine_cognitive"
  ParameterType type;
  double default_value;
  double min_value;         // inclusive; for years the run's horizon is checked as well
  double max_value;
  const char* unit;         // "1", "EUR/year", "year", "share", ...
  const char* description;  // one sentence: what it means in the model
  const char* sum_group;    // non-empty: all keys of the group must sum to one
};

}  // namespace ts::model
