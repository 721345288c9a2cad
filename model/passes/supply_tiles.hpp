// The labour-supply pass on the CPU backends: a chunk of persons in tiles of vectorised loops,
// the same bits as LabourSupplyPass::operator() (model/passes/supply_contribution.hpp). Included
// only by supply_pass.cpp, which is compiled with -fno-trapping-math (model/CMakeLists.txt).
#pragma once
#include <cstddef>
#include <cstdint>

#include "kernels/logistic_lanes.hpp"
#include "kernels/philox_tile.hpp"
#include "kernels/tile_lists.hpp"
#include "model/exposure_lanes.hpp"
#include "model/passes/supply_contribution.hpp"

namespace ts::model::supply {

#if THRUST_DEVICE_SYSTEM != THRUST_DEVICE_SYSTEM_CUDA
// broad_status as arithmetic, which vectorises (a switch becomes a table look-up that does not).
constexpr int broad_status_of(int status) {
  return (status >= status_employee_permanent) + (status >= status_unemployed) + (status >= status_inactive) +
         (status >= status_retired);
}
static_assert(broad_status_of(status_in_education) == broad_status(status_in_education) &&
              broad_status_of(status_employee_permanent) == broad_status(status_employee_permanent) &&
              broad_status_of(status_employee_temporary) == broad_status(status_employee_temporary) &&
              broad_status_of(status_self_employed) == broad_status(status_self_employed) &&
              broad_status_of(status_platform_worker) == broad_status(status_platform_worker) &&
              broad_status_of(status_unemployed) == broad_status(status_unemployed) &&
              broad_status_of(status_inactive) == broad_status(status_inactive) &&
              broad_status_of(status_retired) == broad_status(status_retired) && status_count == 8);

// LabourSupplyPass on the CPU, a tile of persons at a time, as a sequence of loops, most of
// which the compiler vectorises (this file is compiled with -fno-trapping-math, see
// model/CMakeLists.txt): each Philox stream for the persons who may need it (AVX2); the deaths;
// the school, retirement and participation decisions of everyone, branch-free; the automation
// exposure of the employed (17 divisions each); their separations; the training decisions and
// skills of everyone, the logistic probabilities in one loop; the totals, counted per chunk.
// Each survivor goes through exactly operator()'s operations (a case not taken is computed and
// not selected; draws not needed are not used), so the bits are the same. The records of the
// dead are updated too (unconditional stores vectorise) but never read: the compaction after the
// pass drops them.
class SupplyTiles {
 public:
  static constexpr int tile = 128;

  explicit SupplyTiles(const LabourSupplyPass& pass) : s_(pass) {
    for (int e = 0; e < education_count; ++e)
      for (int b = 0; b < training_bands; ++b)
        for (int status = 0; status < status_count; ++status)
          base_logit_[(e * training_bands + b) * status_count + status] =
              training_logit_before_displacement(pass.training_logits, e, b, status);
    // The first whole age at or above each leaving age: the same comparison in integers.
    for (int e = 0; e < education_count; ++e) {
      int age = 0;
      while (age < 256 && !(age >= pass.leaving.age[e])) ++age;
      leaving_age_[e] = age;
    }
  }

  template <class Add>
  void run(std::size_t begin, std::size_t end, Add& add) {
    for (std::size_t first = begin; first < end; first += tile) {
      const int n = static_cast<int>(end - first < std::size_t{tile} ? end - first : std::size_t{tile});
      decide_deaths(first, n);
      draw_for_survivors(first, n);
      decide_status(first, n);
      list_employed(first, n);
      expose_employed();
      separate(first, n, add);
      train(first, n);
      count(first, n);
    }
    for (int b = 0; b < bin_count; ++b)
      if (counts_[b] != 0) add(b, counts_[b]);
  }

 private:
  static constexpr int training_bands = sizeof(TrainingLogits::age_band) / sizeof(double);

