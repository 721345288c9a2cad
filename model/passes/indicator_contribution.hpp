// The indicator pass's contribution to its exact histogram (model/passes/indicator_pass.cpp):
// per group of persons on the GPU (operator()), per chunk on the CPU (range(): persons counted
// by cells of equal keys, true sums in tiles of loops that vectorise). Same totals either way
// (tests/unit/engine/indicator_contribution_test.cpp).
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

#include "kernels/fixed_point.hpp"
#include "kernels/floor_int64.hpp"
#include "kernels/int64_pair_add.hpp"
#include "kernels/log_bin_edges.hpp"
#include "model/exposure_k.hpp"
#include "model/passes/entrants.hpp"
#include "model/passes/indicator_task_lanes_avx2.hpp"
#include "model/passes/person_access.hpp"

namespace ts::model::indicator {

// The bins. An income histogram holds for each of its bins the count, then the sum in cents.
// The disposable-income histogram of all adults, and their disposable income by education,
// are not counted: they are sums of the education histograms, formed on the host.
struct Layout {
  int bins;  // income histogram bins
  static constexpr int status = 0, transitions = 5, pop_20_64 = 30, employed_20_64 = 31, labour_force_education = 32,
                       unemployed_education = 35, employed_education = 38, employed_group = 41, employed_tercile = 50,
                       task_sum = 53, automatable_over_70 = 58, automatable_50_70 = 59, trained_25_64 = 60,
                       pop_25_64 = 61, trained_education = 62, pop_25_64_education = 65, digital = 68,
                       adults_education = 72, disposable_status = 75, adults_status = 80, employed = 85,
                       age_band_persons = 86, age_band_employed = 98, frey_osborne_over_70 = 110, entrants = 111,
                       sex_age_band_persons = 112, wage_histogram = 136;
  TS_HD int education_histogram(int e) const { return wage_histogram + 2 * bins * (1 + e); }
  TS_HD int total() const { return education_histogram(education_count); }
};

// What the counts need of a person's age; persons with equal traits add to the same bins.
struct AgeTraits {
  int band;  // 15-19 .. 65-69, 70+
  bool adult, in_20_64, in_25_64, up_to_64, up_to_74;
  TS_HD bool operator==(const AgeTraits& o) const {
    return band == o.band && adult == o.adult && in_20_64 == o.in_20_64 && in_25_64 == o.in_25_64 &&
           up_to_64 == o.up_to_64 && up_to_74 == o.up_to_74;
  }
};

TS_HD inline AgeTraits age_traits(int age) {
  return AgeTraits{age >= 70 ? 11 : (age - 15) / 5, age >= 18, age >= 20 && age <= 64, age >= 25 && age <= 64,
                   age <= 64, age <= 74};
}

// 0 below half automatable, 1 from half to 70%, 2 above 70%.
TS_HD inline int automatable_class(double automatable) {
  return static_cast<int>(automatable > 0.7) + static_cast<int>(automatable >= 0.5);
}

// Statuses at the start of the year as cell keys: the broad statuses, then immigrants, then entrants.
TS_HD inline int start_key(std::uint8_t status_at_start) {
  return status_at_start < broad_status_count ? status_at_start
                                              : broad_status_count + (status_at_start == entrant_status ? 1 : 0);
}
constexpr int start_key_count = broad_status_count + 2;
TS_HD inline std::uint8_t start_of_key(int key) {
  return key < broad_status_count ? static_cast<std::uint8_t>(key)
                                  : (key == broad_status_count ? immigrant_status : entrant_status);
}

struct Contribution {
  PersonView p;
  TablesView t;
  const std::uint8_t* status_at_start;
  double capability[task_category_count];
  LogBins bins;
  const LogBinEdges* edges;  // the bins' edges, in host memory: range() only
  Layout layout;
  std::size_t count;
  int occupation_count;

