// A worker's exposure to automation from their own task bundle: what is displaced this year,
// what digital skills turn into augmentation, what new tasks reinstate.
#pragma once
#include "kernels/ts_hd.hpp"
#include "model/scenario_parameters.hpp"
#include "model/tasks.hpp"

namespace ts::model {

struct TaskBundle {
  double share[task_category_count];
};

// Share of the worker's time in tasks the frontier can automate: the literature's
// "automatable share" of a job (Arntz, Gregory and Zierahn 2016, task-based).
TS_HD inline double automatable_share(const TaskBundle& tasks, const double capability[task_category_count]) {
  double total = 0.0;
  for (int k = 0; k < task_category_count; ++k) total += tasks.share[k] * capability[k];
  return total;
}

// Newly displaced share: the bundle weighted by this year's newly adopted share of each
// category (of the time still done by people), reduced for workers with more general skills.
TS_HD inline double displaced_share(const TaskBundle& tasks, const double newly_adopted[task_category_count],
                                    double skill_stock, double exposure_reduction) {
  double displaced = 0.0;
  for (int k = 0; k < task_category_count; ++k) displaced += tasks.share[k] * newly_adopted[k];
  double protection = exposure_reduction * (skill_stock - 1.0);
  protection = protection < 0.0 ? 0.0 : (protection > 0.9 ? 0.9 : protection);
  return displaced * (1.0 - protection);
}

// Part of the displaced share that digital skills turn into augmentation (the task changes,
// the job stays).
TS_HD inline double augmented_share(double displaced, int digital_skill, double augmentation_per_level) {
  const double share = augmentation_per_level * digital_skill;
  return displaced * (share > 0.95 ? 0.95 : share);
}

// The bundle after a year of automation: displaced time leaves each category in proportion to
// its newly adopted share; the reinstated part of it goes to the non-routine cognitive tasks in
// proportion to their current shares; augmented time stays where it was. Then renormalised.
TS_HD inline TaskBundle update_task_bundle(const TaskBundle& tasks, const double newly_adopted[task_category_count],
                                           double displaced, double augmented, double reinstatement_share) {
  TaskBundle next = tasks;
  if (displaced <= 0.0) return next;
  const double leaving = displaced - augmented;  // time that actually leaves the bundle
  double weighted = 0.0;
  for (int k = 0; k < task_category_count; ++k) weighted += tasks.share[k] * newly_adopted[k];
  if (weighted <= 0.0) return next;
  for (int k = 0; k < task_category_count; ++k)
    next.share[k] -= leaving * tasks.share[k] * newly_adopted[k] / weighted;
  const double reinstated = leaving * reinstatement_share;
  const double nonroutine = tasks.share[task_analytic] + tasks.share[task_interpersonal];
  if (nonroutine > 0.0) {
    next.share[task_analytic] += reinstated * tasks.share[task_analytic] / nonroutine;
    next.share[task_interpersonal] += reinstated * tasks.share[task_interpersonal] / nonroutine;
  } else {
    next.share[task_analytic] += reinstated * 0.5;
    next.share[task_interpersonal] += reinstated * 0.5;
  }
  double total = 0.0;
  for (int k = 0; k < task_category_count; ++k) {
    next.share[k] = next.share[k] > 0.0 ? next.share[k] : 0.0;
    total += next.share[k];
  }
  for (int k = 0; k < task_category_count; ++k) next.share[k] /= total;
  return next;
}

// Half the L1 distance between two bundles: 0 for equal bundles, 1 for disjoint ones.
TS_HD inline double task_distance(const TaskBundle& a, const double b[task_category_count]) {
  double total = 0.0;
  for (int k = 0; k < task_category_count; ++k) {
    const double d = a.share[k] - b[k];
    total += d < 0.0 ? -d : d;
  }
  return 0.5 * total;
}

}  // namespace ts::model