  // Block `block` of the streams of `count` ids in word0_ .. word3_ (and of the stale ids up to
  // the next eight: the id lists and words have tile entries); with words == 2, only the first
  // draw's word0_ and word1_. Not inlined: GCC inlines the rounds into whichever caller grows
  // least, where they spill their sixteen registers.
  template <int words>
  [[gnu::noinline]] void blocks(int count, const std::uint32_t* id_low, const std::uint32_t* id_high, int purpose,
                                std::uint32_t block) {
    philox_stream_blocks_padded<words>(count, id_low, id_high, s_.seed, s_.replica,
                                       static_cast<std::uint32_t>(s_.year), static_cast<std::uint32_t>(purpose),
                                       block, word0_, word1_, word2_, word3_);
  }

  // The stream `purpose` of the flagged persons j (of this tile): draws 2 block and 2 block + 1
  // in u0[j] and, unless null, u1[j].
  void draw(const tile_lists::TileMask& mask, int n, int purpose, std::uint32_t block, double* u0, double* u1) {
    if (tile_lists::popcount(mask) < sparse_list) {
      draw_sparse(mask, purpose, block, u0, u1);
      return;
    }
    const int count = tile_lists::pack_ids(mask, n, id_low_, id_high_, list_low_, list_high_);
    if (u1 != nullptr) {
      blocks<4>(count, list_low_, list_high_, purpose, block);
      tile_lists::spread_uniforms(mask, n, word2_, word3_, u1);
    } else {
      blocks<2>(count, list_low_, list_high_, purpose, block);
    }
    tile_lists::spread_uniforms(mask, n, word0_, word1_, u0);
  }

  // draw() for few persons (school leavers, temporary contracts): person by person, cheaper than
  // two sweeps over the tile's groups of eight.
  static constexpr int sparse_list = 24;
  void draw_sparse(const tile_lists::TileMask& mask, int purpose, std::uint32_t block, double* u0, double* u1) {
    int count = 0;
    for (int w = 0; w < tile / 32; ++w)
      for (std::uint32_t bits = mask.word[w]; bits != 0; bits &= bits - 1) {
        const int j = 32 * w + __builtin_ctz(bits);
        list_low_[count] = id_low_[j];
        list_high_[count] = id_high_[j];
        ++count;
      }
    if (u1 != nullptr)
      blocks<4>(count, list_low_, list_high_, purpose, block);
    else
      blocks<2>(count, list_low_, list_high_, purpose, block);
    count = 0;
    for (int w = 0; w < tile / 32; ++w)
      for (std::uint32_t bits = mask.word[w]; bits != 0; bits &= bits - 1) {
        const int j = 32 * w + __builtin_ctz(bits);
        u0[j] = uniform_from_words(word0_[count], word1_[count]);
        if (u1 != nullptr) u1[j] = uniform_from_words(word2_[count], word3_[count]);
        ++count;
      }
  }

  // Everyone's death draw and decision; the survivors in alive_.
  void decide_deaths(std::size_t first, int n) {
    const PersonView& p = s_.p;
    const std::uint64_t* ids = p.person_id + first;
    TS_SIMD_LOOP
    for (int j = 0; j < n; ++j) {
      id_low_[j] = static_cast<std::uint32_t>(ids[j]);
      id_high_[j] = static_cast<std::uint32_t>(ids[j] >> 32);
    }
    blocks<2>(n, id_low_, id_high_, purpose_death, 0u);
    TS_SIMD_LOOP
    for (int j = 0; j < n; ++j) u_death_[j] = uniform_from_words(word0_[j], word1_[j]);
    const std::uint8_t* status = p.status + first;
    const std::uint8_t* age = p.age + first;
    const std::uint8_t* sex = p.sex + first;
    const double* death = s_.t.death_probability;
    const double factor = s_.mortality_factor;
    std::uint8_t* keep = s_.keep + first;
    std::uint8_t* at_start = s_.status_at_start + first;
    TS_SIMD_LOOP
    for (int j = 0; j < n; ++j) {
      const int old_age = age[j];
      const double q = death[sex[j] * life_table_ages + (old_age < 105 ? old_age : 105)] * factor;
      const bool dies = u_death_[j] < q;
      alive_flag_[j] = dies ? 0 : 1;
      keep[j] = dies ? 0 : 1;
      at_start[j] = broad_status_of(status[j]);
    }
    const tile_lists::TileMask alive = tile_lists::mask_of_flags(alive_flag_, n);
    const tile_lists::TileMask in_tile = tile_lists::first_persons(n);
    for (int w = 0; w < tile / 32; ++w)  // few die: a loop over them
      for (std::uint32_t dead = in_tile.word[w] & ~alive.word[w]; dead != 0; dead &= dead - 1)
        counts_[bin_deaths + at_start[32 * w + __builtin_ctz(dead)]] += 1;
  }

