/**
 * Sharded runs through the command line: `reproduce billiards --shard i/N` (and the Slurm and
 * Kubernetes environment variables) write one shard file each into a shared folder; `merge` checks
 * the set and finishes the run; its JSON result equals the one-machine run's byte for byte. A
 * missing shard, a shard index out of range and an empty merge are usage errors (exit 2).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
