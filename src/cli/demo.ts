/**
 * `singularis demo`: convergence tables that verify the primitives, printed to the terminal.
 * @module
 */
import { parseArgs } from 'node:util';
import { solveTridiagonal } from '../linalg/tridiagonal';
import { formatTable, observedOrders, sci } from './table';

/** One showcase: a title, what the theory predicts, and a function computing the table. */
interface Showcase {
  title: string;
  expected: string;
  run(): { header: string[]; rows: string[][] };
}

const poissonFd: Showcase = {
  title: "-u'' = pi^2 sin(pi x) on [0,1], 3-point finite differences + Thomas solve",
  expected: 'max-norm error of order 2',
  run() {
    const ns = [16, 32, 64, 128, 256];
    const h: number[] = [];
    const err: number[] = [];
    for (const n of ns) {
      const m = n - 1;
      const dx = 1 / n;
      const lo = new Float64Array(m).fill(-1);
      const up = new Float64Array(m).fill(-1);
      const d = new Float64Array(m).fill(2);
      const b = new Float64Array(m);
      for (let i = 0; i < m; i++) b[i] = dx * dx * Math.PI * Math.PI * Math.sin(Math.PI * (i + 1) * dx);
      const u = solveTridiagonal(lo, d, up, b);
      let e = 0;
      for (let i = 0; i < m; i++) e = Math.max(e, Math.abs(u[i] - Math.sin(Math.PI * (i + 1) * dx)));
      h.push(dx);
      err.push(e);
    }
    const orders = observedOrders(h, err);
    return { header: ['N', 'max error', 'order'], rows: ns.map((n, k) => [String(n), sci(err[k]), orders[k]]) };
  },
};

const showcases: Showcase[] = [poissonFd];

/** Run the demo; returns the exit code. */
export async function runDemo(argv: string[]): Promise<number> {
  parseArgs({ args: argv, options: {}, allowPositionals: false });
  process.stdout.write('singularis primitives: observed convergence under refinement\n');
  for (const s of showcases) {
    const { header, rows } = s.run();
    process.stdout.write(`\n${s.title}\nexpected: ${s.expected}\n${formatTable(header, rows)}\n`);
  }
  return 0;
}
