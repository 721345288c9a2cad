// The base population. Cell counts over age x sex x education x status are fixed by the
// calibration tables and integerised by largest remainders, so the synthetic marginals equal the
// tables up to rounding, with no sampling noise in them. Global ids are laid out cell by cell;
// a shard finds the cell of each of its ids by binary search and draws the remaining attributes
// from the person's own Philox stream. Any shard can build its part without communicating.
#include <thrust/binary_search.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "kernels/exact_histogram.hpp"
#include "kernels/parallel.hpp"
#include "kernels/philox_stream.hpp"
#include "kernels/shard_range.hpp"
#include "model/passes/passes.hpp"
#include "model/passes/person_access.hpp"
#include "model/passes/person_draws.hpp"
#include "model/random_purposes.hpp"

namespace ts::model {
namespace {

constexpr int cells_per_age_sex = education_count * synth_status_count;

// Integers summing to round(sum(weights)) (or `target`), each within one of its weight.
std::vector<std::uint64_t> largest_remainder(const std::vector<double>& weights, std::uint64_t target) {
  std::vector<std::uint64_t> counts(weights.size());
  std::vector<std::pair<double, std::size_t>> remainders;
  std::uint64_t assigned = 0;
  double total = 0.0;
  for (double w : weights) total += w;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = total > 0.0 ? weights[i] * static_cast<double>(target) / total : 0.0;
    counts[i] = static_cast<std::uint64_t>(exact);
    assigned += counts[i];
    remainders.emplace_back(exact - static_cast<double>(counts[i]), i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; assigned < target && k < remainders.size(); ++k, ++assigned) ++counts[remainders[k].second];
  return counts;
}

// Cumulative first id of every cell (age, sex, education, status), plus the total at the end.
std::vector<std::uint64_t> cell_starts(const Calibration& c, double scale) {
  std::vector<double> age_sex;
  for (int a = 0; a < age_count; ++a)
    for (int sex = 0; sex < 2; ++sex) age_sex.push_back(c.persons[sex][a] * scale);
  const double total = std::accumulate(age_sex.begin(), age_sex.end(), 0.0);
  const std::vector<std::uint64_t> per_age_sex = largest_remainder(age_sex, static_cast<std::uint64_t>(total + 0.5));
  std::vector<std::uint64_t> starts{0};
  for (int a = 0; a < age_count; ++a) {
    for (int sex = 0; sex < 2; ++sex) {
      const int age = first_age + a;
      std::vector<double> shares;
      for (int e = 0; e < education_count; ++e)
        for (int k = 0; k < synth_status_count; ++k)
          shares.push_back(c.education_share[education_band_of(age)][sex][e] *
                           c.status_share[status_band_of(age)][sex][e][k]);
      for (std::uint64_t n : largest_remainder(shares, per_age_sex[static_cast<std::size_t>(a * 2 + sex)]))
        starts.push_back(starts.back() + n);
    }
  }
  return starts;
}

struct SynthesizePerson {
  PersonView p;
  TablesView t;
  const std::uint64_t* starts;
  int cells;
  std::uint64_t first_id;
  std::uint32_t seed, replica;
  int year;
  double unemployment_spell_mean_months;
  SchoolLeavingAges leaving;
  int statutory_age;
  double individual_effect_sd;
  double cohort_education[education_count];

  TS_HD void operator()(std::size_t i) const {
    const std::uint64_t id = first_id + i;
    int lo = 0, hi = cells;  // last cell whose start <= id
    while (hi - lo > 1) {
      const int mid = (lo + hi) / 2;
      if (starts[mid] <= id) lo = mid; else hi = mid;
    }
    const int cell = lo;
    const int age = first_age + cell / (2 * cells_per_age_sex);
    const int sex = (cell / cells_per_age_sex) % 2;
    const int attained = (cell / synth_status_count) % education_count;
    const int broad = cell % synth_status_count;
    const PhiloxStream r(seed, replica, id, static_cast<std::uint32_t>(year), purpose_synth_person);
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
    // Job type and part time of the employed are spread evenly over the persons of the cell
    // (a low-discrepancy sequence from a random offset), so that small cells, such as workers
    // over 65, meet the tables' shares without sampling noise.
    const PhiloxStream cell_stream(seed, replica, static_cast<std::uint64_t>(cell), static_cast<std::uint32_t>(year),
                                   purpose_synth_cell);
    const std::uint64_t position = id - starts[cell];
    if (broad == synth_employed)
      status = static_cast<std::uint8_t>(
          status_employee_permanent +
          categorical_index(low_discrepancy(position, 0, cell_stream.uniform(0)), t.employment_type_share + (band * 2 + sex) * 4, 4));
    p.status[i] = status;
    const bool part_time =
        low_discrepancy(position, 1, cell_stream.uniform(1)) < t.part_time_share[sex * status_band_count + band];
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

// Career history implied by the base-year wage: earnings so far and the last wage of those
// out of work. Assumption: past earnings averaged 85% of the current potential wage.
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

}  // namespace

std::vector<std::uint64_t> synthesis_cell_starts(const Calibration& calibration, double scale) {
  return cell_starts(calibration, scale);
}

void synthesize_population(Simulation::State& s) {
  const Calibration& c = s.calibration;
  const std::vector<std::uint64_t> starts = cell_starts(c, s.settings.scale);
  const std::uint64_t total = starts.back();
  if (total == 0) throw std::invalid_argument("the population at this scale is empty: raise --scale");
  const IdRange mine = shard_range(total, s.settings.shards, s.settings.shard);
  s.population.resize(mine.size());
  thrust::device_vector<std::uint64_t> device_starts(starts.begin(), starts.end());
  const double long_term = c.flows.long_term_unemployment_share;
  const double spell_mean = long_term > 0.0 && long_term < 1.0 ? -12.0 / det_log(long_term) : 12.0;
  SynthesizePerson synthesize{s.population.view(), s.tables(), thrust::raw_pointer_cast(device_starts.data()),
                              static_cast<int>(starts.size() - 1), mine.begin, s.settings.seed, s.settings.replica,
                              s.settings.base_year, spell_mean, school_leaving_ages(s.parameters),
                              c.statutory_age(s.settings.base_year), c.wages.individual_effect_sd, {}};
  const auto cohort = c.cohort_education_in(s.settings.base_year);
  for (int e = 0; e < education_count; ++e) synthesize.cohort_education[e] = cohort[static_cast<std::size_t>(e)];
  parallel_for(mine.size(), synthesize);
  s.globals.next_person_id = total;

  align_wage_distribution(s);
  parallel_for(s.population.size(), SynthesizeCareer{s.population.view(), s.tables(), s.wage_terms(),
                                                     school_leaving_ages(s.parameters),
                                                     s.rules.pension_wage_ceiling});
}

}  // namespace ts::model
