// The benchmark suite's main: Google Benchmark's, plus the context every result must carry
// (STYLE.md, "Benchmarks record their context"): backend, device, ranks, threads, commit,
// build type, and the bytes of one person-year that the floor is computed from.
#include <benchmark/benchmark.h>

#include <string>

#include "app/code_version.hpp"
#include "bench/bench_context.hpp"
#include "bench/person_year_bytes.hpp"

#if defined(_OPENMP)
#include <omp.h>
#endif

int main(int argc, char** argv) {
#if defined(_OPENMP)
  const int threads = omp_get_max_threads();
#else
  const int threads = 1;
#endif
  benchmark::AddCustomContext("backend", TS_BACKEND_NAME);
  benchmark::AddCustomContext("device", ts::bench::device_description());
  benchmark::AddCustomContext("mpi_ranks", "1");
  benchmark::AddCustomContext("threads", std::to_string(threads));
  benchmark::AddCustomContext("git_commit", ts::app::code_version());
  benchmark::AddCustomContext("build_type", TS_BUILD_TYPE);
  benchmark::AddCustomContext("cpu_isa", *TS_CPU_ISA ? TS_CPU_ISA : "compiler default");
  benchmark::AddCustomContext("bytes_per_person_year", std::to_string(ts::bench::bytes_per_person_year()));
  benchmark::AddCustomContext("bytes_per_record", std::to_string(ts::bench::record));
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
