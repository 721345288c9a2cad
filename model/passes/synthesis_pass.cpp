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
#include "kernels/philox_blocks.hpp"
#include "kernels/philox_stream.hpp"
#include "kernels/shard_range.hpp"
#include "model/passes/passes.hpp"
#include "model/passes/person_access.hpp"
#include "model/passes/person_synthesis.hpp"
#include "model/random_purposes.hpp"

namespace ts::model {
namespace {

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

// The base population: person i of this shard has id first_id + i; its cell is found from the
// cell starts. Job type and part time are spread evenly over the persons of the cell (a
// low-discrepancy sequence from a random offset), so that small cells, such as workers over 65,
// meet the tables' shares without sampling noise.
struct SynthesizePerson {
  PersonOfCell draw;
  const std::uint64_t* starts;
  const int* bucket_cell;  // the cell of each bucket's first id (CellBuckets)
  int bucket_shift;
  std::uint64_t first_id;

  TS_HD void operator()(std::size_t i) const {
    const std::uint64_t id = first_id + i;
    const std::uint64_t bucket = id >> bucket_shift;
    // The last cell whose start <= id lies between the cells of its bucket's first id and of
    // the next bucket's: a search over a few cells instead of all of them.
    int lo = bucket_cell[bucket], hi = bucket_cell[bucket + 1] + 1;
    while (hi - lo > 1) {
      const int mid = (lo + hi) / 2;
      if (starts[mid] <= id) lo = mid; else hi = mid;
    }
    const PhiloxBlocks<1> cell_stream(PhiloxStream(draw.seed, draw.replica, static_cast<std::uint64_t>(lo),
                                                   static_cast<std::uint32_t>(draw.year), purpose_synth_cell));
    const std::uint64_t position = id - starts[lo];
    draw(i, id, lo, low_discrepancy(position, 0, cell_stream.uniform(0)),
         low_discrepancy(position, 1, cell_stream.uniform(1)));
  }
};

// Ids in buckets of 2^shift, about one cell's worth each, and the cell of each bucket's first
// id (the last bucket's clamped to the last id), found by one walk over the cell starts.
struct CellBuckets {
  int shift = 0;
  std::vector<int> first_cell;
  explicit CellBuckets(const std::vector<std::uint64_t>& starts) {
    const std::uint64_t total = starts.back();
    const int cells = static_cast<int>(starts.size() - 1);
    while ((std::uint64_t{2} << shift) <= total / static_cast<std::uint64_t>(cells)) ++shift;
    const std::uint64_t buckets = ((total - 1) >> shift) + 2;
    int cell = 0;
    for (std::uint64_t b = 0; b < buckets; ++b) {
      const std::uint64_t id = std::min(b << shift, total - 1);
      while (cell + 1 < cells && starts[static_cast<std::size_t>(cell + 1)] <= id) ++cell;
      first_cell.push_back(cell);
    }
  }
};

}  // namespace

PersonOfCell person_of_cell(Simulation::State& s, int year) {
  const Calibration& c = s.calibration;
  const double long_term = c.flows.long_term_unemployment_share;
  PersonOfCell draw{s.population.view(), s.tables(), s.settings.seed, s.settings.replica, year,
                    long_term > 0.0 && long_term < 1.0 ? -12.0 / det_log(long_term) : 12.0,
                    school_leaving_ages(s.parameters), c.statutory_age(year), c.wages.individual_effect_sd, {}};
  const auto cohort = c.cohort_education_in(year);
  for (int e = 0; e < education_count; ++e) draw.cohort_education[e] = cohort[static_cast<std::size_t>(e)];
  return draw;
}

SynthesizeCareer synthesize_career(Simulation::State& s) {
  return SynthesizeCareer{s.population.view(), s.tables(), s.wage_terms(), school_leaving_ages(s.parameters),
                          s.rules.pension_wage_ceiling};
}

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
  const CellBuckets buckets(starts);
  thrust::device_vector<int> bucket_cell(buckets.first_cell.begin(), buckets.first_cell.end());
  SynthesizePerson synthesize{person_of_cell(s, s.settings.base_year), thrust::raw_pointer_cast(device_starts.data()),
                              thrust::raw_pointer_cast(bucket_cell.data()), buckets.shift, mine.begin};
  parallel_for(mine.size(), synthesize);
  s.globals.next_person_id = total;

  align_wage_distribution(s);
  parallel_for(s.population.size(), synthesize_career(s));
}

}  // namespace ts::model
