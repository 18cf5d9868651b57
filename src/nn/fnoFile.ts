/**
 * A documented, versioned JSON format for trained FNO parameters (`singularis-fno`, version 1),
 * with validation on load: a file of another architecture, a wrong parameter count or non-finite
 * values are rejected with a named error before anything is built.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { Fno, type FnoOptions } from './fno';

/**
 * Format tag of {@link FnoFile}.
 * @example
 * ```ts
 * fnoToJSON(fno).format === FNO_FILE_FORMAT; // true
 * ```
 */
export const FNO_FILE_FORMAT = 'singularis-fno';
/**
 * Current version of {@link FnoFile}.
 * @example
 * ```ts
 * fnoToJSON(fno).version === FNO_FILE_VERSION; // true
 * ```
 */
export const FNO_FILE_VERSION = 1;

/** A loaded parameter file: the rebuilt network, its parameters and the file's metadata. */
export interface LoadedFno {
  /** The network rebuilt from the stored architecture. */
  fno: Fno;
  /** The parameters (validated finite, exact length). */
  theta: Float64Array;
  /** The file's free-form metadata, when present. */
  metadata?: Record<string, unknown>;
}

/** The JSON document of a trained FNO. */
export interface FnoFile {
  /** Always `"singularis-fno"`. */
  format: typeof FNO_FILE_FORMAT;
  /** Format version (1). */
  version: number;
  /** The full architecture (every option resolved, so defaults changing later cannot alter a file). */
  architecture: Required<FnoOptions>;
  /** Parameter layout revision: flat order lift1, lift2, blocks (spectral, skip, gate, mlp1, mlp2), proj1, proj2. */
  layout: 'lift-blocks-proj/1';
  /** Number of parameters. */
  parameterCount: number;
  /** The parameters, in the layout order (JSON numbers round-trip float64 exactly). */
  parameters: number[];
  /** Free-form provenance (dataset, seed, epochs, errors). */
  metadata?: Record<string, unknown>;
}

const ARCH_KEYS: (keyof Required<FnoOptions>)[] = ['nModes', 'inChannels', 'outChannels', 'hiddenChannels', 'nLayers', 'liftingChannelRatio', 'projectionChannelRatio', 'channelMlpExpansion', 'positionalEmbedding'];

/**
 * The file document of an FNO and its parameters. O(parameters).
 * @example
 * ```ts
 * const text = JSON.stringify(fnoToJSON(fno, theta, { epochs: 50 }));
 * ```
 */
export function fnoToJSON(fno: Fno, theta: Float64Array, metadata?: Record<string, unknown>): FnoFile {
  if (!(theta instanceof Float64Array) || theta.length !== fno.parameterCount) throw new InvalidTypeError('theta', `a Float64Array of length ${fno.parameterCount}`, theta);
  const o = fno.options;
  const architecture = { ...o, nModes: [...o.nModes] } as Required<FnoOptions>;
  return { format: FNO_FILE_FORMAT, version: FNO_FILE_VERSION, architecture, layout: 'lift-blocks-proj/1', parameterCount: fno.parameterCount, parameters: Array.from(theta), ...(metadata ? { metadata } : {}) };
}

/**
 * Validate a parsed document and rebuild the FNO and its parameters. With `expected`, the file's
 * architecture must equal it field by field (an `InvalidArgumentError` names the first field that
 * differs).
 * @example
 * ```ts
 * const { fno, theta } = fnoFromJSON(JSON.parse(text));
 * ```
 */
export function fnoFromJSON(doc: unknown, expected?: FnoOptions): LoadedFno {
  if (doc === null || typeof doc !== 'object') throw new InvalidTypeError('file', 'a JSON object', doc);
  const d = doc as Partial<FnoFile>;
  if (d.format !== FNO_FILE_FORMAT) throw new InvalidArgumentError('file.format', `"${FNO_FILE_FORMAT}"`, d.format);
  if (d.version !== FNO_FILE_VERSION) throw new InvalidArgumentError('file.version', `${FNO_FILE_VERSION} (the versions this library reads)`, d.version);
  if (d.layout !== 'lift-blocks-proj/1') throw new InvalidArgumentError('file.layout', '"lift-blocks-proj/1"', d.layout);
  if (d.architecture === null || typeof d.architecture !== 'object') throw new InvalidTypeError('file.architecture', 'an object', d.architecture);
  const fno = new Fno(d.architecture);
  if (expected) {
    const want = new Fno(expected).options;
    for (const k of ARCH_KEYS) {
      if (JSON.stringify(fno.options[k]) !== JSON.stringify(want[k])) throw new InvalidArgumentError(`file.architecture.${k}`, `${JSON.stringify(want[k])} (the expected architecture)`, JSON.stringify(fno.options[k]));
    }
  }
  if (d.parameterCount !== fno.parameterCount) throw new InvalidArgumentError('file.parameterCount', `${fno.parameterCount} for this architecture`, d.parameterCount);
  if (!Array.isArray(d.parameters) || d.parameters.length !== fno.parameterCount) throw new InvalidTypeError('file.parameters', `an array of ${fno.parameterCount} numbers`, Array.isArray(d.parameters) ? `length ${d.parameters.length}` : d.parameters);
  const theta = new Float64Array(fno.parameterCount);
  for (let i = 0; i < theta.length; i++) {
    const v = d.parameters[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidArgumentError(`file.parameters[${i}]`, 'a finite number', v);
    theta[i] = v;
  }
  return { fno, theta, ...(d.metadata ? { metadata: d.metadata } : {}) };
}
