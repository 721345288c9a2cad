// Small per-person helpers shared by the passes: gathering a task bundle from the columns,
// the employment type of a status, and the wage a person earns in their current job.
#pragma once
#include "kernels/det_normal_lanes.hpp"
#include "kernels/ts_hd.hpp"
#include "model/exposure_k.hpp"
#include "model/passes/state.hpp"
#include "model/status.hpp"
#include "model/wage_k.hpp"

namespace ts::model {

TS_HD inline TaskBundle load_tasks(const PersonView& p, std::size_t i) {
  return TaskBundle{{p.task_analytic[i], p.task_interpersonal[i], p.task_routine_cognitive[i],
                     p.task_routine_manual[i], p.task_manual[i]}};
}

TS_HD inline void store_tasks(const PersonView& p, std::size_t i, const TaskBundle& t) {
  p.task_analytic[i] = static_cast<float>(t.share[0]);
  p.task_interpersonal[i] = static_cast<float>(t.share[1]);
  p.task_routine_cognitive[i] = static_cast<float>(t.share[2]);
  p.task_routine_manual[i] = static_cast<float>(t.share[3]);
  p.task_manual[i] = static_cast<float>(t.share[4]);
}

// 0 permanent, 1 temporary, 2 self-employed, 3 platform; non-workers count as permanent
// (the job they would take), which only matters for potential wages.
TS_HD inline int employment_type_of(std::uint8_t status) {
  return is_employed(status) ? status - status_employee_permanent : 0;
}

struct SchoolLeavingAges {
  double age[education_count];
};

// Log of the full-time-equivalent gross monthly wage of person i in its occupation and job type.
TS_HD inline double person_log_monthly_wage_fte(const PersonView& p, std::size_t i, const TablesView& t,
                                                const WageTerms& w, const SchoolLeavingAges& leaving,
                                                double augmentation_gain) {
  const int education = p.education[i];
  const int isco1 = t.occupation_isco1[p.occupation[i]];
  const double experience = potential_experience(p.age[i], leaving.age[education]);
  return log_monthly_wage_fte(w, education, isco1, employment_type_of(p.status[i]), p.sex[i], experience,
                              p.skill_stock[i], p.wage_effect[i], augmentation_gain);
}

// Full-time-equivalent gross monthly wage of person i in its occupation and job type.
TS_HD inline double person_monthly_wage_fte(const PersonView& p, std::size_t i, const TablesView& t,
                                            const WageTerms& w, const SchoolLeavingAges& leaving,
                                            double augmentation_gain) {
  return det_exp(person_log_monthly_wage_fte(p, i, t, w, leaving, augmentation_gain));
}

inline SchoolLeavingAges school_leaving_ages(const ScenarioParameters& p) {
  return SchoolLeavingAges{{p.demography.school_leaving_age[0], p.demography.school_leaving_age[1],
                            p.demography.school_leaving_age[2]}};
}

// A student's education in the tables (or a person file) is what they have attained so far;
// the model carries the level they will leave school with: drawn from the current cohort's
// distribution among the levels at least as high whose leaving age is still ahead (else the
// attained level).
TS_HD inline int final_education(int attained, int age, const SchoolLeavingAges& leaving,
                                 const double (&cohort_education)[education_count], double u) {
  double weights[education_count];
  double total = 0.0;
  for (int e = 0; e < education_count; ++e) {
    weights[e] = e >= attained && leaving.age[e] > age ? cohort_education[e] : 0.0;
    total += weights[e];
  }
  if (total <= 0.0) return attained;
  double cumulative = 0.0;
  for (int e = 0; e < education_count; ++e) {
    cumulative += weights[e];
    if (u * total < cumulative) return e;
  }
  return education_count - 1;
}

// Draws a 4-digit occupation within ISCO major group `isco1` (1..9), by the table's weights:
// the first occupation whose running sum of weights exceeds u times the group's total. The
// running sums are tabulated (occupation_cumulative_weight), so this is a binary search
// instead of two scans of up to 78 dependent additions; the weights are non-negative, so the
// sums do not decrease and the search finds that same first occupation. The search halves
// the range by conditional moves, not branches: its comparisons are as good as random.
TS_HD inline int draw_occupation_in_group(const TablesView& t, int isco1, double u) {
  const int first = t.group_first[isco1 - 1];
  const int last = t.group_first[isco1];
  const double* sums = t.occupation_cumulative_weight;
  const double target = u * sums[last - 1];
  int base = first, n = last - first;  // the answer lies in [base, base + n]
  while (n > 1) {
    const int half = n / 2;
    base = sums[base + half - 1] <= target ? base + half : base;
    n -= half;
  }
  const int found = base + (sums[base] <= target ? 1 : 0);  // last: none exceeds the target
  return found < last ? found : last - 1;
}

// Draws a major group by the education's occupation distribution, then a 4-digit code in it.
TS_HD inline int draw_occupation_for_education(const TablesView& t, int education, double u_group, double u_code) {
  double total = 0.0;
  for (int g = 0; g < isco_group_count; ++g) total += t.group_by_education[g * education_count + education];
  const double target = u_group * total;
  double cumulative = 0.0;
  int isco1 = isco_group_count;
  for (int g = 0; g < isco_group_count; ++g) {
    cumulative += t.group_by_education[g * education_count + education];
    if (target < cumulative) {
      isco1 = g + 1;
      break;
    }
  }
  return draw_occupation_in_group(t, isco1, u_code);
}

// A bundle drawn around an occupation's mean: shares scaled by log-normal factors with
// standard deviation `spread`, renormalised, so workers in one occupation differ.
template <class Stream>
TS_HD inline TaskBundle draw_task_bundle(const TablesView& t, int occupation, const Stream& stream,
                                         std::uint32_t first_draw, double spread) {
  TaskBundle b{};
  double factor[task_category_count];
  for (int k = 0; k < task_category_count; ++k) factor[k] = stream.uniform(first_draw + static_cast<std::uint32_t>(k));
  // The five normals and exponentials in lockstep, the same bits as one at a time.
  det_normal_quantile_lanes(factor);
  for (int k = 0; k < task_category_count; ++k) factor[k] = spread * factor[k];
  det_exp_lanes(factor);
  double total = 0.0;
  for (int k = 0; k < task_category_count; ++k) {
    b.share[k] = t.occupation_tasks[occupation * task_category_count + k] * factor[k];
    total += b.share[k];
  }
  for (int k = 0; k < task_category_count; ++k) b.share[k] /= total;
  return b;
}

// Within-occupation spread of task bundles (log-scale standard deviation): an assumption,
// documented in docs/model.md.
inline constexpr double task_bundle_spread = 0.3;

}  // namespace ts::model