  // The counts, each a function of a few small keys, so that the CPU path can count persons by
  // cells of equal keys and add each cell's count once (`n` persons at a time).
  template <class Add>
  TS_HD void count_person(Add& add, const AgeTraits& a, std::uint8_t status, int sex, int education, bool trained,
                          std::int64_t n) const {
    const int broad = broad_status(status);
    const bool employed = is_employed(status);
    add(Layout::status + broad, n);
    add(Layout::age_band_persons + a.band, n);
    add(Layout::sex_age_band_persons + sex * status_band_count + a.band, n);
    if (a.in_20_64) add(Layout::pop_20_64, n);
    if (a.up_to_64 && (employed || status == status_unemployed)) {
      add(Layout::labour_force_education + education, n);
      if (!employed) add(Layout::unemployed_education + education, n);
    }
    if (a.in_25_64) {
      add(Layout::pop_25_64, n);
      add(Layout::pop_25_64_education + education, n);
      if (trained) {
        add(Layout::trained_25_64, n);
        add(Layout::trained_education + education, n);
      }
    }
    if (employed) {
      add(Layout::age_band_employed + a.band, n);
      if (a.in_20_64) add(Layout::employed_20_64, n);
      add(Layout::employed, n);
      add(Layout::employed_education + education, n);
    }
    if (a.adult) {
      add(Layout::adults_education + education, n);
      add(Layout::adults_status + broad, n);
    }
  }
  template <class Add>
  TS_HD void count_start(Add& add, std::uint8_t start, std::uint8_t status, std::int64_t n) const {
    if (present_at_start(start)) add(Layout::transitions + start * 5 + broad_status(status), n);
    else if (start == entrant_status) add(Layout::entrants, n);
  }
  template <class Add>
  TS_HD void count_digital(Add& add, const AgeTraits& a, int digital, std::int64_t n) const {
    if (a.up_to_74) add(Layout::digital + digital, n);
  }
  // Employed persons only.
  template <class Add>
  TS_HD void count_job(Add& add, int occupation, int automatable, std::int64_t n) const {
    add(Layout::employed_group + t.occupation_isco1[occupation] - 1, n);
    add(Layout::employed_tercile + t.occupation_tercile[occupation], n);
    if (t.occupation_frey_osborne[occupation] > 0.7f) add(Layout::frey_osborne_over_70, n);
    if (automatable == 2) add(Layout::automatable_over_70, n);
    else if (automatable == 1) add(Layout::automatable_50_70, n);
  }

  template <class Add>
  TS_HD void histogram_at(Add& add, int offset, int bin, std::int64_t cents) const {
    add(offset + 2 * bin, 1);
    add(offset + 2 * bin + 1, cents);
  }
  // The true sums of one person: task shares and wage of the employed, disposable income of adults.
  template <class Add>
  TS_HD void sum_employed(Add& add, std::size_t i, int wage_bin, const TaskBundle& tasks) const {
    for (int k = 0; k < task_category_count; ++k) add(Layout::task_sum + k, share_to_fixed(tasks.share[k]));
    histogram_at(add, layout.wage_histogram, wage_bin, euros_to_cents(p.gross_wage[i]));
  }
  template <class Add>
  TS_HD void sum_adult(Add& add, int broad, int education, int disposable_bin, std::int64_t cents) const {
    add(Layout::disposable_status + broad, cents);
    histogram_at(add, layout.education_histogram(education), disposable_bin, cents);
  }

  // GPU: persons in groups of `lanes`: the income bins of a group (a det_log each) are found
  // together, so that their dependent chains overlap.
  static constexpr int lanes = 8;
  template <class Add>
  TS_HD void operator()(std::size_t group, Add& add) const {
    const std::size_t first = group * lanes;
    double wage[lanes], disposable[lanes];
    for (int l = 0; l < lanes; ++l) {
      const std::size_t i = first + static_cast<std::size_t>(l);
      wage[l] = i < count ? p.gross_wage[i] : 0.0;
      disposable[l] = i < count ? p.disposable_income[i] : 0.0;
    }
    int wage_bin[lanes], disposable_bin[lanes];
    bins.bins_of(wage, wage_bin);
    bins.bins_of(disposable, disposable_bin);
    for (int l = 0; l < lanes; ++l) {
      const std::size_t i = first + static_cast<std::size_t>(l);
      if (i < count) person(i, wage_bin[l], disposable_bin[l], add);
    }
  }
  template <class Add>
  TS_HD void person(std::size_t i, int wage_bin, int disposable_bin, Add& add) const {
    const std::uint8_t status = p.status[i];
    const AgeTraits a = age_traits(p.age[i]);
    const int education = p.education[i];
    count_person(add, a, status, p.sex[i], education, p.trained[i] != 0, 1);
    count_start(add, status_at_start[i], status, 1);
    count_digital(add, a, p.digital_skill[i], 1);
    if (is_employed(status)) {
      const TaskBundle tasks = load_tasks(p, i);
      count_job(add, p.occupation[i], automatable_class(automatable_share(tasks, capability)), 1);
      sum_employed(add, i, wage_bin, tasks);
    }
    if (a.adult) sum_adult(add, broad_status(status), education, disposable_bin, euros_to_cents(p.disposable_income[i]));
  }

