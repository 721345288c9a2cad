// The peer workload's population and its per-period pass (docs/performance.md, "Peer
// workload"): the person columns, the initial population, and the period's update fused with
// its aggregates, per person (GPU) or in vectorisable tiles (CPU), with the same bits.
#pragma once
#include <cstddef>
#include <cstdint>

#include "kernels/det_math.hpp"
#include "kernels/philox_stream.hpp"
#include "kernels/soa.hpp"
#include "kernels/ts_hd.hpp"
#include "bench/peer_model_k.hpp"

// X(type, name, unit): 7 one-byte codes and 7 floats, 35 bytes per person.
#define PEER_PERSON_ATTRIBUTES(X)                                   \
  X(std::uint8_t, age, "years")                                     \
  X(std::uint8_t, sex, "1")                                         \
  X(std::uint8_t, education, "1")  /* 0 low, 1 middle, 2 high */    \
  X(std::uint8_t, status, "1")     /* peer::status_* */             \
  X(std::uint8_t, occupation, "1") /* 0..8 */                       \
  X(std::uint8_t, digital_skill, "1")                               \
  X(std::uint8_t, trained, "1")                                     \
  X(float, task_0, "1")                                             \
  X(float, task_1, "1")                                             \
  X(float, task_2, "1")                                             \
  X(float, task_3, "1")                                             \
  X(float, task_4, "1")                                             \
  X(float, skill_stock, "1")                                        \
  X(float, wage, "EUR/hour")

namespace peer {

TS_DECLARE_SOA(PeerPopulation, PeerView, PEER_PERSON_ATTRIBUTES)

// The initial population, one Philox stream per person id (documented in docs/performance.md).
struct Synthesize {
  PeerView p;
  std::uint32_t seed;
  TS_HD void operator()(std::size_t i) const {
    const ts::PhiloxStream r(seed, 0, i, initial_year, purpose_initial);
    const int age = 18 + static_cast<int>(r.uniform(0) * 49.0);  // 18..66 uniform
    const int sex = r.uniform(1) < 0.5 ? 0 : 1;
    const double ue = r.uniform(2);
    const int education = ue < 0.25 ? 0 : (ue < 0.65 ? 1 : 2);
    const double us = r.uniform(3);
    const int status = us < 0.72 ? status_employed : (us < 0.77 ? status_unemployed : status_inactive);
    const int occupation = static_cast<int>(r.uniform(4) * 9.0);
    double shares[task_count];
    double total = 0.0;
    for (int k = 0; k < task_count; ++k) {
      // Dirichlet(1, ..., 1) scaled by the occupation's profile.
      shares[k] = occupation_profile(occupation, k) * -ts::det_log(r.uniform(5 + static_cast<std::uint32_t>(k)));
      total += shares[k];
    }
    const double ud = r.uniform(10);
    const int digital = ud < 0.15 ? 0 : (ud < 0.55 ? 1 : (ud < 0.90 ? 2 : 3));
    const double skill = 1.0 + 0.15 * r.normal(11);
    p.age[i] = static_cast<std::uint8_t>(age);
    p.sex[i] = static_cast<std::uint8_t>(sex);
    p.education[i] = static_cast<std::uint8_t>(education);
    p.status[i] = static_cast<std::uint8_t>(status);
    p.occupation[i] = static_cast<std::uint8_t>(occupation);
    p.digital_skill[i] = static_cast<std::uint8_t>(digital);
    p.trained[i] = 0;
    p.task_0[i] = static_cast<float>(shares[0] / total);
    p.task_1[i] = static_cast<float>(shares[1] / total);
    p.task_2[i] = static_cast<float>(shares[2] / total);
    p.task_3[i] = static_cast<float>(shares[3] / total);
    p.task_4[i] = static_cast<float>(shares[4] / total);
    p.skill_stock[i] = static_cast<float>(skill > 0.3 ? skill : 0.3);
    p.wage[i] = 0.0f;
  }
};

// Asks the compiler to vectorise the next loop (OpenMP builds; ignored elsewhere).
#if defined(_OPENMP) && !defined(__CUDACC__)
#define PEER_SIMD _Pragma("omp simd")
#else
#define PEER_SIMD
#endif

// The probability of changing between employment and unemployment (steps 4-5), for every
// person whatever its status (unused unless employed or unemployed), without branches: both
// arguments are computed and one is selected (with -ftrapping-math, GCC vectorises a select of
// values but not float arithmetic under a condition).
TS_HD inline float move_probability_of(int status, int education, int digital, float skill, float exposure) {
  const float separation = separation_argument(exposure, digital);
  const float reemployment = reemployment_argument(education, skill);
  return peer_logistic(status == status_employed ? separation : reemployment);
}

// A person's state after steps 1-7, from its state at the start of the period and its draws.
struct Update {
  int age;
  int status;
  int digital;
  bool trained;
  float skill;
};

TS_HD inline Update update_of(const PeriodConstants& c, int age_before, int status_before, int education, int digital,
                              float skill, std::uint32_t w0, std::uint32_t w1, std::uint32_t w2, float move_probability) {
  // Written as arithmetic on flags rather than branches, so that a loop over persons vectorises.
  Update u;
  u.age = age_before + 1;
  const bool retiring = u.age >= retirement_age;
  const bool active = (status_before <= status_unemployed) & !retiring;
  const bool moves = active & uniform_below(w0, move_probability);
  u.status = retiring ? status_retired : status_before ^ static_cast<int>(moves);  // 0 <-> 1
  const int row = ((u.age * education_count + education) * digital_levels + digital) * static_cast<int>(active);
  u.trained = active & (w1 < c.training_threshold[row]);
  u.skill = static_cast<float>(skill_decay * skill + (u.trained ? skill_gain : 0.0));
  u.digital = digital + static_cast<int>(u.trained & (digital < digital_levels - 1) & uniform_below(w2, 0.25f));
  return u;
}

// One period for one person, fused with the period's aggregates. The GPU calls operator() per
// person; the CPU calls range() per chunk, which computes the same functions in tiles: loops
// without branches that vectorise (draws, probabilities, wages) around a scalar update and the
// histogram's scattered adds. Both give the same bits (bench/peer_model_test.cpp).
struct Period {
  PeerView p;
  PeriodConstants c;

