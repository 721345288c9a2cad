#!/usr/bin/env bash
# Builds what bench/gpu-check.sh runs on a GPU machine that has no Debian packages (the lent
# device machines have CUDA but not NetCDF, toml++, fmt or CLI11, and no package registry):
# the CUDA and CPU builds without MPI, plus every shared library they load and the dynamic
# loader, into gpu-bundle/ and .gpu-carry/gpu-bundle.tar.xz (both ignored by git; carry the
# latter to the device and unpack it in the repository root). The CPU build targets AVX2
# (x86-64-v3) unless TS_CPU_ISA says otherwise: the GPU machine's host CPU is not known here, and
# the instruction set changes the speed, never the bits.
set -euo pipefail
cd "$(dirname "$0")/.."
common=(-DCMAKE_BUILD_TYPE=Release -DTS_MPI=OFF -DTS_REFERENCE_BACKEND=OFF -DTS_CPU_ISA="${TS_CPU_ISA:-x86-64-v3}")
cmake -S . -B build-gpu-cpu "${common[@]}" -DTS_BACKEND=cpu >/dev/null
cmake -S . -B build-gpu-cuda "${common[@]}" -DTS_BACKEND=cuda >/dev/null
targets=(taskshift ts_unit_engine)
cmake --build build-gpu-cpu -j "$(nproc)" --target "${targets[@]}"
cmake --build build-gpu-cuda -j "$(nproc)" --target "${targets[@]}"
rm -rf gpu-bundle && mkdir -p gpu-bundle/cpu gpu-bundle/cuda gpu-bundle/lib
cp build-gpu-cpu/app/taskshift build-gpu-cpu/tests/unit/ts_unit_engine gpu-bundle/cpu/
cp build-gpu-cuda/app/taskshift build-gpu-cuda/tests/unit/ts_unit_engine gpu-bundle/cuda/
# Shared libraries, except the GPU driver's, which must come from the GPU machine itself.
for binary in gpu-bundle/cpu/* gpu-bundle/cuda/*; do
  ldd "$binary" | awk '/=> \//{print $3} /^\t\/lib64/{print $1}'
done | sort -u | grep -v -E 'libcuda\.so|libnvidia' | while read -r lib; do cp -L "$lib" gpu-bundle/lib/; done
cp -L /lib64/ld-linux-x86-64.so.2 gpu-bundle/lib/
# Compressed, it fits the device tool's 64 MiB transfer (ICU's data file alone is 31 MB).
mkdir -p .gpu-carry && tar cJf .gpu-carry/gpu-bundle.tar.xz gpu-bundle
ls -la .gpu-carry/gpu-bundle.tar.xz
