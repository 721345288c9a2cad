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
    target_compile_definitions(${name} PUBLIC TS_BACKEND_NAME="cpu-serial")
  endif()
  target_link_libraries(${name} PUBLIC ts_flags)
endfunction()
