#!/usr/bin/env bash
# The GPU check, one prepared script for a machine with one NVIDIA GPU:
#   - the engine tests on the GPU (CUDA build) and on the CPU (OpenMP build);
#   - the full-population baseline 2024-2050 on the GPU and on the CPU, compared bit for bit;
#   - an ensemble on the GPU, compared bit for bit with the same ensemble on the CPU;
#   - the GPU's measured copy bandwidth and the model's fraction of that floor;
# and a short table at the end. Usage: bench/gpu-check.sh [OUT_DIR]
# It runs from gpu-bundle/ (bench/make-gpu-bundle.sh) when that exists, which is how it runs on
# a machine without the Debian packages; otherwise it builds both backends with CMake first.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-gpu-check-out}
mkdir -p "$out"
bytes_per_person_year=${BYTES_PER_PERSON_YEAR:-402}   # the GPU's year: bench/person_year_bytes.hpp (346 on the CPU) plus the 56 B its compaction also moves
ensemble_replicas=${ENSEMBLE_REPLICAS:-8}
ensemble_scale=${ENSEMBLE_SCALE:-0.1}

[ -d gpu-bundle ] || [ ! -f .gpu-carry/gpu-bundle.tar.xz ] || tar xJf .gpu-carry/gpu-bundle.tar.xz
if [ -d gpu-bundle ]; then
  loader=(gpu-bundle/lib/ld-linux-x86-64.so.2 --library-path gpu-bundle/lib)
  cuda_dir=gpu-bundle/cuda; cpu_dir=gpu-bundle/cpu
  # The bundle's CPU build is compiled for AVX2 (x86-64-v3, bench/make-gpu-bundle.sh).
  if ! grep -qw avx2 /proc/cpuinfo; then
    echo "this host CPU lacks AVX2: rebuild the bundle with TS_CPU_ISA= (bench/make-gpu-bundle.sh)" >&2
    exit 1
  fi
else
  cmake -S . -B build-gpu-cuda -DCMAKE_BUILD_TYPE=Release -DTS_BACKEND=cuda -DTS_MPI=OFF >/dev/null && cmake --build build-gpu-cuda -j
  cmake -S . -B build-gpu-cpu -DCMAKE_BUILD_TYPE=Release -DTS_BACKEND=cpu -DTS_MPI=OFF >/dev/null && cmake --build build-gpu-cpu -j
  loader=(); cuda_dir=build-gpu-cuda; cpu_dir=build-gpu-cpu
fi
find_binary() { local d=$1 name=$2; [ -x "$d/$name" ] && echo "$d/$name" || find "$d" -name "$name" -type f -perm -u+x | head -n 1; }
gpu_bin=$(find_binary "$cuda_dir" taskshift); cpu_bin=$(find_binary "$cpu_dir" taskshift)
gpu() { "${loader[@]}" "$gpu_bin" "$@"; }
cpu() { "${loader[@]}" "$cpu_bin" "$@"; }
seconds() { local start; start=$(date +%s.%N); "$@" >>"$out/log.txt" 2>&1; local rc=$?; awk -v a="$start" -v b="$(date +%s.%N)" -v rc="$rc" 'BEGIN { printf "%.1f %d\n", b - a, rc }'; }

device=$(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null | head -n 1)
echo "device: ${device:-none found}" | tee "$out/summary.txt"
results=()
verdict() { results+=("$(printf '%-46s %s' "$1" "$2")"); echo "$1: $2"; }

"${loader[@]}" "$(find_binary "$cuda_dir" ts_unit_engine)" >"$out/engine-gpu.txt" 2>&1 && verdict "engine tests, CUDA" pass || verdict "engine tests, CUDA" FAIL
OMP_NUM_THREADS=$(nproc) "${loader[@]}" "$(find_binary "$cpu_dir" ts_unit_engine)" >"$out/engine-cpu.txt" 2>&1 && verdict "engine tests, OpenMP" pass || verdict "engine tests, OpenMP" FAIL

