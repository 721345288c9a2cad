// The yearly indicators of one replica, declared once: the model fills them from exact
// aggregates, the NetCDF writer and docs/outputs.md loop over the same list.
#pragma once
#include <array>

namespace ts::model {

// The group dimension of an indicator.
enum class IndicatorDim { scalar, status, education, occupation, wage_tercile, task, digital_skill,
                          transitions, revenue_source, spending_branch, age_band, sex_age_band };

constexpr int indicator_dim_size(IndicatorDim d) {
  switch (d) {
    case IndicatorDim::scalar: return 1;
    case IndicatorDim::status: return 5;
    case IndicatorDim::education: return 3;
    case IndicatorDim::occupation: return 9;
    case IndicatorDim::wage_tercile: return 3;
    case IndicatorDim::task: return 5;
    case IndicatorDim::digital_skill: return 4;
    case IndicatorDim::transitions: return 25;
    case IndicatorDim::revenue_source: return 4;
    case IndicatorDim::spending_branch: return 5;
    case IndicatorDim::age_band: return 12;
    case IndicatorDim::sex_age_band: return 24;
  }
  return 1;
}

// X(name, dim, units, long_name)
#define TS_INDICATORS(X)                                                                                     \
  X(persons, scalar, "persons", "Residents aged 15 and over")                                                  \
  X(population_by_status, status, "persons", "Residents aged 15 and over by labour-market status")           \
  X(status_transitions, transitions, "persons", "Persons by status at the start (status_from) and end (status_to) of the year, survivors only") \
  X(deaths_by_status, status, "persons", "Deaths in the year by status at the start of the year")         \
  X(entrants, scalar, "persons", "Persons entering the population in the year (the new cohort of 15-year-olds)") \
  X(immigrants, scalar, "persons", "Persons arriving in the year through population alignment (alignment.population)") \
  X(emigrants_by_status, status, "persons", "Persons leaving in the year through population alignment, by status at the start of the year") \
  X(population_by_sex_age_band, sex_age_band, "persons", "Residents by sex and five-year age band") \
  X(employment_rate_20_64, scalar, "1", "Employed persons aged 20-64 over all persons aged 20-64")           \
  X(employment_rate_by_age_band, age_band, "1", "Employed persons over all persons, by five-year age band")  \
  X(unemployment_rate, scalar, "1", "ILO-style unemployment rate, 15-64: unemployed over employed plus unemployed") \
  X(unemployment_rate_by_education, education, "1", "Unemployment rate 15-64 by education")                   \
  X(unemployment_alignment_factor, education, "1", "Logit shift of hiring probabilities by education applied this year (calibration or alignment; reusable with --alignment-from)") \
  X(employment_by_education, education, "persons", "Employed persons by education")                           \
  X(employment_by_occupation, occupation, "persons", "Employed persons by ISCO-08 major group")               \
  X(employment_share_by_wage_tercile, wage_tercile, "1", "Share of employment in occupations of the bottom, middle and top third of the base-year occupational wage ranking (polarisation)") \
  X(vacancies_by_occupation, occupation, "jobs", "Vacancies opened in the year by ISCO-08 major group")       \
  X(mean_task_share, task, "1", "Mean time share of each task category among the employed")                   \
  X(automation_capability, task, "1", "Share of each task category automatable at the technology frontier")   \
  X(share_automatable_over_70, scalar, "1", "Share of workers whose automatable task share at the frontier exceeds 70%") \
  X(share_automatable_50_70, scalar, "1", "Share of workers whose automatable task share at the frontier is 50-70%") \
  X(share_frey_osborne_over_70, scalar, "1", "Share of workers in occupations whose Frey-Osborne probability of computerisation exceeds 0.7 (occupation-based, for comparison)") \
  X(mean_displaced_share, scalar, "1", "Mean share of tasks newly displaced this year among the employed")     \
  X(automated_fte, scalar, "FTE", "Full-time equivalents of work done by automation since the base year")     \
  X(training_rate, scalar, "1", "Share of persons aged 25-64 who trained in the year")                         \
  X(training_rate_by_education, education, "1", "Share of persons aged 25-64 who trained, by education")      \
  X(digital_skill_share, digital_skill, "1", "Distribution of digital-skill levels among persons aged 15-74") \
  X(mean_wage, scalar, "EUR/year", "Mean gross annual labour earnings of the employed")                       \
  X(median_wage, scalar, "EUR/year", "Median gross annual labour earnings of the employed")                   \
  X(gini_gross_labour_income, scalar, "1", "Gini coefficient of gross labour income, workers")                \
  X(gini_disposable_income, scalar, "1", "Gini coefficient of individual disposable income, adults 18+")      \
  X(p90_p10, scalar, "1", "Ratio of the 90th to the 10th percentile of disposable income, adults")            \
  X(p50_p10, scalar, "1", "Ratio of the median to the 10th percentile of disposable income, adults")          \
  X(s80_s20, scalar, "1", "Income of the top quintile over the bottom quintile, disposable income, adults")   \
  X(poverty_rate, scalar, "1", "Share of adults with disposable income below 60% of the median")              \
  X(mean_disposable_income_by_education, education, "EUR/year", "Mean disposable income by education, adults") \
  X(median_disposable_income_by_education, education, "EUR/year", "Median disposable income by education, adults") \
  X(mean_disposable_income_by_status, status, "EUR/year", "Mean disposable income by status, adults")         \
  X(labour_share, scalar, "1", "Labour compensation over value added")                                        \
  X(value_added, scalar, "EUR/year", "Value added of the modelled economy")                                   \
  X(capital_income_total, scalar, "EUR/year", "Capital income received by residents")                         \
  X(ss_revenue, scalar, "EUR/year", "Social-security revenue")                                               \
  X(ss_revenue_by_source, revenue_source, "EUR/year", "Social-security revenue by source")                   \
  X(ss_spending, scalar, "EUR/year", "Social-security spending")                                             \
  X(ss_spending_by_branch, spending_branch, "EUR/year", "Social-security spending by branch")                \
  X(ss_balance, scalar, "EUR/year", "Social-security revenue less spending")                                 \
  X(ss_balance_share_of_value_added, scalar, "1", "Social-security balance over value added")                \
  X(income_tax_revenue, scalar, "EUR/year", "Personal income tax and capital-income tax")                    \
  X(datacenter_twh, scalar, "TWh/year", "Datacentre electricity attributable to Flanders")                   \
  X(datacenter_twh_by_task, task, "TWh/year", "Datacentre electricity for automated work by task category")  \
  X(datacenter_cost_eur, scalar, "EUR/year", "Electricity cost of that datacentre demand")                   \
  X(datacenter_co2_t, scalar, "t/year", "CO2 emissions of that datacentre demand")                           \
  X(datacenter_share_of_electricity, scalar, "1", "Datacentre demand over Flemish electricity use")           \
  X(datacenter_kwh_per_automated_fte, scalar, "kWh/year", "Datacentre electricity per automated FTE")

#define TS_INDICATOR_FIELD(name, dim, units, long_name) \
  std::array<double, indicator_dim_size(IndicatorDim::dim)> name{};
struct Indicators {
  int year = 0;
  TS_INDICATORS(TS_INDICATOR_FIELD)
};
#undef TS_INDICATOR_FIELD

}  // namespace ts::model
