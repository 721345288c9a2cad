#!/usr/bin/env bash
# A run killed before it finishes leaves no file under the final name.
set -euo pipefail
taskshift=$1; source_dir=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# Killed once its first yearly checkpoint exists, so mid-run whatever the machine's speed.
"$taskshift" run "$source_dir/configs/scenarios/baseline.toml" -o "$work/out.nc" --scale 0.05 --replicas 3 \
  --checkpoint-every 1 >/dev/null &
pid=$!
for _ in $(seq 1200); do
  ls "$work/out.ckpt"/*.tsckpt >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
kill -TERM "$pid" 2>/dev/null || { echo "FAIL: the run ended before it could be killed"; exit 1; }
wait "$pid" 2>/dev/null || true
[ ! -e "$work/out.nc" ] || { echo "FAIL: a killed run left out.nc"; exit 1; }
echo "1 passed, 0 failed"
