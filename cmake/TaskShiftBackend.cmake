# Backend selection: Thrust and CUB come from the CUDA toolkit's CCCL, never from Debian's
# libthrust-dev (an older Thrust that would make CPU and GPU builds differ).
set(TS_CUDA_ROOT /usr/local/cuda CACHE PATH "CUDA toolkit holding CCCL (Thrust/CUB)")
find_package(Thrust 3 REQUIRED CONFIG HINTS ${TS_CUDA_ROOT}/lib64/cmake/thrust
             NO_DEFAULT_PATH)

if(TS_BACKEND STREQUAL "cuda")
  if(NOT CMAKE_CUDA_COMPILER)
    set(CMAKE_CUDA_COMPILER ${TS_CUDA_ROOT}/bin/nvcc)
  endif()
  if(NOT CMAKE_CUDA_ARCHITECTURES)
    # "native" needs a GPU at configure time; the build machines have none.
    set(CMAKE_CUDA_ARCHITECTURES 90)
  endif()
  if(CMAKE_VERSION VERSION_LESS 3.26)
    # CMake 3.25 does not know C++20 for nvcc.
    set(CMAKE_CUDA20_STANDARD_COMPILE_OPTION "-std=c++20")
    set(CMAKE_CUDA20_EXTENSION_COMPILE_OPTION "-std=c++20")
  endif()
  enable_language(CUDA)
  set(CMAKE_CUDA_STANDARD 20)
  set(CMAKE_CUDA_STANDARD_REQUIRED ON)
  thrust_create_target(TS::ThrustDevice HOST CPP DEVICE CUDA)
else()
  find_package(OpenMP REQUIRED COMPONENTS CXX)
  thrust_create_target(TS::ThrustDevice HOST CPP DEVICE OMP)
endif()
thrust_create_target(TS::ThrustSerial HOST CPP DEVICE CPP)

# Flags that make floating point reproducible between g++ and nvcc: no contraction into FMA.
add_library(ts_flags INTERFACE)
target_compile_options(ts_flags INTERFACE
  $<$<COMPILE_LANGUAGE:CXX>:-ffp-contract=off -Wall -Wextra -Wpedantic -Wno-restrict>
  $<$<COMPILE_LANGUAGE:CUDA>:--fmad=false -Xcompiler=-ffp-contract=off
                              -Xcompiler=-Wall,-Wextra --expt-relaxed-constexpr>)
if(TS_WERROR)
  target_compile_options(ts_flags INTERFACE $<$<COMPILE_LANGUAGE:CXX>:-Werror>
                                            $<$<COMPILE_LANGUAGE:CUDA>:-Werror=all-warnings -Xcompiler=-Werror>)
endif()
target_include_directories(ts_flags INTERFACE ${PROJECT_SOURCE_DIR})

# The CPU instruction set. The model's arithmetic is IEEE basic operations without contraction
# (det_math.hpp, no libm in the passes), so the instruction set changes the speed, never the
# bits: with AVX2 the lockstep lanes and tile loops run four doubles wide. "auto" picks the
# highest of x86-64-v4 (AVX-512) and x86-64-v3 (AVX2, FMA, BMI2) that the compiler accepts and
# the build machine runs, else the compiler's default; set TS_CPU_ISA to any -march value, or to
# "" for the default, when the binary will run on other machines than the one that built it
# (docs/hpc.md). The serial reference engine is always built for the compiler's default, so the
# tests that compare it with the OpenMP engine also check that the instruction set leaves the
# bits alone.
set(TS_CPU_ISA "auto" CACHE STRING "CPU instruction set (-march value), \"auto\" or \"\" for the compiler's default")
if(TS_CPU_ISA STREQUAL "auto")
  set(TS_CPU_ISA_RESOLVED "")
  if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
    foreach(level IN ITEMS x86-64-v4 x86-64-v3)
      try_run(ts_isa_runs ts_isa_compiles SOURCE_FROM_CONTENT isa_probe.cpp
              "int main() { __builtin_cpu_init(); return __builtin_cpu_supports(\"${level}\") ? 0 : 1; }"
              COMPILE_DEFINITIONS -march=${level})
      if(ts_isa_compiles AND ts_isa_runs EQUAL 0)
        set(TS_CPU_ISA_RESOLVED "${level}")
        break()
      endif()
    endforeach()
  endif()
else()
  set(TS_CPU_ISA_RESOLVED "${TS_CPU_ISA}")
endif()
message(STATUS "TaskShift CPU instruction set: ${TS_CPU_ISA_RESOLVED}")
if(TS_CPU_ISA_RESOLVED)
  # Targets with the property TS_DEFAULT_ISA (the reference engine) keep the default. Vectors
  # stay 256 bits wide: AVX-512's gain here is its 32 registers, three-input logic and mask
  # compares in the AVX2-width code; 512-bit loops ran the year slower (docs/performance.md).
  set(ts_isa_cxx $<AND:$<COMPILE_LANGUAGE:CXX>,$<NOT:$<BOOL:$<TARGET_PROPERTY:TS_DEFAULT_ISA>>>>)
  target_compile_options(ts_flags INTERFACE $<${ts_isa_cxx}:-march=${TS_CPU_ISA_RESOLVED}>)
  if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
    target_compile_options(ts_flags INTERFACE $<${ts_isa_cxx}:-mprefer-vector-width=256>)
  endif()
endif()

# ts_engine_library(NAME SYSTEM SOURCES...): the kernels and model processes for one Thrust
# device system. SYSTEM is "device" (the backend chosen above) or "serial" (the reference).
function(ts_engine_library name system)
  add_library(${name} STATIC ${ARGN})
  if(system STREQUAL "device")
    target_link_libraries(${name} PUBLIC TS::ThrustDevice)
    if(TS_BACKEND STREQUAL "cuda")
      set_source_files_properties(${ARGN} DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}
                                  PROPERTIES LANGUAGE CUDA)
      target_compile_definitions(${name} PUBLIC TS_BACKEND_NAME="cuda")
    else()
      target_link_libraries(${name} PUBLIC OpenMP::OpenMP_CXX)
      target_compile_definitions(${name} PUBLIC TS_BACKEND_NAME="cpu-omp")
    endif()
  else()
    target_link_libraries(${name} PUBLIC TS::ThrustSerial)
    set_target_properties(${name} PROPERTIES TS_DEFAULT_ISA ON)
    # The reference takes the GPU's per-person paths where the CPU has tiled ones (range()),
    # so the tests that compare it with the OpenMP engine check the two against each other.
    target_compile_definitions(${name} PRIVATE TS_PER_PERSON_PATHS)
    target_compile_definitions(${name} PUBLIC TS_BACKEND_NAME="cpu-serial")
  endif()
  target_link_libraries(${name} PUBLIC ts_flags)
endfunction()
