// The device-side state of a simulation: the population, the calibration tables the passes
// read (copied to the device once) and the global quantities carried from year to year.
// Every carried global is computed from all-reduced integers, identically on every shard.
#pragma once
#include <thrust/device_vector.h>

#include <array>
#include <cstdint>
#include <vector>

#include "kernels/global_sum.hpp"
#include "kernels/log_histogram.hpp"
#include "model/calibration.hpp"
#include "model/energy.hpp"
#include "model/person.hpp"
#include "model/scenario_parameters.hpp"
#include "model/simulation.hpp"
#include "model/tax_benefit_rules.hpp"
#include "model/training_k.hpp"
#include "model/wage_k.hpp"

namespace ts::model {

// Raw pointers into the device tables, passed by value into the functors.
struct TablesView {
  const float* occupation_tasks;      // [occupation][5]
  const std::uint8_t* occupation_isco1;
  const std::uint8_t* occupation_tercile;  // base-year wage tercile of each 4-digit occupation
  const float* occupation_frey_osborne;     // probability of computerisation (Frey and Osborne)
  const double* occupation_weight;
  const double* occupation_cumulative_weight;  // running sum of the weights within each major group
  const int* group_first;             // [10]: occupations of group g are [group_first[g-1], group_first[g])
  const double* death_probability;    // [2][106]
  const double* retirement_exit;      // [2][12]
  const double* employment_type_share;  // [12][2][4]
  const double* part_time_share;      // [2][12]
  const double* part_time_fte;        // [2][12]
  const double* digital_share;        // [3][6][4]
  const double* province_share;       // [5]
  const double* group_by_education;   // [9][3]
  const double* status_share;         // [12][2][3][5]
  const double* group_mean_tasks;     // [9][5], base-year means of employed bundles
};

// Carried global quantities: everything a restarted run needs besides the persons.
struct CarriedGlobals {
  int year = 0;
  std::uint64_t next_person_id = 0;       // first global id of the next cohort of entrants
  double log_wage_intercept = 0.0;        // base-year calibration of the wage median
  double adopted[isco_group_count][task_category_count] = {};  // share of each category automated
  double group_wage_drift[isco_group_count] = {};              // log wage gain from automation productivity
  double tightness_premium[isco_group_count] = {};             // log wage level from labour-market tightness
  double labour_demand[isco_group_count] = {};  // jobs wanted by employers; unfilled ones stay open
  double previous_labour_force = 0.0;       // employed + unemployed after last year's supply pass
  double base_tightness[isco_group_count] = {};
  double automated_fte[task_category_count] = {};
  double other_branches_share = 0.0;      // of value added, calibrated to a balanced base year
  double base_unemployment_rate[education_count] = {};
  double hiring_logit_shift[education_count] = {};  // calibrated over the settling years
  double applied_alignment_factor[education_count] = {};  // this year's logit shifts, for the output
  double real_wage_index = 1.0;
  TrainingShifts training_shifts = {};    // raked on the base population
};

struct Simulation::State {
  const Calibration& calibration;
  ScenarioParameters parameters;
  EnergyParameters energy;
  TaxBenefitRules rules;
  RunSettings settings;
  const GlobalSum& global_sum;

  Population population;
  thrust::device_vector<std::uint8_t> status_at_start;  // for the transition matrix
  thrust::device_vector<std::uint8_t> status_at_start_spare;  // swaps with it in compaction (GPU)
  thrust::device_vector<std::uint8_t> keep;              // compaction flags
  thrust::device_vector<float> wealth_weights;           // capital-income shares, within a year
  thrust::device_vector<std::uint8_t> applied_group;     // matching: each seeker's application, within a year

  thrust::device_vector<float> occupation_tasks, occupation_frey_osborne;
  thrust::device_vector<std::uint8_t> occupation_isco1, occupation_tercile;
  thrust::device_vector<double> occupation_weight, occupation_cumulative_weight;
  thrust::device_vector<int> group_first;
  thrust::device_vector<double> death_probability, retirement_exit, employment_type_share, part_time_share,
      part_time_fte, digital_share, province_share, group_by_education, status_share, group_mean_tasks;
  thrust::device_vector<double> inactive_share_by_age;  // labour supply's participation profile, built on first use

  CarriedGlobals globals;
  LogBins bins;

  State(const Calibration& c, const ScenarioParameters& p, const EnergyParameters& e, const TaxBenefitRules& r,
        const RunSettings& s, const GlobalSum& g);
  TablesView tables() const;
  WageTerms wage_terms() const;
  double group_log_wage(int group) const;  // log wage level of an ISCO major group relative to the mean
  double person_weight() const { return 1.0 / settings.scale; }
  // Removes the persons whose `keep` flag is 0, with their start-of-year statuses.
  void remove_unkept_persons();
};

}  // namespace ts::model