read -r gpu_time gpu_rc < <(seconds gpu run configs/scenarios/baseline.toml -o "$out/baseline-gpu.nc")
verdict "full baseline 2024-2050, GPU" "$( [ "$gpu_rc" = 0 ] && echo "${gpu_time} s" || echo FAIL)"
read -r cpu_time cpu_rc < <(seconds env OMP_NUM_THREADS="$(nproc)" "${loader[@]}" "$cpu_bin" run configs/scenarios/baseline.toml -o "$out/baseline-cpu.nc")
verdict "full baseline 2024-2050, CPU ($(nproc) threads)" "$( [ "$cpu_rc" = 0 ] && echo "${cpu_time} s" || echo FAIL)"
gpu compare --exact "$out/baseline-cpu.nc" "$out/baseline-gpu.nc" >"$out/compare-baseline.txt" 2>&1 \
  && verdict "baseline CPU vs GPU, every variable" "bit-identical" || verdict "baseline CPU vs GPU, every variable" "DIFFERENT (see compare-baseline.txt)"

ens=(run configs/scenarios/baseline.toml --replicas "$ensemble_replicas" --scale "$ensemble_scale")
read -r ens_gpu ens_gpu_rc < <(seconds gpu "${ens[@]}" -o "$out/ensemble-gpu.nc")
verdict "ensemble ${ensemble_replicas} x scale ${ensemble_scale}, GPU" "$( [ "$ens_gpu_rc" = 0 ] && echo "${ens_gpu} s" || echo FAIL)"
read -r ens_cpu ens_cpu_rc < <(seconds env OMP_NUM_THREADS="$(nproc)" "${loader[@]}" "$cpu_bin" "${ens[@]}" -o "$out/ensemble-cpu.nc")
verdict "ensemble ${ensemble_replicas} x scale ${ensemble_scale}, CPU" "$( [ "$ens_cpu_rc" = 0 ] && echo "${ens_cpu} s" || echo FAIL)"
gpu compare --exact "$out/ensemble-cpu.nc" "$out/ensemble-gpu.nc" >"$out/compare-ensemble.txt" 2>&1 \
  && verdict "ensemble CPU vs GPU, every variable" "bit-identical" || verdict "ensemble CPU vs GPU, every variable" "DIFFERENT"

# Device-to-device copy bandwidth (read + write bytes per second) with CuPy where it exists.
bandwidth=$(python3 - <<'PY' 2>/dev/null
import cupy as cp
n = 1 << 29  # 4 GiB of float64
a = cp.ones(n); b = cp.empty_like(a)
for _ in range(3): cp.copyto(b, a)
start, stop = cp.cuda.Event(), cp.cuda.Event()
start.record()
for _ in range(10): cp.copyto(b, a)
stop.record(); stop.synchronize()
print(f"{2 * a.nbytes * 10 / (cp.cuda.get_elapsed_time(start, stop) / 1e3) / 1e9:.0f}")
PY
)
verdict "GPU copy bandwidth (GB/s)" "${bandwidth:-not measured}"
persons_years=$(grep -o '[0-9.]* M person-years/s' "$out/log.txt" | head -n 1)
verdict "full baseline throughput, GPU" "${persons_years:-?}"
if [ -n "${bandwidth:-}" ] && [ "$bytes_per_person_year" != 0 ] && [ -n "$persons_years" ]; then
  rate=$(echo "$persons_years" | awk '{print $1}')
  verdict "bandwidth floor (M person-years/s)" "$(awk -v bw="$bandwidth" -v b="$bytes_per_person_year" 'BEGIN { printf "%.0f", bw * 1000 / b }')"
  verdict "fraction of the floor" "$(awk -v bw="$bandwidth" -v b="$bytes_per_person_year" -v r="$rate" 'BEGIN { printf "%.3f", r / (bw * 1000 / b) }')"
fi
{ echo; echo "device: $device"; printf '%s\n' "${results[@]}"; } | tee -a "$out/summary.txt"
