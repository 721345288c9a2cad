// The byte count of one simulated person-year: what each step of Simulation::advance reads and
// writes per person, column by column (model/person.hpp; the passes in model/passes/*.cpp).
// Counted as STREAM counts: bytes read plus bytes written, no write-allocate traffic, and
// only the columns every person or every worker touches (a branch taken by a few percent of
// persons, such as a death or a separation, is left out). Bandwidth divided by this is the
// floor: the most person-years per second the memory system allows. docs/performance.md
// explains each line; keep the two in step when a pass changes.
#pragma once
#include <cstddef>

#include "model/person_attributes.hpp"

namespace ts::bench {

struct PassBytes {
  const char* pass;
  std::size_t read;
  std::size_t written;
  std::size_t total() const { return read + written; }
};

inline constexpr std::size_t u8 = 1, u16 = 2, u64 = 8, f32 = 4;
#define TS_RECORD_BYTES_(type, name, unit) +sizeof(type)
#define TS_RECORD_COLUMN_(type, name, unit) +1
// Population::bytes_per_record (94 bytes) and attribute_count, from the list itself: this header
// is also compiled by g++ in CUDA builds, where the population's Thrust storage cannot be
// included (pass_bench.cpp checks that they agree).
inline constexpr std::size_t record = 0 TS_PERSON_ATTRIBUTES(TS_RECORD_BYTES_);
inline constexpr std::size_t columns = 0 TS_PERSON_ATTRIBUTES(TS_RECORD_COLUMN_);
#undef TS_RECORD_BYTES_
#undef TS_RECORD_COLUMN_

// labour_supply_pass, the per-person part (LabourSupplyPass).
//   read:  person_id, status, sex, age, education, occupation, 5 tasks, skill_stock,
//          digital_skill, hours, years_worked
//   write: keep, status_at_start, age, trained, displaced_share, status, skill_stock,
//          5 tasks, hours, years_worked
inline constexpr PassBytes supply_bytes{"labour_supply", u64 + 4 * u8 + u16 + 5 * f32 + f32 + u8 + f32 + f32,
                                        u8 + u8 + u8 + u8 + f32 + u8 + f32 + 5 * f32 + f32 + f32};
// The compaction after deaths (Population::compact, kernels/soa.hpp): the keep flags are read
// once to find the runs of kept records, then every column's kept records move down run by run
// (in place on the CPU, kernels/in_place_compaction.hpp; into spare columns on the GPU);
// status_at_start likewise. On the CPU the wages and the six tax-benefit accounts stay where
// they are (the income pass rewrites them for everyone, model/passes/state.cpp); the GPU's
// scatter moves them too, so its compaction moves 28 B more each way than counted here.
inline constexpr std::size_t recomputed_each_year = 7 * f32;
inline constexpr PassBytes compaction_bytes{"compaction", u8 + (record - recomputed_each_year) + u8,
                                            (record - recomputed_each_year) + u8};
// add_entrants: the columns grow within their capacity, so only the new cohort is written,
// about 1% of persons: left out, like the other branches of a few percent.
inline constexpr PassBytes entrant_bytes{"entrants", 0, 0};
// matching_pass: CountApplications and Hire each read status; only the unemployed read more.
inline constexpr PassBytes matching_bytes{"matching", u8 + u8, 0};
// income_pass: SetWages reads status, age, education, occupation, sex, skill_stock,
// wage_effect, hours, career_earnings and writes gross_wage, career_earnings and the wealth
// weight (a scratch column, summed exactly as it is written, in the same pass since the fifth
// round); ApplyTaxBenefit reads the wealth weight again, and status, age, hours, gross_wage,
// previous_wage, unemployment_months, years_worked, career_earnings, and writes
// capital_income, benefits, pension, contributions, taxes, disposable_income.
inline constexpr PassBytes income_bytes{"income",
                                        (u8 + u8 + u8 + u16 + u8 + f32 + f32 + f32 + f32) +
                                            (f32 + u8 + u8 + f32 + f32 + f32 + u8 + f32 + f32),
                                        (f32 + f32 + f32) + 6 * f32};
// indicator_pass: status, status_at_start, age, education, trained, digital_skill,
// occupation, 5 tasks, gross_wage, disposable_income; the histogram rows stay in cache.
inline constexpr PassBytes indicator_bytes{"indicators", 6 * u8 + u16 + 5 * f32 + f32 + f32, 0};

inline constexpr PassBytes year_passes[] = {supply_bytes, compaction_bytes, entrant_bytes,
                                            matching_bytes, income_bytes, indicator_bytes};

inline constexpr std::size_t bytes_per_person_year() {
  std::size_t total = 0;
  for (const PassBytes& p : year_passes) total += p.read + p.written;
  return total;
}

}  // namespace ts::bench
