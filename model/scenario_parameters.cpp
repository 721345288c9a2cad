// The scenario keys of the model: one row per parameter, read by the validator, the
// documentation generator and scenario_parameters_from. Sources of the defaults are in
// docs/model.md, next to the equation each parameter enters.
#include "model/scenario_parameters.hpp"

#include <stdexcept>

namespace ts::model {
namespace {

using PT = ParameterType;

// X(key, type, default, min, max, unit, description, sum_group, field)
#define TS_TASK_ROWS(X, prefix, field, d0, d1, d2, d3, d4, lo, hi, unit, what)                 \
  X(prefix ".analytic", PT::real, d0, lo, hi, unit, what " (non-routine analytic)", "", field[0])   \
  X(prefix ".interpersonal", PT::real, d1, lo, hi, unit, what " (non-routine interpersonal)", "", field[1]) \
  X(prefix ".routine_cognitive", PT::real, d2, lo, hi, unit, what " (routine cognitive)", "", field[2]) \
  X(prefix ".routine_manual", PT::real, d3, lo, hi, unit, what " (routine manual)", "", field[3])  \
  X(prefix ".manual", PT::real, d4, lo, hi, unit, what " (non-routine manual)", "", field[4])

#define TS_SCENARIO_PARAMETERS(X)                                                                \
  TS_TASK_ROWS(X, "technology.capability_2024", technology.capability_2024, 0.25, 0.10, 0.90, 0.90, 0.45, 0.0, 1.0, "1", \
               "Share of the task category that the 2024 technology frontier can automate")       \
  TS_TASK_ROWS(X, "technology.capability_ceiling", technology.capability_ceiling, 0.55, 0.25, 0.97, 0.97, 0.65, 0.0, 1.0, "1", \
               "Long-run share of the task category that can be automated")                       \
  TS_TASK_ROWS(X, "technology.midpoint_year", technology.midpoint_year, 2038, 2042, 2030, 2033, 2042, 2000, 2100, "year", \
               "Year in which the automation capability of the category grows fastest")          \
  TS_TASK_ROWS(X, "technology.speed", technology.speed, 0.25, 0.25, 0.25, 0.25, 0.25, 0.0, 3.0, "1/year", \
               "Logistic slope of the diffusion curve of the category")                          \
  X("technology.cost_relative_2024", PT::real, 1.2, 0.01, 100.0, "1",                              \
    "Cost of automating one FTE of tasks relative to the mean FTE wage, in 2024", "", technology.cost_relative_2024) \
  X("technology.cost_decline", PT::real, 0.04, 0.0, 0.5, "1/year",                                 \
    "Yearly relative fall of the cost of automation", "", technology.cost_decline)                 \
  X("technology.adoption_spread", PT::real, 0.5, 0.01, 10.0, "1",                                  \
    "Logistic scale of adoption in log(occupation wage / automation cost)", "", technology.adoption_spread) \
  X("exposure.augmentation_per_digital_level", PT::real, 0.12, 0.0, 0.33, "1",                     \
    "Share of displaced time turned into augmentation per digital-skill level", "", exposure.augmentation_per_digital_level) \
  X("exposure.reinstatement_share", PT::real, 0.35, 0.0, 1.0, "1",                                 \
    "Share of displaced time reinstated in new non-routine tasks", "", exposure.reinstatement_share) \
  X("exposure.separation_sensitivity", PT::real, 5.0, 0.0, 50.0, "1",                              \
    "Log-odds of separation per unit of residual displaced share", "", exposure.separation_sensitivity) \
  X("exposure.hours_cut_share", PT::real, 0.25, 0.0, 1.0, "1",                                     \
    "Share of residual displacement absorbed by shorter hours", "", exposure.hours_cut_share)      \
  X("training.policy_log_odds", PT::real, 0.0, -5.0, 5.0, "1",                                     \
    "Shift of the log-odds of training participation for everyone (campaigns, obligations)", "", training.policy_log_odds) \
  X("training.learning_account_log_odds_per_1000_eur", PT::real, 0.25, 0.0, 5.0, "1/kEUR",         \
    "Effect of one thousand euros of individual learning account on the log-odds of training", "", training.learning_account_log_odds_per_1000_eur) \
  X("training.low_educated_extra_log_odds", PT::real, 0.0, -5.0, 5.0, "1",                         \
    "Extra log-odds of training for the low educated (targeted push)", "", training.low_educated_extra_log_odds) \
  X("training.displacement_log_odds", PT::real, 1.0, 0.0, 20.0, "1",                               \
    "Log-odds of training per unit of this year's displaced share", "", training.displacement_log_odds) \
  X("training.skill_gain", PT::real, 0.08, 0.0, 1.0, "1",                                          \
    "Skill stock gained by a year with training", "", training.skill_gain)                         \
  X("training.depreciation_base", PT::real, 0.015, 0.0, 0.5, "1/year",                             \
    "Yearly skill depreciation without technological change", "", training.depreciation_base)      \
  X("training.depreciation_per_pace", PT::real, 1.0, 0.0, 20.0, "1",                               \
    "Extra depreciation per unit of the pace of automation (mean newly adopted share)", "", training.depreciation_per_pace) \
  X("training.digital_upgrade_probability", PT::real, 0.25, 0.0, 1.0, "1",                         \
    "Probability that a trained person below the top level moves up one digital-skill level", "", training.digital_upgrade_probability) \
  X("training.exposure_reduction", PT::real, 0.3, 0.0, 1.0, "1",                                   \
    "Relative cut in displaced share per unit of skill stock above the base-year mean", "", training.exposure_reduction) \
  X("labour.matching_efficiency", PT::real, 0.62, 0.01, 1.0, "1",                                  \
    "Highest yearly probability that an applicant is hired", "", labour.matching_efficiency)       \
  X("labour.distance_sensitivity", PT::real, 3.0, 0.0, 50.0, "1",                                  \
    "How strongly task distance deters a job seeker from an occupation group", "", labour.distance_sensitivity) \
  X("labour.education_mismatch_penalty", PT::real, 1.0, 0.0, 20.0, "1",                            \
    "Log weight per education level an applicant lacks for an occupation group", "", labour.education_mismatch_penalty) \
  X("labour.crowding_out", PT::real, 1.0, 0.0, 1.0, "1",                                           \
    "Priority of higher-educated applicants for the same vacancies (1 full, 0 none)", "", labour.crowding_out) \
  X("labour.productivity_effect", PT::real, 0.5, 0.0, 2.0, "1",                                    \
    "Share of displaced labour demand that productivity gains restore as new demand", "", labour.productivity_effect) \
  X("labour.new_task_demand", PT::real, 0.3, 0.0, 2.0, "1",                                        \
    "New demand in non-routine occupations per displaced FTE", "", labour.new_task_demand)         \
  X("labour.demand_growth", PT::real, 0.0, -0.1, 0.1, "1/year",                                    \
    "Extra yearly growth of labour demand beyond the labour force", "", labour.demand_growth)      \
  X("labour.platform_share_of_hires", PT::real, 0.03, 0.0, 1.0, "1",                               \
    "Share of hires that are platform work", "hires", labour.platform_share_of_hires)              \
  X("labour.temporary_share_of_hires", PT::real, 0.30, 0.0, 1.0, "1",                              \
    "Share of hires on a temporary contract", "hires", labour.temporary_share_of_hires)            \
  X("labour.self_employed_share_of_hires", PT::real, 0.07, 0.0, 1.0, "1",                          \
    "Share of hires that start as self-employed", "hires", labour.self_employed_share_of_hires)    \
  X("labour.permanent_share_of_hires", PT::real, 0.60, 0.0, 1.0, "1",                              \
    "Share of hires on a permanent contract", "hires", labour.permanent_share_of_hires)            \
  X("labour.participation_turnover", PT::real, 0.05, 0.0, 1.0, "1/year",                            \
    "Gross flows between activity and inactivity around the net flow implied by the base-year age profile", "", labour.participation_turnover) \
  X("wages.productivity_growth", PT::real, 0.01, -0.05, 0.1, "1/year",                             \
    "Yearly real wage growth from productivity", "", wages.productivity_growth)                    \
  X("wages.tightness_elasticity", PT::real, 0.05, 0.0, 1.0, "1",                                   \
    "Elasticity of an occupation group's wage level to its vacancies per job seeker", "", wages.tightness_elasticity) \
  X("wages.augmentation_premium", PT::real, 0.2, 0.0, 2.0, "1",                                    \
    "Log wage gain per unit of augmented task share", "", wages.augmentation_premium)              \
  X("capital.labour_share_2024", PT::real, 0.60, 0.2, 0.9, "1",                                    \
    "Labour share of value added in 2024", "", capital.labour_share_2024)                          \
  X("capital.automation_effect", PT::real, 0.3, 0.0, 2.0, "1",                                     \
    "Fall of the labour share per unit of automated share of labour demand", "", capital.automation_effect) \
  X("capital.household_share", PT::real, 0.25, 0.0, 1.0, "1",                                      \
    "Share of capital income (value added less labour compensation) received by resident persons", "", capital.household_share) \
  X("capital.concentration", PT::real, 2.5, 0.0, 10.0, "1",                                        \
    "Exponent on the wealth proxy in the capital-income distribution rule", "", capital.concentration) \
  X("demography.mortality_improvement", PT::real, 0.01, 0.0, 0.1, "1/year",                        \
    "Yearly relative fall in death probabilities", "", demography.mortality_improvement)           \
  X("demography.late_retirement_probability", PT::real, 0.7, 0.0, 1.0, "1/year",                  \
    "Yearly probability that a person not yet retired at or above the statutory age retires", "", demography.late_retirement_probability) \
  X("demography.school_exit_probability", PT::real, 0.6, 0.01, 1.0, "1/year",                     \
    "Yearly probability that a student at or past the leaving age of their education leaves school", "", demography.school_exit_probability) \
  X("demography.school_leaving_age.low", PT::integer, 18, 15, 30, "years",                         \
    "Age at which the low educated leave school", "", demography.school_leaving_age[0])            \
  X("demography.school_leaving_age.middle", PT::integer, 19, 15, 30, "years",                      \
    "Age at which the middle educated leave school", "", demography.school_leaving_age[1])         \
  X("demography.school_leaving_age.high", PT::integer, 24, 15, 30, "years",                        \
    "Age at which the high educated leave school", "", demography.school_leaving_age[2])           \
  X("alignment.unemployment", PT::boolean, 0, 0, 1, "1",                                           \
    "Align unemployment rates by education to the base-year rates by logit scaling", "", alignment.unemployment) \
  X("alignment.unemployment_target.low", PT::real, 0.0, 0.0, 0.5, "1",                          \
    "Unemployment rate of the low educated that alignment.unemployment aims at (0: the base-year rate)", "", alignment.unemployment_target[0]) \
  X("alignment.unemployment_target.middle", PT::real, 0.0, 0.0, 0.5, "1",                       \
    "Unemployment rate of the middle educated that alignment.unemployment aims at (0: the base-year rate)", "", alignment.unemployment_target[1]) \
  X("alignment.unemployment_target.high", PT::real, 0.0, 0.0, 0.5, "1",                         \
    "Unemployment rate of the high educated that alignment.unemployment aims at (0: the base-year rate)", "", alignment.unemployment_target[2]) \
  X("alignment.population", PT::boolean, 0, 0, 1, "1",                                             \
    "Align the population by sex and five-year age band to population_projection.csv (emigrants and immigrants)", "", alignment.population) \
  X("policy.basic_income_annual", PT::real, 0.0, 0.0, 60000.0, "EUR/year",                         \
    "Basic income per adult and year (0: none)", "", policy.basic_income_annual)                    \
  X("policy.basic_income_min_age", PT::integer, 18, 15, 100, "years",                              \
    "Age from which the basic income is paid", "", policy.basic_income_min_age)                    \
  X("policy.basic_income_taxable", PT::boolean, 0, 0, 1, "1",                                      \
    "Whether the basic income is part of taxable income", "", policy.basic_income_taxable)         \
  X("policy.tax_shift_ssc_points", PT::real, 0.0, 0.0, 20.0, "percentage points",                  \
    "Cut of employee plus employer social contribution rates (tax shift from labour)", "", policy.tax_shift_ssc_points) \
  X("policy.capital_income_tax_increase_points", PT::real, 0.0, 0.0, 50.0, "percentage points",    \
    "Rise of the capital-income tax rate (tax shift to capital)", "", policy.capital_income_tax_increase_points) \
  X("policy.platform_treated_as_employee", PT::boolean, 0, 0, 1, "1",                              \
    "Platform workers pay employee contributions and are taxed as employees", "", policy.platform_treated_as_employee) \
  X("policy.robot_tax_rate", PT::real, 0.0, 0.0, 1.0, "1",                                         \
    "Tax on automation capital as a share of the wage bill it displaced", "", policy.robot_tax_rate) \
  X("policy.training_subsidy_share", PT::real, 0.0, 0.0, 1.0, "1",                                 \
    "Share of training costs paid by the government (raises participation)", "", policy.training_subsidy_share) \
  X("policy.learning_account_eur", PT::real, 0.0, 0.0, 10000.0, "EUR/year",                        \
    "Yearly individual learning account per person of working age", "", policy.learning_account_eur)

#define TS_SPEC_ROW(key, type, def, lo, hi, unit, what, group, field) \
  ParameterSpec{key, type, static_cast<double>(def), lo, hi, unit, what, group},
constexpr ParameterSpec specs[] = {TS_SCENARIO_PARAMETERS(TS_SPEC_ROW)};
#undef TS_SPEC_ROW

template <class Field>
void assign(Field& field, double value) {
  field = static_cast<Field>(value);
}
void assign(bool& field, double value) { field = value != 0.0; }

}  // namespace

std::span<const ParameterSpec> scenario_parameter_specs() { return specs; }

ScenarioParameters scenario_parameters_from(std::span<const double> values) {
  if (values.size() != std::size(specs))
    throw std::invalid_argument("scenario_parameters_from: wrong number of values");
  ScenarioParameters p{};
  std::size_t i = 0;
#define TS_ASSIGN_ROW(key, type, def, lo, hi, unit, what, group, field) assign(p.field, values[i++]);
  TS_SCENARIO_PARAMETERS(TS_ASSIGN_ROW)
#undef TS_ASSIGN_ROW
  return p;
}

ScenarioParameters default_scenario_parameters() {
  std::vector<double> values;
  for (const ParameterSpec& spec : specs) values.push_back(spec.default_value);
  return scenario_parameters_from(values);
}

}  // namespace ts::model
