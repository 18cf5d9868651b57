import { pinnedBallsEnsemble, type PinnedBallsEnsembleResult } from '../../src/models/billiards/ensemble';
import { planPinnedBallsEnsemble } from '../../src/models/billiards/ensemblePlan';
import { whiteNoiseDiagnostics } from '../../src/models/billiards/whiteNoise';
import {
  mergePinnedBallsShards,
  mergeWhiteNoiseShards,
  runPinnedBallsShard,
  runWhiteNoiseShard,
} from '../../src/node/billiardsShards';
import { parseShard, parseShardSpec, serializeShard, shardBlockRange, shardFromEnvironment, ShardError, type ShardSource } from '../../src/node/shards';
import { decodeFloat64, encodeFloat64, fromTaggedJSON, toTaggedJSON } from '../../src/core/serialize';
import { InvalidArgumentError } from '../../src/core/errors';

// 45 runs in blocks of 6: 8 blocks (the last one short), raw values kept at one time
const options = { n: 40, runs: 45, seed: 7, times: [1e-3, 3e-3], rawTimes: [1e-3], orientation: 'reversed' as const, blockSize: 6 };

/** Shard files of a run as they come back from disk. */
function shardTexts(count: number, opts = options): ShardSource[] {
  return Array.from({ length: count }, (_, i) => {
    const text = serializeShard(runPinnedBallsShard(opts, i, count));
    return { source: `part-${i}.json`, file: parseShard(text, `part-${i}.json`) };
  });
}

const bits = (a: Float64Array): string => encodeFloat64(a);

function expectSameEnsemble(a: PinnedBallsEnsembleResult, b: PinnedBallsEnsembleResult): void {
  expect(a.status).toBe(b.status);
  expect(a.runs).toBe(b.runs);
  for (let j = 0; j < b.times.length; j++) {
    expect(bits(a.mean[j])).toBe(bits(b.mean[j]));
    expect(bits(a.sigma[j])).toBe(bits(b.sigma[j]));
  }
  expect(bits(a.sigmaSquaredIntegral)).toBe(bits(b.sigmaSquaredIntegral));
  expect(bits(a.raw[0].values)).toBe(bits(b.raw[0].values));
}

describe('tagged JSON keeps every bit', () => {
  test('Float64Array round trip, including −0, NaN payloads, subnormals and ±Infinity; special plain numbers', () => {
    const x = new Float64Array([0, -0, 1, -2.5e-310, 5e-324, Infinity, -Infinity, NaN, Math.PI, 1e308]);
    const dv = new DataView(x.buffer);
    dv.setUint32(7 * 8, 0x7ff80001, true); // a NaN with a payload
    const back = decodeFloat64(encodeFloat64(x), 'x');
    expect(new Uint8Array(back.buffer)).toEqual(new Uint8Array(x.buffer));
    for (const len of [0, 1, 2, 3]) expect(decodeFloat64(encodeFloat64(x.subarray(0, len)), 'x').length).toBe(len);
    const v = { a: -0, b: NaN, c: [Infinity, 1.5], d: { e: x } };
    const round = fromTaggedJSON(JSON.parse(JSON.stringify(toTaggedJSON(v)))) as typeof v;
    expect(Object.is(round.a, -0)).toBe(true);
    expect(Number.isNaN(round.b)).toBe(true);
    expect(round.c).toEqual([Infinity, 1.5]);
    expect(new Uint8Array(round.d.e.buffer)).toEqual(new Uint8Array(x.buffer));
  });
  test('malformed input is rejected by name; prototype keys are refused', () => {
    expect(() => decodeFloat64('AAA', 'x')).toThrow(/x must be padded base64/);
    expect(() => decodeFloat64('AAAA', 'x')).toThrow(/whole number of doubles/);
    expect(() => decodeFloat64('AAAAAAA*8D8=', 'x')).toThrow(InvalidArgumentError);
    expect(() => fromTaggedJSON({ $num: 'NaNx' })).toThrow(/\$num/);
    expect(() => fromTaggedJSON(JSON.parse('{"__proto__": {"polluted": 1}}'))).toThrow(InvalidArgumentError);
    expect(() => toTaggedJSON({ f: () => 1 })).toThrow(TypeError);
    expect(() => toTaggedJSON(new Int32Array(2))).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toTaggedJSON(cyclic)).toThrow(/acyclic/);
  });
});

