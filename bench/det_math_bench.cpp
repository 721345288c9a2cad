// Cost per element of the deterministic elementary functions (kernels/det_math.hpp): the scalar
// det_exp/det_log/det_pow one argument at a time, and the lane versions the passes use (8 lanes:
// wages, wealth weights, income bins; 9: matching; 16 for comparison) both as dispatched (AVX2 when the build has
// it) and portable (what the GPU and builds without AVX2 run). Arguments sit in L1, results are
// stored, so the numbers are the functions' throughput on one core.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "kernels/det_math.hpp"

namespace {

constexpr std::size_t argument_count = 4032;  // a multiple of 8, 9 and 16, 32 KiB of doubles
constexpr double pow_exponent = 1.3;

enum class Function { exp, log, pow };

std::vector<double> arguments(Function function) {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> exponent(-20.0, 20.0), amount(1.0, 1e6), base(0.01, 100.0);
  std::vector<double> xs(argument_count);
  for (double& x : xs) x = function == Function::exp ? exponent(random) : function == Function::log ? amount(random) : base(random);
  return xs;
}

void count_elements(benchmark::State& state) {
  const double elements = static_cast<double>(argument_count);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(argument_count));
  state.counters["time_per_element"] =
      benchmark::Counter(elements, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

template <Function function>
void scalar(benchmark::State& state) {
  const std::vector<double> xs = arguments(function);
  std::vector<double> out(argument_count);
  for (auto _ : state) {
    for (std::size_t i = 0; i < argument_count; ++i)
      out[i] = function == Function::exp ? ts::det_exp(xs[i]) : function == Function::log ? ts::det_log(xs[i]) : ts::det_pow(xs[i], pow_exponent);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  count_elements(state);
}

template <Function function, int N, bool portable>
void lanes(benchmark::State& state) {
  const std::vector<double> xs = arguments(function);
  std::vector<double> out(argument_count);
  for (auto _ : state) {
    for (std::size_t first = 0; first < argument_count; first += N) {
      double x[N];
      for (int l = 0; l < N; ++l) x[l] = xs[first + static_cast<std::size_t>(l)];
      if constexpr (function == Function::exp) portable ? ts::det_exp_lanes_portable(x) : ts::det_exp_lanes(x);
      if constexpr (function == Function::log) portable ? ts::det_log_lanes_portable(x) : ts::det_log_lanes(x);
      if constexpr (function == Function::pow)
        portable ? ts::det_pow_lanes_portable(x, pow_exponent) : ts::det_pow_lanes(x, pow_exponent);
      for (int l = 0; l < N; ++l) out[first + static_cast<std::size_t>(l)] = x[l];
    }
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  count_elements(state);
}

BENCHMARK(scalar<Function::exp>)->Name("det_math/exp/scalar");
BENCHMARK(lanes<Function::exp, 8, true>)->Name("det_math/exp/lanes8_portable");
BENCHMARK(lanes<Function::exp, 8, false>)->Name("det_math/exp/lanes8");
BENCHMARK(lanes<Function::exp, 9, false>)->Name("det_math/exp/lanes9");
BENCHMARK(lanes<Function::exp, 16, false>)->Name("det_math/exp/lanes16");
BENCHMARK(scalar<Function::log>)->Name("det_math/log/scalar");
BENCHMARK(lanes<Function::log, 8, true>)->Name("det_math/log/lanes8_portable");
BENCHMARK(lanes<Function::log, 8, false>)->Name("det_math/log/lanes8");
BENCHMARK(lanes<Function::log, 9, false>)->Name("det_math/log/lanes9");
BENCHMARK(lanes<Function::log, 16, false>)->Name("det_math/log/lanes16");
BENCHMARK(scalar<Function::pow>)->Name("det_math/pow/scalar");
BENCHMARK(lanes<Function::pow, 8, true>)->Name("det_math/pow/lanes8_portable");
BENCHMARK(lanes<Function::pow, 8, false>)->Name("det_math/pow/lanes8");
BENCHMARK(lanes<Function::pow, 9, false>)->Name("det_math/pow/lanes9");
BENCHMARK(lanes<Function::pow, 16, false>)->Name("det_math/pow/lanes16");

}  // namespace
