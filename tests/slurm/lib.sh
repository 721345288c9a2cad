# shellcheck shell=bash
# tests/slurm/lib.sh — helpers for tests that submit jobs to the local Slurm of slurm-up.sh.
#
#   source tests/slurm/lib.sh
#   id=$(slurm_submit --time=5 jobs/single-node-cpu.sbatch configs/baseline.toml) || exit 1
#   slurm_wait "$id" 120 || exit 1
#
# Accounting is off in the test Slurm, so there is no sacct: job state and exit code are read
# from `scontrol show job` (finished jobs stay there for MinJobAge = 600 s). Polling is every
# SLURM_POLL seconds (0.5); `sbatch --wait` polls every ~10 s and is not used.
#
# Functions
#   slurm_submit [SBATCH_OPTS...] SCRIPT [SCRIPT_ARGS...]  -> prints the job id (exactly what
#                                       `sbatch` takes); non-zero + message if sbatch fails
#   slurm_wait JOBID [TIMEOUT_S=300]    -> 0 when COMPLETED with ExitCode 0:0; non-zero with a
#                                       message (state, exit code, reason, output file and its
#                                       tail) on FAILED/TIMEOUT/CANCELLED/... or on timeout.
#                                       PENDING/REQUEUED/RUNNING are waited through, so a job
#                                       that requeues itself is followed to its real end.
#   slurm_wait_array JOBID [TIMEOUT_S=300] -> same for every task of a job array.
#   slurm_job_field JOBID FIELD         -> prints FIELD (e.g. JobState, ExitCode, StdOut,
#                                       Restarts) of the first record of JOBID.
#   slurm_job_output JOBID              -> prints the path of the job's output file.

: "${SLURM_POLL:=0.5}"

# Terminal job states (anything else is still in progress).
_SLURM_DONE_RE='^(COMPLETED|FAILED|TIMEOUT|CANCELLED|NODE_FAIL|OUT_OF_MEMORY|BOOT_FAIL|DEADLINE|PREEMPTED|SPECIAL_EXIT|REVOKED)$'

slurm_submit() {
    if [[ $# -lt 1 ]]; then
        echo "slurm_submit: usage: slurm_submit [SBATCH_OPTS...] SCRIPT [ARGS...]" >&2
        return 2
    fi
    local out
    if ! out=$(sbatch --parsable "$@" 2>&1); then
        echo "slurm_submit: sbatch $* failed: $out" >&2
        return 1
    fi
    # --parsable prints "ID" or "ID;CLUSTER"; warnings may precede it on other lines.
    out=$(printf '%s\n' "$out" | tail -n 1)
    out=${out%%;*}
    if [[ ! $out =~ ^[0-9]+$ ]]; then
        echo "slurm_submit: could not read a job id from sbatch output: $out" >&2
        return 1
    fi
    echo "$out"
}

# One line per job record ("scontrol show job -o"); arrays give one line per task (pending
# tasks may share one line with ArrayTaskId=a-b).
_slurm_records() { scontrol show job -o "$1" 2>&1; }

# _slurm_get LINE FIELD
_slurm_get() {
    local line=" $1" key=$2
    line=${line#* "$key"=}
    [[ " $1" == *" $key="* ]] || { echo ""; return; }
    echo "${line%% *}"
}

slurm_job_field() {
    local rec
    rec=$(_slurm_records "$1" | head -n 1)
    _slurm_get "$rec" "$2"
}

slurm_job_output() { slurm_job_field "$1" StdOut; }

# _slurm_report LINE WHAT — print a failure message for one job record.
_slurm_report() {
    local rec=$1 what=$2 id out
    id=$(_slurm_get "$rec" JobId)
    local task
    task=$(_slurm_get "$rec" ArrayTaskId)
    [[ -n $task ]] && id="$(_slurm_get "$rec" ArrayJobId)_$task (JobId $id)"
    out=$(_slurm_get "$rec" StdOut)
    {
        echo "slurm: job $id $what: JobState=$(_slurm_get "$rec" JobState)" \
             "ExitCode=$(_slurm_get "$rec" ExitCode) Reason=$(_slurm_get "$rec" Reason)" \
             "Restarts=$(_slurm_get "$rec" Restarts) RunTime=$(_slurm_get "$rec" RunTime)"
        echo "slurm: output file: ${out:-unknown}"
        if [[ -n $out && -f $out ]]; then
            echo "----- last 30 lines of $out -----"
            tail -n 30 "$out"
            echo "-----"
        fi
        local err
        err=$(_slurm_get "$rec" StdErr)
        if [[ -n $err && $err != "$out" && -f $err ]]; then
            echo "----- last 30 lines of $err -----"
            tail -n 30 "$err"
            echo "-----"
        fi
    } >&2
}

# _slurm_wait_all JOBID TIMEOUT KIND — wait until every record of JOBID is terminal.
_slurm_wait_all() {
    local id=$1 timeout=${2:-300} kind=$3
    local deadline=$(( SECONDS + timeout )) recs line state pending rc
    if [[ -z $id ]]; then
        echo "$kind: no job id given" >&2
        return 2
    fi
    while :; do
        recs=$(_slurm_records "$id")
        if [[ $recs == *"Invalid job id"* ]]; then
            echo "$kind: job $id is unknown to slurmctld (never submitted, or finished more than MinJobAge ago): $recs" >&2
            return 1
        fi
        pending=0
        while IFS= read -r line; do
            [[ -n $line ]] || continue
            state=$(_slurm_get "$line" JobState)
            [[ $state =~ $_SLURM_DONE_RE ]] || pending=1
        done <<<"$recs"
        [[ $pending -eq 0 ]] && break
        if (( SECONDS >= deadline )); then
            while IFS= read -r line; do
                [[ -n $line ]] || continue
                state=$(_slurm_get "$line" JobState)
                [[ $state =~ $_SLURM_DONE_RE ]] || _slurm_report "$line" "did not finish within ${timeout}s"
            done <<<"$recs"
            return 124
        fi
        sleep "$SLURM_POLL"
    done
    rc=0
    while IFS= read -r line; do
        [[ -n $line ]] || continue
        state=$(_slurm_get "$line" JobState)
        if [[ $state != COMPLETED || $(_slurm_get "$line" ExitCode) != 0:0 ]]; then
            _slurm_report "$line" "failed"
            rc=1
        fi
    done <<<"$recs"
    return $rc
}

slurm_wait() {
    if [[ $# -lt 1 ]]; then
        echo "slurm_wait: usage: slurm_wait JOBID [TIMEOUT_S]" >&2
        return 2
    fi
    _slurm_wait_all "$1" "${2:-300}" slurm_wait
}

slurm_wait_array() {
    if [[ $# -lt 1 ]]; then
        echo "slurm_wait_array: usage: slurm_wait_array ARRAY_JOBID [TIMEOUT_S]" >&2
        return 2
    fi
    _slurm_wait_all "$1" "${2:-300}" slurm_wait_array
}