  // CPU: the groups [first_group, end_group) at once: their persons counted by cells of equal
  // keys and their true sums added person by person, in tiles; the same totals as operator().
  template <class Add>
  void range(std::size_t first_group, std::size_t end_group, Add& add) const;
};


// Asks the compiler to vectorise the next loop (OpenMP builds; ignored elsewhere).
#if defined(_OPENMP) && !defined(__CUDACC__)
#define TS_INDICATOR_SIMD _Pragma("omp simd")
#else
#define TS_INDICATOR_SIMD
#endif

// The cells of the CPU path: persons counted by the keys of the count functions. Ages become
// classes of equal traits (17 of the 256 possible ages).
struct Cells {
  std::vector<AgeTraits> age_classes;
  int class_of_age[256];
  int adult_of_age[256];
  int classes;
  std::vector<std::uint32_t> start_digital, job;  // a chunk holds fewer than 2^32 persons
  // For each person cell its count, then the disposable income of its persons (both added at
  // once, kernels/int64_pair_add.hpp).
  std::vector<std::int64_t> person;
  int job_none;  // the cell of persons without a job

  explicit Cells(int occupation_count) {
    for (int age = 0; age < 256; ++age) {
      const AgeTraits a = age_traits(age);
      const auto found = std::find(age_classes.begin(), age_classes.end(), a);
      class_of_age[age] = static_cast<int>(found - age_classes.begin());
      if (found == age_classes.end()) age_classes.push_back(a);
      adult_of_age[age] = a.adult ? 1 : 0;
    }
    classes = static_cast<int>(age_classes.size());
    person.assign(2 * static_cast<std::size_t>(person_key(classes, 0, 0, 0, false)), 0);
    start_digital.assign(static_cast<std::size_t>(start_digital_key(start_key_count, 0, 0, 0)), 0);
    job_none = occupation_count * 3;
    job.assign(static_cast<std::size_t>(job_none) + 1, 0);
  }
  static int person_key(int age_class, int status, int sex, int education, bool trained) {
    return (((age_class * status_count + status) * 2 + sex) * education_count + education) * 2 + (trained ? 1 : 0);
  }
  int start_digital_key(int start, int status, int age_class, int digital) const {
    return ((start * status_count + status) * classes + age_class) * digital_level_count + digital;
  }
};

template <class Add>
void Contribution::range(std::size_t first_group, std::size_t end_group, Add& add) const {
  const std::size_t begin = first_group * lanes;
  const std::size_t end = end_group * lanes < count ? end_group * lanes : count;
  // Locals, not members: stores into the cells could otherwise alias the column pointers.
  const PersonView p = this->p;
  const std::uint8_t* const status_at_start = this->status_at_start;
  const LogBinLookup bin_lookup = edges->lookup();
  const double capability_0 = capability[0], capability_1 = capability[1], capability_2 = capability[2],
               capability_3 = capability[3], capability_4 = capability[4];
  Cells cells(occupation_count);
  std::int64_t* const person_cells = cells.person.data();
  std::int64_t* const row = add.row;  // range() is called with the CPU's RowAdder
  std::uint32_t* const start_digital_cells = cells.start_digital.data();
  std::uint32_t* const job_cells = cells.job.data();
  const int job_none = cells.job_none;
  constexpr int tile = 256;
  int person_key[tile], start_digital_key[tile], job_cell[tile], wage_index[tile], disposable_index[tile];
  int employed_list[tile];
  std::int64_t wage_cents[tile], disposable_cents[tile];
  std::int64_t task_total[task_category_count] = {};
  for (std::size_t first = begin; first < end; first += tile) {
    const int n = static_cast<int>(end - first < std::size_t{tile} ? end - first : std::size_t{tile});
    const std::uint8_t* const age = p.age + first;
    const std::uint8_t* const status = p.status + first;
    TS_INDICATOR_SIMD
    for (int j = 0; j < n; ++j) {
      const std::size_t i = first + static_cast<std::size_t>(j);
      const int age_class = cells.class_of_age[age[j]];
      person_key[j] = Cells::person_key(age_class, status[j], p.sex[i], p.education[i], p.trained[i] != 0);
      start_digital_key[j] = cells.start_digital_key(start_key(status_at_start[i]), status[j], age_class, p.digital_skill[i]);
    }
    // Task shares of the employed in fixed point (share_to_fixed through floor_to_int64, when
    // exact: always, for shares), and their automatable class: four persons at a time in AVX2
    // lanes, the rest branch-free, so that it vectorises.
    int tasks_in_lanes = 0;
    bool lanes_exact = true;
#if defined(TS_INDICATOR_TASK_LANES_AVX2)
    tasks_in_lanes = n & ~3;
    const float* const tile_tasks[task_category_count] = {p.task_analytic + first, p.task_interpersonal + first,
                                                          p.task_routine_cognitive + first, p.task_routine_manual + first,
                                                          p.task_manual + first};
    lanes_exact = avx2::employed_tasks(tile_tasks, capability, status, p.occupation + first, tasks_in_lanes, job_none,
                                       task_total, job_cell);
#endif
    std::int64_t fixed_0 = 0, fixed_1 = 0, fixed_2 = 0, fixed_3 = 0, fixed_4 = 0;
    int unusual = 0;
#if defined(_OPENMP) && !defined(__CUDACC__)
#pragma omp simd reduction(+ : fixed_0, fixed_1, fixed_2, fixed_3, fixed_4) reduction(| : unusual)
#endif
    for (int j = tasks_in_lanes; j < n; ++j) {
      const std::size_t i = first + static_cast<std::size_t>(j);
      const bool employed = static_cast<unsigned>(status[j] - status_employee_permanent) <=
                            static_cast<unsigned>(status_platform_worker - status_employee_permanent);  // is_employed
      const std::int64_t mask = -static_cast<std::int64_t>(employed);
      const double share_0 = p.task_analytic[i], share_1 = p.task_interpersonal[i], share_2 = p.task_routine_cognitive[i],
                   share_3 = p.task_routine_manual[i], share_4 = p.task_manual[i];
      const double x0 = share_0 * fixed_share_unit + 0.5, x1 = share_1 * fixed_share_unit + 0.5,
                   x2 = share_2 * fixed_share_unit + 0.5, x3 = share_3 * fixed_share_unit + 0.5,
                   x4 = share_4 * fixed_share_unit + 0.5;
      unusual |= static_cast<int>(employed) & !(floors_exactly(x0) & floors_exactly(x1) & floors_exactly(x2) &
                                                floors_exactly(x3) & floors_exactly(x4));
      fixed_0 += floor_to_int64(x0) & mask;
      fixed_1 += floor_to_int64(x1) & mask;
      fixed_2 += floor_to_int64(x2) & mask;
      fixed_3 += floor_to_int64(x3) & mask;
      fixed_4 += floor_to_int64(x4) & mask;
      // automatable_share, operation by operation.
      double automatable = 0.0;
      automatable += share_0 * capability_0;
      automatable += share_1 * capability_1;
      automatable += share_2 * capability_2;
      automatable += share_3 * capability_3;
      automatable += share_4 * capability_4;
      const int job = p.occupation[i] * 3 + automatable_class(automatable);
      job_cell[j] = job_none + ((job - job_none) & -static_cast<int>(employed));  // employed ? job : job_none
    }
    if (lanes_exact && unusual == 0) {
      task_total[0] += fixed_0;
      task_total[1] += fixed_1;
      task_total[2] += fixed_2;
      task_total[3] += fixed_3;
      task_total[4] += fixed_4;
    } else {
      for (int j = lanes_exact ? tasks_in_lanes : 0; j < n; ++j)
        if (is_employed(status[j])) {
          const TaskBundle tasks = load_tasks(p, first + static_cast<std::size_t>(j));
          for (int k = 0; k < task_category_count; ++k) task_total[k] += share_to_fixed(tasks.share[k]);
        }
    }
    // Income bins as row indices, and cents (euros_to_cents through floor_to_int64, when exact).
    const std::uint8_t* const education = p.education + first;
    TS_INDICATOR_SIMD
    for (int j = 0; j < n; ++j) {
      const std::size_t i = first + static_cast<std::size_t>(j);
      wage_index[j] = layout.wage_histogram + 2 * bin_lookup.bin_of(p.gross_wage[i]);
      disposable_index[j] = layout.education_histogram(education[j]) + 2 * bin_lookup.bin_of(p.disposable_income[i]);
    }
    unusual = 0;
#if defined(_OPENMP) && !defined(__CUDACC__)
#pragma omp simd reduction(| : unusual)
#endif
    for (int j = 0; j < n; ++j) {
      const std::size_t i = first + static_cast<std::size_t>(j);
      const double wage_x = static_cast<double>(p.gross_wage[i]) * cents_per_euro + 0.5;
      const double disposable_x = static_cast<double>(p.disposable_income[i]) * cents_per_euro + 0.5;
      unusual |= !(floors_exactly(wage_x) & floors_exactly(disposable_x));
      wage_cents[j] = floor_to_int64(wage_x);
      disposable_cents[j] = floor_to_int64(disposable_x);
    }
    if (unusual != 0)
      for (int j = 0; j < n; ++j) {
        const std::size_t i = first + static_cast<std::size_t>(j);
        wage_cents[j] = euros_to_cents(p.gross_wage[i]);
        disposable_cents[j] = euros_to_cents(p.disposable_income[i]);
      }
    // The employed listed branch-free: their adds need no branch on a person's status.
    int employed_n = 0;
    int listed = 0;
#if defined(TS_INDICATOR_TASK_LANES_AVX2)
    listed = n & ~31;
    employed_n = avx2::list_employed(status, listed, employed_list);
#endif
    for (int j = listed; j < n; ++j) {
      employed_list[employed_n] = j;
      employed_n += is_employed(status[j]) ? 1 : 0;
    }
    // A non-adult adds (0, 0) to its disposable-income bin, and no cents to its person cell,
    // whose cents are read for adults' cells only.
    for (int j = 0; j < n; ++j) {
      const std::int64_t adult = cells.adult_of_age[age[j]];
      const std::int64_t cents = disposable_cents[j] & -adult;
      add_int64_pair(person_cells + 2 * person_key[j], 1, cents);
      ++start_digital_cells[start_digital_key[j]];
      add_int64_pair(row + disposable_index[j], adult, cents);
    }
    for (int k = 0; k < employed_n; ++k) {
      const int j = employed_list[k];
      ++job_cells[job_cell[j]];
      add_int64_pair(row + wage_index[j], 1, wage_cents[j]);
    }
  }
  // Each cell's count, added through the same count functions as operator().
  for (int c = 0; c < cells.classes; ++c)
    for (int s = 0; s < status_count; ++s)
      for (int sex = 0; sex < 2; ++sex)
        for (int education = 0; education < education_count; ++education)
          for (int trained = 0; trained < 2; ++trained) {
            const int key = Cells::person_key(c, s, sex, education, trained != 0);
            const std::int64_t n = person_cells[2 * key];
            if (n == 0) continue;
            const AgeTraits& a = cells.age_classes[static_cast<std::size_t>(c)];
            count_person(add, a, static_cast<std::uint8_t>(s), sex, education, trained != 0, n);
            if (a.adult)
              add(Layout::disposable_status + broad_status(static_cast<std::uint8_t>(s)), person_cells[2 * key + 1]);
          }
  for (int start = 0; start < start_key_count; ++start)
    for (int s = 0; s < status_count; ++s)
      for (int c = 0; c < cells.classes; ++c)
        for (int digital = 0; digital < digital_level_count; ++digital) {
          const std::uint32_t n = start_digital_cells[cells.start_digital_key(start, s, c, digital)];
          if (n == 0) continue;
          count_start(add, start_of_key(start), static_cast<std::uint8_t>(s), n);
          count_digital(add, cells.age_classes[static_cast<std::size_t>(c)], digital, n);
        }
  for (int occupation = 0; occupation < occupation_count; ++occupation)
    for (int a = 0; a < 3; ++a) {
      const std::uint32_t n = job_cells[occupation * 3 + a];
      if (n != 0) count_job(add, occupation, a, n);
    }
  for (int k = 0; k < task_category_count; ++k) add(Layout::task_sum + k, task_total[k]);
}

#undef TS_INDICATOR_SIMD

}  // namespace ts::model::indicator
