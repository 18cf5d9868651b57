#!/usr/bin/env bash
# A real scheduler in CI: installs Slurm and MUNGE from the Debian packages when missing, starts a
# single-node Slurm controller and daemon on this machine (loopback, private ports, a MUNGE daemon
# with its own key and socket), submits the billiards reproduction as a 4-task array job in which each
# task takes its shard from SLURM_ARRAY_TASK_ID, merges the shards with `singularis merge`, and
# compares the merged JSON result with a one-machine run byte for byte. Every process it started is
# stopped on exit, whatever happens. Needs the built CLI (npm run build) and root (apt-get, daemons).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CLI=(node "$ROOT/dist/cli/index.js")
WORK=$(mktemp -d /tmp/singularis-slurm.XXXXXX)
export SLURM_CONF="$WORK/slurm.conf"

cleanup() {
  status=$?
  scontrol shutdown >/dev/null 2>&1 || true
  for _ in 1 2 3 4 5; do
    pgrep -f "$SLURM_CONF" >/dev/null 2>&1 || pgrep -x slurmctld >/dev/null 2>&1 || break
    sleep 1
  done
  for pidfile in "$WORK"/slurmctld.pid "$WORK"/slurmd.pid "$WORK"/munged.pid; do
    [[ -f $pidfile ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  if [[ $status -ne 0 ]]; then
    echo "--- logs ---"
    tail -n 30 "$WORK"/log/*.log 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT INT TERM

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  echo "installing slurm and munge from the Debian packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurmctld slurmd slurm-client munge >/dev/null
fi

mkdir -p "$WORK"/{munge,state,spool,log,shards}
dd if=/dev/urandom of="$WORK/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$WORK/munge/munge.key"
munged --force --key-file="$WORK/munge/munge.key" --socket="$WORK/munge/socket" \
  --pid-file="$WORK/munged.pid" --log-file="$WORK/log/munged.log" --seed-file="$WORK/munge/seed"

cat > "$SLURM_CONF" <<EOF
ClusterName=singularisci
SlurmctldHost=localhost(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$WORK/munge/socket
CredType=cred/munge
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/log/slurmctld.log
SlurmdLogFile=$WORK/log/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
DebugFlags=NO_CONF_HASH
NodeName=cinode NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=ci Nodes=cinode Default=YES MaxTime=INFINITE State=UP
EOF

slurmctld
slurmd -N cinode
for _ in $(seq 1 30); do
  sinfo -h -o '%T' 2>/dev/null | grep -qx idle && break
  sleep 1
done
sinfo

# the same experiment three ways: 4 Slurm array tasks, their merge, and one machine
FLAGS=(--quick --runs 300)
echo "submitting a 4-task array job"
sbatch --wait --array=0-3 --output="$WORK/log/task-%a.log" --chdir="$WORK" \
  --wrap "$(printf '%q ' "${CLI[@]}" reproduce billiards "${FLAGS[@]}" --out "$WORK/shards")"
cat "$WORK"/log/task-*.log
ls -l "$WORK/shards"
"${CLI[@]}" merge "$WORK/shards" --out "$WORK/merged" --quiet --json > "$WORK/merged.json"
"${CLI[@]}" reproduce billiards "${FLAGS[@]}" --out "$WORK/single" --quiet --json > "$WORK/single.json"
# the experiment's numbers (the JSON object's "result"), serialized, must be byte-identical
node -e '
  const fs = require("fs");
  const [a, b] = process.argv.slice(1).map((f) => JSON.stringify(JSON.parse(fs.readFileSync(f, "utf8")).result));
  if (a !== b) { console.error("slurm: merged result differs from the one-machine run"); process.exit(1); }
  console.log("slurm: merged result is byte-identical to the one-machine run (" + a.length + " bytes)");
' "$WORK/merged.json" "$WORK/single.json"
