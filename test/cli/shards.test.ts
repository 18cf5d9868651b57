/**
 * Sharded runs through the command line: `reproduce billiards --shard i/N` (and the Slurm and
 * Kubernetes environment variables) write one shard file each into a shared folder; `merge` checks
 * the set and finishes the run; its JSON result equals the one-machine run's byte for byte. A
 * missing shard, a shard index out of range and an empty merge are usage errors (exit 2). The
 * white-noise pass is sharded in a second round (`merge DIR --stage white-noise --shard i/N`), with
 * its own shard count; the final merge of both rounds equals the one-machine run (result and figure
 * data), and white-noise shards of another ensemble, missing, duplicated or mixed are named.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fromTaggedJSON } from '../../src/core/serialize';
import { whiteNoiseShards } from '../../src/node/billiardsShards';
import { parseShard, runShard, serializeShard } from '../../src/node/shards';
import { bundle } from './bundle';

const root = resolve(__dirname, '..', '..');
const built = bundle({ cli: 'src/cli/index.ts' });
const dir = mkdtempSync(join(tmpdir(), 'singularis-shards-'));
afterAll(() => {
  built.remove();
  rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [built.paths.cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const RUN = ['reproduce', 'billiards', '--quick', '--runs', '150'];
const resultOf = (stdout: string): string => JSON.stringify((JSON.parse(stdout.trim()) as { result: unknown }).result);

describe('singularis reproduce billiards --shard / singularis merge', () => {
  let single: string;
  beforeAll(() => {
    const r = cli([...RUN, '--out', join(dir, 'single'), '--json', '--quiet']);
    expect(r.code).toBe(0);
    single = resultOf(r.stdout);
  });

  test('three shards (one from --shard, one from Slurm variables, one from a Kubernetes indexed Job) merge to the one-machine result', () => {
    const shards = join(dir, 'shards');
    expect(cli([...RUN, '--shard', '0/3', '--out', shards, '--quiet']).code).toBe(0);
    const slurm = cli([...RUN, '--out', shards], { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '3' });
    expect(slurm.code).toBe(0);
    expect(slurm.stderr).toMatch(/computing shard 1 of 3 \(from Slurm array task 1 of 3\)/);
    expect(cli([...RUN, '--out', shards, '--quiet'], { JOB_COMPLETION_INDEX: '2', SINGULARIS_SHARD_COUNT: '3' }).code).toBe(0);
    expect(readdirSync(shards).filter((f) => f.endsWith('.json')).sort()).toEqual(['billiards-shard-0-of-3.json', 'billiards-shard-1-of-3.json', 'billiards-shard-2-of-3.json']);
    const merged = cli(['merge', shards, '--out', join(dir, 'merged'), '--workers', '1', '--json', '--quiet']);
    expect(merged.code).toBe(0);
    expect(resultOf(merged.stdout)).toBe(single);
    expect(existsSync(join(dir, 'merged', 'fig5-profiles.svg'))).toBe(true);
    // re-running a shard is safe: the same file again
    expect(cli([...RUN, '--shard', '1/3', '--out', shards, '--quiet']).code).toBe(0);
    expect(resultOf(cli(['merge', shards, '--out', join(dir, 'merged'), '--force', '--workers', '1', '--json', '--quiet']).stdout)).toBe(single);
    // a missing shard is named; nothing is merged
    unlinkSync(join(shards, 'billiards-shard-1-of-3.json'));
    const missing = cli(['merge', shards, '--out', join(dir, 'never')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/shard 1 of 3 missing/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  test('bad shard requests are usage errors before any work', () => {
    const out = cli([...RUN, '--shard', '3/3', '--out', join(dir, 'x')]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--shard must be i\/N with integers 0 ≤ i < N/);
    expect(cli([...RUN, '--out', join(dir, 'x')], { JOB_COMPLETION_INDEX: '2' }).stderr).toMatch(/SINGULARIS_SHARD_COUNT/);
    expect(cli(['merge', '--out', join(dir, 'y')]).code).toBe(2);
    expect(cli(['merge', join(dir, 'single'), '--out', join(dir, 'y')]).stderr).toMatch(/no shard files/);
  });
});

describe('two rounds: singularis merge --stage white-noise --shard i/N, then the final merge', () => {
  // 30 balls and 150 runs: 3 blocks of 64 runs, so 3 white-noise shards of one block each
  const RUN2 = ['reproduce', 'billiards', '--quick', '--balls', '30', '--runs', '150'];
  const base = join(dir, 'two-rounds');
  const ens2 = join(base, 'ensemble-2'), other = join(base, 'other-ensemble');
  const wnDir = (name: string) => join(base, name);
  const FIGURE_DATA = ['fig2-white-noise-histogram.vl.json', 'fig3-lag-correlations.vl.json', 'fig4-adjacent-pairs.vl.json', 'fig5-profiles.vl.json'];
  let single: string;
  const figuresOf = (report: string) => FIGURE_DATA.map((f) => readFileSync(join(report, f), 'utf8'));

  function stage(ensemble: string, shard: string, out: string, env: Record<string, string> = {}) {
    const r = cli(['merge', ensemble, '--stage', 'white-noise', ...(shard === '' ? [] : ['--shard', shard]), '--out', out, '--workers', '1'], env);
    expect(r.stderr).not.toMatch(/status error/);
    expect(r.code).toBe(0);
    return r;
  }
  function finalMerge(inputs: string[], out: string) {
    const r = cli(['merge', ...inputs, '--out', out, '--workers', '1', '--json']);
    expect(r.code).toBe(0);
    return r;
  }

  beforeAll(() => {
    mkdirSync(base, { recursive: true });
    const r = cli([...RUN2, '--out', join(base, 'single'), '--json', '--quiet']);
    expect(r.code).toBe(0);
    single = resultOf(r.stdout);
    for (const i of [0, 1]) expect(cli([...RUN2, '--shard', `${i}/2`, '--out', ens2, '--quiet']).code).toBe(0);
  });

  test('2 ensemble shards × 3 white-noise shards: result and figure data byte-identical to one machine', () => {
    for (const i of [0, 1, 2]) stage(ens2, `${i}/3`, wnDir('wn-3'));
    expect(readdirSync(wnDir('wn-3')).filter((f) => f.endsWith('.json')).sort()).toEqual([0, 1, 2].map((i) => `billiards-white-noise-shard-${i}-of-3.json`));
    const r = finalMerge([ens2, wnDir('wn-3')], join(base, 'merged-3'));
    expect(r.stderr).toMatch(/merge: 2 shard files and 3 white-noise shard files of billiards/);
    const record = JSON.parse(r.stdout.trim()) as { completed: string[] };
    expect(record.completed).toContain('white noise (merged from 3 shards)');
    expect(resultOf(r.stdout)).toBe(single);
    expect(figuresOf(join(base, 'merged-3'))).toEqual(figuresOf(join(base, 'single')));
  });

  test('1 white-noise shard, and 2 white-noise shards from the Slurm and Kubernetes environment', () => {
    stage(ens2, '0/1', wnDir('wn-1'));
    expect(resultOf(finalMerge([ens2, wnDir('wn-1')], join(base, 'merged-1')).stdout)).toBe(single);
    const slurm = stage(ens2, '', wnDir('wn-2'), { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '2' });
    expect(slurm.stderr).toMatch(/computing white-noise shard 0 of 2 \(from Slurm array task 0 of 2\)/);
    stage(ens2, '', wnDir('wn-2'), { JOB_COMPLETION_INDEX: '1', SINGULARIS_SHARD_COUNT: '2' });
    expect(resultOf(finalMerge([ens2, wnDir('wn-2')], join(base, 'merged-2')).stdout)).toBe(single);
  });

  // uses the white-noise folders written by the two tests above
  test('white-noise shards of another ensemble, missing, duplicated or mixed: named usage errors, nothing merged', () => {
    const never = join(base, 'never');
    const refused = (inputs: string[], pattern: RegExp) => {
      const r = cli(['merge', ...inputs, '--out', never, '--workers', '1']);
      expect(r.stderr).toMatch(pattern);
      expect(r.code).toBe(2);
      expect(existsSync(never)).toBe(false);
    };
    // another ensemble (another seed)
    expect(cli([...RUN2, '--seed', '7', '--shard', '0/1', '--out', other, '--quiet']).code).toBe(0);
    stage(other, '0/1', wnDir('wn-other'));
    refused([ens2, wnDir('wn-other')], /billiards-white-noise-shard-0-of-1\.json: a white-noise shard of another run: it was computed from first-round shards with fingerprint/);
    // mixing white-noise shards of two ensembles, or of two shard counts
    const mixed = wnDir('wn-mixed');
    mkdirSync(mixed);
    copyFileSync(join(wnDir('wn-3'), 'billiards-white-noise-shard-0-of-3.json'), join(mixed, 'billiards-white-noise-shard-0-of-3.json'));
    copyFileSync(join(wnDir('wn-2'), 'billiards-white-noise-shard-1-of-2.json'), join(mixed, 'billiards-white-noise-shard-1-of-2.json'));
    refused([ens2, mixed], /billiards-white-noise-shard-1-of-2\.json: one of 2 shards, .*billiards-white-noise-shard-0-of-3\.json is one of 3 \(white-noise shards\)/);
    refused([ens2, wnDir('wn-3'), join(wnDir('wn-other'), 'billiards-white-noise-shard-0-of-1.json')], /billiards-white-noise-shard-0-of-1\.json: belongs to another run than .* \(white-noise shards\)/);
    // a duplicate (the same shard under another name) and a missing shard
    const dup = wnDir('wn-dup');
    mkdirSync(dup);
    for (const i of [0, 1, 2]) copyFileSync(join(wnDir('wn-3'), `billiards-white-noise-shard-${i}-of-3.json`), join(dup, `billiards-white-noise-shard-${i}-of-3.json`));
    copyFileSync(join(dup, 'billiards-white-noise-shard-2-of-3.json'), join(dup, 'copy-white-noise-shard-2-of-3.json'));
    refused([ens2, dup], /shard 2\/3 is also in .*billiards-white-noise-shard-2-of-3\.json \(white-noise shards\)/);
    unlinkSync(join(dup, 'copy-white-noise-shard-2-of-3.json'));
    unlinkSync(join(dup, 'billiards-white-noise-shard-1-of-3.json'));
    refused([ens2, dup], /shard 1 of 3 missing \(white-noise shards\)/);
    // a white-noise shard tied to these ensemble shards but of another plan (here: other histogram bins) passes the
    // set checks; the final merge recomputes the plan from the merged ensemble and refuses it (status error, named)
    const good = join(wnDir('wn-1'), 'billiards-white-noise-shard-0-of-1.json');
    const file = parseShard(readFileSync(good, 'utf8'), good);
    const plan = whiteNoiseShards.planFromData(fromTaggedJSON(file.plan, 'plan'));
    const forged = wnDir('wn-forged');
    mkdirSync(forged);
    writeFileSync(join(forged, 'billiards-white-noise-shard-0-of-1.json'), serializeShard(runShard(whiteNoiseShards, { ...plan, whiteNoise: { ...plan.whiteNoise, bins: 50 } }, 0, 1, {}, fromTaggedJSON(file.meta, 'meta'))));
    const late = cli(['merge', ens2, forged, '--out', join(base, 'forged-report'), '--workers', '1']);
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(/billiards-white-noise-shard-0-of-1\.json: a white-noise shard of another ensemble or time/);
    expect(JSON.parse(readFileSync(join(base, 'forged-report', 'result.json'), 'utf8')) as { status: string; result: unknown }).toMatchObject({ status: 'error', result: {} });
    // white-noise shards alone; --shard without --stage; an unknown stage; a stage task without a shard
    refused([wnDir('wn-3')], /a white-noise shard; name also the folders of the first-round shards/);
    refused([ens2, '--shard', '0/2'], /--shard needs --stage/);
    refused([ens2, '--stage', 'pcn', '--shard', '0/2'], /--stage "pcn": billiards has no such sharded stage \(stages: white-noise\)/);
    refused([ens2, '--stage', 'white-noise'], /--stage needs --shard i\/N/);
    expect(cli(['merge', '--help']).stdout).toMatch(/billiards --stage white-noise: the white-noise diagnostics/);
  });
});
