/**
 * Exact, self-describing JSON for numerical data: `Float64Array`s travel as base64 of their
 * little-endian bytes (every bit kept: −0, NaN payloads, subnormals), tagged `{ "$f64": "…" }`, and
 * plain JSON carries the rest. Decoding validates every tag and never evaluates code. Used for
 * shard files, checkpoints and saved models.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from './errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) t[ALPHABET.charCodeAt(i)] = i;
  return t;
})();

/**
 * Base64 (RFC 4648, padded) of the little-endian bytes of a Float64Array. O(n).
 *
 * @example
 * ```ts
 * encodeFloat64(new Float64Array([1])); // "AAAAAAAA8D8="
 * ```
 */
export function encodeFloat64(values: Float64Array): string {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat64(8 * i, values[i], true);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i], b1 = i + 1 < bytes.length ? bytes[i + 1] : 0, b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const triple = (b0 << 16) | (b1 << 8) | b2;
    out += ALPHABET[(triple >> 18) & 63] + ALPHABET[(triple >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[triple & 63] : '=';
  }
  return out;
}

/**
 * Inverse of {@link encodeFloat64}.
 * @throws InvalidArgumentError naming `name` when the text is not padded base64 of a multiple of 8 bytes
 * @example
 * ```ts
 * decodeFloat64('AAAAAAAA8D8=', 'x')[0]; // 1
 * ```
 */
export function decodeFloat64(text: string, name: string): Float64Array {
  if (typeof text !== 'string') throw new InvalidTypeError(name, 'a base64 string', text);
  if (text.length % 4 !== 0) throw new InvalidArgumentError(name, 'padded base64 (length a multiple of 4)', text.length);
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const byteLength = (text.length / 4) * 3 - pad;
  if (byteLength % 8 !== 0) throw new InvalidArgumentError(name, 'base64 of a whole number of doubles (8 bytes each)', byteLength);
  const native = nativeDecode(text, byteLength);
  if (native !== null) return native;
  const bytes = new Uint8Array(byteLength);
  for (let i = 0, o = 0; i < text.length; i += 4) {
    let triple = 0;
    for (let k = 0; k < 4; k++) {
      const c = text.charCodeAt(i + k);
      const isPad = c === 61 && i + k >= text.length - pad;
      const v = isPad ? 0 : c < 128 ? LOOKUP[c] : -1;
      if (v < 0) throw new InvalidArgumentError(name, 'base64 text', `a character at position ${i + k}`);
      triple = (triple << 6) | v;
    }
    if (o < byteLength) bytes[o++] = (triple >> 16) & 255;
    if (o < byteLength) bytes[o++] = (triple >> 8) & 255;
    if (o < byteLength) bytes[o++] = triple & 255;
  }
  const out = new Float64Array(byteLength / 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(8 * i, true);
  return out;
}

const SPECIAL_NUMBERS: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

const STRICT_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;
type BufferLike = { from(text: string, encoding: 'base64'): Uint8Array };

/**
 * Decode with the platform's native base64 decoder where there is one (Node's Buffer, found by
 * feature detection, no import), after a strict alphabet check — the native decoders skip invalid
 * characters instead of rejecting them. Returns null where there is none or the text is invalid.
 */
function nativeDecode(text: string, byteLength: number): Float64Array | null {
  const buffer = (globalThis as { Buffer?: BufferLike }).Buffer;
  // the byte copy assumes little-endian doubles (every current platform); fall back otherwise
  if (!LITTLE_ENDIAN || buffer === undefined || typeof buffer.from !== 'function' || !STRICT_BASE64.test(text)) return null;
  const bytes = buffer.from(text, 'base64');
  if (bytes.length !== byteLength) return null;
  const out = new Float64Array(byteLength / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}


/** JSON-safe values produced by {@link toTaggedJSON}. */
export type TaggedJSON = null | boolean | number | string | TaggedJSON[] | { [key: string]: TaggedJSON };

/**
 * A deep copy of `value` in which every Float64Array becomes `{ $f64: base64 }` and the numbers JSON
 * cannot carry (NaN, ±Infinity, −0) become `{ $num: "NaN" }` etc. Functions, other typed arrays,
 * bigints and cycles are rejected, so that `fromTaggedJSON(JSON.parse(JSON.stringify(toTaggedJSON(v))))`
 * reproduces `v` bit for bit. O(size).
 *
 * @example
 * ```ts
 * JSON.stringify(toTaggedJSON({ n: 3, x: new Float64Array([0.1]) })); // '{"n":3,"x":{"$f64":"mpmZmZmZuT8="}}'
 * ```
 */
export function toTaggedJSON(value: unknown, name = 'value', seen: Set<object> = new Set()): TaggedJSON {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    // JSON has no NaN, ±Infinity or −0: tag them so that decoding restores them exactly
    if (Number.isNaN(value)) return { $num: 'NaN' };
    if (value === Infinity) return { $num: 'Infinity' };
    if (value === -Infinity) return { $num: '-Infinity' };
    if (Object.is(value, -0)) return { $num: '-0' };
    return value;
  }
  if (value instanceof Float64Array) return { $f64: encodeFloat64(value) };
  if (typeof value !== 'object' || ArrayBuffer.isView(value)) throw new InvalidTypeError(name, 'plain data (objects, arrays, numbers, strings, booleans, null, Float64Array)', value);
  if (seen.has(value)) throw new InvalidArgumentError(name, 'acyclic data', 'a cycle');
  seen.add(value);
  let out: TaggedJSON;
  if (Array.isArray(value)) out = value.map((v, i) => toTaggedJSON(v, `${name}[${i}]`, seen));
  else {
    const obj: { [key: string]: TaggedJSON } = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) obj[k] = toTaggedJSON(v, `${name}.${k}`, seen);
    out = obj;
  }
  seen.delete(value);
  return out;
}

