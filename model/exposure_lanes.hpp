// A worker's exposure to this year's automation (displaced_share, augmented_share and
// update_task_bundle of exposure_k.hpp) without branches, for CPU loops over many workers that
// the compiler vectorises: every case is computed and one is selected (GCC does not vectorise
// floating-point arithmetic under a condition with -ftrapping-math). Each result goes through
// exactly the scalar functions' operations in their order, so the bits are the same.
#pragma once
#include "kernels/simd_loops.hpp"
#include "model/exposure_k.hpp"
#include "model/scenario_parameters.hpp"
#include "model/tasks.hpp"

namespace ts::model {

struct WorkerExposure {
  double displaced;                    // displaced_share
  double augmented;                    // augmented_share
  double weighted;                     // the bundle weighted by the newly adopted shares
  double share[task_category_count];   // update_task_bundle
};

inline WorkerExposure worker_exposure_selected(const double (&share)[task_category_count],
                                               const double (&adopted)[task_category_count], double skill_stock,
                                               double digital_skill, double exposure_reduction,
                                               double augmentation_per_level, double reinstatement_share) {
  WorkerExposure x;
  double weighted = 0.0;
  for (int k = 0; k < task_category_count; ++k) weighted += share[k] * adopted[k];
  x.weighted = weighted;
  // Both comparisons and every division are evaluated whatever the case: with -ftrapping-math
  // GCC vectorises a select between values, not an operation that only one case performs.
  const double unclamped = exposure_reduction * (skill_stock - 1.0);
  const bool below = unclamped < 0.0, above = unclamped > 0.9;
  const double protection = ts::select_bits(below, 0.0, ts::select_bits(above, 0.9, unclamped));
  x.displaced = weighted * (1.0 - protection);
  const double augmentation = augmentation_per_level * digital_skill;
  x.augmented = x.displaced * ts::select_bits(augmentation > 0.95, 0.95, augmentation);

  const double leaving = x.displaced - x.augmented;
  double next[task_category_count];
  for (int k = 0; k < task_category_count; ++k) next[k] = share[k] - leaving * share[k] * adopted[k] / weighted;
  const double reinstated = leaving * reinstatement_share;
  const double nonroutine = share[task_analytic] + share[task_interpersonal];
  const bool has_nonroutine = nonroutine > 0.0;
  const double to_analytic = reinstated * share[task_analytic] / nonroutine;
  const double to_interpersonal = reinstated * share[task_interpersonal] / nonroutine;
  const double half = reinstated * 0.5;
  next[task_analytic] += ts::select_bits(has_nonroutine, to_analytic, half);
  next[task_interpersonal] += ts::select_bits(has_nonroutine, to_interpersonal, half);
  double total = 0.0;
  for (int k = 0; k < task_category_count; ++k) {
    next[k] = ts::select_bits(next[k] > 0.0, next[k], 0.0);
    total += next[k];
  }
  const bool unchanged = (x.displaced <= 0.0) | (weighted <= 0.0);  // no short circuit: no branch  // update_task_bundle's early returns
  for (int k = 0; k < task_category_count; ++k) {
    const double normalised = next[k] / total;
    x.share[k] = ts::select_bits(unchanged, share[k], normalised);
  }
  return x;
}

}  // namespace ts::model
