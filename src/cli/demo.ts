/**
 * `singularis demo`: convergence tables that verify the primitives, printed to the terminal.
 * @module
 */
import { cubicSplineOperator } from '../diff/cubicSplineOperator';
import { mappedGrid } from '../grid/grid1d';
import { sinhMap } from '../grid/maps';
import { solveTridiagonal } from '../linalg/tridiagonal';
import { simpsonWeights } from '../quad/simpson';
import { integrate } from '../quad/rule';
import { dopri5 } from '../time/dopri5';
import { rk4, sspRk3 } from '../time/explicitRk';
import { odeProblem } from '../time/problem';
import { solve } from '../time/solve';
import { flag, parseFlags } from './framework/flags';
import { usageFailure } from './framework/reproduce';
import { Terminal, writeOut } from './framework/terminal';
import { EXIT, UsageError } from './framework/usageError';
import { libraryVersion } from './framework/version';
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

/** y' = -2 t y^2, y(0) = 1 on [0, 2]: exact y = 1/(1 + t^2). */
const riccatiProblem = odeProblem({
  rhs(t, y, dy) {
    dy[0] = -2 * t * y[0] * y[0];
  },
  y0: new Float64Array([1]),
  tspan: [0, 2],
});

function fixedStepTable(method: typeof rk4): { header: string[]; rows: string[][] } {
  const steps = [10, 20, 40, 80, 160];
  const h = steps.map((m) => 2 / m);
  const err = steps.map((m) => {
    const sol = solve(riccatiProblem, method({ dt: 2 / m }));
    return Math.abs(sol.at(2)[0] - 1 / 5);
  });
  const orders = observedOrders(h, err);
  return { header: ['steps', 'error at t=2', 'order'], rows: steps.map((m, k) => [String(m), sci(err[k]), orders[k]]) };
}

const rk4Table: Showcase = {
  title: "RK4 on y' = -2 t y^2 (exact 1/(1+t^2))",
  expected: 'order 4',
  run: () => fixedStepTable(rk4),
};

const sspTable: Showcase = {
  title: "SSP-RK3 on y' = -2 t y^2 (exact 1/(1+t^2))",
  expected: 'order 3',
  run: () => fixedStepTable(sspRk3),
};

const dopriTable: Showcase = {
  title: "DOPRI5 on y' = -2 t y^2: global error against the tolerance",
  expected: 'error proportional to the tolerance, a few times tol or less',
  run() {
    const tols = [1e-4, 1e-6, 1e-8, 1e-10, 1e-12];
    const rows = tols.map((tol) => {
      const sol = solve(riccatiProblem, dopri5({ rtol: tol, atol: tol }));
      const err = Math.abs(sol.at(2)[0] - 1 / 5);
      return [tol.toExponential(0), sci(err), String(sol.stats.naccept), sol.status];
    });
    return { header: ['rtol=atol', 'error at t=2', 'steps', 'status'], rows };
  },
};

const splineTable: Showcase = {
  title: 'cubic-spline derivatives of exp(-z^2) on a sinh grid over [0, 20] (even at 0, natural at 20)',
  expected: "S' order 4 and S'' order 2 at the nodes (max norm)",
  run() {
    const ns = [101, 201, 401, 801, 1601];
    const h: number[] = [];
    const e1: number[] = [];
    const e2: number[] = [];
    for (const n of ns) {
      const grid = mappedGrid(sinhMap({ length: 20 }), n);
      const op = cubicSplineOperator(grid, { left: 'even', right: 'natural' });
      const u = grid.x.map((z) => Math.exp(-z * z));
      const d1 = new Float64Array(n);
      const d2 = new Float64Array(n);
      op.derivatives(u, d1, d2);
      let m1 = 0;
      let m2 = 0;
      for (let i = 0; i < n; i++) {
        const z = grid.x[i];
        const g = Math.exp(-z * z);
        m1 = Math.max(m1, Math.abs(d1[i] + 2 * z * g));
        m2 = Math.max(m2, Math.abs(d2[i] - (4 * z * z - 2) * g));
      }
      h.push(1 / (n - 1));
      e1.push(m1);
      e2.push(m2);
    }
    const o1 = observedOrders(h, e1);
    const o2 = observedOrders(h, e2);
    return { header: ['nodes', "max |S'-u'|", 'order', "max |S''-u''|", 'order'], rows: ns.map((n, k) => [String(n), sci(e1[k]), o1[k], sci(e2[k]), o2[k]]) };
  },
};

const simpsonTable: Showcase = {
  title: 'non-uniform Simpson: integral of exp(-z^2) over [0, 20] on a sinh grid (exact sqrt(pi)/2 up to erfc(20))',
  expected: 'order 4',
  run() {
    const ns = [41, 81, 161, 321, 641];
    const exact = Math.sqrt(Math.PI) / 2;
    const h = ns.map((n) => 1 / (n - 1));
    const err = ns.map((n) => {
      const grid = mappedGrid(sinhMap({ length: 20 }), n);
      return Math.abs(integrate(simpsonWeights(grid.x), grid.x.map((z) => Math.exp(-z * z))) - exact);
    });
    const orders = observedOrders(h, err);
    return { header: ['nodes', 'error', 'order'], rows: ns.map((n, k) => [String(n), sci(err[k]), orders[k]]) };
  },
};

const showcases: Showcase[] = [poissonFd, rk4Table, sspTable, dopriTable, splineTable, simpsonTable];

const demoFlags = {
  json: flag.boolean({ default: false, help: 'stdout: one JSON object with every table; the tables also go to stderr' }),
  quiet: flag.boolean({ default: false, help: 'no tables on the terminal (with --json: only the JSON object)' }),
  help: flag.boolean({ default: false, help: 'show this help' }),
};

const DEMO_USAGE = `Usage: singularis demo [--json] [--quiet]

Convergence tables that verify the numerical primitives (observed orders under refinement).

  --json    stdout: one JSON object {status, version, seed, flags, tables}; tables go to stderr
  --quiet   no tables on the terminal
  --help    show this help
`;

/**
 * Run the demo; returns the exit code (2 for bad flags).
 * @example
 * ```ts
 * process.exitCode = await runDemo(['--json']);
 * ```
 */
export async function runDemo(argv: string[]): Promise<number> {
  let flags;
  try {
    flags = parseFlags(argv, demoFlags).values;
  } catch (err) {
    if (err instanceof UsageError) return usageFailure('singularis demo', err, argv, 'See: singularis demo --help');
    throw err;
  }
  if (flags.help) {
    writeOut(DEMO_USAGE);
    return EXIT.success;
  }
  const term = new Terminal({ json: flags.json, quiet: flags.quiet });
  term.human('singularis primitives: observed convergence under refinement');
  const tables: { title: string; expected: string; header: string[]; rows: string[][] }[] = [];
  for (const s of showcases) {
    const { header, rows } = s.run();
    tables.push({ title: s.title, expected: s.expected, header, rows });
    term.human(`\n${s.title}\nexpected: ${s.expected}\n${formatTable(header, rows)}`);
  }
  if (flags.json) term.jsonResult({ status: 'success', version: libraryVersion(), seed: null, flags, tables });
  return EXIT.success;
}
