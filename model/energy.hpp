// Datacentre energy of automation (MODEL.md item 9): host-side pure functions on yearly
// aggregates. The compute of the automated task time (automated FTEs by task category times
// kWh per FTE-year at base-year efficiency), scaled by an efficiency curve whose doubling time
// lengthens, by the PUE path and by the share hosted in Flanders, plus a baseline of digital
// demand unrelated to the automation of Flemish tasks; cost from a price path, CO2 from the
// grid carbon-intensity path, and the share of Flemish electricity use. Only det_exp/det_log/
// det_pow and + - * / are used, so every build gives the same bits. docs/energy.md states the
// equations and sources; the values live in configs/calibration/energy.csv and
// model/energy_parameter_specs.hpp.
#pragma once

namespace ts::model {

// Task categories in the order of the person record (model/person.hpp).
inline constexpr int energy_task_count = 5;
inline constexpr const char* energy_task_names[energy_task_count] = {
    "analytic", "interpersonal", "routine_cognitive", "routine_manual", "manual"};

// Year in which the linear PUE and carbon-intensity paths reach their target (clamped after).
inline constexpr double energy_target_year = 2050.0;

struct EnergyParameters {
  double kwh_per_fte_2024[energy_task_count];  // IT energy per automated FTE-year, base-year
                                               // efficiency, before PUE (kWh/FTE-year)
  double doubling_time_start;          // years per doubling of compute per kWh in the base year
  double doubling_time_end;            // long-run doubling time (years)
  double doubling_time_tau;            // e-folding time of the slowdown (years)
  double pue_2024;                     // power usage effectiveness in the base year
  double pue_2050;                     // PUE reached in 2050 (linear in between)
  double flemish_hosting_share;        // share of the automation compute hosted in Flanders
  double baseline_twh_2024;            // Flemish DC demand unrelated to the automation (TWh)
  double baseline_growth;              // its yearly growth rate
  double price_eur_per_mwh_2024;       // all-in electricity price for datacentres (EUR/MWh)
  double price_growth;                 // yearly real growth of the price
  double carbon_g_per_kwh_2024;        // grid carbon intensity in the base year (gCO2/kWh)
  double carbon_g_per_kwh_2050;        // grid carbon intensity reached in 2050 (linear)
  double regional_electricity_twh_2024;  // Flemish electricity consumption (TWh)
  double regional_electricity_growth;    // its yearly growth rate
  double base_year;                    // calendar year of the *_2024 values
};

struct EnergyYear {
  double twh_total;                           // baseline + automation hosted in Flanders
  double twh_by_task[energy_task_count];      // automation hosted in Flanders, incl. PUE
  double twh_baseline;
  double cost_eur;                            // twh_total at the year's price
  double co2_t;                               // twh_total at the year's grid intensity
  double share_of_regional_electricity;       // twh_total / Flemish electricity use
  double kwh_per_automated_fte;               // facility energy per automated FTE, wherever
                                              // hosted (0 when nothing is automated)
};

// Doubling time of compute per kWh at time t (years, continuous calendar time).
double doubling_time(double t, const EnergyParameters& p);

// Energy per unit of compute in `year` relative to the base year: 2^-(integral of dt/d(t)
// from the base year to `year`), integrated year by year with Simpson's rule (1 for years up
// to the base year: the model does not back-cast).
double efficiency_factor(int year, const EnergyParameters& p);

// PUE and carbon intensity on their linear paths, clamped to the base year and to 2050.
double pue(int year, const EnergyParameters& p);
double carbon_g_per_kwh(int year, const EnergyParameters& p);

// The year's outputs for the automated FTEs by task category (same order as
// energy_task_names).
EnergyYear datacenter_energy(int year, const double automated_fte[energy_task_count],
                             const EnergyParameters& p);

}  // namespace ts::model
