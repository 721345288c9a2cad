#!/usr/bin/env bash
# Options that cannot work are refused before any work, with a message that names the option
# (or the output path, or the file it names) and what is wrong. An output whose folder is missing is refused before any
# year is simulated (a yearly checkpoint would show one) and leaves nothing behind.
set -euo pipefail
taskshift=$1; source_dir=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
scenario=$source_dir/configs/scenarios/baseline.toml
passed=0; failed=0
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
refused() { # NAME RC MESSAGE CMD...: exit code RC and MESSAGE (fixed text) on stderr
  local name=$1 want=$2 message=$3; shift 3
  local rc=0
  "$@" >"$work/out" 2>"$work/err" || rc=$?
  if [ "$rc" = "$want" ] && grep -qF -- "$message" "$work/err"; then passed=$((passed + 1))
  else fail "$name: rc $rc (expected $want), stderr: $(cat "$work/err")"; fi
}
run() { "$taskshift" run "$scenario" -o "$work/out.nc" --scale 0.001 "$@"; }

refused "run into a missing folder" 2 "$work/missing/out.nc: the folder '$work/missing' does not exist" \
  "$taskshift" run "$scenario" -o "$work/missing/out.nc" --scale 0.01 --checkpoint-every 1 --checkpoint-dir "$work/ckpt"
[ ! -e "$work/ckpt" ] && passed=$((passed + 1)) || fail "run simulated years before refusing its output"
refused "run into a folder" 2 "$work: is a folder" "$taskshift" run "$scenario" -o "$work" --scale 0.001
refused "synth into a missing folder" 2 "$work/missing/pop.nc: the folder '$work/missing' does not exist" \
  "$taskshift" synth -o "$work/missing/pop.nc" --scale 0.001
refused "synth report into a missing folder" 2 "$work/missing/fit.csv: the folder '$work/missing' does not exist" \
  "$taskshift" synth --report "$work/missing/fit.csv" --scale 0.001
refused "merge into a missing folder" 2 "$work/missing/merged.nc: the folder '$work/missing' does not exist" \
  "$taskshift" merge -o "$work/missing/merged.nc" "$work/none.nc"
[ ! -e "$work/missing" ] && passed=$((passed + 1)) || fail "the missing folder was created"

for years in 2024-2030 2024:20x0 :2030 2024: " 2024:2030" 2024:2030:2040; do
  refused "--years '$years'" 2 "--years: expected FIRST:LAST, two years such as 2024:2050, found '$years'" run --years "$years"
done
refused "--years from 2020" 2 "--years: the first year must be 2024, the year the calibration tables describe; found 2020" \
  run --years 2020:2030
refused "--years backwards" 2 "--years: the last year is before the first" run --years 2024:2023
refused "--snapshot-years outside" 2 "--snapshot-years: 2031 is outside the run's years 2024-2030" \
  run --years 2024:2030 --snapshot-years 2025,2031
for option in --threads --checkpoint-every --replica-offset; do
  refused "$option -1" 2 "$option: expected a whole number, 0 or more, found '-1'" run "$option" -1
done
refused "synth --threads -1" 2 "--threads: expected a whole number, 0 or more, found '-1'" \
  "$taskshift" synth -o "$work/pop.nc" --scale 0.001 --threads -1
# The full population in 300 MB of address space: an allocation fails, and the message says what
# to do instead of "std::bad_alloc".
refused "out of memory" 2 "error: out of memory; a smaller --scale, or more MPI ranks on more nodes" \
  bash -c 'ulimit -v 300000 && exec "$@"' - "$taskshift" run "$scenario" -o "$work/out.nc" --years 2024:2025
for scale in 1e-9 1e-7; do  # no person at all; one person, not a full-time employee
  refused "--scale $scale" 2 "raise --scale" "$taskshift" run "$scenario" -o "$work/out.nc" --scale "$scale"
done
# --alignment-from a reference that lacks years or replicas of the run: refused before any
# replica is simulated (a checkpoint would show one), not after the replicas it has.
"$taskshift" run "$scenario" -o "$work/reference.nc" --scale 0.001 --years 2024:2026 >/dev/null 2>"$work/reference-err"
refused "--alignment-from without the run's last years" 2 \
  "reference.nc: no alignment factors for 2027 (the file holds 2024-2026), which the run needs" \
  run --years 2024:2028 --alignment-from "$work/reference.nc"
refused "--alignment-from without the run's replicas" 2 \
  "reference.nc: has no replica 1 to take alignment factors from (it holds 1)" \
  run --years 2024:2026 --replicas 2 --alignment-from "$work/reference.nc" --checkpoint-every 1 --checkpoint-dir "$work/ckpt"
[ ! -e "$work/ckpt" ] && passed=$((passed + 1)) || fail "replica 0 was simulated before the missing replica 1 was refused"
# Years past the calibration's yearly tables run, and the run says what they rest on; the
# reference run above, within them, said nothing.
[ ! -s "$work/reference-err" ] && passed=$((passed + 1)) || fail "a note for a run within the tables: $(cat "$work/reference-err")"
"$taskshift" run "$scenario" -o "$work/beyond.nc" --scale 0.001 --years 2024:2051 >/dev/null 2>"$work/err"
grep -qF "note: the years after 2050 go past the last year of " "$work/err" &&
  grep -qF "/cohort_education.csv, whose 2050 shares of new cohorts by education are kept" "$work/err" &&
  [ -e "$work/beyond.nc" ] && passed=$((passed + 1)) || fail "no note for years past the tables: $(cat "$work/err")"
refused "unknown option" 2 "not expected: 0.1 --scael" run --scael 0.1
refused "missing scenario file" 2 "scenario: File does not exist: $work/none.toml" \
  "$taskshift" run "$work/none.toml" -o "$work/out.nc"
"$taskshift" --help >/dev/null && "$taskshift" run --help >/dev/null && passed=$((passed + 1)) || fail "--help does not exit 0"
[ ! -e "$work/out.nc" ] && [ ! -e "$work/pop.nc" ] && passed=$((passed + 1)) || fail "a refused command wrote its output"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
