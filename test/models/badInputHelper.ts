/**
 * Shared helper of the bad-input property test: call a function with NaN, ±Infinity, empty and
 * mismatched arrays in every argument position and classify what happens. Acceptable outcomes:
 * a named error (InvalidArgumentError, InvalidTypeError, NumericalError) thrown, or a result whose
 * `status` is not 'success', or a result without any NaN in it. Anything else — another error
 * (a bare TypeError from reading a property of NaN), or NaN inside a success result — is a finding.
 */
import { InvalidArgumentError, InvalidTypeError, NumericalError } from '../../src/core/errors';

/** The bad values fed in every position. */
export const BAD_VALUES: ReadonlyArray<{ label: string; make: (position: number) => unknown }> = [
  { label: 'NaN', make: () => Number.NaN },
  { label: '+Infinity', make: () => Number.POSITIVE_INFINITY },
  { label: '-Infinity', make: () => Number.NEGATIVE_INFINITY },
  { label: 'empty Float64Array', make: () => new Float64Array(0) },
  { label: 'NaN-filled Float64Array', make: () => new Float64Array(4).fill(Number.NaN) },
  { label: 'mismatched arrays', make: (position) => new Float64Array(3 + position).fill(0.5) },
];

/** A NaN reachable from `value` (depth- and size-bounded walk), as a path, or null. */
export function findNaN(value: unknown, path = 'result', depth = 0, seen = new Set<unknown>()): string | null {
  if (typeof value === 'number') return Number.isNaN(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 4 || seen.has(value)) return null;
  seen.add(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const a = value as unknown as ArrayLike<number>;
    for (let i = 0; i < Math.min(a.length, 10_000); i++) if (Number.isNaN(a[i])) return `${path}[${i}]`;
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < Math.min(value.length, 1000); i++) {
      const p = findNaN(value[i], `${path}[${i}]`, depth + 1, seen);
      if (p !== null) return p;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'function') continue;
    const p = findNaN(v, `${path}.${k}`, depth + 1, seen);
    if (p !== null) return p;
  }
  return null;
}

/** What a call with bad input did: null when acceptable, otherwise a description of the finding. */
export function classifyCall(call: () => unknown): string | null {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (error instanceof InvalidArgumentError || error instanceof InvalidTypeError || error instanceof NumericalError) return null;
    return `threw ${(error as Error)?.constructor?.name ?? typeof error}: ${(error as Error)?.message ?? String(error)}`;
  }
  if (result !== null && typeof result === 'object' && 'status' in result && (result as { status: unknown }).status !== 'success') return null;
  const nan = findNaN(result);
  return nan === null ? null : `returned NaN at ${nan} in a success result`;
}

/** Every bad-input call of `fn` (each bad value in each position, the others a valid-looking 1). */
export function badCalls(fn: (...args: unknown[]) => unknown, isClass: boolean): Array<{ label: string; call: () => unknown }> {
  const arity = Math.max(1, Math.min(fn.length, 6));
  const calls: Array<{ label: string; call: () => unknown }> = [];
  for (const bad of BAD_VALUES) {
    const all = Array.from({ length: arity }, (_, i) => bad.make(i));
    calls.push({ label: `all arguments ${bad.label}`, call: () => (isClass ? new (fn as unknown as new (...a: unknown[]) => unknown)(...all) : fn(...all)) });
  }
  return calls;
}

/** The functions and classes exported by a module namespace, by name. */
export function exportedFunctions(namespace: Record<string, unknown>): Array<{ name: string; fn: (...args: unknown[]) => unknown; isClass: boolean }> {
  return Object.entries(namespace)
    .filter(([, v]) => typeof v === 'function')
    .map(([name, v]) => ({ name, fn: v as (...args: unknown[]) => unknown, isClass: /^class\b/.test(Function.prototype.toString.call(v)) }));
}

/** {@link classifyCall} for calls that may return a promise: the promise is awaited and a rejection counts as a throw. */
export async function classifyCallAsync(call: () => unknown): Promise<string | null> {
  let value: unknown;
  try {
    value = await call();
  } catch (error) {
    return classifyCall(() => {
      throw error;
    });
  }
  return classifyCall(() => value);
}
