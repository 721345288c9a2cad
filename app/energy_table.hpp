// configs/calibration/energy.csv records the defaults of the [energy] scenario keys
// (model/energy_parameter_specs.hpp), one row and source each. The run takes those values from
// the scenario, not from the table, so a calibration directory whose table says otherwise is
// refused: an edit there would be silently ignored.
#pragma once
#include <filesystem>

namespace ts::app {

// Throws InputError (file, line, column) unless `directory`/energy.csv holds exactly one row
// per energy key, with the key's default value and unit.
void check_energy_table(const std::filesystem::path& directory);

}  // namespace ts::app
