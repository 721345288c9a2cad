#include "kernels/device_info.hpp"

#include <thrust/detail/config.h>

#include "kernels/cuda_check.hpp"

#if defined(_OPENMP)
#include <omp.h>
#endif

namespace ts {

std::string describe_device() {
#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_CUDA
  int count = 0;
  TS_CUDA_CHECK(cudaGetDeviceCount(&count));
  int device = 0;
  TS_CUDA_CHECK(cudaGetDevice(&device));
  cudaDeviceProp properties{};
  TS_CUDA_CHECK(cudaGetDeviceProperties(&properties, device));
  return std::string(properties.name) + " (GPU " + std::to_string(device) + " of " + std::to_string(count) + ")";
#elif defined(_OPENMP)
  return "CPU, " + std::to_string(omp_get_max_threads()) + " OpenMP threads";
#else
  return "CPU, serial";
#endif
}

}  // namespace ts
