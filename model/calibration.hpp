// The calibration tables of the model as plain host data, filled by the app from
// configs/calibration/*.csv (each figure's source is in its table). Index conventions:
// sex 0 male / 1 female; education 0 low / 1 middle / 2 high; status bands of 5 years
// from 15-19 to 65-69 plus 70+ (12 bands).
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <vector>

#include "model/tasks.hpp"

namespace ts::model {

// The year that the base population, wages and tax-benefit rules describe: every run starts here.
inline constexpr int calibration_base_year = 2024;
inline constexpr int first_age = 15;
inline constexpr int last_age = 100;  // 100 stands for 100 and over
inline constexpr int age_count = last_age - first_age + 1;
inline constexpr int status_band_count = 12;  // 15-19 .. 65-69, 70+
inline constexpr int education_band_count = 13;  // 15-19 .. 70-74, 75+
inline constexpr int digital_band_count = 6;    // 15-24 .. 55-64, 65+
inline constexpr int life_table_ages = 106;     // 0 .. 105+
inline constexpr int province_count = 5;
inline constexpr int retirement_exit_first_age = 55;
inline constexpr int retirement_exit_ages = 12;  // 55 .. 66

// The age-band labels of the tables, in index order.
inline constexpr const char* status_band_labels[status_band_count] = {
    "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64", "65-69", "70+"};
inline constexpr const char* education_band_labels[education_band_count] = {
    "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64", "65-69", "70-74", "75+"};
inline constexpr const char* digital_band_labels[digital_band_count] = {"15-24", "25-34", "35-44", "45-54", "55-64", "65+"};

inline int status_band_of(int age) { return age >= 70 ? 11 : (age - 15) / 5; }
inline int education_band_of(int age) { return age >= 75 ? 12 : (age - 15) / 5; }
inline int digital_band_of(int age) { return age >= 65 ? 5 : (age - 15) / 10; }

// Shares of the five broad statuses in labour_status.csv.
enum SynthStatus { synth_in_education, synth_employed, synth_unemployed, synth_inactive, synth_retired };
inline constexpr int synth_status_count = 5;

struct Occupation {
  int isco4;
  int isco1;  // 1..9
  double weight;
  double tasks[task_category_count];
  double frey_osborne;
};

struct WageStructure {
  double deciles_monthly_fte_2024[9];  // P10..P90 of full-time gross wages, EUR per month
  double annual_months;            // months of pay in a year (13th month, holiday pay)
  double premium_education[education_count];  // log premium vs low
  double experience_linear, experience_quadratic;
  double premium_isco1[isco_group_count];
  double gap_type[employment_type_count];     // log gap by permanent/temporary/self/platform
  double female_gap;
  double individual_effect_sd;
  double skill_stock_return;
};

struct LabourFlows {
  double separation[employment_type_count];  // permanent, temporary, self-employed, platform
  double job_finding[education_count];       // yearly, unemployed to employed
  double temporary_to_permanent;
  double vacancy_rate;
  double long_term_unemployment_share;
};

struct TrainingRates {
  double overall;
  double education[education_count];
  double age_band[4];  // 25-34, 35-44, 45-54, 55-64
  double status[3];    // employed, unemployed, inactive
  double contract[employment_type_count];
};

struct Calibration {
  double persons[2][age_count];                                   // 1 Jan 2024
  double education_share[education_band_count][2][education_count];
  double status_share[status_band_count][2][education_count][synth_status_count];
  double employment_type_share[status_band_count][2][employment_type_count];
  double part_time_share[2][status_band_count];
  double part_time_fte[2][status_band_count];
  double death_probability[2][life_table_ages];
  std::map<int, int> statutory_retirement_age;  // by year
  double retirement_exit_rate[2][retirement_exit_ages];
  std::map<int, std::array<double, education_count>> cohort_education;  // by year
  double province_share[province_count];
  double occupation_group_by_education[isco_group_count][education_count];
  std::vector<Occupation> occupations;  // sorted by isco1, then isco4
  double digital_share[education_count][digital_band_count][digital_level_count];
  TrainingRates training;
  WageStructure wages;
  LabourFlows flows;
  // Population projection: persons by year, sex and status band (optional alignment target).
  std::map<int, std::array<std::array<double, status_band_count>, 2>> projected_persons;

  int statutory_age(int year) const;
  std::array<double, education_count> cohort_education_in(int year) const;
};

}  // namespace ts::model
