/**
 * `singularis/node` — Node-only helpers (worker-thread ensembles). Never imported by the rest of the library.
 * @module node
 */
export { mapInWorkers, type WorkerMapOptions, type WorkerMapResult } from './workerMap';
export { WorkerPool, type WorkerPoolOptions } from './workerPool';
export { pinnedBallsEnsembleInWorkers, whiteNoiseDiagnosticsInWorkers, type BilliardsWorkerOptions } from './billiards';
export {
  SHARD_FORMAT,
  SHARD_FORMAT_VERSION,
  ShardError,
  shardBlockRange,
  shardFingerprint,
  runShard,
  serializeShard,
  parseShard,
  mergeShards,
  checkShardSet,
  shardFromEnvironment,
  parseShardSpec,
  type ShardKind,
  type ShardFile,
  type ShardSource,
  type ShardErrorReason,
  type ShardBlockRange,
  type ShardSpec,
  type MergedShards,
  type ScheduledShard,
} from './shards';
export {
  pinnedBallsEnsembleShards,
  runPinnedBallsShard,
  mergePinnedBallsShards,
  whiteNoiseShards,
  runWhiteNoiseShard,
  mergeWhiteNoiseShards,
  type WhiteNoiseShardPlan,
  type MergedEnsemble,
} from './billiardsShards';
export { darcyForwardBatchInWorkers, DarcyWorkerPool, type DarcyWorkerOptions } from './sampling';
export { writeProfileCheckpoint, readProfileCheckpoint, writeBoussinesqCheckpoint, readBoussinesqCheckpoint } from './pinnCheckpoint';
export type { EnsembleBlock } from '../models/billiards/ensemble';
export type { WhiteNoiseBlock, WhiteNoisePlan } from '../models/billiards/whiteNoise';
export { expMsfemInWorkers, type MsfemWorkerOptions, type MsfemStage } from './msfem';
export { msfemWorkerPool } from './msfem';
export type { MsfemTaskOutput } from './msfemTask';