  TS_HD float exposure(std::size_t i) const {
    return exposure_of(c, p.task_0[i], p.task_1[i], p.task_2[i], p.task_3[i], p.task_4[i]);
  }

  TS_HD void store(std::size_t i, const Update& u) const {
    p.age[i] = static_cast<std::uint8_t>(u.age);
    p.status[i] = static_cast<std::uint8_t>(u.status);
    p.trained[i] = u.trained ? 1 : 0;
    p.digital_skill[i] = static_cast<std::uint8_t>(u.digital);
    p.skill_stock[i] = u.skill;
  }

  template <class Add>
  TS_HD void add_wage(Add& add, int bin, float wage) const {
    add(bin_wage_histogram + bin, 1);
    add(bin_wage_histogram + c.wage_bin_count + bin, wage_cents(wage));
  }

  template <class Add>
  TS_HD void operator()(std::size_t i, Add& add) const {
    const PersonWords d = person_words(c.seed, i, c.year);
    const float exposure_i = exposure(i);
    const int education = p.education[i];
    const float probability = move_probability_of(p.status[i], education, p.digital_skill[i], p.skill_stock[i], exposure_i);
    const Update u = update_of(c, p.age[i], p.status[i], education, p.digital_skill[i], p.skill_stock[i], d.w[0], d.w[1],
                               d.w[2], probability);
    store(i, u);
    float wage = 0.0f;
    if (u.status < status_retired) add(bin_below_retirement, 1);
    if (u.status == status_employed) {
      const float noise = normal_quantile(d.w[3], normal_quantile_central(d.w[3]));
      const float log_wage = log_wage_of(u.age, education, u.skill, exposure_i, noise);
      wage = peer_expf(log_wage);
      add(bin_employed, 1);
      add_wage(add, wage_bin_of_log(c, log_wage), wage);
    }
    p.wage[i] = wage;
  }

  template <class Add>
  void range(std::size_t begin, std::size_t end, Add& add) const {
    tiles(*this, begin, end, add);
  }

