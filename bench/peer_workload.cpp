// The peer workload: a small, fixed-population model of task automation written against the
// engine alone (kernels/, no model/), so that the engine's speed can be compared with other
// codes and other hardware on a model anyone can re-implement from its description
// (docs/performance.md, "Peer workload"). Each simulated year is one fused per-person pass
// that updates the person and accumulates the year's aggregates through exact_histogram.
//
//   peer_workload [--sizes 100000,1000000,3000000] [--periods 20] [--runs 3] [--seed 1]
//
// prints, per population size, `N=<persons> seconds_per_period=<s> person_years_per_s=<rate>`
// (median of the runs, initial population excluded) and then the last period's aggregates.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "kernels/det_math.hpp"
#include "kernels/exact_histogram.hpp"
#include "kernels/fixed_point.hpp"
#include "kernels/log_histogram.hpp"
#include "kernels/parallel.hpp"
#include "kernels/philox_stream.hpp"
#include "kernels/soa.hpp"
#include "bench/peer_model_k.hpp"

#if defined(_OPENMP)
#include <omp.h>
#endif

// X(type, name, unit): 8 one-byte codes and 7 floats, 36 bytes per person.
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

// One period for one person, fused with the period's aggregates.
struct Period {
  PeerView p;
  PeriodConstants c;
  template <class Add>
  TS_HD void operator()(std::size_t i, Add& add) const {
    const int age = p.age[i] + 1;
    p.age[i] = static_cast<std::uint8_t>(age);
    int status = p.status[i];
    if (age >= retirement_age) status = status_retired;
    const float skill_before = p.skill_stock[i];
    if (status > status_unemployed) {
      // Inactive and retired persons only age and lose skills; their wage and training flag
      // are already zero (a person leaves the labour force only by retiring, which zeroes them).
      if (status != p.status[i]) {
        p.status[i] = static_cast<std::uint8_t>(status);
        p.trained[i] = 0;
        p.wage[i] = 0.0f;
      }
      p.skill_stock[i] = static_cast<float>(skill_decay * skill_before);
      if (status == status_inactive) add(bin_below_retirement, 1);
      return;
    }
    const PersonDraws draws = person_draws(c.seed, i, c.year);
    const int education = p.education[i];
    int digital = p.digital_skill[i];
    const double exposure = exposure_of(c, p.task_0[i], p.task_1[i], p.task_2[i], p.task_3[i], p.task_4[i]);
    if (status == status_employed) {
      if (draws.u[0] < separation_probability(exposure, digital)) status = status_unemployed;
    } else if (draws.u[0] < reemployment_probability(education, skill_before)) {
      status = status_employed;
    }
    const bool trained = draws.u[1] < c.training_probability[(age * education_count + education) * digital_levels + digital];
    const double skill = skill_decay * skill_before + (trained ? skill_gain : 0.0);
    if (trained && digital < 3 && draws.u[2] < digital_upgrade_probability) ++digital;
    float wage = 0.0f;
    add(bin_below_retirement, 1);
    if (status == status_employed) {
      const double log_wage = log_wage_of(age, education, skill, exposure, ts::det_normal_quantile(draws.u[3]));
      wage = static_cast<float>(peer_exp(log_wage));
      add(bin_employed, 1);
      const int bin = wage_bin_of_log(c.bins, log_wage, c.log_lowest_wage);
      add(bin_wage_histogram + bin, 1);
      add(bin_wage_histogram + c.bins.bin_count() + bin, ts::euros_to_cents(wage));
    }
    p.status[i] = static_cast<std::uint8_t>(status);
    p.trained[i] = trained ? 1 : 0;
    p.digital_skill[i] = static_cast<std::uint8_t>(digital);
    p.skill_stock[i] = static_cast<float>(skill);
    p.wage[i] = wage;
  }
};

struct Aggregates {
  int year = 0;
  double employment_rate = 0.0;
  double mean_wage = 0.0;
  double gini = 0.0;
  std::int64_t employed = 0;
};

