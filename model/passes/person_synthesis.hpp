// A synthetic person drawn from the cell (single-year age, sex, attained education, broad status)
// they belong to. The base population and the immigrants of population alignment share it, so a
// newcomer of a given age and sex resembles the base year's residents of that age and sex.
#pragma once
#include <cstdint>

#include "kernels/philox_blocks.hpp"
#include "kernels/philox_stream.hpp"
#include "model/passes/person_access.hpp"
#include "model/passes/person_draws.hpp"
#include "model/random_purposes.hpp"

namespace ts::model {

inline constexpr int cells_per_age_sex = education_count * synth_status_count;

struct PersonOfCell {
  PersonView p;
  TablesView t;
  std::uint32_t seed, replica;
  int year;
  double unemployment_spell_mean_months;
  SchoolLeavingAges leaving;
  int statutory_age;
  double individual_effect_sd;
  double cohort_education[education_count];

  // Fills person i with global id `id` from cell `cell` (index in the age-sex-education-status
  // layout); job_type_u and part_time_u place an employed person among the job types and hours.
  TS_HD void operator()(std::size_t i, std::uint64_t id, int cell, double job_type_u, double part_time_u) const {
    const int age = first_age + cell / (2 * cells_per_age_sex);
    const int sex = (cell / cells_per_age_sex) % 2;
    const int attained = (cell / synth_status_count) % education_count;
    const int broad = cell % synth_status_count;
    // Draws 0-15 from eight blocks computed together (a student takes draw 14).
    const PhiloxBlocks<8> r(PhiloxStream(seed, replica, id, static_cast<std::uint32_t>(year), purpose_synth_person));
    const int band = age >= 70 ? 11 : (age - 15) / 5;
    const int education =
        broad == synth_in_education ? final_education(attained, age, leaving, cohort_education, r.uniform(14)) : attained;

    p.person_id[i] = id;
    p.age[i] = static_cast<std::uint8_t>(age);
    p.sex[i] = static_cast<std::uint8_t>(sex);
    p.education[i] = static_cast<std::uint8_t>(education);
    p.region[i] = static_cast<std::uint8_t>(r.categorical(0, t.province_share, province_count));
    std::uint8_t status = status_inactive;
    if (broad == synth_in_education) status = status_in_education;
    else if (broad == synth_unemployed) status = status_unemployed;
    else if (broad == synth_retired) status = status_retired;
    if (broad == synth_employed)
      status = static_cast<std::uint8_t>(status_employee_permanent +
                                         categorical_index(job_type_u, t.employment_type_share + (band * 2 + sex) * 4, 4));
    p.status[i] = status;
    const bool part_time = part_time_u < t.part_time_share[sex * status_band_count + band];
    p.hours[i] = is_employed(status) && part_time ? static_cast<float>(t.part_time_fte[sex * status_band_count + band]) : 1.0f;

    // Everyone has an occupation: the job held, or for those out of work the one they last
    // held or would look for; it steers job search and the potential wage.
    const int occupation = draw_occupation_for_education(t, education, r.uniform(3), r.uniform(4));
    p.occupation[i] = static_cast<std::uint16_t>(occupation);
    store_tasks(p, i, draw_task_bundle(t, occupation, r, 5, task_bundle_spread));

    p.digital_skill[i] = draw_digital_skill(t, r, attained, age);  // the table is by attained education
    p.skill_stock[i] = draw_skill_stock(r);
    p.wage_effect[i] = static_cast<float>(individual_effect_sd * r.normal(12));
    p.unemployment_months[i] = draw_unemployment_months(r, status, unemployment_spell_mean_months);
    p.years_worked[i] = synthetic_years_worked(age, status, statutory_age, leaving.age[education]);
    p.gross_wage[i] = 0.0f;
    p.career_earnings[i] = 0.0f;
    clear_yearly_amounts(p, i);
  }
};

// Career history implied by the current potential wage: earnings so far and the last wage of
// those out of work. Assumption: past earnings averaged 85% of the current potential wage.
struct SynthesizeCareer {
  PersonView p;
  TablesView t;
  WageTerms w;
  SchoolLeavingAges leaving;
  double pension_ceiling;
  TS_HD void operator()(std::size_t i) const {
    const double annual_fte = person_monthly_wage_fte(p, i, t, w, leaving, 0.0) * w.annual_months;
    const double capped = annual_fte < pension_ceiling ? annual_fte : pension_ceiling;
    p.career_earnings[i] = static_cast<float>(0.85 * capped * p.years_worked[i]);
    p.previous_wage[i] = p.status[i] == status_unemployed ? static_cast<float>(annual_fte) : 0.0f;
  }
};

// Drawn as of `year` (cohort education, statutory age), for the current population view: take
// them again after the population is resized.
PersonOfCell person_of_cell(Simulation::State& s, int year);
SynthesizeCareer synthesize_career(Simulation::State& s);

}  // namespace ts::model