/**
 * Inverse of {@link toTaggedJSON}: `{ $f64 }` objects become Float64Arrays, `{ $num }` the special
 * numbers; everything else is
 * copied as plain data. Keys `__proto__`, `constructor` and `prototype` are rejected.
 * @throws InvalidArgumentError / InvalidTypeError naming the path of the first bad entry
 * @example
 * ```ts
 * fromTaggedJSON({ x: { $f64: 'AAAAAAAA8D8=' } }); // { x: Float64Array [1] }
 * ```
 */
export function fromTaggedJSON(json: unknown, name = 'value'): unknown {
  if (json === null || typeof json === 'boolean' || typeof json === 'string') return json;
  if (typeof json === 'number') {
    if (!Number.isFinite(json)) throw new InvalidArgumentError(name, 'a finite number', json);
    return json;
  }
  if (Array.isArray(json)) return json.map((v, i) => fromTaggedJSON(v, `${name}[${i}]`));
  if (typeof json !== 'object') throw new InvalidTypeError(name, 'JSON data', json);
  const entries = Object.entries(json as Record<string, unknown>);
  if (entries.length === 1 && entries[0][0] === '$f64') return decodeFloat64(entries[0][1] as string, `${name}.$f64`);
  if (entries.length === 1 && entries[0][0] === '$num') {
    const special = SPECIAL_NUMBERS[entries[0][1] as string];
    if (special === undefined) throw new InvalidArgumentError(`${name}.$num`, 'one of "NaN", "Infinity", "-Infinity", "-0"', entries[0][1]);
    return special;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') throw new InvalidArgumentError(name, 'data without __proto__/constructor/prototype keys', k);
    out[k] = fromTaggedJSON(v, `${name}.${k}`);
  }
  return out;
}

/**
 * Canonical text of tagged JSON: object keys sorted at every level, no spaces. Two values with the
 * same content give the same text (used for fingerprints and checksums). O(size·log keys).
 *
 * @example
 * ```ts
 * canonicalJSON({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 * ```
 */
export function canonicalJSON(json: TaggedJSON): string {
  if (json === null || typeof json !== 'object') return JSON.stringify(json);
  if (Array.isArray(json)) return `[${json.map(canonicalJSON).join(',')}]`;
  const keys = Object.keys(json).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJSON(json[k])}`).join(',')}}`;
}
