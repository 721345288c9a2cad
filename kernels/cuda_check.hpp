// The first error layer: a failing CUDA runtime call throws with the file, line and call.
#pragma once
#include <stdexcept>
#include <string>

#if defined(__CUDACC__)
#include <cuda_runtime.h>
#define TS_CUDA_CHECK(call)                                                                   \
  do {                                                                                        \
    const cudaError_t ts_cuda_status = (call);                                                \
    if (ts_cuda_status != cudaSuccess)                                                        \
      throw std::runtime_error(std::string(__FILE__) + ":" + std::to_string(__LINE__) +       \
                               ": CUDA call " #call " failed: " +                             \
                               cudaGetErrorString(ts_cuda_status));                           \
  } while (0)
#else
#define TS_CUDA_CHECK(call) (call)
#endif
