#!/usr/bin/env bash
# jobs_test.sh TASKSHIFT SOURCE_DIR — the batch scripts in jobs/ against a real Slurm (issue 8).
#
# Starts munged, slurmctld and slurmd on localhost (tests/slurm/slurm-up.sh), submits the
# scripts of SOURCE_DIR/jobs unchanged on a small population (sizes through sbatch options,
# run settings through the environment), waits for them (every wait bounded) and checks:
#   (a) single-node-cpu.sbatch with 2 ranks: COMPLETED, one 2-rank run (not two 1-rank
#       copies), output bit-identical (`taskshift compare --exact`) to a direct 1-rank run;
#   (b) submit-ensemble.sh, 2 scenarios x 2 blocks: array and merge job COMPLETED, the four
#       block files exist, each merged file is bit-identical to one direct run with all
#       replicas (replica r's draws depend only on (seed, r));
#   (c) preemptible.sbatch: once running (a scheduled checkpoint exists) it gets SIGUSR1
#       (`scancel --batch --signal=USR1`), checkpoints, exits 3, requeues itself, restarts
#       from the checkpoint and completes: Restarts>=1, output bit-identical to a direct
#       uninterrupted run.
# The daemons are stopped on every exit (tests/slurm/slurm-down.sh). Prints "N passed,
# M failed"; exits 1 on any failure (with the job's output), 77 (ctest: skipped) when not
# root or Slurm/munge are not installed.
#
# Environment knobs: TS_SLURM_DIR (daemon state; default /tmp/taskshift-slurm-jobs-test, a
# leftover there is stopped first), TS_SLURM_BUDGET (total seconds for all waits, 780),
# KEEP_WORK=1 (keep the work directory), SLURMCTLD_PORT/SLURMD_PORT (see slurm-up.sh).
set -uo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 TASKSHIFT SOURCE_DIR" >&2
    exit 2
fi
taskshift=$(realpath "$1")
src=$(realpath "$2")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ -x $taskshift ]] || { echo "FAIL: $taskshift is not an executable" >&2; exit 1; }

if [[ $(id -u) -ne 0 ]]; then
    echo "SKIP: the test Slurm runs as root (SlurmUser=root); run as root"
    exit 77
fi
for exe in munged mungekey slurmctld slurmd sbatch scontrol scancel sinfo squeue srun; do
    if ! command -v "$exe" >/dev/null; then
        echo "SKIP: '$exe' not found (scripts/install-dependencies.sh installs munge slurmctld slurmd slurm-client)"
        exit 77
    fi
done

started=$SECONDS
budget=${TS_SLURM_BUDGET:-780}
slurm_dir=${TS_SLURM_DIR:-/tmp/taskshift-slurm-jobs-test}
work=$(mktemp -d /tmp/taskshift-slurm-jobs.XXXXXX)
run=$work/run
mkdir -p "$run"
passed=0
failed=0

