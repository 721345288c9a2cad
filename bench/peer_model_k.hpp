// The per-person maths of the peer workload (bench/peer_workload.cpp), as pure functions of
// plain values: automation levels, the three transition probabilities and the wage equation.
// The model is fixed by docs/performance.md, "Peer workload"; change it there first.
#pragma once
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "kernels/det_math.hpp"
#include "kernels/log_histogram.hpp"
#include "kernels/philox_stream.hpp"
#include "kernels/ts_hd.hpp"

namespace peer {

inline constexpr int status_employed = 0, status_unemployed = 1, status_inactive = 2, status_retired = 3;
inline constexpr int task_count = 5;
inline constexpr int education_count = 3;
inline constexpr int digital_levels = 4;
inline constexpr int retirement_age = 67;
inline constexpr int first_year = 2025;
inline constexpr int initial_year = 2024;
inline constexpr std::uint32_t purpose_initial = 1, purpose_period = 2;
inline constexpr double skill_decay = 0.98, skill_gain = 0.10, digital_upgrade_probability = 0.25;

// Bin layout of a period's exact histogram: persons below retirement (status < 3), employed,
// then the wage histogram (counts, then sums in cents).
inline constexpr int bin_below_retirement = 0, bin_employed = 1, bin_wage_histogram = 2;

// Wages are hourly (exp(2.3) = 10 EUR): log bins of 0.5% from 1 EUR to 1 EUR * 1.005^2000.
inline ts::LogBins wage_bins() {
  ts::LogBins bins;
  bins.lowest = 1.0;
  bins.log_bin_count = 2000;
  return bins;
}

// Mean task profile of each of the nine occupations (analytic, interpersonal, routine
// cognitive, routine manual, non-routine manual), from managers (0) to elementary (8).
TS_HD inline double occupation_profile(int occupation, int task) {
  constexpr double profile[9][task_count] = {
      {0.40, 0.35, 0.15, 0.02, 0.08}, {0.45, 0.25, 0.20, 0.02, 0.08}, {0.30, 0.20, 0.30, 0.10, 0.10},
      {0.10, 0.20, 0.55, 0.05, 0.10}, {0.05, 0.45, 0.20, 0.10, 0.20}, {0.05, 0.05, 0.10, 0.30, 0.50},
      {0.05, 0.05, 0.10, 0.40, 0.40}, {0.03, 0.02, 0.15, 0.60, 0.20}, {0.02, 0.08, 0.10, 0.40, 0.40}};
  return profile[occupation][task];
}

// Automation level of each task category in a period: t = year - 2025 + 1.
inline void automation_levels(int year, double level[task_count]) {
  const double t = static_cast<double>(year - first_year + 1);
  level[0] = 0.10 + 0.005 * t;
  level[1] = 0.30 + 0.015 * t;
  level[2] = 0.50 + 0.020 * t;
  level[3] = 0.20 + 0.010 * t;
  level[4] = 0.05 + 0.002 * t;
}

// e^x in float (Cephes' expf: Cody-Waite reduction by ln 2 in two parts, degree-7 polynomial),
// relative error below 3e-7 for |x| < 87 (bench/peer_model_test.cpp), saturating outside. Only
// IEEE-exact operations and no branches: the same bits on every backend, and a loop over persons
// vectorises (four lanes with SSE2).
TS_HD inline float peer_expf(float x) {
  x = x < 88.0f ? x : 88.0f;
  x = x > -87.0f ? x : -87.0f;
  // floor(x / ln 2 + 1/2) through an integer conversion (no SSE4.1 rounding instruction needed).
  const float y = x * 1.44269504088896341f + 0.5f;
  int n = static_cast<int>(y);
  n -= static_cast<float>(n) > y ? 1 : 0;
  const float k = static_cast<float>(n);
  const float r = (x - k * 0.693359375f) - k * -2.12194440e-4f;
  const float p = (((((1.9875691500e-4f * r + 1.3981999507e-3f) * r + 8.3334519073e-3f) * r + 4.1665795894e-2f) * r +
                    1.6666665459e-1f) * r + 5.0000001201e-1f) * (r * r) + r + 1.0f;
  const std::uint32_t bits = static_cast<std::uint32_t>(n + 127) << 23;
  float scale;
  __builtin_memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}

TS_HD inline float peer_logistic(float x) { return 1.0f / (1.0f + peer_expf(-x)); }

// u < p for the uniform u = (word + 1/2) / 2^32 of a 32-bit draw and a probability p in
// [0, 1], decided exactly in float and int32 (so that it vectorises four wide with SSE2):
// with q = p 2^24 = whole + fraction (exact), u < p <=> (word >> 8) + ((word & 255) + 1/2) / 256
// < q, i.e. the top 24 bits are below whole, or equal to it and the low 8 bits (+ 1/2) below
// 256 fraction. Equal to the double comparison (bench/peer_model_test.cpp).
TS_HD inline bool uniform_below(std::uint32_t word, float probability) {
  const float q = probability * 16777216.0f;
  const int whole = static_cast<int>(q);
  const float fraction = q - static_cast<float>(whole);
  const int high = static_cast<int>(word >> 8);
  const float low = static_cast<float>(static_cast<int>(word & 255u)) + 0.5f;
  return (high < whole) | ((high == whole) & (low < fraction * 256.0f));
}

// The standard normal quantile of u = (word + 1/2) / 2^32 by Acklam's rational approximation.
// The quantile is odd about u = 1/2, so the word is folded onto u <= 1/2, where u - 1/2 is
// exact. The central region is evaluated in double (its denominator cancels to 0.0016 at the
// region's edge, which float cannot afford) without branches so that it vectorises; the tails
// (u < 0.02425 or u > 0.97575, 4.85% of draws) need a logarithm: normal_quantile. The result
// differs from det_normal_quantile's by float's rounding only, at most 1e-7 max(1, |z|)
// (bench/peer_model_test.cpp).
inline constexpr std::uint32_t normal_tail_words = 104152957u;  // u < 0.02425 <=> word < this

TS_HD inline float normal_quantile_central(std::uint32_t word) {
  const bool upper = word >= 0x80000000u;
  const std::uint32_t folded = upper ? ~word : word;  // (folded + 1/2) / 2^32 = min(u, 1 - u)
  const double q = (static_cast<double>(static_cast<std::int32_t>(folded - 0x80000000u)) + 0.5) * (1.0 / 4294967296.0);
  const double r = q * q;
  const double z = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r +
                      1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q /
                   (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r +
                      6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1.0);
  const float zf = static_cast<float>(z);
  return upper ? -zf : zf;
}

TS_HD inline bool normal_quantile_in_tail(std::uint32_t word) {
  return word < normal_tail_words || ~word < normal_tail_words;
}

// log((folded + 1/2) / 2^32) in double for the tails: det_log's reduction without its special
// cases (the argument is a positive normal number) and its series cut after s^13 (truncation
// below 1e-12 relative), which is ample for a quantile that is rounded to float.
TS_HD inline double log_of_folded_uniform(std::uint32_t folded) {
  const std::uint64_t bits = ts::detail::double_to_bits(static_cast<double>(folded) + 0.5);
  int exponent = static_cast<int>(bits >> 52) - 1023;
  double mantissa = ts::detail::bits_to_double((bits & 0x000fffffffffffffull) | 0x3ff0000000000000ull);
  const bool high = mantissa > 1.4142135623730951;  // keep the mantissa in [sqrt(1/2), sqrt(2))
  mantissa = high ? 0.5 * mantissa : mantissa;
  exponent += high ? 1 - 32 : -32;
  const double s = (mantissa - 1.0) / (mantissa + 1.0);
  const double s2 = s * s;
  const double series = (((((1.0 / 13.0) * s2 + 1.0 / 11.0) * s2 + 1.0 / 9.0) * s2 + 1.0 / 7.0) * s2 + 1.0 / 5.0) * s2 + 1.0 / 3.0;
  const double e = static_cast<double>(exponent);
  return e * ts::detail::ln2_hi + ((2.0 * s + 2.0 * s * s2 * series) + e * ts::detail::ln2_lo);
}

// The quantile of the word: the central value computed already, or Acklam's tail in double.
TS_HD inline float normal_quantile(std::uint32_t word, float central) {
  if (!normal_quantile_in_tail(word)) return central;
  const bool upper = word >= 0x80000000u;
  const double q = ts::det_sqrt(-2.0 * log_of_folded_uniform(upper ? ~word : word));
  const double z = (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q -
                      2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00) /
                   ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q +
                     3.754408661907416e+00) * q + 1.0);
  const float zf = static_cast<float>(z);
  return upper ? -zf : zf;
}