describe('sharded ensembles merge bit-identically to the one-machine run', () => {
  let serial: PinnedBallsEnsembleResult;
  beforeAll(() => {
    serial = pinnedBallsEnsemble(options);
  });

  test.each([1, 2, 3, 7, 11])('%i shards (files in any order)', (count) => {
    const sources = shardTexts(count).reverse();
    const { result } = mergePinnedBallsShards(sources);
    expectSameEnsemble(result, serial);
  });

  test('white-noise diagnostics: 3 shards equal the one-machine pass', () => {
    const plan = planPinnedBallsEnsemble(options);
    const reference = whiteNoiseDiagnostics(plan, serial, { time: 3e-3 });
    const sources = [0, 1, 2].map((i) => {
      const text = serializeShard(runWhiteNoiseShard(plan, serial, { time: 3e-3 }, i, 3));
      return { source: `wn-${i}`, file: parseShard(text, `wn-${i}`) };
    });
    const merged = mergeWhiteNoiseShards(sources);
    expect(merged.status).toBe('success');
    expect(merged.pooled).toEqual(reference.pooled);
    expect(merged.core).toEqual(reference.core);
    expect(bits(merged.histogram.density)).toBe(bits(reference.histogram.density));
    expect(bits(merged.lags.mean)).toBe(bits(reference.lags.mean));
    expect(bits(merged.pair.left)).toBe(bits(reference.pair.left));
    expect(merged.pair.correlation).toBe(reference.pair.correlation);
  });

  test('block ranges: contiguous whole blocks covering the plan exactly once', () => {
    for (const total of [0, 1, 5, 8, 64]) {
      for (const count of [1, 2, 3, 7, 100]) {
        let next = 0;
        for (let i = 0; i < count; i++) {
          const { first, end } = shardBlockRange(total, i, count);
          expect(first).toBe(next);
          expect(end - first).toBeLessThanOrEqual(Math.ceil(total / count));
          next = end;
        }
        expect(next).toBe(total);
      }
    }
    expect(() => shardBlockRange(8, 3, 3)).toThrow(/index must be an integer in \[0, 2\]/);
  });
});

