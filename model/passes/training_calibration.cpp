// Base-year training. The participation model adds one log-odds term per dimension (education,
// age band, status or job type); because the dimensions are correlated in the population, the
// published one-way rates are only met once the terms are raked on the population itself: each
// round compares the predicted rate of every category (an exact fixed-point sum of probabilities
// over all shards) with its published rate and shifts the category's log-odds by the difference,
// dimension by dimension. Then the base year's training is drawn with the raked model.
#include <vector>

#include "kernels/exact_histogram.hpp"
#include "kernels/fixed_point.hpp"
#include "kernels/philox_stream.hpp"
#include "model/passes/passes.hpp"
#include "model/random_purposes.hpp"
#include "model/training_k.hpp"

namespace ts::model {
namespace {

// Category bins: education [3], age band [4], status/job type [6: permanent, temporary,
// self-employed, platform, unemployed, inactive]; each with a person count and a probability sum.
constexpr int education_bin = 0, age_bin = 3, status_bin = 7, category_count = 13;

TS_HD inline int status_category(std::uint8_t status) {
  return is_employed(status) ? status - status_employee_permanent : (status == status_unemployed ? 4 : 5);
}

// The persons the published rates describe: aged 25-64. A person's predicted probability
// depends only on their age, education and status, so the raking counts the persons of each
// (age, education, status) cell once and then evaluates every round on the 960 cells: the same
// integer sums as adding each person's fixed-point probability, without 36 passes over the
// population. Status codes are those of model/status.hpp.
constexpr int first_rated_age = 25, last_rated_age = 64;
constexpr int rated_cell_count = (last_rated_age - first_rated_age + 1) * education_count * status_count;

struct RatedCell {
  PersonView p;
  template <class Add>
  TS_HD void operator()(std::size_t i, Add& add) const {
    const int age = p.age[i];
    if (age < first_rated_age || age > last_rated_age) return;
    add(((age - first_rated_age) * education_count + p.education[i]) * status_count + p.status[i], 1);
  }
};

// Persons and fixed-point sums of predicted probabilities by category, from the cell counts.
std::vector<std::int64_t> predicted_rates(const std::vector<std::int64_t>& cells, const TrainingLogits& logits,
                                          int statutory_age) {
  std::vector<std::int64_t> h(2 * category_count, 0);
  for (int cell = 0; cell < rated_cell_count; ++cell) {
    const std::int64_t persons = cells[static_cast<std::size_t>(cell)];
    if (persons == 0) continue;
    const auto status = static_cast<std::uint8_t>(cell % status_count);
    const int education = (cell / status_count) % education_count;
    const int age = first_rated_age + cell / (status_count * education_count);
    double probability = 0.0;
    if (status == status_in_education) probability = 1.0;
    else if (status != status_retired && age < statutory_age)
      probability = training_probability(logits, education, age, status, 0.0);
    const int band = age < 35 ? 0 : (age < 45 ? 1 : (age < 55 ? 2 : 3));
    const int categories[3] = {education_bin + education, age_bin + band,
                               status == status_in_education || status == status_retired ? -1 : status_bin + status_category(status)};
    for (int c : categories) {
      if (c < 0) continue;
      h[static_cast<std::size_t>(c)] += persons;
      h[static_cast<std::size_t>(category_count + c)] += persons * share_to_fixed(probability);
    }
  }
  return h;
}

struct DrawTraining {
  PersonView p;
  TrainingLogits logits;
  int statutory_age;
  std::uint32_t seed, replica;
  int year;
  TS_HD void operator()(std::size_t i) const {
    const std::uint8_t status = p.status[i];
    const int age = p.age[i];
    const PhiloxStream r(seed, replica, p.person_id[i], static_cast<std::uint32_t>(year), purpose_training);
    p.trained[i] = status == status_in_education ||
                   (status != status_retired && age < statutory_age &&
                    r.uniform(0) < training_probability(logits, p.education[i], age, status, 0.0));
  }
};

}  // namespace

void calibrate_base_year_training(Simulation::State& s) {
  const Calibration& c = s.calibration;
  const TrainingRates& rates = c.training;
  const double targets[category_count] = {rates.education[0], rates.education[1], rates.education[2],
                                          rates.age_band[0],  rates.age_band[1],  rates.age_band[2],
                                          rates.age_band[3],  rates.contract[0],  rates.contract[1],
                                          rates.contract[2],  rates.contract[3],  rates.status[1],
                                          rates.status[2]};
  const ScenarioParameters no_policy = default_scenario_parameters();  // the base year: 2024 rules
  const int statutory_age = c.statutory_age(s.settings.base_year);
  TrainingShifts& shifts = s.globals.training_shifts;
  shifts = TrainingShifts{};
  double* by_category[category_count] = {&shifts.education[0], &shifts.education[1], &shifts.education[2],
                                         &shifts.age_band[0],  &shifts.age_band[1],  &shifts.age_band[2],
                                         &shifts.age_band[3],  &shifts.contract[0],  &shifts.contract[1],
                                         &shifts.contract[2],  &shifts.contract[3],  &shifts.status[1],
                                         &shifts.status[2]};
  const int dimension_first[4] = {education_bin, age_bin, status_bin, category_count};
  const std::vector<std::int64_t> cells =
      global_histogram(s, exact_histogram(s.population.size(), rated_cell_count, RatedCell{s.population.view()}));
  for (int round = 0; round < 12; ++round) {
    for (int d = 0; d < 3; ++d) {
      const std::vector<std::int64_t> h = predicted_rates(cells, training_logits(c, no_policy, shifts), statutory_age);
      for (int k = dimension_first[d]; k < dimension_first[d + 1]; ++k) {
        const double persons = static_cast<double>(h[static_cast<std::size_t>(k)]);
        if (persons <= 0.0) continue;
        const double predicted = fixed_to_share(h[static_cast<std::size_t>(category_count + k)]) / persons;
        *by_category[k] += det_logit_clamped(targets[k]) - det_logit_clamped(predicted);
      }
    }
  }
  parallel_for(s.population.size(), DrawTraining{s.population.view(), training_logits(c, no_policy, shifts), statutory_age,
                                                 s.settings.seed, s.settings.replica, s.settings.base_year});
}

}  // namespace ts::model