TS_HD inline float separation_argument(float exposure, int digital) {
  return -3.2f + 3.0f * exposure - 0.25f * static_cast<float>(digital);
}

TS_HD inline float reemployment_argument(int education, float skill) {
  return -1.2f + 0.45f * static_cast<float>(education) + 0.6f * (skill - 1.0f);
}

TS_HD inline double training_probability(int age, int education, int digital) {
  return ts::det_logistic(-1.0 - 0.04 * (age - 40) + 0.4 * education + 0.2 * digital);
}

// The log wage in two steps (the noise term last, as in the equation's order), so that the
// noise's rare tails can be fixed in between.
TS_HD inline float log_wage_without_noise(int age, int education, float skill, float exposure) {
  const int x0 = age - 18 - 3 * education;
  const float x = static_cast<float>(x0 > 0 ? x0 : 0);
  return 2.3f + 0.25f * static_cast<float>(education) + 0.035f * x - 0.0006f * x * x + 0.10f * skill - 0.30f * exposure;
}

TS_HD inline float log_wage_with_noise(float without_noise, float noise) { return without_noise + 0.1f * noise; }

TS_HD inline float log_wage_of(int age, int education, float skill, float exposure, float noise) {
  return log_wage_with_noise(log_wage_without_noise(age, education, skill, exposure), noise);
}

