// The base population from loaded persons (a person file read by the app, app/microdata.cpp)
// instead of the synthetic cells. The given attributes are copied; the missing ones are drawn
// from each person's Philox stream exactly as synthesis draws them (same purpose and draw
// indices). Students' attained education becomes their final education as in synthesis. The
// persistent wage effect of a worker is backed out of the observed wage: ln of the observed
// FTE monthly wage minus the equation's prediction without it, after the intercept has been
// calibrated to the loaded full-time median. Then finish_base_year does the rest.
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "kernels/exact_histogram.hpp"
#include "kernels/parallel.hpp"
#include "kernels/philox_stream.hpp"
#include "kernels/shard_range.hpp"
#include "model/passes/passes.hpp"
#include "model/passes/person_access.hpp"
#include "model/passes/person_synthesis.hpp"
#include "model/random_purposes.hpp"

namespace ts::model {
namespace {

template <class T>
const char* column_type() {
  if constexpr (std::is_same_v<T, float>) return "f32";
  else if constexpr (std::is_same_v<T, std::uint8_t>) return "u8";
  else if constexpr (std::is_same_v<T, std::uint16_t>) return "u16";
  else if constexpr (std::is_same_v<T, std::uint64_t>) return "u64";
  else static_assert(sizeof(T) == 0, "add the column type here");
}

// Which optional attributes the file gave.
struct Given {
  bool region, digital_skill, tasks, years_worked, unemployment_months, career_earnings;
};

struct ImportPerson {
  PersonOfCell draw;  // the draws' settings, as synthesis has them
  Given given;
  std::uint64_t first_id;

