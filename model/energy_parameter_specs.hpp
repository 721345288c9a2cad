// Scenario parameters of the datacentre-energy module (model/energy.hpp): the keys the
// scenario loader accepts under [energy], their calibrated defaults (equal to
// configs/calibration/energy.csv, checked by tests/unit/energy_test.cpp), ranges, units and
// meanings; and the mapping of a value vector in this order into EnergyParameters.
#pragma once
#include <cstddef>

#include "model/energy.hpp"
#include "model/parameter_spec.hpp"

namespace ts::model {

inline constexpr ParameterSpec energy_parameter_specs[] = {
    {"energy.kwh_per_fte_2024.analytic", ParameterType::real, 240.0, 0.0, 10000.0,
     "kWh/FTE-year",
     "IT energy (before PUE) of the compute that replaces one FTE-year of non-routine analytic "
     "work, at base-year efficiency.",
     ""},
    {"energy.kwh_per_fte_2024.interpersonal", ParameterType::real, 96.0, 0.0, 10000.0,
     "kWh/FTE-year",
     "IT energy (before PUE) of the compute that replaces one FTE-year of non-routine "
     "interpersonal work, at base-year efficiency.",
     ""},
    {"energy.kwh_per_fte_2024.routine_cognitive", ParameterType::real, 48.0, 0.0, 10000.0,
     "kWh/FTE-year",
     "IT energy (before PUE) of the compute that replaces one FTE-year of routine cognitive "
     "work, at base-year efficiency.",
     ""},
    {"energy.kwh_per_fte_2024.routine_manual", ParameterType::real, 96.0, 0.0, 10000.0,
     "kWh/FTE-year",
     "IT energy (before PUE) of the robot-controller, vision and cloud compute that replaces "
     "one FTE-year of routine manual work, at base-year efficiency.",
     ""},
    {"energy.kwh_per_fte_2024.manual", ParameterType::real, 504.0, 0.0, 10000.0,
     "kWh/FTE-year",
     "IT energy (before PUE) of the onboard and cloud compute that replaces one FTE-year of "
     "non-routine manual work, at base-year efficiency.",
     ""},
    {"energy.doubling_time_start", ParameterType::real, 1.57, 0.5, 10.0, "year",
     "Years for computations per kWh to double, in the base year.", ""},
    {"energy.doubling_time_end", ParameterType::real, 2.6, 0.5, 20.0, "year",
     "Long-run years for computations per kWh to double, approached exponentially.", ""},
    {"energy.doubling_time_tau", ParameterType::real, 10.0, 0.5, 100.0, "year",
     "E-folding time over which the doubling time moves from its start to its end value.", ""},
    {"energy.pue_2024", ParameterType::real, 1.56, 1.0, 3.0, "1",
     "Power usage effectiveness (facility over IT energy) of the hosting datacentres in the "
     "base year.",
     ""},
    {"energy.pue_2050", ParameterType::real, 1.3, 1.0, 3.0, "1",
     "Power usage effectiveness reached in 2050, linear from the base year and constant after.",
     ""},
    {"energy.flemish_hosting_share", ParameterType::real, 0.25, 0.0, 1.0, "share",
     "Share of the compute of the automated tasks that runs in Flanders (the rest abroad or in "
     "other Belgian regions).",
     ""},
    {"energy.baseline_twh_2024", ParameterType::real, 0.895, 0.0, 3.2, "TWh",
     "Electricity use of datacentres in Flanders in the base year that is unrelated to the "
     "automation of Flemish tasks.",
     ""},
    {"energy.baseline_growth", ParameterType::real, 0.082, -0.1, 0.5, "1/year",
     "Yearly growth rate of the baseline datacentre electricity use.", ""},
    {"energy.price_eur_per_mwh_2024", ParameterType::real, 120.0, 0.0, 1000.0, "EUR/MWh",
     "All-in electricity price paid by datacentres in the base year (energy, network, levies).",
     ""},
    {"energy.price_growth", ParameterType::real, 0.0, -0.1, 0.2, "1/year",
     "Yearly real growth rate of the datacentre electricity price.", ""},
    {"energy.carbon_g_per_kwh_2024", ParameterType::real, 158.0, 0.0, 1000.0, "gCO2/kWh",
     "Carbon intensity of Belgian grid electricity in the base year.", ""},
    {"energy.carbon_g_per_kwh_2050", ParameterType::real, 25.0, 0.0, 1000.0, "gCO2/kWh",
     "Carbon intensity of Belgian grid electricity reached in 2050, linear from the base year "
     "and constant after.",
     ""},
    {"energy.regional_electricity_twh_2024", ParameterType::real, 55.1, 10.0, 200.0, "TWh",
     "Electricity consumption of the Flemish Region in the base year.", ""},
    {"energy.regional_electricity_growth", ParameterType::real, 0.034, -0.05, 0.1, "1/year",
     "Yearly growth rate of Flemish electricity consumption.", ""},
    {"energy.base_year", ParameterType::year, 2024.0, 2000.0, 2100.0, "year",
     "Calendar year to which the *_2024 values refer and from which the paths start.", ""},
};

inline constexpr std::size_t energy_parameter_count =
    sizeof(energy_parameter_specs) / sizeof(energy_parameter_specs[0]);
static_assert(energy_parameter_count == 20, "energy_parameters_from() maps 20 values");

// values[i] is the value of energy_parameter_specs[i].
inline EnergyParameters energy_parameters_from(const double* values) {
  EnergyParameters p{};
  for (int k = 0; k < energy_task_count; ++k) p.kwh_per_fte_2024[k] = values[k];
  p.doubling_time_start = values[5];
  p.doubling_time_end = values[6];
  p.doubling_time_tau = values[7];
  p.pue_2024 = values[8];
  p.pue_2050 = values[9];
  p.flemish_hosting_share = values[10];
  p.baseline_twh_2024 = values[11];
  p.baseline_growth = values[12];
  p.price_eur_per_mwh_2024 = values[13];
  p.price_growth = values[14];
  p.carbon_g_per_kwh_2024 = values[15];
  p.carbon_g_per_kwh_2050 = values[16];
  p.regional_electricity_twh_2024 = values[17];
  p.regional_electricity_growth = values[18];
  p.base_year = values[19];
  return p;
}

// The calibrated defaults (the specs' default values).
inline EnergyParameters default_energy_parameters() {
  double values[energy_parameter_count];
  for (std::size_t i = 0; i < energy_parameter_count; ++i)
    values[i] = energy_parameter_specs[i].default_value;
  return energy_parameters_from(values);
}

}  // namespace ts::model
