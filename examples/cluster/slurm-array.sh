#!/bin/bash
# The pinned-balls ensemble as a Slurm job array of 8 tasks, then one merge job.
#
#   jid=$(sbatch --parsable examples/cluster/slurm-array.sh)
#   sbatch --dependency=afterok:$jid --wrap "npx singularis merge shards/billiards --out report/billiards"
#
# To shard the white-noise pass as well (a second array between these two jobs), see slurm-two-rounds.sh.
# Each task reads its shard from SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT (no --shard flag needed).
#SBATCH --job-name=billiards-shards
#SBATCH --array=0-7
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --output=shards/billiards-%a.log
npx singularis reproduce billiards --orientation reversed --balls 1000 --runs 100000 --out shards/billiards
