/**
 * Core: error classes, argument checks, shared types, status vocabulary, progress/abort helpers.
 * @module core
 */
export * from './errors';
export * from './check';
export * from './types';
export * from './status';
export * from './progress';
export * from './run';
export * from './pow2';
export * from './serialize';
export * from './version';
