// Population alignment (alignment.population): after deaths, ageing and the new cohort, every
// (sex, age band) cell is brought to the projected count at the simulated scale.
//
// A cell above its target loses exactly the excess through emigration: the persons present at
// the start of the year with the smallest emigration keys (a Philox word, the person id below it
// so that no two keys tie). The threshold key is found by a radix selection on all-reduced
// histograms, one 8-bit digit per round, so it is the same on every shard and the count is exact
// on any number of ranks. A cell below its target gains immigrants: new persons with the next
// global ids, split over shards by the contiguous rule, each drawn like a base-year resident of
// their sex and age band (the base population's cell shares, model/passes/person_synthesis.hpp).
#include <algorithm>
#include <stdexcept>
#include <string>

#include "kernels/det_math.hpp"
#include "kernels/exact_histogram.hpp"
#include "kernels/parallel.hpp"
#include "kernels/shard_range.hpp"
#include "model/passes/entrants.hpp"
#include "model/passes/passes.hpp"
#include "model/passes/person_synthesis.hpp"

namespace ts::model {
namespace {

constexpr int alignment_cells = 2 * status_band_count;  // sex-major, then age band
constexpr int digit_bits = 8, digit_values = 1 << digit_bits, key_digits = 64 / digit_bits;

TS_HD inline int alignment_cell(int sex, int age) { return sex * status_band_count + (age >= 70 ? 11 : (age - 15) / 5); }

struct EmigrationKeys {
  std::uint32_t seed, replica, year;
  TS_HD std::uint64_t operator()(std::uint64_t id) const {
    const PhiloxStream r(seed, replica, id, year, purpose_emigration);
    return (static_cast<std::uint64_t>(r.block(0).word[0]) << 32) | (id & 0xffffffffu);
  }
};

// Persons of each cell, and those of them who may emigrate (present at the start of the year).
struct CountCells {
  PersonView p;
  const std::uint8_t* status_at_start;
  template <class Add>
  TS_HD void operator()(std::size_t i, Add& add) const {
    const int cell = alignment_cell(p.sex[i], p.age[i]);
    add(cell, 1);
    if (present_at_start(status_at_start[i])) add(alignment_cells + cell, 1);
  }
};

// One round of the selection: the candidates of each selecting cell whose keys begin with the
// cell's prefix, counted by their next digit.
struct KeyDigits {
  PersonView p;
  const std::uint8_t* status_at_start;
  EmigrationKeys keys;
  std::uint64_t prefix[alignment_cells];
  bool selecting[alignment_cells];
  std::uint64_t known_mask;  // the digits already chosen
  int shift;                 // of this round's digit
  template <class Add>
  TS_HD void operator()(std::size_t i, Add& add) const {
    if (!present_at_start(status_at_start[i])) return;
    const int cell = alignment_cell(p.sex[i], p.age[i]);
    if (!selecting[cell]) return;
    const std::uint64_t key = keys(p.person_id[i]);
    if ((key & known_mask) != prefix[cell]) return;
    add(cell * digit_values + static_cast<int>((key >> shift) & (digit_values - 1)), 1);
  }
};

// Labour-supply bins that emigrants take away and immigrants bring, as the supply pass counts them.
enum SupplyBin { bin_employed = 0, bin_seekers = bin_employed + isco_group_count,
                 bin_labour_force_education = bin_seekers + isco_group_count * education_count,
                 bin_moved_by_status = bin_labour_force_education + education_count,
                 bin_count = bin_moved_by_status + broad_status_count };

template <class Add>
TS_HD void count_supply(const PersonView& p, const TablesView& t, std::size_t i, Add& add) {
  const std::uint8_t status = p.status[i];
  const int group = t.occupation_isco1[p.occupation[i]] - 1;
  if (is_employed(status)) add(bin_employed + group, 1);
  if (status == status_unemployed) add(bin_seekers + group * education_count + p.education[i], 1);
  if (is_employed(status) || status == status_unemployed) add(bin_labour_force_education + p.education[i], 1);
}

struct Emigrate {
  PersonView p;
  TablesView t;
  const std::uint8_t* status_at_start;
  std::uint8_t* keep;
  EmigrationKeys keys;
  std::uint64_t threshold[alignment_cells];  // the largest key that leaves
  bool selecting[alignment_cells];
  template <class Add>
  TS_HD void operator()(std::size_t i, Add& add) const {
    keep[i] = 1;
    if (!present_at_start(status_at_start[i])) return;
    const int cell = alignment_cell(p.sex[i], p.age[i]);
    if (!selecting[cell] || keys(p.person_id[i]) > threshold[cell]) return;
    keep[i] = 0;
    add(bin_moved_by_status + status_at_start[i], 1);
    count_supply(p, t, i, add);
  }
};

struct AddImmigrant {
  PersonOfCell draw;
  const double* cell_weights;      // base-year persons of each synthesis cell, grouped by alignment cell
  const int* synthesis_cell;       // the synthesis cell of each weight
  const int* alignment_first;      // [alignment_cells + 1]: each alignment cell's slice of the weights
  std::uint64_t arrivals_end[alignment_cells];  // cumulative immigrants by alignment cell
  std::uint64_t wave_first_id, first_id;
  std::size_t first_index;
  std::uint8_t* status_at_start;
  TS_HD void operator()(std::size_t i) const {
    const std::uint64_t id = first_id + (i - first_index);
    const std::uint64_t position = id - wave_first_id;
    int cell = 0;
    while (position >= arrivals_end[cell]) ++cell;
    const PhiloxStream r(draw.seed, draw.replica, id, static_cast<std::uint32_t>(draw.year), purpose_immigrant);
    const int first = alignment_first[cell];
    const int chosen = first + categorical_index(r.uniform(0), cell_weights + first, alignment_first[cell + 1] - first);
    draw(i, id, synthesis_cell[chosen], r.uniform(1), r.uniform(2));
    status_at_start[i] = immigrant_status;
  }
};

struct CountArrivals {
  PersonView p;
  TablesView t;
  std::size_t first_index;
  template <class Add>
  TS_HD void operator()(std::size_t k, Add& add) const { count_supply(p, t, first_index + k, add); }
};

// The base population's synthesis cells grouped by alignment cell, with their persons as weights.
struct ImmigrantCells {
  thrust::device_vector<double> weights;
  thrust::device_vector<int> synthesis_cell, alignment_first;
};

ImmigrantCells immigrant_cells(const Calibration& c) {
  const std::vector<std::uint64_t> starts = synthesis_cell_starts(c, 1.0);
  std::vector<std::vector<std::pair<double, int>>> by_alignment(alignment_cells);
  for (std::size_t cell = 0; cell + 1 < starts.size(); ++cell) {
    const int synthesis = static_cast<int>(cell);
    const int age = first_age + synthesis / (2 * cells_per_age_sex);
    const int sex = (synthesis / cells_per_age_sex) % 2;
    by_alignment[static_cast<std::size_t>(alignment_cell(sex, age))].emplace_back(
        static_cast<double>(starts[cell + 1] - starts[cell]), synthesis);
  }
  std::vector<double> weights;
  std::vector<int> synthesis, first{0};
  for (const auto& cells : by_alignment) {
    for (const auto& [w, cell] : cells) {
      weights.push_back(w);
      synthesis.push_back(cell);
    }
    first.push_back(static_cast<int>(weights.size()));
  }
  return {thrust::device_vector<double>(weights.begin(), weights.end()),
          thrust::device_vector<int>(synthesis.begin(), synthesis.end()),
          thrust::device_vector<int>(first.begin(), first.end())};
}

void add_supply(SupplyTotals& supply, const std::vector<std::int64_t>& bins, double sign) {
  for (int g = 0; g < isco_group_count; ++g) {
    supply.employed_after_separations[g] += sign * static_cast<double>(bins[bin_employed + g]);
    for (int e = 0; e < education_count; ++e)
      supply.seekers_by_group[g][e] += sign * static_cast<double>(bins[bin_seekers + g * education_count + e]);
  }
  for (int e = 0; e < education_count; ++e) {
    const double n = sign * static_cast<double>(bins[bin_labour_force_education + e]);
    supply.labour_force_by_education[e] += n;
    supply.labour_force += n;
  }
}

// The excess of each cell leaves, and the supply totals lose what it took with it.
void emigrate(Simulation::State& s, const std::int64_t excess[alignment_cells], SupplyTotals& supply) {
  if (std::all_of(excess, excess + alignment_cells, [](std::int64_t n) { return n == 0; })) return;
  const EmigrationKeys keys{s.settings.seed, s.settings.replica, static_cast<std::uint32_t>(s.globals.year)};
  KeyDigits digits{s.population.view(), thrust::raw_pointer_cast(s.status_at_start.data()), keys, {}, {}, 0, 0};
  std::int64_t rank[alignment_cells];  // of the last emigrant among the candidates still matching
  for (int c = 0; c < alignment_cells; ++c) {
    digits.selecting[c] = excess[c] > 0;
    rank[c] = excess[c];
  }
  for (int round = 0; round < key_digits; ++round) {
    digits.shift = 64 - digit_bits * (round + 1);
    const std::vector<std::int64_t> bins = global_histogram(
        s, exact_histogram(s.population.size(), alignment_cells * digit_values, digits));
    for (int c = 0; c < alignment_cells; ++c) {
      if (!digits.selecting[c]) continue;
      for (int d = 0; d < digit_values; ++d) {
        const std::int64_t n = bins[static_cast<std::size_t>(c * digit_values + d)];
        if (rank[c] <= n) {
          digits.prefix[c] |= static_cast<std::uint64_t>(d) << digits.shift;
          break;
        }
        rank[c] -= n;
      }
    }
    digits.known_mask |= static_cast<std::uint64_t>(digit_values - 1) << digits.shift;
  }
  s.keep.resize(s.population.size());
  Emigrate leave{s.population.view(), s.tables(), thrust::raw_pointer_cast(s.status_at_start.data()),
                 thrust::raw_pointer_cast(s.keep.data()), keys, {}, {}};
  for (int c = 0; c < alignment_cells; ++c) {
    leave.threshold[c] = digits.prefix[c];
    leave.selecting[c] = digits.selecting[c];
  }
  const std::vector<std::int64_t> bins = global_histogram(s, exact_histogram(s.population.size(), bin_count, leave));
  s.remove_unkept_persons();
  add_supply(supply, bins, -1.0);
  for (int b = 0; b < broad_status_count; ++b)
    supply.emigrants_by_status[b] = static_cast<double>(bins[static_cast<std::size_t>(bin_moved_by_status + b)]);
}

void immigrate(Simulation::State& s, const std::int64_t deficit[alignment_cells], SupplyTotals& supply) {
  AddImmigrant arrive{};
  std::uint64_t total = 0;
  for (int c = 0; c < alignment_cells; ++c) {
    total += static_cast<std::uint64_t>(std::max<std::int64_t>(0, deficit[c]));
    arrive.arrivals_end[c] = total;
  }
  supply.immigrants = static_cast<double>(total);
  if (total == 0) return;
  const IdRange mine = shard_range(total, s.settings.shards, s.settings.shard);
  const std::size_t old_size = s.population.size();
  s.population.resize(old_size + mine.size());
  s.status_at_start.resize(old_size + mine.size());
  const ImmigrantCells cells = immigrant_cells(s.calibration);
  arrive.draw = person_of_cell(s, s.globals.year);
  arrive.cell_weights = thrust::raw_pointer_cast(cells.weights.data());
  arrive.synthesis_cell = thrust::raw_pointer_cast(cells.synthesis_cell.data());
  arrive.alignment_first = thrust::raw_pointer_cast(cells.alignment_first.data());
  arrive.wave_first_id = s.globals.next_person_id;
  arrive.first_id = s.globals.next_person_id + mine.begin;
  arrive.first_index = old_size;
  arrive.status_at_start = thrust::raw_pointer_cast(s.status_at_start.data());
  parallel_for_range(old_size, mine.size(), arrive);
  parallel_for_range(old_size, mine.size(), synthesize_career(s));
  s.globals.next_person_id += total;
  add_supply(supply, global_histogram(s, exact_histogram(mine.size(), bin_count, CountArrivals{s.population.view(), s.tables(), old_size})), 1.0);
}

}  // namespace

void align_population(Simulation::State& s, SupplyTotals& supply) {
  const int year = s.globals.year;
  const auto projected = s.calibration.projected_persons.find(year);
  if (projected == s.calibration.projected_persons.end())
    throw std::invalid_argument("alignment.population: the population projection has no rows for " + std::to_string(year));
  if (s.globals.next_person_id >> 32)
    throw std::invalid_argument("alignment.population: person ids beyond 2^32 would make emigration keys tie");
  const std::vector<std::int64_t> counts = global_histogram(
      s, exact_histogram(s.population.size(), 2 * alignment_cells,
                         CountCells{s.population.view(), thrust::raw_pointer_cast(s.status_at_start.data())}));
  std::int64_t excess[alignment_cells], deficit[alignment_cells];
  for (int c = 0; c < alignment_cells; ++c) {
    const double persons = projected->second[static_cast<std::size_t>(c / status_band_count)]
                                            [static_cast<std::size_t>(c % status_band_count)];
    const auto target = static_cast<std::int64_t>(det_floor(persons * s.settings.scale + 0.5));
    const std::int64_t now = counts[static_cast<std::size_t>(c)];
    excess[c] = std::min(std::max<std::int64_t>(0, now - target), counts[static_cast<std::size_t>(alignment_cells + c)]);
    deficit[c] = std::max<std::int64_t>(0, target - now);
  }
  emigrate(s, excess, supply);
  immigrate(s, deficit, supply);
}

}  // namespace ts::model