cleanup() {
    local rc=$?
    "$here/slurm-down.sh" "$slurm_dir" >&2 || echo "warning: slurm-down.sh reported a problem" >&2
    if [[ ${KEEP_WORK:-0} == 1 || $failed -gt 0 || $rc -ne 0 ]]; then
        echo "work directory kept: $work (daemon logs: $slurm_dir/log)"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM HUP

ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() {  # bad DESCRIPTION [FILES TO SHOW...]
    echo "FAIL $1"
    failed=$((failed + 1))
    shift
    local f
    for f in "$@"; do
        [[ -f $f ]] || continue
        echo "----- $f -----"
        tail -n 60 "$f"
        echo "-----"
    done
}
left() {  # left WANTED -> min(WANTED, seconds left of the budget), at least 1
    local l=$(( budget - (SECONDS - started) ))
    (( l < 1 )) && l=1
    (( $1 < l )) && l=$1
    echo "$l"
}
same() {  # same A B DESCRIPTION [FILES TO SHOW ON FAILURE...]
    local a=$1 b=$2 what=$3
    shift 3
    if [[ ! -f $a ]]; then bad "$what: $a missing" "$@"; return 1; fi
    if [[ ! -f $b ]]; then bad "$what: $b missing" "$@"; return 1; fi
    if "$taskshift" compare --exact "$a" "$b" >"$work/compare.txt" 2>&1; then
        ok "$what"
    else
        head -n 20 "$work/compare.txt"
        bad "$what: taskshift compare --exact $a $b" "$@"
        return 1
    fi
}
direct() {  # direct OUT SCENARIO ARGS... — a 1-rank run outside Slurm, from the jobs' directory
    local out=$1 scen=$2
    shift 2
    (cd "$run" && "$taskshift" run "$scen" -o "$out" "$@") >"$out.log" 2>&1 \
        || { echo "direct run failed:"; tail -n 20 "$out.log"; return 1; }
}

# ---- start Slurm ----------------------------------------------------------------------------
if ! up=$("$here/slurm-up.sh" "$slurm_dir"); then
    echo "FAIL: slurm-up.sh could not start the local Slurm"
    failed=1
    echo "0 passed, 1 failed"
    exit 1
fi
eval "$up"
export SLURM_CONF
# shellcheck source=tests/slurm/lib.sh
source "$here/lib.sh"
ok "local Slurm up ($(( SECONDS - started )) s)"

export TASKSHIFT=$taskshift
scen_base=$src/configs/scenarios/baseline.toml
scen_rapid=$src/configs/scenarios/rapid-automation.toml
small=(--scale 0.002 --years 2024:2030)
# Sizes for a 2-core machine; --mem within the node's RealMemory (not enforced here).
cd "$run" || exit 1

# ---- (a) single-node-cpu.sbatch, 2 ranks -----------------------------------------------------
t0=$SECONDS
if id_a=$(TASKSHIFT=$taskshift SCENARIO=$scen_base OUT=$run/single.nc SEED=11 REPLICAS=1 \
          SCALE=0.002 YEARS=2024:2030 CHECKPOINT_EVERY=2 \
          slurm_submit --ntasks-per-node=2 --cpus-per-task=1 --mem=100 --time=5 \
                       --output="$run/single-%j.out" "$src/jobs/single-node-cpu.sbatch"); then
    out_a=$run/single-$id_a.out
    if slurm_wait "$id_a" "$(left 180)"; then
        ok "single-node-cpu.sbatch: job $id_a COMPLETED ($(( SECONDS - t0 )) s)"
        # One summary line saying "2 rank(s)": one MPI job of two ranks, not two 1-rank copies.
        if [[ $(grep -c '^TaskShift .*scenario' "$out_a") == 1 ]] && grep -q ' 2 rank(s) x 1 thread(s)' "$out_a"; then
            ok "single-node-cpu.sbatch: one run of 2 ranks x 1 thread (srun --mpi=pmix)"
        else
            bad "single-node-cpu.sbatch: expected one summary line with '2 rank(s) x 1 thread(s)'" "$out_a"
        fi
        if direct "$work/single-direct.nc" "$scen_base" "${small[@]}" --seed 11 --replicas 1; then
            same "$run/single.nc" "$work/single-direct.nc" \
                "single-node-cpu.sbatch: 2-rank output bit-identical to a direct 1-rank run" "$out_a"
        else
            bad "single-node-cpu.sbatch: direct reference run failed"
        fi
    else
        bad "single-node-cpu.sbatch: job $id_a did not complete" "$out_a"
    fi
else
    bad "single-node-cpu.sbatch: sbatch refused it"
fi

# ---- (b) submit-ensemble.sh: 2 scenarios x 2 blocks of 1 replica, then the merge -------------
t0=$SECONDS
if SCENARIOS="$scen_base $scen_rapid" BLOCKS=2 REPLICAS_PER_BLOCK=1 OUT_DIR=$run/ens SEED=21 \
   SCALE=0.002 YEARS=2024:2030 TASKSHIFT=$taskshift \
   bash "$src/jobs/submit-ensemble.sh" --ntasks=1 --cpus-per-task=1 --mem=100 --time=5 \
        >"$work/submit.txt" 2>&1; then
    read -r _ id_arr id_merge < <(grep '^JOBIDS ' "$work/submit.txt")
    if [[ ${id_arr:-} =~ ^[0-9]+$ && ${id_merge:-} =~ ^[0-9]+$ ]]; then
        ok "submit-ensemble.sh: array job $id_arr, merge job $id_merge"
        arr_ok=0
        if slurm_wait_array "$id_arr" "$(left 300)"; then
            arr_ok=1
            ok "ensemble-array.sbatch: all 4 tasks of job $id_arr COMPLETED"
        else
            bad "ensemble-array.sbatch: array job $id_arr did not complete" "$run"/taskshift-taskshift-ens-"$id_arr"_*.out
        fi
        missing=()
        for name in baseline rapid-automation; do
            for k in 0 1; do
                [[ -f $run/ens/$name/block-$k.nc ]] || missing+=("ens/$name/block-$k.nc")
            done
        done
        if (( ${#missing[@]} == 0 )); then
            ok "ensemble-array.sbatch: 4 block files written"
        else
            bad "ensemble-array.sbatch: missing ${missing[*]}"
        fi
        out_m=$run/taskshift-taskshift-merge-$id_merge.out
        if (( arr_ok )) && slurm_wait "$id_merge" "$(left 120)"; then
            ok "ensemble-merge.sbatch: job $id_merge COMPLETED after the array ($(( SECONDS - t0 )) s)"
            for pair in "baseline:$scen_base" "rapid-automation:$scen_rapid"; do
                name=${pair%%:*}
                scen=${pair#*:}
                if direct "$work/ens-$name-direct.nc" "$scen" "${small[@]}" --seed 21 --replicas 2; then
                    same "$run/ens/$name.nc" "$work/ens-$name-direct.nc" \
                        "ensemble: merged $name.nc (blocks 0,1) bit-identical to one direct run with --replicas 2" "$out_m"
                else
                    bad "ensemble: direct reference run of $name failed"
                fi
            done
        elif (( arr_ok )); then
            bad "ensemble-merge.sbatch: job $id_merge did not complete" "$out_m"
        else
            echo "     (merge job $id_merge: $(slurm_job_field "$id_merge" JobState)" \
                 "Reason=$(slurm_job_field "$id_merge" Reason); not checked)"
            scancel "$id_merge" 2>/dev/null || true
        fi
    else
        bad "submit-ensemble.sh: no 'JOBIDS <array> <merge>' line" "$work/submit.txt"
    fi
else
    bad "submit-ensemble.sh failed" "$work/submit.txt"
fi

# ---- (c) preemptible.sbatch: SIGUSR1 -> checkpoint -> requeue -> restart -> complete ----------
t0=$SECONDS
long=(--scale 0.02 --years 2024:2050 --replicas 2 --seed 31)
ckpt=$run/long.ckpt
if id_c=$(TASKSHIFT=$taskshift SCENARIO=$scen_base OUT=$run/long.nc SEED=31 REPLICAS=2 \
          SCALE=0.02 YEARS=2024:2050 CHECKPOINT_EVERY=5 CHECKPOINT_DIR=$ckpt \
          slurm_submit --ntasks-per-node=2 --cpus-per-task=1 --mem=100 --time=15 \
                       --output="$run/preempt-%j.out" "$src/jobs/preemptible.sbatch"); then
    out_c=$run/preempt-$id_c.out
    # Signal only once the program runs its year loop (its handlers are installed before the
    # first scheduled checkpoint, written after 5 simulated years): a USR1 before that would
    # kill it (default action), which is not what a time limit does to a long run.
    deadline=$(( SECONDS + $(left 120) ))
    while [[ ! -f $ckpt/rank-0-of-2.tsckpt ]] && (( SECONDS < deadline )); do
        state=$(slurm_job_field "$id_c" JobState)
        [[ $state =~ $_SLURM_DONE_RE ]] && break
        sleep 0.2
    done
    if [[ -f $ckpt/rank-0-of-2.tsckpt && $(slurm_job_field "$id_c" JobState) == RUNNING ]]; then
        scancel --batch --signal=USR1 "$id_c"
        echo "     sent SIGUSR1 to job $id_c $(( SECONDS - t0 )) s after submission"
        # The uninterrupted reference runs meanwhile (the requeue waits ~cred_expire s anyway).
        direct "$work/long-direct.nc" "$scen_base" "${long[@]}" &
        ref_pid=$!
        # Wait for the requeue (Restarts counts up) or for the end of the job.
        deadline=$(( SECONDS + $(left 120) ))
        while (( SECONDS < deadline )); do
            r=$(slurm_job_field "$id_c" Restarts)
            [[ ${r:-0} -ge 1 ]] && break
            [[ $(slurm_job_field "$id_c" JobState) =~ $_SLURM_DONE_RE ]] && break
            sleep 0.5
        done
        if slurm_wait "$id_c" "$(left 400)"; then
            restarts=$(slurm_job_field "$id_c" Restarts)
            if [[ ${restarts:-0} -ge 1 ]]; then
                ok "preemptible.sbatch: job $id_c COMPLETED with Restarts=$restarts ($(( SECONDS - t0 )) s)"
            else
                bad "preemptible.sbatch: job $id_c COMPLETED but Restarts=${restarts:-?} (the signal did not requeue it)" "$out_c"
            fi
            if grep -q 'preempted: checkpoint' "$out_c" && grep -q 'checkpoint found' "$out_c" \
               && grep -q 'stopped by a signal' "$out_c"; then
                ok "preemptible.sbatch: checkpointed on SIGUSR1 (exit 3), requeued, restarted with --restart"
            else
                bad "preemptible.sbatch: output lacks the checkpoint/requeue/restart messages" "$out_c"
            fi
            if wait "$ref_pid"; then
                same "$run/long.nc" "$work/long-direct.nc" \
                    "preemptible.sbatch: interrupted 2-rank output bit-identical to a direct uninterrupted run" "$out_c"
            else
                bad "preemptible.sbatch: direct reference run failed"
            fi
        else
            wait "$ref_pid" 2>/dev/null
            bad "preemptible.sbatch: job $id_c did not complete" "$out_c"
        fi
    else
        bad "preemptible.sbatch: job $id_c did not reach its first checkpoint while running" \
            "$out_c"
        slurm_wait "$id_c" 1 >/dev/null 2>&1 || true
    fi
else
    bad "preemptible.sbatch: sbatch refused it"
fi

echo "wall time $(( SECONDS - started )) s"
echo "$passed passed, $failed failed"
(( failed == 0 ))
