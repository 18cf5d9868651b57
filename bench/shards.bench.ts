/**
 * Sharding overhead, as ratios in one process:
 * 1. a shard's run (its block range, serialized to text) against the same blocks simulated and
 *    merged in process without files — the cost of sharding on the compute side;
 * 2. parsing, validating and merging 1000 shard files of the 1000-ball experiment (one block each,
 *    at the demo's output times) — the cost on the merge side (target: under 5 s).
 *
 * Run: npx tsx bench/shards.bench.ts   (about a minute)
 */
import { planPinnedBallsEnsemble } from '../src/models/billiards/ensemblePlan';
import { mergeEnsembleBlock, simulateEnsembleBlock } from '../src/models/billiards/ensemble';
import { mergePinnedBallsShards } from '../src/node/billiardsShards';
import { parseShard, runShard, serializeShard } from '../src/node/shards';
import { pinnedBallsEnsembleShards } from '../src/node/billiardsShards';

const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;

// 1. compute side: 8 blocks of 8 runs, 1000 balls, to τ = 3e-4 (1.5e5 collisions per run: a shard with
//    real work; the file cost is fixed per block, so lighter shards show a larger relative overhead)
{
  const plan = planPinnedBallsEnsemble({ n: 1000, runs: 64, seed: 1, times: [1e-4, 3e-4], orientation: 'reversed', blockSize: 8 });
  let t0 = process.hrtime.bigint();
  let total = simulateEnsembleBlock(plan, 0);
  for (let b = 1; b < plan.blockCount; b++) total = mergeEnsembleBlock(plan, total, simulateEnsembleBlock(plan, b));
  const inProcess = seconds(t0);
  t0 = process.hrtime.bigint();
  const text = serializeShard(runShard(pinnedBallsEnsembleShards, plan, 0, 1));
  const sharded = seconds(t0);
  console.log(`shard run of ${plan.blockCount} blocks: ${sharded.toFixed(3)} s against ${inProcess.toFixed(3)} s in process (ratio ${(sharded / inProcess).toFixed(3)}; file ${(text.length / 1024).toFixed(0)} KiB)`);
}

// 2. merge side: 1000 one-block shards of a 1000-ball ensemble (16 runs per block, short horizon:
//    the merge cost depends on the number and size of the files, not on the simulated time)
{
  const options = { n: 1000, runs: 16_000, seed: 2, times: [1e-6, 2e-6, 4e-6, 8e-6, 1.6e-5], orientation: 'reversed' as const, blockSize: 16 };
  const plan = planPinnedBallsEnsemble(options);
  const count = plan.blockCount; // 1000
  let t0 = process.hrtime.bigint();
  const texts = Array.from({ length: count }, (_, i) => serializeShard(runShard(pinnedBallsEnsembleShards, plan, i, count)));
  const produce = seconds(t0);
  t0 = process.hrtime.bigint();
  const sources = texts.map((t, i) => ({ source: `part-${i}.json`, file: parseShard(t, `part-${i}.json`) }));
  const parsed = seconds(t0);
  t0 = process.hrtime.bigint();
  const { result } = mergePinnedBallsShards(sources);
  const merged = seconds(t0);
  const bytes = texts.reduce((s, t) => s + t.length, 0);
  console.log(`${count} shard files (${(bytes / 2 ** 20).toFixed(0)} MiB, produced in ${produce.toFixed(1)} s): parse and validate ${parsed.toFixed(2)} s, merge ${merged.toFixed(2)} s, total ${(parsed + merged).toFixed(2)} s (target < 5 s); runs merged ${result.runs}`);
}
