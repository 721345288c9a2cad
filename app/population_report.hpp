// The fit of a base population to every calibration target (`taskshift synth --report`):
// population by age band and sex, education, labour status and the published ER/UR aggregates,
// employment type, part time, occupation groups by education, wage deciles of full-time
// employees, digital skills and training rates. Computed on the host from the persons' columns.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "model/calibration.hpp"
#include "model/simulation.hpp"

namespace ts::app {

struct FitRow {
  std::string table;   // target_table: the calibration table (or published aggregate)
  std::string key;     // the cell, e.g. "25-29/female/high/employed"
  double target = 0.0;
  double synthetic = 0.0;
  double tolerance = 0.0;  // absolute (shares) or relative (wage deciles)
  bool relative = false;
  double n = 0.0;          // persons in the synthetic denominator (for sampling errors)
  double difference() const { return synthetic - target; }
  bool within() const;
};

// Shares: 0.5 percentage points; wage deciles: 2%.
inline constexpr double share_tolerance = 0.005;
inline constexpr double wage_decile_tolerance = 0.02;

// `attained_education`: per person, the education attained so far (the model's column holds
// students' final education). `scale` weights counts back to the full population.
std::vector<FitRow> population_fit(const std::vector<model::HostColumn>& columns,
                                   const std::vector<std::uint8_t>& attained_education,
                                   const model::Calibration& calibration,
                                   const std::filesystem::path& calibration_dir, double scale);

// CSV: target_table,key,target,synthetic,difference,within_tolerance,tolerance,n. Atomic.
void write_fit_csv(const std::vector<FitRow>& rows, const std::filesystem::path& out);
// Per-table summary (rows, targets met, largest miss) and every row outside its tolerance.
std::string fit_summary(const std::vector<FitRow>& rows);

}  // namespace ts::app
