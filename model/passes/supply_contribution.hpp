// The labour-supply pass of one person (LabourSupplyPass::operator(), the GPU's path and the
// reference's) and the bins of its totals. model/passes/supply_tiles.hpp holds the CPU's path
// through a chunk of persons; model/passes/supply_pass.cpp runs the pass.
// Equations: docs/model.md, sections 1 and 3-5.
#pragma once
#include <cstddef>
#include <cstdint>

#include "kernels/fixed_point.hpp"
#include "kernels/philox_stream.hpp"
#include "model/passes/passes.hpp"
#include "model/passes/person_access.hpp"
#include "model/random_purposes.hpp"
#include "model/technology_k.hpp"
#include "model/training_k.hpp"

namespace ts::model::supply {

// Bin layout of the pass's totals.
constexpr int bin_employed = 0;                                          // [9]
constexpr int bin_seekers = bin_employed + isco_group_count;             // [9][3]
constexpr int bin_displaced_fte = bin_seekers + isco_group_count * education_count;  // [9] fixed
constexpr int bin_displaced_task = bin_displaced_fte + isco_group_count;  // [5] fixed
constexpr int bin_labour_force = bin_displaced_task + task_category_count;
constexpr int bin_displaced_sum = bin_labour_force + 1;                  // fixed
constexpr int bin_employed_total = bin_displaced_sum + 1;
constexpr int bin_labour_force_education = bin_employed_total + 1;  // [3]
constexpr int bin_deaths = bin_labour_force_education + education_count;  // [5] by status at the start
constexpr int bin_count = bin_deaths + broad_status_count;

// inactive_share at every age a person can have (0-255), by sex and education, tabulated once a
// run: the pass looks up two values per person instead of interpolating with four divisions.
constexpr int tabulated_ages = 256;
TS_HD inline int inactive_share_index(int age, int sex, int education) { return (age * 2 + sex) * education_count + education; }

struct LabourSupplyPass {
  PersonView p;
  TablesView t;
  std::uint8_t* keep;
  std::uint8_t* status_at_start;
  const double* inactive_share_by_age;  // inactive_share_index(age, sex, education)
  std::uint32_t seed, replica;
  int year;
  double mortality_factor;
  int statutory_age;
  double late_retirement_probability;
  double school_exit_probability;
  SchoolLeavingAges leaving;
  double participation_turnover;
  double newly_adopted[isco_group_count][task_category_count];
  double pace;
  ExposureParameters exposure;
  TrainingParameters training;
  TrainingLogits training_logits;
  double separation_logit[employment_type_count];
  double temporary_to_permanent;