describe('bad shard sets are refused by file, and nothing is merged', () => {
  let sources: ShardSource[];
  let texts: string[];
  beforeAll(() => {
    texts = [0, 1, 2].map((i) => serializeShard(runPinnedBallsShard(options, i, 3)));
    sources = texts.map((t, i) => ({ source: `part-${i}.json`, file: parseShard(t, `part-${i}.json`) }));
  });
  const reason = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ShardError);
      return `${(e as ShardError).reason}: ${(e as Error).message}`;
    }
    throw new Error('expected a ShardError');
  };

  test('missing and duplicated shards', () => {
    expect(reason(() => mergePinnedBallsShards([sources[0], sources[2]]))).toMatch(/^missing: .*shard 1 of 3 missing/);
    expect(reason(() => mergePinnedBallsShards([sources[0], sources[1], { ...sources[1], source: 'copy.json' }, sources[2]]))).toMatch(/^duplicate: copy.json: shard 1\/3 is also in part-1.json/);
  });
  test('shards of another plan, another shard count, another library version', () => {
    const other = parseShard(serializeShard(runPinnedBallsShard({ ...options, seed: 8 }, 1, 3)), 'other.json');
    expect(reason(() => mergePinnedBallsShards([sources[0], { source: 'other.json', file: other }, sources[2]]))).toMatch(/^plan: other.json/);
    const four = parseShard(serializeShard(runPinnedBallsShard(options, 3, 4)), 'four.json');
    expect(reason(() => mergePinnedBallsShards([...sources, { source: 'four.json', file: four }]))).toMatch(/^count: four.json/);
    const [headerLine, payloadLine] = texts[1].split('\n');
    const json = JSON.parse(headerLine);
    json.library = '0.0.1';
    // a consistent forgery still fails the version check (the checksum is recomputed by the attacker here)
    const forged = { ...sources[1], file: { ...sources[1].file, library: '0.0.1' } };
    expect(reason(() => mergePinnedBallsShards([sources[0], forged, sources[2]]))).toMatch(/^library: part-1.json: written by singularis 0.0.1/);
    expect(reason(() => parseShard(`${JSON.stringify(json)}\n${payloadLine}\n`, 'edited.json'))).toMatch(/^checksum: edited.json: header checksum/);
    // a plan edited with the checksums recomputed but the fingerprint kept: the merge uses shard 0's plan,
    // whose fingerprint is recomputed (other files' plan copies are tied to it by the fingerprint, unused)
    const otherPlan = parseShard(serializeShard(runPinnedBallsShard({ ...options, seed: 8 }, 0, 3)), 'x').plan;
    const edited = { ...sources[0], source: 'replanned.json', file: { ...sources[0].file, plan: otherPlan } };
    expect(reason(() => mergePinnedBallsShards([sources[1], sources[2], edited]))).toMatch(/^plan: replanned.json: its plan does not match its fingerprint/);
  });
  test('truncated, tampered, foreign and inconsistent files', () => {
    expect(reason(() => parseShard(texts[0].slice(0, texts[0].length >> 1), 'cut.json'))).toMatch(/^checksum: cut.json: payload checksum/);
    expect(reason(() => parseShard(texts[0].slice(0, 100), 'header-cut.json'))).toMatch(/^notJSON: header-cut.json/);
    const [head, body] = texts[0].split('\n');
    const tampered = `${head}\n${body.replace(/"runs":(\d+)/, (_, r) => `"runs":${Number(r) + 1}`)}\n`;
    expect(tampered).not.toBe(texts[0]);
    expect(reason(() => parseShard(tampered, 'tampered.json'))).toMatch(/^checksum: tampered.json: payload checksum/);
    expect(reason(() => parseShard('{"format":"something-else"}', 'foreign.json'))).toMatch(/^format: foreign.json/);
    expect(reason(() => parseShard('[1,2]', 'array.json'))).toMatch(/^format: array.json/);
    const future = JSON.parse(texts[0].split('\n')[0]);
    future.formatVersion = 2;
    expect(reason(() => parseShard(JSON.stringify(future), 'future.json'))).toMatch(/^format: future.json: shard format version 2/);
  });
});

describe('shard from the command line and from cluster schedulers', () => {
  test('--shard i/N', () => {
    expect(parseShardSpec('2/7')).toEqual({ index: 2, count: 7 });
    for (const bad of ['7/7', '1/0', '-1/3', '1.5/3', 'a/b', '3']) expect(() => parseShardSpec(bad)).toThrow(/--shard must be i\/N/);
  });
  test('Slurm array tasks (count or min/max) and Kubernetes indexed Jobs', () => {
    expect(shardFromEnvironment({})).toBeNull();
    expect(shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 3, count: 4, source: 'Slurm array task 3 of 4' });
    expect(shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '8' })).toMatchObject({ index: 4, count: 8 });
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '2', SINGULARIS_SHARD_COUNT: '5' })).toMatchObject({ index: 2, count: 5 });
    expect(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: '2' })).toThrow(/SINGULARIS_SHARD_COUNT/);
    expect(() => shardFromEnvironment({ SLURM_ARRAY_TASK_ID: 'x', SLURM_ARRAY_TASK_COUNT: '4' })).toThrow(/SLURM_ARRAY_TASK_ID must be a non-negative integer/);
    expect(() => shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '9', SLURM_ARRAY_TASK_COUNT: '4' })).toThrow(InvalidArgumentError);
  });
});
