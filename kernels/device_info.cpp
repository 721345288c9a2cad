#include "kernels/device_info.hpp"

#include <thrust/detail/config.h>

#include "kernels/cuda_check.hpp"

#if defined(_OPENMP)
#include <omp.h>
#endif

namespace ts {

std::string describe_device() {
#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_CUDA
  int count = 0, device = 0, major = 0, minor = 0, processors = 0;
  TS_CUDA_CHECK(cudaGetDeviceCount(&count));
  TS_CUDA_CHECK(cudaGetDevice(&device));
  TS_CUDA_CHECK(cudaDeviceGetAttribute(&major, cudaDevAttrComputeCapabilityMajor, device));
  TS_CUDA_CHECK(cudaDeviceGetAttribute(&minor, cudaDevAttrComputeCapabilityMinor, device));
  TS_CUDA_CHECK(cudaDeviceGetAttribute(&processors, cudaDevAttrMultiProcessorCount, device));
  std::size_t free_bytes = 0, total_bytes = 0;
  TS_CUDA_CHECK(cudaMemGetInfo(&free_bytes, &total_bytes));
  return "GPU " + std::to_string(device) + " of " + std::to_string(count) + ", compute capability " +
         std::to_string(major) + "." + std::to_string(minor) + ", " + std::to_string(processors) + " SMs, " +
         std::to_string(total_bytes >> 30) + " GiB";
#elif defined(_OPENMP)
  return "CPU, " + std::to_string(omp_get_max_threads()) + " OpenMP threads";
#else
  return "CPU, serial";
#endif
}

void use_device_of_rank_on_node(int rank_on_node) {
#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_CUDA
  int count = 0;
  TS_CUDA_CHECK(cudaGetDeviceCount(&count));
  if (count > 1) TS_CUDA_CHECK(cudaSetDevice(rank_on_node % count));
#else
  (void)rank_on_node;
#endif
}

}  // namespace ts
