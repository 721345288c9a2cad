// Properties of the per-person functions of the model (model/*_k.hpp): pure functions of plain
// values, tested on the host.
#include <gtest/gtest.h>

#include <cmath>

#include "kernels/philox_stream.hpp"
#include "model/exposure_k.hpp"
#include "model/exposure_lanes.hpp"
#include "model/technology_k.hpp"
#include "model/training_k.hpp"
#include "model/wage_k.hpp"

namespace {

using namespace ts::model;

TaskBundle random_bundle(std::uint64_t id) {
  const ts::PhiloxStream r(1, 0, id, 2024, 99);
  TaskBundle b{};
  double total = 0.0;
  for (int k = 0; k < task_category_count; ++k) total += (b.share[k] = r.uniform(k));
  for (double& s : b.share) s /= total;
  return b;
}

TEST(Exposure, UpdatedBundlesStayNonNegativeAndSumToOne) {
  for (std::uint64_t id = 0; id < 2000; ++id) {
    const TaskBundle tasks = random_bundle(id);
    const ts::PhiloxStream r(2, 0, id, 2030, 98);
    double newly[task_category_count];
    for (int k = 0; k < task_category_count; ++k) newly[k] = r.uniform(10 + k);
    const double displaced = displaced_share(tasks, newly, 1.0 + 0.5 * r.normal(20), 0.3);
    ASSERT_GE(displaced, 0.0);
    ASSERT_LE(displaced, 1.0);
    const double augmented = augmented_share(displaced, static_cast<int>(id % 4), 0.12);
    ASSERT_LE(augmented, displaced);
    const TaskBundle next = update_task_bundle(tasks, newly, displaced, augmented, r.uniform(21));
    double total = 0.0;
    for (double s : next.share) {
      ASSERT_GE(s, 0.0);
      total += s;
    }
    ASSERT_NEAR(total, 1.0, 1e-12);
  }
}

TEST(Exposure, DisplacementRisesWithAdoptionAndFallsWithSkills) {
  const TaskBundle tasks{{0.2, 0.1, 0.4, 0.2, 0.1}};
  const double low[task_category_count] = {0.0, 0.0, 0.1, 0.1, 0.0};
  const double high[task_category_count] = {0.05, 0.0, 0.3, 0.2, 0.05};
  EXPECT_GT(displaced_share(tasks, high, 1.0, 0.3), displaced_share(tasks, low, 1.0, 0.3));
  EXPECT_LT(displaced_share(tasks, high, 1.5, 0.3), displaced_share(tasks, high, 1.0, 0.3));
  EXPECT_NEAR(displaced_share(tasks, low, 1.0, 0.3), 0.4 * 0.1 + 0.2 * 0.1, 1e-15);
  const double none[task_category_count] = {0, 0, 0, 0, 0};
  EXPECT_EQ(displaced_share(tasks, none, 1.0, 0.3), 0.0);
  const double capability[task_category_count] = {0.2, 0.1, 0.9, 0.9, 0.4};
  EXPECT_NEAR(automatable_share(tasks, capability), 0.04 + 0.01 + 0.36 + 0.18 + 0.04, 1e-15);
}

TEST(Exposure, ReinstatementMovesDisplacedTimeToNonRoutineTasks) {
  const TaskBundle tasks{{0.2, 0.1, 0.4, 0.2, 0.1}};
  const double newly[task_category_count] = {0.0, 0.0, 0.5, 0.0, 0.0};
  const double displaced = displaced_share(tasks, newly, 1.0, 0.0);
  const TaskBundle next = update_task_bundle(tasks, newly, displaced, 0.0, 0.5);
  EXPECT_LT(next.share[task_routine_cognitive], tasks.share[task_routine_cognitive]);
  EXPECT_GT(next.share[task_analytic], tasks.share[task_analytic]);
  EXPECT_GT(next.share[task_interpersonal], tasks.share[task_interpersonal]);
  EXPECT_NEAR(task_distance(tasks, tasks.share), 0.0, 1e-15);
  const double disjoint[task_category_count] = {0, 0, 0, 0, 1};
  EXPECT_NEAR(task_distance(TaskBundle{{1, 0, 0, 0, 0}}, disjoint), 1.0, 1e-15);
}

TEST(Exposure, BranchFreeExposureHasTheBitsOfTheScalarFunctions) {
  const ts::PhiloxStream r(3, 0, 17, 2030, 0);
  std::uint32_t draw = 0;
  for (int trial = 0; trial < 4000; ++trial) {
    ts::model::TaskBundle tasks{};
    double share[ts::model::task_category_count], adopted[ts::model::task_category_count];
    double total = 0.0;
    for (int k = 0; k < ts::model::task_category_count; ++k) {
      tasks.share[k] = r.uniform(draw++);
      total += tasks.share[k];
    }
    for (int k = 0; k < ts::model::task_category_count; ++k) {
      tasks.share[k] = static_cast<float>(tasks.share[k] / total);
      // Edge cases: no adoption (nothing weighted), no non-routine time, every bundle empty.
      adopted[k] = trial % 7 == 0 ? 0.0 : 0.3 * r.uniform(draw++);
    }
    if (trial % 5 == 0) tasks.share[ts::model::task_analytic] = tasks.share[ts::model::task_interpersonal] = 0.0;
    if (trial % 11 == 0)
      for (double& t : tasks.share) t = 0.0;
    for (int k = 0; k < ts::model::task_category_count; ++k) share[k] = tasks.share[k];
    const double skill = 3.0 * r.uniform(draw++);
    const int digital = trial % 4;
    const double reduction = trial % 3 == 0 ? 0.0 : 0.8, per_level = 0.15 * (trial % 9), reinstatement = 0.4;
    const ts::model::WorkerExposure x =
        ts::model::worker_exposure_selected(share, adopted, skill, digital, reduction, per_level, reinstatement);
    const double displaced = ts::model::displaced_share(tasks, adopted, skill, reduction);
    const double augmented = ts::model::augmented_share(displaced, digital, per_level);
    const ts::model::TaskBundle next = ts::model::update_task_bundle(tasks, adopted, displaced, augmented, reinstatement);
    ASSERT_EQ(x.displaced, displaced) << trial;
    ASSERT_EQ(x.augmented, augmented) << trial;
    for (int k = 0; k < ts::model::task_category_count; ++k) {
      ASSERT_EQ(std::isnan(x.share[k]), std::isnan(next.share[k])) << trial;
      if (!std::isnan(next.share[k])) {
        ASSERT_EQ(x.share[k], next.share[k]) << trial << " " << k;
      }
    }
  }
}

TEST(Technology, CapabilityStartsAtTheFrontierAndRisesToTheCeiling) {
  TechnologyParameters t{};
  for (int k = 0; k < task_category_count; ++k) {
    t.capability_2024[k] = 0.3;
    t.capability_ceiling[k] = 0.8;
    t.midpoint_year[k] = 2035;
    t.speed[k] = 0.3;
  }
  t.cost_relative_2024 = 1.2;
  t.cost_decline = 0.04;
  t.adoption_spread = 0.5;
  EXPECT_NEAR(automation_capability(t, 0, 2024, 2024), 0.3, 1e-15);
  double previous = 0.3;
  for (int year = 2025; year <= 2100; ++year) {
    const double c = automation_capability(t, 0, year, 2024);
    ASSERT_GE(c, previous);
    previous = c;
  }
  EXPECT_NEAR(previous, 0.8, 1e-3);
  t.speed[0] = 0.0;  // frozen technology
  EXPECT_EQ(automation_capability(t, 0, 2050, 2024), 0.3);
  EXPECT_LT(automation_cost(t, 2030, 2024), automation_cost(t, 2025, 2024));
  EXPECT_GT(adoption_rate(t, 1.5, 1.0), adoption_rate(t, 1.0, 1.0));  // dearer labour, more adoption
  EXPECT_GT(adoption_rate(t, 1.0, 0.5), adoption_rate(t, 1.0, 1.0));  // cheaper automation, more adoption
}

TEST(Wages, EducationExperienceAndStandardWorkPayMore) {
  WageTerms w{};
  w.log_median_monthly = std::log(4000.0);
  w.premium_education[1] = 0.12;
  w.premium_education[2] = 0.4;
  w.experience_linear = 0.028;
  w.experience_quadratic = -0.00035;
  w.gap_type[3] = -0.4;
  w.skill_return = 0.02;
  auto wage = [&](int education, int type, double experience) {
    return monthly_wage_fte(w, education, 1, type, 0, experience, 1.0, 0.0, 0.0);
  };
  EXPECT_NEAR(wage(0, 0, 0.0), 4000.0, 1e-9);
  EXPECT_GT(wage(2, 0, 10.0), wage(1, 0, 10.0));
  EXPECT_GT(wage(1, 0, 10.0), wage(0, 0, 10.0));
  EXPECT_GT(wage(1, 0, 20.0), wage(1, 0, 5.0));
  EXPECT_LT(wage(1, 3, 10.0), wage(1, 0, 10.0));
  EXPECT_EQ(potential_experience(17, 18.0), 0.0);
  EXPECT_EQ(potential_experience(40, 24.0), 16.0);
}

TEST(Training, ParticipationFollowsEducationAgeAndPolicy) {
  TrainingLogits l{};
  l.education[0] = -2.0;
  l.education[1] = -1.5;
  l.education[2] = -0.7;
  l.age_band[0] = 0.3;
  l.age_band[3] = -0.5;
  l.displacement = 1.0;
  const double base = training_probability(l, 1, 40, ts::model::status_employee_permanent, 0.0);
  EXPECT_GT(training_probability(l, 2, 40, ts::model::status_employee_permanent, 0.0), base);
  EXPECT_GT(training_probability(l, 1, 30, ts::model::status_employee_permanent, 0.0), training_probability(l, 1, 60, ts::model::status_employee_permanent, 0.0));
  EXPECT_GT(training_probability(l, 1, 40, ts::model::status_employee_permanent, 0.3), base);
  l.policy = 0.5;
  EXPECT_GT(training_probability(l, 1, 40, ts::model::status_employee_permanent, 0.0), base);
}

}  // namespace