  // `self` is a copy: stores into the byte columns could otherwise alias the object's pointers,
  // which would then be reloaded after each store, and the loops would not vectorise.
  template <class Add>
  static void tiles(const Period self, std::size_t begin, std::size_t end, Add& add) {
    const PeerView& p = self.p;
    const PeriodConstants& c = self.c;
    constexpr int tile = 256;
    // Per tile: j indexes its persons; k a list of some of them (the active, the employed).
    // Words of inactive persons are never used, but stay initialised.
    std::uint32_t w0[tile] = {}, w1[tile] = {}, w2[tile] = {}, w3[tile] = {};
    std::uint32_t draw0[tile], draw1[tile], draw2[tile], draw3[tile];
    float noise[tile], log_wage_base[tile], employed_base[tile], wages[tile];
    int bin[tile], listed[tile];
    std::int64_t below_retirement = 0, employed_total = 0;
    for (std::size_t first = begin; first < end; first += tile) {
      const int n = static_cast<int>(end - first < std::size_t{tile} ? end - first : std::size_t{tile});
      // Who draws: employed or unemployed persons below retirement age after ageing.
      int active = 0;
      for (int j = 0; j < n; ++j) {
        const std::size_t i = first + static_cast<std::size_t>(j);
        listed[active] = j;
        active += static_cast<int>((p.status[i] <= status_unemployed) & (p.age[i] + 1 < retirement_age));
      }
      // Their draws. Philox in a loop of its own and on 32-bit halves of the id: with 64-bit ids
      // or with the person's columns in the loop, GCC vectorises its 32 x 32 -> 64-bit products
      // as full 64-bit ones (three multiplies each, or shift-and-add chains).
      const auto first_low = static_cast<std::uint32_t>(first), first_high = static_cast<std::uint32_t>(first >> 32);
      PEER_SIMD
      for (int k = 0; k < active; ++k) {
        const std::uint32_t id_low = first_low + static_cast<std::uint32_t>(listed[k]);
        const PersonWords d = person_words(c.seed, id_low, first_high + (id_low < first_low ? 1u : 0u), c.year);
        draw0[k] = d.w[0];
        draw1[k] = d.w[1];
        draw2[k] = d.w[2];
        draw3[k] = d.w[3];
      }
      for (int k = 0; k < active; ++k) {
        const int j = listed[k];
        w0[j] = draw0[k];
        w1[j] = draw1[k];
        w2[j] = draw2[k];
        w3[j] = draw3[k];
      }
      // The update of everyone (the training threshold is a table look-up: an emulated
      // gather) and their log wage but for the noise.
      int below = 0;
      PEER_SIMD
      for (int j = 0; j < n; ++j) {
        const std::size_t i = first + static_cast<std::size_t>(j);
        const float exposure = self.exposure(i);
        const int status = p.status[i], education = p.education[i], digital = p.digital_skill[i];
        const float skill = p.skill_stock[i];
        const float probability = move_probability_of(status, education, digital, skill, exposure);
        const Update u = update_of(c, p.age[i], status, education, digital, skill, w0[j], w1[j], w2[j], probability);
        self.store(i, u);
        p.wage[i] = 0.0f;
        log_wage_base[j] = log_wage_without_noise(u.age, education, u.skill, exposure);
        below += static_cast<int>(u.status != status_retired);
      }
      below_retirement += below;
      // The employed: wage noise (the tails rarely: a predictable branch), wage and its bin.
      int employed = 0;
      for (int j = 0; j < n; ++j) {
        listed[employed] = j;
        employed += static_cast<int>(p.status[first + static_cast<std::size_t>(j)] == status_employed);
      }
      PEER_SIMD
      for (int k = 0; k < employed; ++k) {
        noise[k] = normal_quantile_central(w3[listed[k]]);
        employed_base[k] = log_wage_base[listed[k]];
      }
      for (int k = 0; k < employed; ++k) {
        const std::uint32_t word = w3[listed[k]];
        if (normal_quantile_in_tail(word)) noise[k] = normal_quantile(word, noise[k]);
      }
      PEER_SIMD
      for (int k = 0; k < employed; ++k) {
        const float log_wage = log_wage_with_noise(employed_base[k], noise[k]);
        wages[k] = peer_expf(log_wage);
        bin[k] = wage_bin_of_log(c, log_wage);
      }
      for (int k = 0; k < employed; ++k) {
        p.wage[first + static_cast<std::size_t>(listed[k])] = wages[k];
        self.add_wage(add, bin[k], wages[k]);
      }
      employed_total += employed;
    }
    add(bin_below_retirement, below_retirement);
    add(bin_employed, employed_total);
  }
};

}  // namespace peer
