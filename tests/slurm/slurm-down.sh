#!/usr/bin/env bash
# slurm-down.sh DIR — stop the single-node Slurm that slurm-up.sh started in DIR.
#
# Cancels any jobs still known to it, then stops slurmd, slurmctld and munged by the PIDs in
# DIR/run/*.pid (only if that PID is still the expected program) and waits for each to exit
# (SIGTERM, then SIGKILL after 10 s). Safe to run when nothing is running.
set -uo pipefail

[[ $# -eq 1 ]] || { echo "usage: $0 DIR" >&2; exit 2; }
[[ -d $1 ]] || exit 0
DIR=$(cd "$1" && pwd)
CONF="$DIR/slurm.conf"

alive() {   # alive PIDFILE NAME -> prints the pid if it runs NAME
    local pidfile=$1 name=$2 pid
    [[ -f $pidfile ]] || return 1
    pid=$(tr -dc '0-9' <"$pidfile")
    [[ -n $pid && -r /proc/$pid/comm ]] || return 1
    [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$name" ]] || return 1
    echo "$pid"
}

# Cancel leftover jobs first so their slurmstepd processes go away with the daemons.
if alive "$DIR/run/slurmctld.pid" slurmctld >/dev/null && [[ -f $CONF ]]; then
    jobs=$(SLURM_CONF=$CONF squeue -h -o '%A' 2>/dev/null | sort -u)
    if [[ -n $jobs ]]; then
        # shellcheck disable=SC2086
        SLURM_CONF=$CONF scancel $jobs 2>/dev/null
        for _ in $(seq 50); do
            [[ -z $(SLURM_CONF=$CONF squeue -h -t R,CG -o '%A' 2>/dev/null) ]] && break
            sleep 0.2
        done
    fi
fi

rc=0
for d in slurmd slurmctld munged; do
    pid=$(alive "$DIR/run/$d.pid" "$d") || continue
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "slurm-down: $d ($pid) ignored SIGTERM for 10 s, sending SIGKILL" >&2
        kill -KILL "$pid" 2>/dev/null
        sleep 0.2
        kill -0 "$pid" 2>/dev/null && { echo "slurm-down: $d ($pid) still alive" >&2; rc=1; }
    fi
    rm -f "$DIR/run/$d.pid"
done
exit $rc
