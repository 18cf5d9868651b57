#!/bin/bash
# The pinned-balls experiment in two sharded rounds on Slurm, then one merge:
#   round 1: the Monte Carlo ensemble as an array of 8 tasks;
#   round 2: the white-noise diagnostics (every run again up to 0.37T, against the merged ensemble) as an
#            array of 4 tasks, each merging the ensemble shards first;
#   final:   the report, byte-identical to a one-machine `singularis reproduce billiards` with the same flags.
#
#   bash examples/cluster/slurm-two-rounds.sh            # submits the three jobs and prints their ids
#
# Every task takes its shard from SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT (no --shard flag), and
# `--dependency=afterok` starts a round only when every task of the previous one succeeded.
set -euo pipefail
FLAGS=(--orientation reversed --balls 1000 --runs 100000)
SHARDS=shards/billiards
WHITE_NOISE=shards/white-noise
REPORT=report/billiards
mkdir -p shards
q() { printf '%q ' "$@"; }

ens=$(sbatch --parsable --job-name=billiards-ensemble --array=0-7 --cpus-per-task=1 --mem=2G \
  --output=shards/ensemble-%a.log \
  --wrap "$(q npx singularis reproduce billiards "${FLAGS[@]}" --out "$SHARDS")")
wn=$(sbatch --parsable --job-name=billiards-white-noise --array=0-3 --cpus-per-task=1 --mem=2G \
  --dependency="afterok:$ens" --output=shards/white-noise-%a.log \
  --wrap "$(q npx singularis merge "$SHARDS" --stage white-noise --out "$WHITE_NOISE")")
final=$(sbatch --parsable --job-name=billiards-merge --cpus-per-task=1 --mem=4G \
  --dependency="afterok:$wn" --output=shards/merge.log \
  --wrap "$(q npx singularis merge "$SHARDS" "$WHITE_NOISE" --out "$REPORT")")
echo "ensemble: $ens  white noise: $wn  merge: $final  (report: $REPORT)"