  // The retirement, participation and training streams of the survivors who may use them (by
  // their status at the start and their new age).
  void draw_for_survivors(std::size_t first, int n) {
    const PersonView& p = s_.p;
    const int first_retirement_age = s_.statutory_age < retirement_exit_first_age ? s_.statutory_age
                                                                                  : retirement_exit_first_age;
    const int statutory = s_.statutory_age;
    const int leaving_low = leaving_age_[0], leaving_middle = leaving_age_[1], leaving_high = leaving_age_[2];
    const std::uint8_t* status_column = p.status + first;
    const std::uint8_t* age_column = p.age + first;
    const std::uint8_t* education_column = p.education + first;
    TS_SIMD_LOOP
    for (int j = 0; j < n; ++j) {
      const int status = status_column[j];
      const int old_age = age_column[j];
      const int age = old_age + static_cast<int>(old_age < 255);
      const int education = education_column[j];
      const int leaving_age = education == 0 ? leaving_low : (education == 1 ? leaving_middle : leaving_high);
      const int alive = alive_flag_[j];
      const int not_retired = status != status_retired;
      const int student = status == status_in_education;
      retire_flag_[j] = static_cast<std::uint8_t>(alive & not_retired & (age >= first_retirement_age));
      school_list_flag_[j] = static_cast<std::uint8_t>(alive & student & (age >= leaving_age));
      participation_flag_[j] = static_cast<std::uint8_t>(alive & not_retired);
      training_flag_[j] = static_cast<std::uint8_t>(alive & (student | (age < statutory)));
    }
    draw(tile_lists::mask_of_flags(retire_flag_, n), n, purpose_retirement, 0u, u_retire0_, u_retire1_);
    draw(tile_lists::mask_of_flags(school_list_flag_, n), n, purpose_retirement, 1u, u_school_, nullptr);
    draw(tile_lists::mask_of_flags(participation_flag_, n), n, purpose_participation, 0u, u_participation_, nullptr);
    draw(tile_lists::mask_of_flags(training_flag_, n), n, purpose_training, 0u, u_train0_, u_train1_);
  }

