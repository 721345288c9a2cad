#!/usr/bin/env bash
# The main job: the full Flemish population (about 5.7 million residents aged 15+), baseline
# scenario, 2024-2050, embedded calibration; writes out/baseline.nc, out/baseline.csv and the
# report in out/report/. Extra arguments go to `taskshift run` (e.g. --scale 0.1).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-dependencies.sh
scripts/build.sh cpu build >/dev/null
mkdir -p out
./build/app/taskshift run configs/scenarios/baseline.toml -o out/baseline.nc "$@"
./build/app/taskshift report out/baseline.nc -o out/report
