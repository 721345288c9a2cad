#!/usr/bin/env bash
# Installs the Debian packages TaskShift needs, when any is missing. Never libthrust-dev:
# Thrust comes from the CUDA toolkit's CCCL (/usr/local/cuda), for CPU and GPU builds alike.
set -euo pipefail
packages=(cmake g++ make openmpi-bin libopenmpi-dev libnetcdf-dev netcdf-bin libnetcdf-mpi-dev librandom123-dev
          libtomlplusplus-dev libcli11-dev libfmt-dev libgtest-dev libbenchmark-dev python3-netcdf4 python3-xarray
          python3-matplotlib slurmctld slurmd slurm-client munge)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q -o DPkg::Lock::Timeout=900 >/dev/null
  apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=900 "${missing[@]}" >/dev/null
fi
[ -d /usr/local/cuda/lib64/cmake/thrust ] || {
  echo "error: the CUDA toolkit's CCCL (Thrust/CUB) is not at /usr/local/cuda; the CPU build needs its headers too." >&2
  echo "       Install NVIDIA's CUDA toolkit there (13 or later, whose Thrust 3 the build requires; no GPU is needed)." >&2
  exit 1
}