  // operator() from the survival to the participation decision, for everyone of the tile.
  void decide_status(std::size_t first, int n) {
    const LabourSupplyPass& s = s_;
    const PersonView& p = s.p;
    const std::uint8_t* status_column = p.status + first;
    const std::uint8_t* sex_column = p.sex + first;
    const std::uint8_t* education_column = p.education + first;
    std::uint8_t* age_column = p.age + first;
    std::uint8_t* months = p.unemployment_months + first;
    float* previous_wage = p.previous_wage + first;
    const float* gross_wage = p.gross_wage + first;
    float* displaced_share = p.displaced_share + first;
    const double* inactive = s.inactive_share_by_age;
    const double* exit_rate = s.t.retirement_exit;
    const double leaving_low = s.leaving.age[0], leaving_middle = s.leaving.age[1], leaving_high = s.leaving.age[2];
    static_assert(education_count == 3);
    const int statutory = s.statutory_age;
    const double late_probability = s.late_retirement_probability, school_exit = s.school_exit_probability;
    const double turnover = s.participation_turnover;
    // The comparisons of draws and probabilities, as flags (floating-point work in a loop of its
    // own: GCC does not vectorise a loop that mixes it with the byte-sized status logic).
    TS_SIMD_LOOP
    for (int j = 0; j < n; ++j) {
      const int sex = sex_column[j];
      const int old_age = age_column[j];
      const int age = old_age + static_cast<int>(old_age < 255);  // capped at 255, without a branch
      const int education = education_column[j];
      const double leaving_age = education == 0 ? leaving_low : (education == 1 ? leaving_middle : leaving_high);
      school_flag_[j] = -static_cast<std::int64_t>((age >= leaving_age) & (u_school_[j] < school_exit));
      const int exit_offset = age - retirement_exit_first_age;
      const int exit_index =
          sex * retirement_exit_ages + (exit_offset < 0 ? 0 : (exit_offset >= retirement_exit_ages ? 0 : exit_offset));
      early_flag_[j] = -static_cast<std::int64_t>(u_retire0_[j] < exit_rate[exit_index]);
      late_flag_[j] = -static_cast<std::int64_t>(u_retire1_[j] < late_probability);
      const double before = inactive[inactive_share_index(old_age, sex, education)];
      const double after = inactive[inactive_share_index(age, sex, education)];
      const double change = after - before;
      const double u = u_participation_[j];
      const double back_flow = -change / before;
      const double out_flow = change / (1.0 - before);
      const double back = turnover * (1.0 - after) + select_bits((change < 0.0) & (before > 0.0), back_flow, 0.0);
      const double leave = turnover * after + select_bits((change > 0.0) & (before < 1.0), out_flow, 0.0);
      back_flag_[j] = -static_cast<std::int64_t>(u < back);
      leave_flag_[j] = -static_cast<std::int64_t>(u < leave);
    }
    TS_SIMD_LOOP
    for (int j = 0; j < n; ++j) {
      const int status0 = status_column[j];
      const int old_age = age_column[j];
      const int age = old_age + static_cast<int>(old_age < 255);
      age_column[j] = static_cast<std::uint8_t>(age);
      displaced_share[j] = 0.0f;
      // School: from the typical leaving age on, students leave with a yearly probability.
      const int student = status0 == status_in_education;
      const int leaves = student & static_cast<int>(school_flag_[j]);
      const int status1 = leaves ? status_unemployed : status0;
      // Retirement.
      const int may_retire = (status1 != status_in_education) & (status1 != status_retired);
      const int late = age >= statutory;
      const int early = (1 - late) & (age >= retirement_exit_first_age) & static_cast<int>(early_flag_[j]);
      const int retires = may_retire & ((late & static_cast<int>(late_flag_[j])) | early);
      const int status2 = retires ? status_retired : status1;
      // Participation.
      const int employed2 = (status2 >= status_employee_permanent) & (status2 <= status_platform_worker);
      const int inactive2 = status2 == status_inactive;
      const int participates = inactive2 | (status2 == status_unemployed) | employed2;
      const int returns = participates & inactive2 & static_cast<int>(back_flag_[j]);
      const int withdraws = participates & (1 - inactive2) & static_cast<int>(leave_flag_[j]);
      const int status3 = returns ? status_unemployed : (withdraws ? status_inactive : status2);
      months[j] = static_cast<std::uint8_t>(months[j] & ((leaves | returns) - 1));
      copy_wage_[j] = static_cast<std::uint8_t>(withdraws & employed2);
      status_[j] = static_cast<std::uint8_t>(status3);
      trained_[j] = static_cast<std::uint8_t>(student & (1 - leaves));
      displaced_[j] = 0.0;
    }
    TS_SIMD_LOOP
    for (int j = 0; j < n; ++j) previous_wage[j] = select_bits(copy_wage_[j] != 0, gross_wage[j], previous_wage[j]);
  }