  template <class Add>
  TS_HD void operator()(std::size_t i, Add& add) const {
    const std::uint64_t id = p.person_id[i];
    std::uint8_t status = p.status[i];
    status_at_start[i] = broad_status(status);
    const int sex = p.sex[i];
    const int old_age = p.age[i];
    const PhiloxStream death(seed, replica, id, static_cast<std::uint32_t>(year), purpose_death);
    const double q = t.death_probability[sex * life_table_ages + (old_age < 105 ? old_age : 105)] * mortality_factor;
    if (death.uniform(0) < q) {
      keep[i] = 0;
      add(bin_deaths + broad_status(status), 1);
      return;
    }
    keep[i] = 1;
    const int age = old_age < 255 ? old_age + 1 : 255;
    p.age[i] = static_cast<std::uint8_t>(age);
    const int education = p.education[i];
    p.trained[i] = 0;
    p.displaced_share[i] = 0.0f;

    const PhiloxStream retire(seed, replica, id, static_cast<std::uint32_t>(year), purpose_retirement);
    if (status == status_in_education) {
      // From the typical leaving age of their education on, students leave with a yearly
      // probability, so that some study longer (as the base-year share of students at 25-29 shows).
      if (age >= leaving.age[education] && retire.uniform(2) < school_exit_probability) {
        status = status_unemployed;  // school leavers look for a first job
        p.unemployment_months[i] = 0;
      } else {
        p.trained[i] = 1;  // formal education counts as learning
      }
    }
    if (status != status_in_education && status != status_retired) {
      if (age >= statutory_age) {
        if (retire.uniform(1) < late_retirement_probability) status = status_retired;
      } else if (age >= retirement_exit_first_age &&
               retire.uniform(0) < t.retirement_exit[sex * retirement_exit_ages + (age - retirement_exit_first_age)])
        status = status_retired;
    }
    // Participation follows the base-year age profile (pseudo-cohort flows): moving from one
    // age to the next, the change of the inactive share sets the net flow, and a turnover
    // keeps people moving both ways around it.
    const PhiloxStream participation(seed, replica, id, static_cast<std::uint32_t>(year), purpose_participation);
    if (status == status_inactive || status == status_unemployed || is_employed(status)) {
      const double before = inactive_share_by_age[inactive_share_index(old_age, sex, education)];
      const double after = inactive_share_by_age[inactive_share_index(age, sex, education)];
      const double change = after - before;
      const double u = participation.uniform(0);
      if (status == status_inactive) {
        const double back = participation_turnover * (1.0 - after) + (change < 0.0 && before > 0.0 ? -change / before : 0.0);
        if (u < back) {
          status = status_unemployed;
          p.unemployment_months[i] = 0;
        }
      } else if (u < participation_turnover * after + (change > 0.0 && before < 1.0 ? change / (1.0 - before) : 0.0)) {
        if (is_employed(status)) p.previous_wage[i] = p.gross_wage[i];
        status = status_inactive;
      }
    }

    const PhiloxStream train(seed, replica, id, static_cast<std::uint32_t>(year), purpose_training);
    double displaced = 0.0;
    if (is_employed(status)) {
      const int group = t.occupation_isco1[p.occupation[i]] - 1;
      const TaskBundle tasks = load_tasks(p, i);
      displaced = displaced_share(tasks, newly_adopted[group], p.skill_stock[i], training.exposure_reduction);
      const double augmented = augmented_share(displaced, p.digital_skill[i], exposure.augmentation_per_digital_level);
      const double residual = (displaced - augmented) * (1.0 - exposure.reinstatement_share);
      store_tasks(p, i, update_task_bundle(tasks, newly_adopted[group], displaced, augmented, exposure.reinstatement_share));
      p.displaced_share[i] = static_cast<float>(displaced);
      const double hours = p.hours[i];
      const double cut = 1.0 - exposure.hours_cut_share * residual;
      p.hours[i] = static_cast<float>(hours * (cut > 0.2 ? cut : 0.2));
      const double displaced_fte = hours * (displaced - augmented);
      add(bin_displaced_fte + group, share_to_fixed(displaced_fte));
      double weighted = 0.0;
      for (int k = 0; k < task_category_count; ++k) weighted += tasks.share[k] * newly_adopted[group][k];
      if (weighted > 0.0)
        for (int k = 0; k < task_category_count; ++k)
          add(bin_displaced_task + k, share_to_fixed(displaced_fte * tasks.share[k] * newly_adopted[group][k] / weighted));
      add(bin_displaced_sum, share_to_fixed(displaced));
      add(bin_employed_total, 1);

      const PhiloxStream separate(seed, replica, id, static_cast<std::uint32_t>(year), purpose_separation);
      const int type = status - status_employee_permanent;
      const double logit = separation_logit[type] + exposure.separation_sensitivity * residual -
                           0.5 * (p.skill_stock[i] - 1.0);
      if (separate.uniform(0) < det_logistic(logit)) {
        p.previous_wage[i] = p.gross_wage[i];
        status = status_unemployed;
        p.unemployment_months[i] = 0;
      } else {
        p.years_worked[i] += static_cast<float>(hours);
        const PhiloxStream contract(seed, replica, id, static_cast<std::uint32_t>(year), purpose_contract);
        if (status == status_employee_temporary && contract.uniform(0) < temporary_to_permanent)
          status = status_employee_permanent;
      }
    }
    if (status != status_in_education && status != status_retired && age < statutory_age) {
      if (train.uniform(0) < training_probability(training_logits, education, age, status, displaced)) p.trained[i] = 1;
    }
    // Skills: training adds to the stock; without it skills depreciate, faster when
    // technology moves faster.
    const double depreciation = training.depreciation_base + training.depreciation_per_pace * pace;
    const double skill = p.skill_stock[i] * (1.0 - depreciation) + (p.trained[i] ? training.skill_gain : 0.0);
    p.skill_stock[i] = static_cast<float>(skill > 0.05 ? skill : 0.05);
    if (p.trained[i] && p.digital_skill[i] < 3 && train.uniform(1) < training.digital_upgrade_probability)
      p.digital_skill[i] = static_cast<std::uint8_t>(p.digital_skill[i] + 1);

    p.status[i] = status;
    if (is_employed(status)) {
      add(bin_employed + t.occupation_isco1[p.occupation[i]] - 1, 1);
      add(bin_labour_force, 1);
      add(bin_labour_force_education + education, 1);
    } else if (status == status_unemployed) {
      add(bin_seekers + (t.occupation_isco1[p.occupation[i]] - 1) * education_count + education, 1);
      add(bin_labour_force, 1);
      add(bin_labour_force_education + education, 1);
    }
  }

#if THRUST_DEVICE_SYSTEM != THRUST_DEVICE_SYSTEM_CUDA
  // The CPU's way through a chunk of persons (SupplyTiles below), the same bits as operator().
  template <class Add>
  void range(std::size_t begin, std::size_t end, Add& add) const;
#endif
};

}  // namespace ts::model::supply
