// Reads configs/calibration/*.csv into the model's Calibration and tax-benefit rules. Every
// table is validated as it is read; an error names the file, line and column.
#pragma once
#include <filesystem>

#include "model/calibration.hpp"
#include "model/tax_benefit_rules.hpp"

namespace ts::app {

model::Calibration load_calibration(const std::filesystem::path& directory);
model::TaxBenefitRules load_tax_benefit_rules(const std::filesystem::path& directory);

}  // namespace ts::app
