#!/usr/bin/env bash
# Checkpoint and restart (issue 8): a restarted run gives the same bits as an uninterrupted one,
# whether it was checkpointed on schedule or stopped by the signal Slurm sends; a corrupt or
# mismatched checkpoint (checksum, format, scenario, calibration tables, rank count, ranks' files of
# different years) is refused with a clear message and
# no output is written.
set -euo pipefail
taskshift=$1; source_dir=$2; mpiexec=$3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
scenario="$source_dir/configs/scenarios/baseline.toml"
args=(--scale 0.01 --years 2024:2040 --replicas 2 --seed 5)
passed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; exit 1; }
same() { "$taskshift" compare --exact "$1" "$2" >/dev/null || fail "$3"; ok "$3"; }
refused() {  # expected-message description command...
  local expected=$1 what=$2; shift 2
  if "$@" >"$work/out.txt" 2>&1; then fail "$what: accepted"; fi
  grep -q "$expected" "$work/out.txt" || { cat "$work/out.txt"; fail "$what: message lacks '$expected'"; }
  ok "$what"
}

"$taskshift" run "$scenario" -o "$work/full.nc" "${args[@]}" >/dev/null
# Scheduled checkpoints every 4 years; the last one holds replica 1 in 2036.
"$taskshift" run "$scenario" -o "$work/scheduled.nc" "${args[@]}" --checkpoint-every 4 --checkpoint-dir "$work/ck" >/dev/null
same "$work/full.nc" "$work/scheduled.nc" "checkpointing does not change the results"
"$taskshift" run "$scenario" -o "$work/restarted.nc" "${args[@]}" --restart "$work/ck" >/dev/null
same "$work/full.nc" "$work/restarted.nc" "restart from a scheduled checkpoint gives the same bits"

# Stopped by SIGUSR1 mid-run: exit code 3, a checkpoint, no output; the restart completes it.
long=(--scale 0.05 --years 2024:2050 --replicas 2 --seed 6)
"$taskshift" run "$scenario" -o "$work/long-full.nc" "${long[@]}" >/dev/null
# Signalled once its first yearly checkpoint exists, so in the year loop whatever the machine's
# speed (a fixed sleep let a fast machine finish the run first).
"$taskshift" run "$scenario" -o "$work/long.nc" "${long[@]}" --checkpoint-every 1 >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1200); do
  ls "$work/long.ckpt"/*.tsckpt >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
kill -USR1 "$pid" || fail "the run ended before its first yearly checkpoint could be signalled"
rc=0; wait "$pid" || rc=$?
[ "$rc" = 3 ] || fail "a signalled run exits with 3 (got $rc)"
[ ! -e "$work/long.nc" ] || fail "a signalled run leaves no output"
ok "a signalled run writes a checkpoint, exits 3 and leaves no output"
"$taskshift" run "$scenario" -o "$work/long.nc" "${long[@]}" --restart "$work/long.ckpt" >/dev/null
same "$work/long-full.nc" "$work/long.nc" "restart after a signal gives the same bits"

# Refusals.
cp -r "$work/ck" "$work/bad"
f=$(ls "$work/bad"/*.tsckpt | head -n 1)
printf '\x01' | dd of="$f" bs=1 seek=200 conv=notrunc status=none
refused "checksum mismatch" "a corrupt checkpoint is refused" \
  "$taskshift" run "$scenario" -o "$work/x.nc" "${args[@]}" --restart "$work/bad"
refused "scenario hash differs" "a checkpoint of another scenario is refused" \
  "$taskshift" run "$scenario" -o "$work/x.nc" "${args[@]}" --restart "$work/ck" --set technology.cost_decline=0.05
# The same scenario with one calibration table edited (as a user fixing a table between a
# preemption and the restart would): the restart would mix years of two inputs.
cp -r "$source_dir/configs/calibration" "$work/cal"
sed -i 's/^2030,67,/2030,68,/' "$work/cal/retirement.csv"
! cmp -s "$work/cal/retirement.csv" "$source_dir/configs/calibration/retirement.csv" || fail "the table edit did not apply"
refused "the calibration tables or the --population or --alignment-from file differ" \
  "a checkpoint made with other calibration tables is refused" \
  "$taskshift" run "$scenario" -o "$work/x.nc" "${args[@]}" --restart "$work/ck" --calibration "$work/cal"
cp "$f" "$work/old-format.tsckpt"
printf '01' | dd of="$work/old-format.tsckpt" bs=1 seek=6 conv=notrunc status=none
mkdir -p "$work/old" && mv "$work/old-format.tsckpt" "$work/old/$(basename "$f")"
refused "a checkpoint of format 01, written by another version of TaskShift" \
  "a checkpoint of an older format is refused with its version" \
  "$taskshift" run "$scenario" -o "$work/x.nc" "${args[@]}" --restart "$work/old"
refused "written by 1 ranks" "a checkpoint of another rank count is refused" \
  "$mpiexec" -n 2 "$taskshift" run "$scenario" -o "$work/x.nc" "${args[@]}" --restart "$work/ck"
[ ! -e "$work/x.nc" ] || fail "a refused restart wrote output"
ok "refused restarts write no output"

# Two ranks: each writes its shard; the restart on two ranks gives the same bits.
"$mpiexec" -n 2 "$taskshift" run "$scenario" -o "$work/np2.nc" "${args[@]}" --checkpoint-every 5 --checkpoint-dir "$work/ck2" >/dev/null
"$mpiexec" -n 2 "$taskshift" run "$scenario" -o "$work/np2-restarted.nc" "${args[@]}" --restart "$work/ck2" >/dev/null
same "$work/full.nc" "$work/np2-restarted.nc" "a two-rank restart gives the same bits as one uninterrupted rank"
# A job stopped between the ranks' renames leaves files of two years: refused, not mixed.
"$mpiexec" -n 2 "$taskshift" run "$scenario" -o "$work/np2-4.nc" "${args[@]}" --checkpoint-every 4 --checkpoint-dir "$work/ck4" >/dev/null
cp -r "$work/ck2" "$work/mixed"
cp "$work/ck4/rank-1-of-2.tsckpt" "$work/mixed/"
refused "the ranks' checkpoints are of different points of the run" "checkpoints of two points of the run are refused" \
  timeout 120 "$mpiexec" -n 2 "$taskshift" run "$scenario" -o "$work/x.nc" "${args[@]}" --restart "$work/mixed"
[ ! -e "$work/x.nc" ] || fail "a refused restart wrote output"
echo "$passed passed, 0 failed"
