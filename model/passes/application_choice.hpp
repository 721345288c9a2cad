// The occupation group a job seeker applies to (matching_pass.cpp): one group by vacancies,
// task distance and education fit. Per seeker here (the GPU's path and the reference);
// application_choice_avx2.hpp takes four seekers at a time on the CPU.
#pragma once
#include <cstddef>

#include "kernels/det_math.hpp"
#include "kernels/philox_stream.hpp"
#include "kernels/ts_hd.hpp"
#include "model/passes/person_access.hpp"

namespace ts::model {

// Typical education of an ISCO major group (0-based): managers and professionals high,
// elementary occupations low, the rest middle.
TS_HD constexpr int application_required_education(int group) { return group < 2 ? 2 : (group < 8 ? 1 : 0); }

struct ApplicationChoice {
  double vacancies[isco_group_count];
  double group_tasks[isco_group_count][task_category_count];
  double distance_sensitivity;
  double mismatch_penalty;

  // u: the seeker's uniform draw.
  TS_HD int choose(const TaskBundle& tasks, int education, double u) const {
    // The nine exponentials in lockstep (det_exp_lanes: the same bits as det_exp one at a
    // time), so that their dependent chains overlap.
    double weights[isco_group_count];
    for (int g = 0; g < isco_group_count; ++g) {
      const int lacking = application_required_education(g) - education;
      weights[g] = -distance_sensitivity * task_distance(tasks, group_tasks[g]) - mismatch_penalty * (lacking > 0 ? lacking : 0);
    }
    det_exp_lanes(weights);
    for (int g = 0; g < isco_group_count; ++g) weights[g] = vacancies[g] * weights[g];
    return categorical_index(u, weights, isco_group_count);
  }
};

}  // namespace ts::model
