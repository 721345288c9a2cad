// The new cohort of 15-year-olds, still in school. Its size follows the projected population
// aged 15-19 relative to the base year; its final education follows the cohort education trend.
// Entrants get the next global ids, split over shards by the same contiguous rule as the base
// population, so no shard needs to ask another.
#include <algorithm>
#include <cmath>

#include "kernels/parallel.hpp"
#include "kernels/philox_blocks.hpp"
#include "kernels/philox_stream.hpp"
#include "kernels/philox_tile_draws.hpp"
#include "kernels/shard_range.hpp"
#include "model/passes/entrants.hpp"
#include "model/passes/person_access.hpp"
#include "model/passes/person_draws.hpp"
#include "model/random_purposes.hpp"

// The CPU takes entrants in tiles (add_tile); the GPU and the reference engine one by one.
#if THRUST_DEVICE_SYSTEM != THRUST_DEVICE_SYSTEM_CUDA && !defined(TS_PER_PERSON_PATHS)
#define TS_ENTRANT_TILES 1
#endif

namespace ts::model {
namespace {

#if defined(TS_ENTRANT_TILES)
// Entrants per tile, and their streams' first seven blocks, which hold the draws an entrant
// takes (0-12).
inline constexpr std::size_t entrant_tile = 64;
using EntrantTileBlocks = PhiloxTileBlocks<7, entrant_tile>;
using EntrantDraws = PhiloxTileDraws<7, entrant_tile>;
#endif

struct AddEntrant {
  PersonView p;
  TablesView t;
  std::uint8_t* status_at_start;
  std::size_t first_index;
  std::uint64_t first_id;      // this shard's first new id
  std::uint64_t cohort_first;  // the cohort's first id
  std::uint64_t males;
  double education_share[education_count];
  std::uint32_t seed, replica;
  int year;
  double individual_effect_sd;
  TS_HD void operator()(std::size_t k) const {
    const PhiloxBlocks<8> r(PhiloxStream(seed, replica, first_id + k, static_cast<std::uint32_t>(year), purpose_entrant));
    const int education = r.categorical(0, education_share, education_count);
    add(k, r, education, occupation_of(r, education));
  }
#if defined(TS_ENTRANT_TILES)
  // CPU only: entrants first .. first + count - 1 (count <= entrant_tile), their streams' blocks
  // in Philox lanes over the entrants (consecutive ids), then one by one.
  void add_tile(std::size_t first, std::size_t count) const {
    std::uint32_t id_low[entrant_tile], id_high[entrant_tile];
    for (std::size_t k = 0; k < count; ++k) {
      const std::uint64_t id = first_id + first + k;
      id_low[k] = static_cast<std::uint32_t>(id);
      id_high[k] = static_cast<std::uint32_t>(id >> 32);
    }
    EntrantTileBlocks blocks;
    blocks.compute(count, id_low, id_high, seed, replica, static_cast<std::uint32_t>(year), purpose_entrant);
    const auto draws_of = [&](std::size_t k) {
      return EntrantDraws{&blocks, k, PhiloxStream(seed, replica, first_id + first + k, static_cast<std::uint32_t>(year),
                                                   purpose_entrant)};
    };
    // The occupations of the whole tile first: each is a chain of dependent loads (a scan
    // and a binary search), which overlap between entrants only in a short loop.
    int education[entrant_tile], occupation[entrant_tile];
    for (std::size_t k = 0; k < count; ++k) {
      education[k] = draws_of(k).categorical(0, education_share, education_count);
      occupation[k] = occupation_of(draws_of(k), education[k]);
    }
    for (std::size_t k = 0; k < count; ++k) add(first + k, draws_of(k), education[k], occupation[k]);
  }
#endif
  // Draws 2 and 3 of an entrant's stream r (PhiloxBlocks or EntrantDraws: the same bits).
  template <class Draws>
  TS_HD int occupation_of(const Draws& r, int education) const {
    return draw_occupation_for_education(t, education, r.uniform(2), r.uniform(3));
  }
  // Entrant k with its stream's draws r, its education (draw 0) and occupation.
  template <class Draws>
  TS_HD void add(std::size_t k, const Draws& r, int education, int occupation) const {
    const std::size_t i = first_index + k;
    const std::uint64_t id = first_id + k;
    p.person_id[i] = id;
    p.age[i] = 15;
    p.sex[i] = id - cohort_first < males ? 0 : 1;
    p.region[i] = static_cast<std::uint8_t>(r.categorical(1, t.province_share, province_count));
    p.education[i] = static_cast<std::uint8_t>(education);
    p.status[i] = status_in_education;
    p.unemployment_months[i] = 0;
    p.occupation[i] = static_cast<std::uint16_t>(occupation);
    store_tasks(p, i, draw_task_bundle(t, occupation, r, 4, task_bundle_spread));
    // By attained education, as the table is: at 15 that is still low for everyone.
    p.digital_skill[i] = draw_digital_skill(t, r, 0, 15);
    p.skill_stock[i] = draw_skill_stock(r);
    p.wage_effect[i] = static_cast<float>(individual_effect_sd * r.normal(12));
    p.hours[i] = 1.0f;
    p.gross_wage[i] = p.years_worked[i] = p.career_earnings[i] = 0.0f;
    clear_yearly_amounts(p, i);
    p.trained[i] = 1;  // in school
    status_at_start[i] = entrant_status;
  }
};

}  // namespace

void add_entrants(Simulation::State& s) {
  const Calibration& c = s.calibration;
  const int year = s.globals.year;
  std::uint64_t by_sex[2];
  for (int sex = 0; sex < 2; ++sex) {
    double growth = 1.0;
    const auto now = c.projected_persons.find(year);
    const auto base = c.projected_persons.find(s.settings.base_year);
    if (now != c.projected_persons.end() && base != c.projected_persons.end() && base->second[sex][0] > 0.0)
      growth = now->second[sex][0] / base->second[sex][0];
    by_sex[sex] = static_cast<std::uint64_t>(det_floor(c.persons[sex][0] * s.settings.scale * growth + 0.5));
  }
  const std::uint64_t cohort = by_sex[0] + by_sex[1];
  const IdRange mine = shard_range(cohort, s.settings.shards, s.settings.shard);
  const std::size_t old_size = s.population.size();
  s.population.resize(old_size + mine.size());
  s.status_at_start.resize(old_size + mine.size());
  AddEntrant add{};
  add.p = s.population.view();
  add.t = s.tables();
  add.status_at_start = thrust::raw_pointer_cast(s.status_at_start.data());
  add.first_index = old_size;
  add.first_id = s.globals.next_person_id + mine.begin;
  add.cohort_first = s.globals.next_person_id;
  add.males = by_sex[0];
  const auto education = c.cohort_education_in(year);
  for (int e = 0; e < education_count; ++e) add.education_share[e] = education[static_cast<std::size_t>(e)];
  add.seed = s.settings.seed;
  add.replica = s.settings.replica;
  add.year = year;
  add.individual_effect_sd = c.wages.individual_effect_sd;
#if !defined(TS_ENTRANT_TILES)
  parallel_for(mine.size(), add);  // per entrant, as on the GPU
#else
  // Spans of whole tiles, so that a tile's lanes are full except at the cohort's end.
  const std::size_t tiles = (mine.size() + entrant_tile - 1) / entrant_tile;
  for_each_span(tiles, [&](std::size_t begin, std::size_t end, int) {
    for (std::size_t tile = begin; tile < end; ++tile) {
      const std::size_t first = tile * entrant_tile;
      add.add_tile(first, std::min(entrant_tile, mine.size() - first));
    }
  });
#endif
  s.globals.next_person_id += cohort;
}

}  // namespace ts::model