  // The employed survivors in employed_, with the inputs of their exposure.
  void list_employed(std::size_t first, int n) {
    const LabourSupplyPass& s = s_;
    const PersonView& p = s.p;
    TS_SIMD_LOOP
    for (int j = 0; j < n; ++j) {
      const int status = status_[j];
      const int alive = alive_flag_[j];
      employed_flag_[j] = static_cast<std::uint8_t>(alive & (status >= status_employee_permanent) &
                                                    (status <= status_platform_worker));
      temporary_flag_[j] = static_cast<std::uint8_t>(alive & (status == status_employee_temporary));
    }
    employed_mask_ = tile_lists::mask_of_flags(employed_flag_, n);
    temporary_mask_ = tile_lists::mask_of_flags(temporary_flag_, n);
    const int count = tile_lists::list_of(employed_mask_, n, employed_);
    employed_count_ = count;
    const float* analytic = p.task_analytic + first;
    const float* interpersonal = p.task_interpersonal + first;
    const float* routine_cognitive = p.task_routine_cognitive + first;
    const float* routine_manual = p.task_routine_manual + first;
    const float* manual = p.task_manual + first;
    const float* skill = p.skill_stock + first;
    const float* hours = p.hours + first;
    const std::uint8_t* digital = p.digital_skill + first;
    const std::uint16_t* occupation = p.occupation + first;
    const std::uint8_t* isco1 = s.t.occupation_isco1;
    const double* adopted = &s.newly_adopted[0][0];
    const double* separation_logit = s.separation_logit;
    TS_SIMD_LOOP
    for (int e = 0; e < count; ++e) {
      const int j = employed_[e];
      const int group = isco1[occupation[j]] - 1;
      group_[e] = group;
      share_[0][e] = analytic[j];  // the order of load_tasks
      share_[1][e] = interpersonal[j];
      share_[2][e] = routine_cognitive[j];
      share_[3][e] = routine_manual[j];
      share_[4][e] = manual[j];
      for (int k = 0; k < task_category_count; ++k) adopted_[k][e] = adopted[group * task_category_count + k];
      skill_[e] = skill[j];
      digital_[e] = digital[j];
      hours_[e] = hours[j];
      separation_[e] = separation_logit[status_[j] - status_employee_permanent];
    }
  }

  // The exposure of the employed, then their separation probabilities.
  void expose_employed() {
    const LabourSupplyPass& s = s_;
    const double reduction = s.training.exposure_reduction;
    const double per_level = s.exposure.augmentation_per_digital_level;
    const double reinstatement = s.exposure.reinstatement_share;
    const double cut_share = s.exposure.hours_cut_share;
    const double sensitivity = s.exposure.separation_sensitivity;
    const int count = employed_count_;
    TS_SIMD_LOOP
    for (int e = 0; e < count; ++e) {
      double share[task_category_count], adopted[task_category_count];
      for (int k = 0; k < task_category_count; ++k) {
        share[k] = share_[k][e];
        adopted[k] = adopted_[k][e];
      }
      const WorkerExposure x =
          worker_exposure_selected(share, adopted, skill_[e], digital_[e], reduction, per_level, reinstatement);
      for (int k = 0; k < task_category_count; ++k) new_share_[k][e] = static_cast<float>(x.share[k]);
      const double residual = (x.displaced - x.augmented) * (1.0 - reinstatement);
      const double hours = hours_[e];
      const double cut = 1.0 - cut_share * residual;
      new_hours_[e] = static_cast<float>(hours * select_bits(cut > 0.2, cut, 0.2));
      const double displaced_fte = hours * (x.displaced - x.augmented);
      fte_fixed_[e] = displaced_fte * fixed_share_unit + 0.5;  // share_to_fixed, floored and cast in separate()
      weight_mask_[e] = -static_cast<std::int64_t>(x.weighted > 0.0);  // 64 bits, as the lanes of x.weighted: vectorises
      for (int k = 0; k < task_category_count; ++k)
        task_fixed_[k][e] = displaced_fte * share[k] * adopted[k] / x.weighted * fixed_share_unit + 0.5;
      exposed_[e] = x.displaced;
      separation_[e] = separation_[e] + sensitivity * residual - 0.5 * (skill_[e] - 1.0);
    }
    det_logistic_in_place(separation_, count);
  }

