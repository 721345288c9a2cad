#!/usr/bin/env bash
# submit-ensemble.sh [SBATCH_OPTS...] — submit jobs/ensemble-array.sbatch as a job array and
# jobs/ensemble-merge.sbatch dependent on it (afterok: the merge starts only when every
# array task succeeded; if one fails the merge job is cancelled, not left pending).
#
#     jobs/submit-ensemble.sh                      # settings from ensemble-array.sbatch
#     BLOCKS=8 SCENARIOS="configs/scenarios/a.toml configs/scenarios/b.toml" jobs/submit-ensemble.sh
#     jobs/submit-ensemble.sh --partition=short    # extra sbatch options go to both jobs
#
# Run it from the directory the scenario and output paths are relative to. Prints
#     array job: <id>
#     merge job: <id>
# and, for scripts, the line "JOBIDS <array id> <merge id>" last.
# Optional: ARRAY_MAX_RUNNING=M limits the array to M tasks at once (--array=0-N%M).
# Environment overrides (read by ensemble-array.sbatch, passed to both jobs): SCENARIOS,
# REPLICAS_PER_BLOCK, BLOCKS, OUT_DIR, SEED, SCALE, YEARS (FIRST:LAST), TASKSHIFT; also
# ARRAY_SCRIPT / MERGE_SCRIPT (the two batch scripts, default: next to this one). E.g.
#     SCALE=0.002 YEARS=2024:2030 BLOCKS=2 REPLICAS_PER_BLOCK=1 jobs/submit-ensemble.sh --time=5
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ARRAY_SCRIPT=${ARRAY_SCRIPT:-$HERE/ensemble-array.sbatch}
MERGE_SCRIPT=${MERGE_SCRIPT:-$HERE/ensemble-merge.sbatch}

# Resolve the ensemble settings once (environment overrides, else the script's defaults) and
# pass them to both jobs through the environment, so the two can never disagree.
config=$(bash "$ARRAY_SCRIPT" --print-config)
eval "$config"
export SCENARIOS REPLICAS_PER_BLOCK BLOCKS OUT_DIR SEED SCALE YEARS TASKSHIFT
array=$ARRAY_RANGE
[[ -n ${ARRAY_MAX_RUNNING:-} ]] && array="$array%$ARRAY_MAX_RUNNING"

array_id=$(sbatch --parsable --array="$array" "$@" "$ARRAY_SCRIPT")
array_id=${array_id%%;*}
merge_id=$(sbatch --parsable --dependency="afterok:$array_id" --kill-on-invalid-dep=yes \
    "$@" "$MERGE_SCRIPT")
merge_id=${merge_id%%;*}

echo "array job: $array_id (tasks $array: $SCENARIOS x $BLOCKS blocks of $REPLICAS_PER_BLOCK replicas)"
echo "merge job: $merge_id (after the array succeeds; writes $OUT_DIR/<scenario>.nc)"
echo "JOBIDS $array_id $merge_id"
