// The five task categories of a job (Acemoglu and Autor 2011): a worker's time is split over
// them, and automation capability is defined per category.
#pragma once

namespace ts::model {

enum TaskCategory : int {
  task_analytic = 0,           // non-routine cognitive analytic
  task_interpersonal = 1,      // non-routine cognitive interpersonal
  task_routine_cognitive = 2,
  task_routine_manual = 3,
  task_manual = 4,             // non-routine manual physical
};
inline constexpr int task_category_count = 5;
inline constexpr const char* task_names[task_category_count] = {
    "analytic", "interpersonal", "routine_cognitive", "routine_manual", "manual"};

inline constexpr int education_count = 3;
inline constexpr const char* education_names[education_count] = {"low", "middle", "high"};
inline constexpr int isco_group_count = 9;
inline constexpr int digital_level_count = 4;
inline constexpr const char* digital_level_names[digital_level_count] = {"none", "basic", "advanced", "specialist"};
inline constexpr int employment_type_count = 4;  // permanent, temporary, self-employed, platform

}  // namespace ts::model
