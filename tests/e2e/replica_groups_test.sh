#!/usr/bin/env bash
# Replica groups (issue 8): the ranks split into G groups that run blocks of replicas side by
# side give the same bits as the same ranks without groups and as one rank (every variable,
# percentiles across replicas included); person snapshots written by a group have the same
# content; impossible group counts and checkpoints with groups are refused with a clear message
# and no output.
set -euo pipefail
taskshift=$1; source_dir=$2; mpiexec=$3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
scenario="$source_dir/configs/scenarios/baseline.toml"
args=(--scale 0.002 --years 2024:2027 --replicas 4 --seed 21)
export OMP_NUM_THREADS=1
passed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; exit 1; }
same() { "$taskshift" compare --exact "$1" "$2" >"$work/diff.txt" || { cat "$work/diff.txt"; fail "$3"; }; ok "$3"; }
refused() {  # expected-message description output command...
  local expected=$1 what=$2 output=$3; shift 3
  if "$@" >"$work/out.txt" 2>&1; then fail "$what: accepted"; fi
  grep -q -- "$expected" "$work/out.txt" || { cat "$work/out.txt"; fail "$what: message lacks '$expected'"; }
  [ ! -e "$output" ] || fail "$what: wrote $output"
  ok "$what"
}

"$taskshift" run "$scenario" -o "$work/one.nc" "${args[@]}" --snapshot-years 2026 >/dev/null
"$mpiexec" -n 4 "$taskshift" run "$scenario" -o "$work/np4.nc" "${args[@]}" >/dev/null
same "$work/one.nc" "$work/np4.nc" "4 ranks without groups = 1 rank"
"$mpiexec" -n 4 "$taskshift" run "$scenario" -o "$work/g2.nc" "${args[@]}" --replica-groups 2 --snapshot-years 2026 >/dev/null
same "$work/np4.nc" "$work/g2.nc" "4 ranks in 2 groups = 4 ranks without groups"
same "$work/one.nc" "$work/g2.nc" "4 ranks in 2 groups = 1 rank"
"$mpiexec" -n 4 "$taskshift" run "$scenario" -o "$work/g4.nc" "${args[@]}" --replica-groups 4 >/dev/null
same "$work/one.nc" "$work/g4.nc" "4 ranks in 4 groups of one = 1 rank"
# replica_groups is a per-run attribute: blocks run with and without groups merge.
block=(--scale 0.002 --years 2024:2027 --replicas 2 --seed 21)
"$mpiexec" -n 2 "$taskshift" run "$scenario" -o "$work/block-a.nc" "${block[@]}" --replica-groups 2 >/dev/null
"$taskshift" run "$scenario" -o "$work/block-b.nc" "${block[@]}" --replica-offset 2 >/dev/null
"$taskshift" merge -o "$work/merged.nc" "$work/block-a.nc" "$work/block-b.nc" >/dev/null 2>"$work/merge-err.txt"
same "$work/one.nc" "$work/merged.nc" "a block run in groups merges with one run without"
[ ! -s "$work/merge-err.txt" ] || fail "a note for blocks without a gap: $(cat "$work/merge-err.txt")"
# Blocks that leave replicas out merge (an ensemble may be assembled in parts), with a note.
"$taskshift" run "$scenario" -o "$work/block-c.nc" --scale 0.002 --years 2024:2027 --seed 21 --replica-offset 5 >/dev/null
"$taskshift" merge -o "$work/gap.nc" "$work/block-a.nc" "$work/block-c.nc" >/dev/null 2>"$work/merge-err.txt"
grep -qF "note: the blocks hold 3 replicas from 0 to 5, without 2-4" "$work/merge-err.txt" &&
  [ -e "$work/gap.nc" ] || fail "a merge with a gap: $(cat "$work/merge-err.txt")"
ok "a merge that leaves replicas out says which"
# Blocks of unequal size: 3 replicas over 2 groups (2 + 1).
three=(--scale 0.002 --years 2024:2026 --replicas 3 --seed 22)
"$taskshift" run "$scenario" -o "$work/three.nc" "${three[@]}" >/dev/null
"$mpiexec" -n 2 "$taskshift" run "$scenario" -o "$work/three-g2.nc" "${three[@]}" --replica-groups 2 >/dev/null
same "$work/three.nc" "$work/three-g2.nc" "3 replicas on 2 ranks in 2 groups = 1 rank"

/usr/bin/python3 - "$work/one.nc" "$work/g2.nc" "$work/one-persons-2026.nc" "$work/g2-persons-2026.nc" <<'PY' \
  || fail "attributes and snapshots"
import sys, xarray as xr
one, g2, snap1, snap2 = (xr.open_dataset(f) for f in sys.argv[1:])
assert one.attrs["replica_groups"] == 1 and g2.attrs["replica_groups"] == 2 and g2.attrs["mpi_ranks"] == 4
assert "replica_groups" in g2.attrs["per_run_attributes"].split()
assert any(v.endswith("_p50") for v in g2.data_vars), "no percentile variables to compare"
assert g2.sizes["replica"] == 4 and list(g2.replica.values) == [0, 1, 2, 3]
assert snap1.sizes["person"] > 0 and set(snap1.data_vars) == set(snap2.data_vars)
assert all((snap1[v].values == snap2[v].values).all() for v in snap1.data_vars)
assert (snap2.person_id.values[1:] > snap2.person_id.values[:-1]).all()
PY
ok "replica_groups recorded as a per-run attribute; the snapshot of a 2-rank group = 1 rank's"

refused "do not split into 3 groups" "3 groups on 4 ranks" "$work/bad.nc" \
  "$mpiexec" -n 4 "$taskshift" run "$scenario" -o "$work/bad.nc" "${args[@]}" --replica-groups 3
refused "more groups than replicas" "5 groups for 4 replicas" "$work/bad.nc" \
  "$mpiexec" -n 5 "$taskshift" run "$scenario" -o "$work/bad.nc" "${args[@]}" --replica-groups 5
refused "expected at least 1 group" "0 groups" "$work/bad.nc" \
  "$taskshift" run "$scenario" -o "$work/bad.nc" "${args[@]}" --replica-groups 0
refused "checkpoints (--checkpoint-every, --restart) need a single group" "checkpoints with groups" "$work/bad.nc" \
  "$mpiexec" -n 2 "$taskshift" run "$scenario" -o "$work/bad.nc" "${args[@]}" --replica-groups 2 --checkpoint-every 1
[ ! -e "$work/bad.ckpt" ] || fail "a refused run wrote a checkpoint"
echo "$passed passed, 0 failed"
