// The one qualifier macro of the project: per-person functions and functors are compiled for
// the host by g++ and for host and device by nvcc, from the same source.
#pragma once

#if defined(__CUDACC__)
#define TS_HD __host__ __device__
#else
#define TS_HD
#endif
