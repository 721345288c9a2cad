// The per-person maths of the peer workload (bench/peer_workload.cpp), as pure functions of
// plain values: automation levels, the three transition probabilities and the wage equation.
// The model is fixed by docs/performance.md, "Peer workload"; change it there first.
#pragma once
#include <cstdint>
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

// Log bin of a positive wage from its logarithm: LogBins::bin_of without the det_log.
TS_HD inline int wage_bin_of_log(const ts::LogBins& bins, double log_wage, double log_lowest) {
  if (log_wage < log_lowest) return 1;
  const int bin = 2 + static_cast<int>((log_wage - log_lowest) / bins.ratio_log);
  return bin < bins.bin_count() - 1 ? bin : bins.bin_count() - 1;
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

// e^x for the peer workload's draws and float wages: the Cody-Waite reduction of det_exp with
// a Taylor polynomial of degree 8 instead of 13 (relative error below 3e-10 for |x| < 700, far
// below float's 6e-8), so the dependent chain of each exponential is five steps shorter. Only
// IEEE-exact operations: the same bits on every backend.
TS_HD inline double peer_exp(double x) {
  if (x > 700.0) x = 700.0;
  if (x < -700.0) x = -700.0;
  // floor through an integer conversion: exact for |y| < 2^63, and inline on every compiler
  // (::floor is a library call on x86-64 without SSE4.1).
  const double y = x * 1.44269504088896338700e+00 + 0.5;
  std::int64_t n = static_cast<std::int64_t>(y);
  n -= static_cast<double>(n) > y ? 1 : 0;
  const double k = static_cast<double>(n);
  const double r = (x - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10;
  // Two independent halves (Estrin) shorten the dependency chain further.
  const double r2 = r * r;
  const double low = (1.0 + r) + r2 * (0.5 + r * (1.0 / 6.0));
  const double high = (1.0 / 24.0) + r * (1.0 / 120.0) + r2 * ((1.0 / 720.0) + r * (1.0 / 5040.0) + r2 * (1.0 / 40320.0));
  const double p = low + (r2 * r2) * high;
  std::uint64_t bits = static_cast<std::uint64_t>(n + 1023) << 52;
  double scale;
  __builtin_memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}

TS_HD inline double peer_logistic(double x) { return 1.0 / (1.0 + peer_exp(-x)); }

TS_HD inline double separation_probability(double exposure, int digital) {
  return peer_logistic(-3.2 + 3.0 * exposure - 0.25 * digital);
}

TS_HD inline double reemployment_probability(int education, double skill) {
  return peer_logistic(-1.2 + 0.45 * education + 0.6 * (skill - 1.0));
}

TS_HD inline double training_probability(int age, int education, int digital) {
  return ts::det_logistic(-1.0 - 0.04 * (age - 40) + 0.4 * education + 0.2 * digital);
}

TS_HD inline double log_wage_of(int age, int education, double skill, double exposure, double noise) {
  const double x0 = static_cast<double>(age - 18 - 3 * education);
  const double x = x0 > 0.0 ? x0 : 0.0;
  return 2.3 + 0.25 * education + 0.035 * x - 0.0006 * x * x + 0.10 * skill - 0.30 * exposure + 0.1 * noise;
}

// The training probability depends only on (age, education, digital level): a table of
// retirement_age x 3 x 4 probabilities replaces one exponential per person and period. The
// values are the same det_logistic results, so the model is unchanged.
inline std::vector<float> training_table() {
  std::vector<float> table(static_cast<std::size_t>(retirement_age * education_count * digital_levels));
  for (int age = 0; age < retirement_age; ++age)
    for (int e = 0; e < education_count; ++e)
      for (int d = 0; d < digital_levels; ++d)
        table[static_cast<std::size_t>((age * education_count + e) * digital_levels + d)] =
            static_cast<float>(training_probability(age, e, d));
  return table;
}

// What every person's update in one period needs besides the person.
struct PeriodConstants {
  std::uint32_t seed;
  std::uint32_t year;
  float automation[task_count];
  const float* training_probability;  // training_table() on the device
  ts::LogBins bins;
  double log_lowest_wage;
};

inline PeriodConstants period_constants(std::uint32_t seed, int year, const float* training) {
  PeriodConstants c{};
  c.seed = seed;
  c.year = static_cast<std::uint32_t>(year);
  double level[task_count];
  automation_levels(year, level);
  for (int k = 0; k < task_count; ++k) c.automation[k] = static_cast<float>(level[k]);
  c.training_probability = training;
  c.bins = wage_bins();
  c.log_lowest_wage = ts::det_log(c.bins.lowest);
  return c;
}

TS_HD inline double exposure_of(const PeriodConstants& c, float t0, float t1, float t2, float t3, float t4) {
  return static_cast<double>(t0 * c.automation[0] + t1 * c.automation[1] + t2 * c.automation[2] +
                             t3 * c.automation[3] + t4 * c.automation[4]);
}

// The four uniforms a person may use in a period (transition, training, digital upgrade, wage
// noise) from one Philox4x32-10 block keyed by (seed, person id, year): 32 bits each, which
// is ample for Bernoulli draws and for a normal quantile (|z| up to 6.2).
struct PersonDraws {
  double u[4];
};

TS_HD inline PersonDraws person_draws(std::uint32_t seed, std::uint64_t id, std::uint32_t year) {
  const ts::RandomBlock b = ts::PhiloxStream(seed, 0, id, year, purpose_period).block(0);
  PersonDraws d;
  for (int k = 0; k < 4; ++k) d.u[k] = (static_cast<double>(b.word[k]) + 0.5) * (1.0 / 4294967296.0);
  return d;
}

}  // namespace peer
