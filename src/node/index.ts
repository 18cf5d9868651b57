/**
 * `singularis/node` — Node-only helpers (worker-thread ensembles). Never imported by the rest of the library.
 * @module node
 */
export * from './workerMap';
export * from './billiards';
export * from './pinnCheckpoint';
