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

#include "kernels/exact_histogram.hpp"
#include "kernels/log_histogram.hpp"
#include "kernels/parallel.hpp"
#include "bench/peer_model_k.hpp"
#include "bench/peer_period_k.hpp"

#if defined(_OPENMP)
#include <omp.h>
#endif

namespace peer {

struct Aggregates {
  int year = 0;
  double employment_rate = 0.0;
  double mean_wage = 0.0;
  double gini = 0.0;
  std::int64_t employed = 0;
};

Aggregates run_period(PeerPopulation& population, const PeriodConstants& constants) {
  const int bins = bin_wage_histogram + 2 * constants.wage_bin_count;
  const std::vector<std::int64_t> h =
      ts::exact_histogram(population.size(), bins, Period{population.view(), constants});
  Aggregates a;
  a.year = static_cast<int>(constants.year);
  a.employed = h[bin_employed];
  a.employment_rate = h[bin_below_retirement] > 0
                          ? static_cast<double>(h[bin_employed]) / static_cast<double>(h[bin_below_retirement])
                          : 0.0;
  const int n = constants.wage_bin_count;
  ts::LogBinnedDistribution wages(std::vector<std::int64_t>(h.begin() + bin_wage_histogram, h.begin() + bin_wage_histogram + n),
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
  const std::vector<std::uint32_t> training = training_table();
  for (const std::size_t n : options.sizes) {
    std::vector<double> seconds;
    Aggregates last;
    for (int run = 0; run < options.runs; ++run) {
      PeerPopulation population;
      population.resize(n);
      ts::parallel_for(n, Synthesize{population.view(), options.seed});
      thrust::device_vector<std::uint32_t> training_threshold(training.begin(), training.end());
      const auto started = std::chrono::steady_clock::now();
      for (int period = 0; period < options.periods; ++period) {
        const PeriodConstants constants =
            period_constants(options.seed, first_year + period, thrust::raw_pointer_cast(training_threshold.data()));
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
