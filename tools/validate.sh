#!/usr/bin/env bash
# Regenerates docs/validation.md, its charts (docs/validation/*.png) and the generated sections of
# docs/incomes.md and docs/energy.md from fresh model runs.
#
#   tools/validate.sh            # uses build/app/taskshift (TASKSHIFT=... to use another binary)
#   KEEP=1 tools/validate.sh     # keep the temporary directory with the runs and their logs
#
# Runs every model run the comparisons need (tools/validation/plan.py lists them) into a temporary
# directory, at most two at a time, then the Python modules of tools/validation/ that write the
# documents. Prints the files written and the run time; exits non-zero if a run or a script fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
taskshift=${TASKSHIFT:-$root/build/app/taskshift}
python=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1
jobs_max=${VALIDATE_JOBS:-2}
if [ ! -x "$taskshift" ]; then
  echo "validate.sh: $taskshift not found; build the project first (scripts/run-baseline.sh or cmake)" >&2
  exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/taskshift-validate.XXXXXX")
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "runs kept in $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT
start=$(date +%s)

# every run uses one copy of the binary, so a rebuild during the runs cannot mix code versions
cp "$taskshift" "$work/taskshift"
"$python" tools/validation/plan.py "$work/taskshift" "$work" >"$work/jobs.tsv"
mkdir -p "$work/logs"
n_jobs=$(wc -l <"$work/jobs.tsv")
echo "validate.sh: $n_jobs model runs, $jobs_max at a time, into $work"

run_job() {  # name command
  local name=$1 cmd=$2
  if bash -c "$cmd" >"$work/logs/$name.log" 2>&1; then
    echo ok >"$work/logs/$name.rc"
  else
    echo "failed ($?)" >"$work/logs/$name.rc"
  fi
}
running=0
while IFS=$'\t' read -r name cmd; do
  if [ "$running" -ge "$jobs_max" ]; then wait -n || true; running=$((running - 1)); fi
  run_job "$name" "$cmd" &
  running=$((running + 1))
done <"$work/jobs.tsv"
wait
failed=0
while IFS=$'\t' read -r name _; do
  if [ "$(cat "$work/logs/$name.rc" 2>/dev/null)" != ok ]; then
    echo "validate.sh: run $name failed; its log:" >&2
    tail -n 20 "$work/logs/$name.log" >&2
    failed=1
  fi
done <"$work/jobs.tsv"
[ "$failed" = 0 ] || exit 1
runs_done=$(date +%s)
echo "validate.sh: runs done in $((runs_done - start)) s"

"$python" tools/validation/build_docs.py "$work"
end=$(date +%s)
echo "validate.sh: total $((end - start)) s (runs $((runs_done - start)) s, documents $((end - runs_done)) s)"
