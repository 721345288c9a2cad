// The memory-bandwidth floor: STREAM copy (c = a) and triad (a = b + s * c) over arrays of
// four times the last-level cache and at least 256 MiB each, through ts::parallel_for, so the
// same threads (or the same GPU) as the model's passes move the bytes. Bytes are counted as
// STREAM counts them: 16 per element for copy, 24 for triad, no write-allocate traffic.
#include <benchmark/benchmark.h>
#include <thrust/device_vector.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <fstream>
#include <string>

#include "bench/bench_context.hpp"
#include "kernels/parallel.hpp"

#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_CUDA
#include <cuda_runtime.h>
#else
#include <unistd.h>
#endif

namespace ts::bench {

std::string device_description() {
#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_CUDA
  int device = 0;
  cudaDeviceProp properties{};
  if (cudaGetDevice(&device) != cudaSuccess || cudaGetDeviceProperties(&properties, device) != cudaSuccess)
    return "cuda (no device)";
  return std::string(properties.name) + " (sm_" + std::to_string(properties.major) + std::to_string(properties.minor) + ")";
#else
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line))
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  return "cpu";
#endif
}

std::size_t last_level_cache_bytes() {
#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_CUDA
  int device = 0, l2 = 0;
  if (cudaGetDevice(&device) == cudaSuccess) cudaDeviceGetAttribute(&l2, cudaDevAttrL2CacheSize, device);
  return static_cast<std::size_t>(l2);
#else
  // sysfs first: under some hypervisors sysconf reports the host's cache (320 MiB here).
  for (int index = 4; index >= 0; --index) {
    std::ifstream size_file("/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(index) + "/size");
    std::size_t kib = 0;
    if (size_file >> kib) return kib * 1024;  // "32768K"
  }
  const long l3 = sysconf(_SC_LEVEL3_CACHE_SIZE);
  const long l2 = sysconf(_SC_LEVEL2_CACHE_SIZE);
  return static_cast<std::size_t>(std::max({l3, l2, 0L}));
#endif
}

namespace {

struct Copy {
  const double* a;
  double* c;
  TS_HD void operator()(std::size_t i) const { c[i] = a[i]; }
};

struct Triad {
  double* a;
  const double* b;
  const double* c;
  double scalar;
  TS_HD void operator()(std::size_t i) const { a[i] = b[i] + scalar * c[i]; }
};

struct Fill {
  double* x;
  double value;
  TS_HD void operator()(std::size_t i) const { x[i] = value; }
};

std::size_t stream_elements() {
  const std::size_t bytes = std::max<std::size_t>(4 * last_level_cache_bytes(), std::size_t{256} << 20);
  return bytes / sizeof(double);
}

void BM_StreamCopy(benchmark::State& state) {
  const std::size_t n = stream_elements();
  thrust::device_vector<double> a(n), c(n);
  double* pa = thrust::raw_pointer_cast(a.data());
  double* pc = thrust::raw_pointer_cast(c.data());
  parallel_for(n, Fill{pa, 1.0});  // first touch by the same threads
  parallel_for(n, Fill{pc, 0.0});
  for (auto _ : state) parallel_for(n, Copy{pa, pc});
  state.counters["array_MiB"] = static_cast<double>(n * sizeof(double)) / (1 << 20);
  state.counters["bytes_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()) * 2.0 * sizeof(double) * n,
                                                     benchmark::Counter::kIsRate);
}

// The triad's three arrays, first touched by the threads that will stream them.
struct TriadArrays {
  std::size_t n = stream_elements();
  thrust::device_vector<double> a = filled(0.0), b = filled(1.0), c = filled(2.0);
  thrust::device_vector<double> filled(double value) const {
    thrust::device_vector<double> x(n);
    parallel_for(n, Fill{thrust::raw_pointer_cast(x.data()), value});
    return x;
  }
  void run() {
    parallel_for(n, Triad{thrust::raw_pointer_cast(a.data()), thrust::raw_pointer_cast(b.data()),
                          thrust::raw_pointer_cast(c.data()), 3.0});
  }
  double bytes() const { return 3.0 * sizeof(double) * static_cast<double>(n); }
};

void BM_StreamTriad(benchmark::State& state) {
  TriadArrays arrays;
  for (auto _ : state) arrays.run();
  state.counters["array_MiB"] = static_cast<double>(arrays.n * sizeof(double)) / (1 << 20);
  state.counters["bytes_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * arrays.bytes(), benchmark::Counter::kIsRate);
}

}  // namespace

double best_triad_bytes_per_s(int repetitions) {
  TriadArrays arrays;
  double best = 0.0;
  for (int r = 0; r < repetitions; ++r) {
    const auto start = std::chrono::steady_clock::now();
    arrays.run();
#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_CUDA
    cudaDeviceSynchronize();
#endif
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    best = std::max(best, arrays.bytes() / seconds.count());
  }
  return best;
}

namespace {

BENCHMARK(BM_StreamCopy)->Name("bandwidth/stream_copy")->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(1.0);
BENCHMARK(BM_StreamTriad)->Name("bandwidth/stream_triad")->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(1.0);

}  // namespace
}  // namespace ts::bench