Aggregates run_period(PeerPopulation& population, const PeriodConstants& constants) {
  const int bins = bin_wage_histogram + 2 * constants.bins.bin_count();
  const std::vector<std::int64_t> h =
      ts::exact_histogram(population.size(), bins, Period{population.view(), constants});
  Aggregates a;
  a.year = static_cast<int>(constants.year);
  a.employed = h[bin_employed];
  a.employment_rate = h[bin_below_retirement] > 0
                          ? static_cast<double>(h[bin_employed]) / static_cast<double>(h[bin_below_retirement])
                          : 0.0;
  const int n = constants.bins.bin_count();
  ts::IncomeDistribution wages(std::vector<std::int64_t>(h.begin() + bin_wage_histogram, h.begin() + bin_wage_histogram + n),
                               std::vector<std::int64_t>(h.begin() + bin_wage_histogram + n, h.begin() + bin_wage_histogram + 2 * n));
  a.mean_wage = wages.mean();
  a.gini = wages.gini();
  return a;
}

struct Options {
  std::vector<std::size_t> sizes{100000, 1000000, 3000000};
  int periods = 20;
  int runs = 3;
  std::uint32_t seed = 1;
};

[[noreturn]] void usage(const char* message) {
  std::fprintf(stderr, "peer_workload: %s\nusage: peer_workload [--sizes N,N,...] [--periods P] [--runs R] [--seed S]\n",
               message);
  std::exit(2);
}

long parse_positive(const char* text, const char* what) {
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || value <= 0) usage((std::string("expected a positive integer for ") + what).c_str());
  return value;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int a = 1; a < argc; ++a) {
    const std::string flag = argv[a];
    if (flag == "--help" || flag == "-h") usage("help");
    if (a + 1 >= argc) usage(("missing value after " + flag).c_str());
    const char* value = argv[++a];
    if (flag == "--sizes") {
      o.sizes.clear();
      std::string list = value;
      std::size_t start = 0;
      while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        o.sizes.push_back(static_cast<std::size_t>(parse_positive(list.substr(start, comma - start).c_str(), "--sizes")));
        start = comma + 1;
      }
    } else if (flag == "--periods") {
      o.periods = static_cast<int>(parse_positive(value, "--periods"));
    } else if (flag == "--runs") {
      o.runs = static_cast<int>(parse_positive(value, "--runs"));
    } else if (flag == "--seed") {
      o.seed = static_cast<std::uint32_t>(parse_positive(value, "--seed"));
    } else {
      usage(("unknown option " + flag).c_str());
    }
  }
  return o;
}

}  // namespace peer

int main(int argc, char** argv) {
  using namespace peer;
  const Options options = parse(argc, argv);
#if defined(_OPENMP)
  const int threads = omp_get_max_threads();
#else
  const int threads = 1;
#endif
  std::printf("# peer_workload backend=%s threads=%d periods=%d runs=%d seed=%u bytes_per_person=%zu\n",
              TS_BACKEND_NAME, threads, options.periods, options.runs, options.seed, PeerPopulation::bytes_per_record);
  const std::vector<float> training = training_table();
  for (const std::size_t n : options.sizes) {
    std::vector<double> seconds;
    Aggregates last;
    for (int run = 0; run < options.runs; ++run) {
      PeerPopulation population;
      population.resize(n);
      ts::parallel_for(n, Synthesize{population.view(), options.seed});
      thrust::device_vector<float> training_probability(training.begin(), training.end());
      const auto started = std::chrono::steady_clock::now();
      for (int period = 0; period < options.periods; ++period) {
        const PeriodConstants constants =
            period_constants(options.seed, first_year + period, thrust::raw_pointer_cast(training_probability.data()));
        last = run_period(population, constants);
      }
      seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    }
    std::sort(seconds.begin(), seconds.end());
    const double per_period = seconds[seconds.size() / 2] / options.periods;
    std::printf("N=%zu seconds_per_period=%.6g person_years_per_s=%.6g\n", n, per_period,
                static_cast<double>(n) / per_period);
    std::printf("  year=%d employment_rate=%.6f mean_wage=%.4f gini_wage=%.6f employed=%lld\n", last.year,
                last.employment_rate, last.mean_wage, last.gini, static_cast<long long>(last.employed));
    std::fflush(stdout);
  }
  return 0;
}
