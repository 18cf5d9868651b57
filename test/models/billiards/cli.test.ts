/**
 * `singularis reproduce billiards` end to end, as a child process (the CLI is an ES module that
 * uses import.meta; jest runs TypeScript as CommonJS), started like bench/run.ts does:
 * `node --import tsx src/cli/index.ts …`.
 *
 * A tiny reversed run (n = 60, λ = 16.6) exercises the case where nothing freezes within the
 * probe horizon 3/λ: T must be that horizon (not the paper's 1.20162e-4), flagged as
 * `horizon: 'probe'` in the JSON and said in the summary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..', '..');

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'index.ts'), 'reproduce', 'billiards', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Snapshot {
  t: number;
  maxSigma: number;
  supAbsDiffMu?: number | null;
}

describe('reproduce billiards (child process)', () => {
  const out = mkdtempSync(join(tmpdir(), 'billiards-cli-'));
  const extra = [0.05, 0.3];
  let run: ReturnType<typeof cli>;
  let json: Record<string, unknown> & {
    pde: { freezeTime: number | null; momentumDrift: number; energyDrift: number; snapshots: Snapshot[] };
    mc: { freezeTime: number | null; snapshots: Snapshot[] };
    whiteNoise: Record<string, number>;
  };
  beforeAll(() => {
    run = cli(['--balls', '60', '--runs', '16', '--grid', '201', '--orientation', 'reversed', '--workers', '1', '--times', extra.join(','), '--out', out, '--json']);
    const lines = run.stdout.trim().split('\n');
    json = JSON.parse(lines[lines.length - 1]);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('exits 0 and prints every field of the JSON result on the last stdout line', () => {
    expect(run.status).toBe(0);
    expect(json.lambda).toBeCloseTo(59 / (2 * Math.sqrt(Math.PI)), 12);
    expect(json.balls).toBe(60);
    expect(json.runs).toBe(16);
    expect(json.seed).toBe(2022);
    expect(json.pde.freezeTime).toBeNull(); // λ = 16.6: no freeze within 3/λ
    expect(Math.abs(json.pde.momentumDrift)).toBeLessThan(1e-14);
    expect(Number.isFinite(json.pde.energyDrift)).toBe(true);
    expect(json.pde.energyDrift).toBeLessThanOrEqual(0); // Dirichlet walls only dissipate energy
    expect(json.mc.freezeTime).toBeNull(); // like the PDE, the ensemble does not freeze within 3/λ
    for (const key of ['t', 'mean', 'variance', 'skewness', 'excessKurtosis']) expect(Number.isFinite(json.whiteNoise[key])).toBe(true);
    // pooled W has mean 0 and variance n(R−1)/(nR−1) by construction
    expect(Math.abs(json.whiteNoise.mean)).toBeLessThan(1e-10);
    expect(json.whiteNoise.variance).toBeCloseTo((60 * 15) / (60 * 16 - 1), 10);
    for (const s of json.pde.snapshots) {
      expect(Number.isFinite(s.maxSigma)).toBe(true);
      expect(s.maxSigma).toBeGreaterThan(0);
    }
    for (const s of json.mc.snapshots) {
      expect(Number.isFinite(s.maxSigma)).toBe(true);
      expect(s.maxSigma).toBeGreaterThan(0);
      // sup over 60 balls of |μ̂ − μ|: μ̂ has standard error ≤ max σ̂/√R (R = 16); 4.5 SE is exceeded by
      // chance with probability < 60·7e−6, plus 0.05 for the finite-n model offset (docs/billiards.md)
      expect(Number.isFinite(s.supAbsDiffMu as number)).toBe(true);
      expect(s.supAbsDiffMu as number).toBeLessThan((4.5 * s.maxSigma) / 4 + 0.05);
    }
  });

  test('without a freeze, T is the probe horizon 3/λ (not the paper value) and the summary says so', () => {
    expect(json.horizon).toBe('probe');
    expect(json.T).toBeCloseTo(3 / (json.lambda as number), 15);
    expect(json.whiteNoise.t).toBeCloseTo(0.37 * (json.T as number), 15);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(/does not freeze within the probe horizon/);
  });

  test('snapshots hold the Fig. 5 times and every --times value, in both halves', () => {
    const T = json.T as number;
    for (const snaps of [json.pde.snapshots, json.mc.snapshots]) {
      const times = snaps.map((s) => s.t);
      for (const t of extra) expect(times).toContain(t);
      for (const f of [0.01, 0.2, 0.4, 0.6, 0.8, 0.99]) expect(times.some((t) => Math.abs(t - f * T) <= 1e-15 * T)).toBe(true);
    }
  });

  test('the report folder holds the four figures as SVG, summary.md and result.json', () => {
    for (const f of ['fig2-white-noise-histogram.svg', 'fig3-lag-correlations.svg', 'fig4-adjacent-pairs.svg', 'fig5-profiles.svg']) {
      expect(readFileSync(join(out, f), 'utf8')).toMatch(/^<svg/);
    }
    expect(existsSync(join(out, 'summary.md'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'))).toEqual(json);
  });

  test.each([
    [['--balls', '3'], '--balls'],
    [['--runs', '0'], '--runs'],
    [['--times', '-1'], '--times'],
    [['--times=0.1,-1'], '--times'],
  ])('bad flags %j exit non-zero naming the flag, before any work', (args, flag) => {
    const r = cli([...args, '--out', join(out, 'never')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(flag);
    expect(existsSync(join(out, 'never'))).toBe(false);
  });
});
