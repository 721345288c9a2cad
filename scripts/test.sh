#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds the CPU backend (with the serial
# reference), runs every ctest test (unit, engine per Thrust system, MPI, end-to-end, Slurm).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-dependencies.sh
scripts/build.sh cpu build
cd build
ctest --output-on-failure -j 2 "$@"