  TS_HD void operator()(std::size_t i) const {
    const PersonView& p = draw.p;
    const TablesView& t = draw.t;
    const std::uint64_t id = first_id + i;
    const PhiloxStream r(draw.seed, draw.replica, id, static_cast<std::uint32_t>(draw.year), purpose_synth_person);
    const int age = p.age[i];
    const std::uint8_t status = p.status[i];
    p.person_id[i] = id;
    const int attained = p.education[i];
    if (status == status_in_education)
      p.education[i] = static_cast<std::uint8_t>(final_education(p.education[i], age, draw.leaving, draw.cohort_education, r.uniform(14)));
    const int education = p.education[i];
    if (!given.region) p.region[i] = static_cast<std::uint8_t>(r.categorical(0, t.province_share, province_count));
    if (!is_employed(status)) p.hours[i] = 1.0f;  // the FTE fraction applies when working
    if (!given.tasks) store_tasks(p, i, draw_task_bundle(t, p.occupation[i], r, 5, task_bundle_spread));
    if (!given.digital_skill) p.digital_skill[i] = draw_digital_skill(t, r, attained, age);
    p.skill_stock[i] = draw_skill_stock(r);
    // Workers get theirs backed out of the observed wage below.
    p.wage_effect[i] = is_employed(status) ? 0.0f : static_cast<float>(draw.individual_effect_sd * r.normal(12));
    if (!given.unemployment_months) p.unemployment_months[i] = draw_unemployment_months(r, status, draw.unemployment_spell_mean_months);
    else if (status != status_unemployed) p.unemployment_months[i] = 0;
    if (!given.years_worked) p.years_worked[i] = synthetic_years_worked(age, status, draw.statutory_age, draw.leaving.age[education]);
    if (!is_employed(status)) p.gross_wage[i] = 0.0f;
    if (!given.career_earnings) p.career_earnings[i] = 0.0f;
    clear_yearly_amounts(p, i);
  }
};

TS_HD inline double observed_monthly_wage_fte(const PersonView& p, std::size_t i, double annual_months) {
  return p.gross_wage[i] / (annual_months * p.hours[i]);
}

// The persistent effect of a worker: ln observed minus ln predicted without it.
struct BackOutWageEffect {
  PersonView p;
  TablesView t;
  WageTerms w;
  SchoolLeavingAges leaving;
  TS_HD void operator()(std::size_t i) const {
    if (!is_employed(p.status[i]) || !(p.gross_wage[i] > 0.0f)) return;
    const double predicted = person_monthly_wage_fte(p, i, t, w, leaving, 0.0);  // wage_effect is 0 here
    p.wage_effect[i] = static_cast<float>(det_log(observed_monthly_wage_fte(p, i, w.annual_months)) - det_log(predicted));
  }
};

// As synthesis: career earnings (unless given) and the last wage of the unemployed.
struct ImportCareer {
  SynthesizeCareer synthesized;
  bool career_given;
  TS_HD void operator()(std::size_t i) const {
    const float given_earnings = synthesized.p.career_earnings[i];
    synthesized(i);
    if (career_given) synthesized.p.career_earnings[i] = given_earnings;
  }
};

}  // namespace

Indicators Simulation::start_from(const std::vector<HostColumn>& persons) {
  State& s = *state_;
  s.globals.year = s.settings.base_year;
  auto find = [&](const std::string& name) -> const HostColumn* {
    for (const HostColumn& column : persons)
      if (column.name == name) return &column;
    return nullptr;
  };
  const HostColumn* age = find("age");
  if (age == nullptr) throw std::invalid_argument("start_from: the persons have no 'age' column");
  const std::uint64_t total = age->bytes.size();
  if (total == 0) throw std::invalid_argument("start_from: the person file is empty");
  for (const char* required : {"sex", "education", "status", "occupation", "hours", "gross_wage"})
    if (find(required) == nullptr) throw std::invalid_argument(std::string("start_from: the persons have no '") + required + "' column");
  const IdRange mine = shard_range(total, s.settings.shards, s.settings.shard);
  s.population.resize(mine.size());
  s.population.visit([&](const char* name, const char*, auto& column) {
    using T = typename std::decay_t<decltype(column)>::value_type;
    const HostColumn* given = find(name);
    if (given == nullptr) return;
    if (given->type != column_type<T>())
      throw std::invalid_argument(std::string("start_from: column '") + name + "' has type " + given->type + ", expected " +
                                  column_type<T>());
    if (given->bytes.size() != total * sizeof(T))
      throw std::invalid_argument(std::string("start_from: column '") + name + "' has the wrong length");
    std::vector<T> slice(mine.size());
    if (!slice.empty()) std::memcpy(slice.data(), given->bytes.data() + mine.begin * sizeof(T), mine.size() * sizeof(T));
    thrust::copy(slice.begin(), slice.end(), column.begin());
  });
  const bool tasks = find("task_analytic") != nullptr;
  const Given given{find("region") != nullptr, find("digital_skill") != nullptr, tasks, find("years_worked") != nullptr,
                    find("unemployment_months") != nullptr, find("career_earnings") != nullptr};
  const ImportPerson import{person_of_cell(s, s.settings.base_year), given, mine.begin};
  parallel_for(mine.size(), import);
  s.globals.next_person_id = total;

  // The intercept: the predicted full-time median without individual effects equals the loaded
  // full-time median; then each worker's effect carries the rest of their observed wage.
  s.globals.log_wage_intercept = 0.0;
  const std::vector<double> observed = full_time_wage_quantiles(s, true, {0.5});
  const std::vector<double> predicted = full_time_wage_quantiles(s, false, {0.5});
  if (!observed.empty() && !predicted.empty())
    s.globals.log_wage_intercept = det_log(observed[0]) - det_log(predicted[0]);
  // else: no full-time employee in the file; the model's own level stays.
  parallel_for(s.population.size(), BackOutWageEffect{s.population.view(), s.tables(), s.wage_terms(),
                                                      school_leaving_ages(s.parameters)});
  parallel_for(s.population.size(), ImportCareer{synthesize_career(s), given.career_earnings});
  return finish_base_year(s);
}

}  // namespace ts::model
