#!/usr/bin/env bash
# A run killed before it finishes leaves no file under the final name.
set -euo pipefail
taskshift=$1; source_dir=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$taskshift" run "$source_dir/configs/scenarios/baseline.toml" -o "$work/out.nc" --scale 0.05 --replicas 3 >/dev/null &
pid=$!
sleep 1.5
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
[ ! -e "$work/out.nc" ] || { echo "FAIL: a killed run left out.nc"; exit 1; }
echo "1 passed, 0 failed"
