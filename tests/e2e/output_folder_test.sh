#!/usr/bin/env bash
# An output path whose folder is missing is refused before any work: no year is simulated (a
# yearly checkpoint would show it) and nothing is left behind.
set -euo pipefail
taskshift=$1; source_dir=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
failed=0
expect_refused() { # NAME OUTPUT CMD...: rc 2, and stderr names OUTPUT and its missing folder
  local name=$1 output=$2; shift 2
  local rc=0
  "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
  if [ "$rc" != 2 ] || ! grep -qF "$output: the folder '$(dirname "$output")' does not exist" "$work/$name.err"; then
    echo "FAIL: $name: rc $rc, stderr:"; cat "$work/$name.err"; failed=$((failed + 1))
  fi
}
expect_refused run "$work/missing/out.nc" "$taskshift" run "$source_dir/configs/scenarios/baseline.toml" \
  -o "$work/missing/out.nc" --scale 0.01 --checkpoint-every 1 --checkpoint-dir "$work/ckpt"
[ ! -e "$work/ckpt" ] || { echo "FAIL: run simulated years before refusing its output"; failed=$((failed + 1)); }
expect_refused synth "$work/missing/pop.nc" "$taskshift" synth -o "$work/missing/pop.nc" --scale 0.001
expect_refused synth_report "$work/missing/fit.csv" "$taskshift" synth --report "$work/missing/fit.csv" --scale 0.001
expect_refused merge "$work/missing/merged.nc" "$taskshift" merge -o "$work/missing/merged.nc" "$work/none.nc"
[ ! -e "$work/missing" ] || { echo "FAIL: the missing folder was created"; failed=$((failed + 1)); }
echo "$((6 - failed)) passed, $failed failed"
[ "$failed" = 0 ]
