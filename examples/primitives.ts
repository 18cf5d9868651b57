// A tour of the singularis primitives: run with `npx tsx examples/primitives.ts`.
import {
  mappedGrid, sinhMap, cubicSplineOperator, odeProblem, solve, dopri5, rk4,
  trapezoidWeights, integrate, Rng, VectorWelfordAccumulator, lbfgs, erf,
} from '../src/index';

// A sinh-stretched grid on [0, 50] and cubic-spline derivatives with an even left end.
const grid = mappedGrid(sinhMap({ length: 50 }), 401);
const u = grid.x.map((z) => Math.exp(-z * z));
const spline = cubicSplineOperator(grid, { left: 'even', right: 'natural' });
const du = new Float64Array(grid.n), d2u = new Float64Array(grid.n);
spline.derivatives(u, du, d2u); // O(n), no allocation
console.log('spline u\'\'(0) =', d2u[0], '(exact -2)');

// ODEs: problem -> algorithm -> solve -> solution, with dense output.
const prob = odeProblem({ rhs: (t, y, dy) => { dy[0] = y[1]; dy[1] = -y[0]; }, y0: new Float64Array([1, 0]), tspan: [0, 10] });
const sol = solve(prob, dopri5({ rtol: 1e-10, atol: 1e-12 }));
console.log('dopri5 y(10) =', sol.at(10)[0], 'exact', Math.cos(10), sol.status, sol.stats);
console.log('rk4   y(10) =', solve(prob, rk4({ dt: 0.01 })).at(10)[0]);

// Quadrature on the non-uniform grid: integral of exp(-z^2) over [0, 50] = sqrt(pi)/2.
console.log('trapezoid:', integrate(trapezoidWeights(grid.x), u), 'exact', Math.sqrt(Math.PI) / 2);

// Seeded random streams and mergeable statistics: two halves merged = one pass.
const a = new VectorWelfordAccumulator(2), b = new VectorWelfordAccumulator(2);
const rng = Rng.stream(42, 0);
for (let k = 0; k < 1000; k++) (k < 500 ? a : b).push(new Float64Array([rng.normal(), 1e8 + rng.uniform()]));
a.merge(b);
console.log('mean', a.mean(), 'variance', a.variance());

// Optimization: Rosenbrock by L-BFGS with a strong-Wolfe line search.
const res = lbfgs((x, g) => {
  g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]);
  g[1] = 200 * (x[1] - x[0] * x[0]);
  return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] * x[0]) ** 2;
}, new Float64Array([-1.2, 1]));
console.log('lbfgs', res.status, Array.from(res.x), res.iterations, 'iterations');
console.log('erf(1) =', erf(1));
