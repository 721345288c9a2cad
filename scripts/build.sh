#!/usr/bin/env bash
# Configures and builds one backend: scripts/build.sh [cpu|cuda] [build directory].
set -euo pipefail
cd "$(dirname "$0")/.."
backend=${1:-cpu}
dir=${2:-build}
extra=()
[ "${CI:-}" = "true" ] && extra+=(-DTS_WERROR=ON)
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DTS_BACKEND="$backend" "${extra[@]}" >/dev/null
cmake --build "$dir" -j "$(nproc)"
