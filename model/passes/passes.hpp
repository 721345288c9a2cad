// The passes of a simulation, one file each; model/passes/simulation.cpp runs them in order.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "model/indicators.hpp"
#include "model/passes/state.hpp"
#include "model/status.hpp"

namespace ts::model {

// The first simulated years in which the flows settle from the synthetic base-year stocks: the
// hiring factors by education and the reference tightness of the wage equation are measured
// over them and then held.
inline constexpr int settling_years = 3;

// Base population of this shard (synthesis_pass.cpp).
void synthesize_population(Simulation::State& s);
// Everything the base year derives from its population, whether synthetic or loaded: wages and
// incomes, the occupational wage ranking, group task bundles, base labour demand, indicators.
Indicators finish_base_year(Simulation::State& s);
// Rakes the training model on the base population and draws the base year's training
// (training_calibration.cpp).
void calibrate_base_year_training(Simulation::State& s);
// Quantiles of the full-time employees' monthly FTE wages, observed or predicted without the
// individual effects (wage_calibration.cpp); empty when there are no such employees.
std::vector<double> full_time_wage_quantiles(Simulation::State& s, bool observed, const std::vector<double>& probabilities);
// Moves the synthetic wage effects so that the full-time deciles equal the published ones.
void align_wage_distribution(Simulation::State& s);

// What the labour-supply pass hands to the matching step, all-reduced.
struct SupplyTotals {
  double employed_after_separations[isco_group_count] = {};
  double seekers_by_group[isco_group_count][education_count] = {};
  double displaced_fte_by_group[isco_group_count] = {};
  double displaced_fte_by_task[task_category_count] = {};
  double labour_force = 0.0;
  double labour_force_by_education[education_count] = {};
  double mean_displaced_share = 0.0;
  double deaths_by_status[broad_status_count] = {};  // by status at the start of the year
  double emigrants_by_status[broad_status_count] = {};  // population alignment, by status at the start
  double immigrants = 0.0;                               // population alignment
};

// The year's technology, known to every shard before the person passes.
struct YearTechnology {
  double capability[task_category_count];
  double newly_adopted[isco_group_count][task_category_count];  // of the time still done by people
  double pace;  // mean newly adopted share, drives skill obsolescence
};

// A simulated year (Simulation::advance): begin_year moves the year on and returns its
// technology (the shares newly adopted, carried in the globals); advance_year runs the whole
// year, begin_year and then the passes in their order. Free functions so that the benchmarks
// of single passes can prepare a state some years into the projection.
YearTechnology begin_year(Simulation::State& s);
Indicators advance_year(Simulation::State& s);

// Demography, exposure, training and separations (supply_pass.cpp).
SupplyTotals labour_supply_pass(Simulation::State& s, const YearTechnology& technology);

// Population alignment by sex and age band to the projection (population_alignment.cpp):
// emigrants leave and immigrants arrive, and the labour-supply totals follow them.
void align_population(Simulation::State& s, SupplyTotals& supply);

// Applications and hiring (matching_pass.cpp). Returns vacancies by group.
std::array<double, isco_group_count> matching_pass(Simulation::State& s, const SupplyTotals& supply,
                                                  const YearTechnology& technology);

// Wages, capital income, taxes and benefits, then the indicators (income_pass.cpp,
// indicator_pass.cpp).
enum Account { account_employee_ssc, account_employer_ssc, account_self_employed_ssc, account_income_tax,
               account_capital_tax, account_unemployment, account_assistance, account_pension,
               account_basic_income, account_count };
struct IncomeTotals {
  double accounts[account_count] = {};  // euros, all persons
  double labour_compensation = 0.0;  // gross wages + employer SSC + self-employed and platform income
  double value_added = 0.0;
  double capital_income = 0.0;
  double displaced_wage_bill = 0.0;
};
IncomeTotals income_pass(Simulation::State& s);
Indicators indicator_pass(Simulation::State& s, const IncomeTotals& incomes, const YearTechnology& technology,
                          const std::array<double, isco_group_count>& vacancies, const SupplyTotals& supply);

// All-reduced exact sum of a vector of doubles that are integers or fixed-point already.
std::vector<std::int64_t> global_histogram(const Simulation::State& s, std::vector<std::int64_t> local);

}  // namespace ts::model
