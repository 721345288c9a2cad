#!/usr/bin/env bash
# slurm-up.sh DIR — start a real single-node Slurm (munged + slurmctld + slurmd) on this
# machine with every file under DIR, for testing the batch scripts in jobs/.
#
#   eval "$(tests/slurm/slurm-up.sh /tmp/ts-slurm)"   # sets SLURM_CONF for this shell
#   ...sbatch / squeue / scontrol...
#   tests/slurm/slurm-down.sh /tmp/ts-slurm
#
# Must run as root (SlurmUser=root, no systemd needed). On success the only thing written to
# stdout is `export SLURM_CONF=DIR/slurm.conf`; progress goes to stderr. On failure it prints
# the daemon logs to stderr, stops whatever it started and exits non-zero.
#
# Environment knobs (optional):
#   SLURMCTLD_PORT (6817), SLURMD_PORT (6818)   change if another Slurm uses the defaults
#   SLURM_UP_TIMEOUT (30)                        seconds to wait for the node to be idle
#   SLURM_UP_CPUS                                CPUs to declare (default: nproc)
#   SLURM_UP_CRED_EXPIRE (10)                    AuthInfo cred_expire = requeue delay (s)
set -euo pipefail

die() { echo "slurm-up: $*" >&2; exit 1; }

[[ $# -eq 1 ]] || die "usage: $0 DIR"
[[ $(id -u) -eq 0 ]] || die "must run as root (the test Slurm uses SlurmUser=root)"
for exe in munged mungekey slurmctld slurmd sinfo scontrol; do
    command -v "$exe" >/dev/null || die "'$exe' not found (apt-get install munge slurmctld slurmd slurm-client)"
done

mkdir -p "$1"
DIR=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CTLD_PORT=${SLURMCTLD_PORT:-6817}
SLURMD_PORT=${SLURMD_PORT:-6818}
TIMEOUT=${SLURM_UP_TIMEOUT:-30}

# --- clean a leftover from a previous run in the same DIR ------------------------------
"$HERE/slurm-down.sh" "$DIR" >&2 || true
rm -rf "$DIR/munge" "$DIR/state" "$DIR/spool" "$DIR/log" "$DIR/run" "$DIR/slurm.conf"
mkdir -p "$DIR/munge" "$DIR/state" "$DIR/spool" "$DIR/log" "$DIR/run"
chmod 755 "$DIR" "$DIR/munge"        # munged insists its socket dir is not group/other-writable

port_busy() {
    if command -v ss >/dev/null; then
        ss -ltn "sport = :$1" 2>/dev/null | grep -q LISTEN
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
    fi
}
for p in "$CTLD_PORT" "$SLURMD_PORT"; do
    if port_busy "$p"; then
        die "port $p is already in use (another Slurm?); set SLURMCTLD_PORT/SLURMD_PORT"
    fi
done

fail() {
    echo "slurm-up: $*" >&2
    for f in "$DIR"/log/*; do
        [[ -f $f ]] || continue
        echo "----- $f (last 40 lines) -----" >&2
        tail -n 40 "$f" >&2
    done
    "$HERE/slurm-down.sh" "$DIR" >&2 || true
    exit 1
}

# --- munge -------------------------------------------------------------------------------
MUNGE_SOCKET="$DIR/munge/munge.socket.2"
mungekey --create --keyfile="$DIR/munge/munge.key" --force >&2 || fail "mungekey failed"
chmod 600 "$DIR/munge/munge.key"
munged --key-file="$DIR/munge/munge.key" \
       --socket="$MUNGE_SOCKET" \
       --pid-file="$DIR/run/munged.pid" \
       --log-file="$DIR/log/munged.log" \
       --seed-file="$DIR/munge/munged.seed" \
       --force 2>>"$DIR/log/munged.log" || fail "munged did not start"
for _ in $(seq 50); do [[ -S $MUNGE_SOCKET ]] && break; sleep 0.1; done
[[ -S $MUNGE_SOCKET ]] || fail "munge socket $MUNGE_SOCKET did not appear"
if command -v munge >/dev/null && command -v unmunge >/dev/null; then
    munge -S "$MUNGE_SOCKET" -n | unmunge -S "$MUNGE_SOCKET" >/dev/null 2>&1 \
        || fail "munge round trip failed"
fi

# --- slurm.conf --------------------------------------------------------------------------
CPUS=${SLURM_UP_CPUS:-$(nproc)}
MEM_KIB=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)
MEM_MIB=$(( MEM_KIB / 1024 - 64 ))   # a little under the total: slurmd drains a node that has
                                     # less memory than configured
CONF="$DIR/slurm.conf"
cat >"$CONF" <<EOF
# Written by tests/slurm/slurm-up.sh — a throw-away single-node Slurm for tests.
ClusterName=taskshift-test
SlurmctldHost=localhost
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
# cred_expire (default 120 s) is also how long a requeued job must wait before it may start
# again (Reason=BeginTime): shortened so requeue tests take seconds, not minutes.
AuthInfo=socket=$MUNGE_SOCKET,cred_expire=${SLURM_UP_CRED_EXPIRE:-10}
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool/slurmd-%n
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=pmix
ReturnToService=2
# Jobs: arrays, requeue and the signals sent before the time limit.
#  - JobRequeue=1: batch jobs may be requeued (sbatch --requeue, scontrol requeue).
#  - MaxArraySize: array indices up to 1000.
#  - MinJobAge: finished jobs stay visible to 'scontrol show job' for 10 min; with accounting
#    off this is the only place the tests can read JobState and ExitCode.
#  - KillWait: seconds between SIGTERM and SIGKILL at the time limit / scancel, so a program
#    can write its checkpoint on SIGTERM.
#  - OverTimeLimit=0, InactiveLimit=0: no slack, no killing of idle sruns.
JobRequeue=1
MaxArraySize=1001
MaxJobCount=10000
MinJobAge=600
KillWait=30
OverTimeLimit=0
InactiveLimit=0
# Let the controller start jobs quickly (dependencies, requeued jobs) instead of waiting
# for the periodic scheduler pass.
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1,bf_interval=1,sched_min_interval=0
# (No SlurmctldParameters needed: an empty "SlurmctldParameters=" line is a parse error.)
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$MEM_MIB State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
EOF
export SLURM_CONF="$CONF"

# --- slurmctld + slurmd ------------------------------------------------------------------
slurmctld -f "$CONF" -c -i >>"$DIR/log/slurmctld.out" 2>&1 || fail "slurmctld failed to start"
ok=0
for _ in $(seq 100); do
    if scontrol ping 2>/dev/null | grep -q 'is UP'; then ok=1; break; fi
    sleep 0.1
done
[[ $ok -eq 1 ]] || fail "slurmctld does not answer 'scontrol ping'"

slurmd -f "$CONF" -N localhost >>"$DIR/log/slurmd.out" 2>&1 || fail "slurmd failed to start"

deadline=$(( SECONDS + TIMEOUT ))
state=""
while (( SECONDS < deadline )); do
    state=$(sinfo -h -n localhost -o '%T' 2>/dev/null || true)
    [[ $state == idle ]] && break
    sleep 0.2
done
[[ $state == idle ]] || fail "node not idle after ${TIMEOUT}s (state: '${state:-none}'; $(scontrol show node localhost 2>&1 | grep -o 'Reason=.*' || true))"

echo "slurm-up: single-node Slurm up in $DIR (CPUs=$CPUS RealMemory=${MEM_MIB}M)" >&2
echo "export SLURM_CONF=$CONF"
