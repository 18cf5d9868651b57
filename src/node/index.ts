/**
 * `singularis/node` — Node-only helpers (worker-thread ensembles). Never imported by the rest of the library.
 * @module node
 */
export * from './workerMap';
export * from './billiards';
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
} from './shards';
export {
  pinnedBallsEnsembleShards,
  runPinnedBallsShard,
  mergePinnedBallsShards,
  whiteNoiseShards,
  runWhiteNoiseShard,
  mergeWhiteNoiseShards,
  type WhiteNoiseShardPlan,
} from './billiardsShards';
export { darcyForwardBatchInWorkers, type DarcyWorkerOptions } from './sampling';
export * from './pinnCheckpoint';
