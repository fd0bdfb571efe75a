#!/usr/bin/env bash
# A single-node Slurm cluster on localhost for tests: munged + slurmctld + slurmd, every file in one folder.
#   scripts/slurm-local.sh start DIR   configure and start; prints "export SLURM_CONF=DIR/slurm.conf"
#   scripts/slurm-local.sh stop DIR    stop the daemons started from DIR (by their pid files)
# Needs Debian's slurm-wlm and munge (scripts/install-deps.sh --for-tests) and root (slurmd runs jobs as users).
set -euo pipefail
action=${1:?start or stop}; dir=$(mkdir -p "${2:?folder}" && cd "$2" && pwd)
stop() {
  for d in slurmd slurmctld munged; do
    if [[ -f $dir/$d.pid ]]; then kill "$(cat "$dir/$d.pid")" 2>/dev/null || true; rm -f "$dir/$d.pid"; fi
  done
}
if [[ $action == stop ]]; then stop; exit 0; fi
[[ $action == start ]] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

host=$(hostname -s)
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))
mkdir -p "$dir/state" "$dir/spool" "$dir/log"
[[ -f $dir/munge.key ]] || { dd if=/dev/urandom of="$dir/munge.key" bs=1024 count=1 status=none; chmod 600 "$dir/munge.key"; }
cat > "$dir/slurm.conf" <<CONF
ClusterName=superposition-test
SlurmctldHost=$host
SlurmctldPort=${SLURM_TEST_CTLD_PORT:-16817}
SlurmdPort=${SLURM_TEST_SLURMD_PORT:-16818}
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge.socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
SwitchType=switch/none
PlugStackConfig=$dir/plugstack.conf
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
CONF
: > "$dir/plugstack.conf"
munged --key-file="$dir/munge.key" --socket="$dir/munge.socket" --pid-file="$dir/munged.pid" \
  --log-file="$dir/log/munged.log" --seed-file="$dir/munge.seed" --force
export SLURM_CONF=$dir/slurm.conf
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 60); do
  if sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix|alloc)'; then echo "export SLURM_CONF=$SLURM_CONF"; exit 0; fi
  sleep 0.5
done
echo "slurm did not come up; logs in $dir/log:" >&2; tail -n 20 "$dir"/log/*.log >&2 || true
stop; exit 1