// A positive wage in whole cents (the cents of ts::euros_to_cents, without libm's floor).
TS_HD inline std::int64_t wage_cents(float wage) {
  return static_cast<std::int64_t>(static_cast<double>(wage) * 100.0 + 0.5);
}

// The number of 32-bit words w with (w + 1/2) / 2^32 < p, for a probability below 1: then
// u < p <=> w < threshold, one integer comparison (uniform_below's answer, tested).
inline std::uint32_t uniform_threshold(float probability) {
  const double threshold = std::ceil(static_cast<double>(probability) * 4294967296.0 - 0.5);  // exact
  if (!(probability >= 0.0f && probability < 1.0f)) throw std::domain_error("uniform_threshold: p not in [0, 1)");
  return threshold > 0.0 ? static_cast<std::uint32_t>(threshold) : 0u;
}

// The training probability depends only on (age, education, digital level): a table of
// retirement_age x 3 x 4 replaces one exponential per person and period. It holds the
// thresholds of the det_logistic results rounded to float, so training is u1 < that float.
inline std::vector<std::uint32_t> training_table() {
  std::vector<std::uint32_t> table(static_cast<std::size_t>(retirement_age * education_count * digital_levels));
  for (int age = 0; age < retirement_age; ++age)
    for (int e = 0; e < education_count; ++e)
      for (int d = 0; d < digital_levels; ++d)
        table[static_cast<std::size_t>((age * education_count + e) * digital_levels + d)] =
            uniform_threshold(static_cast<float>(training_probability(age, e, d)));
  return table;
}

// What every person's update in one period needs besides the person.
struct PeriodConstants {
  std::uint32_t seed;
  std::uint32_t year;
  float automation[task_count];
  const std::uint32_t* training_threshold;  // training_table() on the device
  int wage_bin_count;                 // wage_bins().bin_count()
  float inverse_ratio_log;            // 1 / wage_bins().ratio_log
};

inline PeriodConstants period_constants(std::uint32_t seed, int year, const std::uint32_t* training) {
  PeriodConstants c{};
  c.seed = seed;
  c.year = static_cast<std::uint32_t>(year);
  double level[task_count];
  automation_levels(year, level);
  for (int k = 0; k < task_count; ++k) c.automation[k] = static_cast<float>(level[k]);
  c.training_threshold = training;
  c.wage_bin_count = wage_bins().bin_count();
  c.inverse_ratio_log = static_cast<float>(1.0 / wage_bins().ratio_log);
  return c;
}

TS_HD inline float exposure_of(const PeriodConstants& c, float t0, float t1, float t2, float t3, float t4) {
  return t0 * c.automation[0] + t1 * c.automation[1] + t2 * c.automation[2] + t3 * c.automation[3] +
         t4 * c.automation[4];
}

// Log bin of a wage from its logarithm (LogBins::bin_of without the log; the lowest edge is
// 1 EUR, log 0): bin 1 below, the last bin above the top edge.
TS_HD inline int wage_bin_of_log(const PeriodConstants& c, float log_wage) {
  float position = log_wage * c.inverse_ratio_log;
  position = position > -1.0f ? position : -1.0f;
  position = position < 1e6f ? position : 1e6f;
  const int above_lowest = 2 + static_cast<int>(position);  // outside the select: see peer_expf
  const int bin = log_wage < 0.0f ? 1 : above_lowest;
  return bin < c.wage_bin_count - 1 ? bin : c.wage_bin_count - 1;
}

// The four 32-bit words a person may use in a period (u0 transition, u1 training, u2 digital
// upgrade, u3 wage noise): one Philox4x32-10 block, key (seed, 0), counter (id, period and
// purpose, block 0), the layout of ts::PhiloxStream(seed, 0, id, year, purpose_period).block(0).
struct PersonWords {
  std::uint32_t w[4];
};

TS_HD inline PersonWords person_words(std::uint32_t seed, std::uint32_t id_low, std::uint32_t id_high, std::uint32_t year) {
  PersonWords d{{id_low, id_high, ts::philox_year_purpose(year, purpose_period), 0u}};
  ts::philox4x32_10_words(d.w[0], d.w[1], d.w[2], d.w[3], seed, 0u);
  return d;
}

TS_HD inline PersonWords person_words(std::uint32_t seed, std::uint64_t id, std::uint32_t year) {
  return person_words(seed, static_cast<std::uint32_t>(id), static_cast<std::uint32_t>(id >> 32), year);
}

}  // namespace peer