  // The separation and contract decisions of the employed, their exposure stored and counted.
  template <class Add>
  void separate(std::size_t first, int n, Add& add) {
    const LabourSupplyPass& s = s_;
    const PersonView& p = s.p;
    const int count = employed_count_;
    draw(employed_mask_, n, purpose_separation, 0u, u_separation_, nullptr);
    draw(temporary_mask_, n, purpose_contract, 0u, u_contract_, nullptr);
    const std::uint8_t* education = p.education + first;
    // The tile's sums in locals, which the person columns' stores cannot alias (the row can).
    std::int64_t displaced_sum = 0, fte_by_group[isco_group_count] = {}, by_task[task_category_count] = {};
    for (int e = 0; e < count; ++e) {
      const int j = employed_[e];
      const std::size_t i = first + static_cast<std::size_t>(j);
      p.task_analytic[i] = new_share_[0][e];
      p.task_interpersonal[i] = new_share_[1][e];
      p.task_routine_cognitive[i] = new_share_[2][e];
      p.task_routine_manual[i] = new_share_[3][e];
      p.task_manual[i] = new_share_[4][e];
      const double displaced = exposed_[e];
      p.displaced_share[i] = static_cast<float>(displaced);
      displaced_[j] = displaced;
      p.hours[i] = new_hours_[e];
      fte_by_group[group_[e]] += static_cast<std::int64_t>(det_floor(fte_fixed_[e]));
      if (weight_mask_[e] != 0)
        for (int k = 0; k < task_category_count; ++k) by_task[k] += static_cast<std::int64_t>(det_floor(task_fixed_[k][e]));
      displaced_sum += share_to_fixed(displaced);
      std::uint8_t status = status_[j];
      if (u_separation_[j] < separation_[e]) {
        p.previous_wage[i] = p.gross_wage[i];
        status = status_unemployed;
        p.unemployment_months[i] = 0;
      } else {
        p.years_worked[i] += static_cast<float>(hours_[e]);
        if (status == status_employee_temporary && u_contract_[j] < s.temporary_to_permanent)
          status = status_employee_permanent;
      }
      status_[j] = status;
      const int group = group_[e];  // counted here, where the group is at hand (see count())
      counts_[status == status_unemployed ? bin_seekers + group * education_count + education[j] : bin_employed + group] += 1;
    }
    for (int g = 0; g < isco_group_count; ++g) add(bin_displaced_fte + g, fte_by_group[g]);
    for (int k = 0; k < task_category_count; ++k) add(bin_displaced_task + k, by_task[k]);
    add(bin_displaced_sum, displaced_sum);
    add(bin_employed_total, count);
  }

  // Training (the probabilities of everyone in one loop, used where a person may train), skills
  // and the new status.
  void train(std::size_t first, int n) {
    const LabourSupplyPass& s = s_;
    const PersonView& p = s.p;
    const std::uint8_t* age_column = p.age + first;
    const std::uint8_t* education_column = p.education + first;
    std::uint8_t* status_column = p.status + first;
    std::uint8_t* trained_column = p.trained + first;
    std::uint8_t* digital_column = p.digital_skill + first;
    float* skill_column = p.skill_stock + first;
    const double displacement = s.training_logits.displacement;
    const double* base_logit = base_logit_;
    TS_SIMD_LOOP
    for (int j = 0; j < n; ++j) {
      const int band = training_age_band(age_column[j]);
      const double base = base_logit[(education_column[j] * training_bands + band) * status_count + status_[j]];
      probability_[j] = base + displacement * displaced_[j];
    }
    det_logistic_in_place(probability_, n);
    const int statutory = s.statutory_age;
    const double depreciation = s.training.depreciation_base + s.training.depreciation_per_pace * s.pace;
    const double gain = s.training.skill_gain, upgrade_probability = s.training.digital_upgrade_probability;
    TS_SIMD_LOOP
    for (int j = 0; j < n; ++j) {
      const int status = status_[j];
      const bool may_train = (status != status_in_education) & (status != status_retired) & (age_column[j] < statutory);
      const bool trained = (trained_[j] != 0) | (may_train & (u_train0_[j] < probability_[j]));
      trained_column[j] = static_cast<std::uint8_t>(trained);
      const double skill = skill_column[j] * (1.0 - depreciation) + select_bits(trained, gain, 0.0);
      const float new_skill = static_cast<float>(select_bits(skill > 0.05, skill, 0.05));
      skill_column[j] = new_skill;
      const int digital = digital_column[j];
      const bool upgrade = trained & (digital < 3) & (u_train1_[j] < upgrade_probability);
      digital_column[j] = static_cast<std::uint8_t>(digital + static_cast<int>(upgrade));
      status_column[j] = static_cast<std::uint8_t>(status);
    }
  }

