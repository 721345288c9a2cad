// The behavioural parameters of a scenario, as the per-person passes read them. Every field is
// declared once in TS_SCENARIO_PARAMETERS (model/scenario_parameters.cpp) with its key, range,
// unit, default and meaning; docs/model.md gives the equations they enter.
#pragma once
#include <span>
#include <vector>

#include "model/parameter_spec.hpp"
#include "model/policy_levers.hpp"
#include "model/tasks.hpp"

namespace ts::model {

struct TechnologyParameters {
  double capability_2024[task_category_count];     // share of each task automatable at the 2024 frontier
  double capability_ceiling[task_category_count];  // long-run share
  double midpoint_year[task_category_count];       // year of fastest diffusion
  double speed[task_category_count];               // logistic slope, per year
  double cost_relative_2024;  // automation cost of one FTE of tasks / mean FTE wage, 2024
  double cost_decline;        // yearly fall of that cost
  double adoption_spread;     // logistic scale of adoption in log(wage / cost)
};

struct ExposureParameters {
  double augmentation_per_digital_level;  // share of displaced time turned into augmentation per level
  double reinstatement_share;             // share of displaced time reinstated in new non-routine tasks
  double separation_sensitivity;          // log-odds of separation per unit of residual displacement
  double hours_cut_share;                 // share of residual displacement absorbed by shorter hours
};

struct TrainingParameters {
  double policy_log_odds;          // participation shift from subsidies, all workers
  double learning_account_log_odds_per_1000_eur;
  double low_educated_extra_log_odds;  // targeted push for the low educated
  double displacement_log_odds;    // more training after displacement
  double skill_gain;               // skill stock gained by one year of training
  double depreciation_base;        // yearly skill depreciation with no technological change
  double depreciation_per_pace;    // extra depreciation per unit of the pace of automation
  double digital_upgrade_probability;
  double exposure_reduction;       // relative cut in displaced share per unit of skill above 1
};

struct LabourParameters {
  double matching_efficiency;       // highest probability that an applicant is hired
  double distance_sensitivity;      // how strongly task distance deters applying to an occupation
  double education_mismatch_penalty;  // log weight per education level below an occupation's typical
  double crowding_out;              // 1: higher educated applicants are served first; 0: no priority
  double productivity_effect;       // share of displaced labour demand offset by productivity gains
  double new_task_demand;           // new non-routine demand per displaced FTE (reinstatement)
  double demand_growth;             // extra yearly growth of labour demand
  double platform_share_of_hires;
  double temporary_share_of_hires;
  double self_employed_share_of_hires;
  double permanent_share_of_hires;
  double participation_turnover;    // speed at which inactivity returns to its age profile
};

struct WageParameters {
  double productivity_growth;     // yearly real wage growth from productivity
  double tightness_elasticity;    // wage response to vacancies per job seeker
  double augmentation_premium;    // wage gain per unit of augmented task share
};

struct CapitalParameters {
  double labour_share_2024;
  double automation_effect;   // fall of the labour share per unit of automated task share
  double household_share;     // share of capital income received by resident persons
  double concentration;       // exponent of the wealth rank in the capital-income rule
};

struct DemographyParameters {
  double mortality_improvement;  // yearly relative fall in death probabilities
  double late_retirement_probability;  // yearly, at or above the statutory age
  double school_exit_probability;      // yearly, at or past the leaving age
  double school_leaving_age[3];  // by attained education
};

struct AlignmentParameters {
  bool unemployment;  // align unemployment by education to the base-year rates (logit scaling)
  double unemployment_target[3];  // by education; 0 keeps the base-year rate
  bool population;    // align persons by sex and age band to the projection (emigration, immigration)
};

struct ScenarioParameters {
  TechnologyParameters technology;
  ExposureParameters exposure;
  TrainingParameters training;
  LabourParameters labour;
  WageParameters wages;
  CapitalParameters capital;
  DemographyParameters demography;
  AlignmentParameters alignment;
  PolicyLevers policy;
};

// The specs of every scenario key the model reads (energy keys are added by the app).
std::span<const ParameterSpec> scenario_parameter_specs();
// Fills the struct from values given in the order of scenario_parameter_specs().
ScenarioParameters scenario_parameters_from(std::span<const double> values);
// The defaults.
ScenarioParameters default_scenario_parameters();

}  // namespace ts::model