  // The survivors in the labour force, by education (flag sums), and by group and education (a
  // loop over the labour force who were not employed: separate() counted those).
  void count(std::size_t first, int n) {
    const PersonView& p = s_.p;
    const std::uint8_t* education_column = p.education + first;
    int low = 0, middle = 0, high = 0;
    for (int j = 0; j < n; ++j) {
      const int status = status_[j];
      const int in_force = alive_flag_[j] & (status >= status_employee_permanent) & (status <= status_unemployed);
      const int education = education_column[j];
      labour_flag_[j] = static_cast<std::uint8_t>(in_force & (1 - employed_flag_[j]));
      low += in_force & (education == 0);
      middle += in_force & (education == 1);
      high += in_force & (education == 2);
    }
    static_assert(education_count == 3 && status_unemployed == status_platform_worker + 1);
    counts_[bin_labour_force_education + 0] += low;
    counts_[bin_labour_force_education + 1] += middle;
    counts_[bin_labour_force_education + 2] += high;
    counts_[bin_labour_force] += low + middle + high;
    const tile_lists::TileMask seekers = tile_lists::mask_of_flags(labour_flag_, n);
    const std::uint16_t* occupation = p.occupation + first;
    const std::uint8_t* isco1 = s_.t.occupation_isco1;
    for (int w = 0; w < tile / 32; ++w)
      for (std::uint32_t bits = seekers.word[w]; bits != 0; bits &= bits - 1) {
        const int j = 32 * w + __builtin_ctz(bits);
        const int group = isco1[occupation[j]] - 1;
        counts_[bin_seekers + group * education_count + education_column[j]] += 1;  // unemployed since decide_status
      }
  }

  const LabourSupplyPass s_;  // a copy: stores into the byte columns cannot alias its pointers
  double base_logit_[education_count * training_bands * status_count];
  std::int64_t counts_[bin_count] = {};
  // Per person of the tile (index j). Draws that a person does not take keep older values.
  std::uint32_t id_low_[tile] = {}, id_high_[tile] = {};
  double u_death_[tile] = {}, u_retire0_[tile] = {}, u_retire1_[tile] = {}, u_school_[tile] = {};
  double u_participation_[tile] = {}, u_train0_[tile] = {}, u_train1_[tile] = {};
  double u_separation_[tile] = {}, u_contract_[tile] = {};
  double displaced_[tile] = {}, probability_[tile] = {};
  std::uint8_t alive_flag_[tile] = {}, status_[tile] = {}, trained_[tile] = {};
  // All ones where a draw is below its probability: 64 bits, the width of the comparisons' lanes.
  std::int64_t school_flag_[tile] = {}, early_flag_[tile] = {}, late_flag_[tile] = {}, back_flag_[tile] = {};
  std::int64_t leave_flag_[tile] = {};
  std::uint8_t copy_wage_[tile] = {};
  // Who takes which stream (index j).
  std::uint8_t retire_flag_[tile] = {}, school_list_flag_[tile] = {}, participation_flag_[tile] = {};
  std::uint8_t training_flag_[tile] = {}, employed_flag_[tile] = {}, temporary_flag_[tile] = {};
  std::uint8_t labour_flag_[tile] = {};
  tile_lists::TileMask employed_mask_{}, temporary_mask_{};
  int leaving_age_[education_count];
  // Lists of persons, and the draws of a list (index k).
  int employed_[tile];
  int employed_count_ = 0;
  std::uint32_t list_low_[tile] = {}, list_high_[tile] = {};
  std::uint32_t word0_[tile] = {}, word1_[tile] = {}, word2_[tile] = {}, word3_[tile] = {};
  // Per employed person (index e).
  int group_[tile];
  double share_[task_category_count][tile], adopted_[task_category_count][tile];
  double skill_[tile], digital_[tile], hours_[tile], separation_[tile], exposed_[tile], fte_fixed_[tile];
  double task_fixed_[task_category_count][tile];
  float new_share_[task_category_count][tile], new_hours_[tile];
  std::int64_t weight_mask_[tile];  // all ones where the task weights sum above zero
};

template <class Add>
void LabourSupplyPass::range(std::size_t begin, std::size_t end, Add& add) const {
  SupplyTiles tiles(*this);
  tiles.run(begin, end, add);
}
#endif  // the CPU backends

}  // namespace ts::model::supply
