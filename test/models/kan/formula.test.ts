import { InvalidArgumentError } from '../../../src/core/errors';
import { applyFunctionForm, combineForms, evaluateForm, variableForm } from '../../../src/models/kan/formulaExpression';
import { formatFormula, symbolicFormula } from '../../../src/models/kan/formula';
import { KanNetwork } from '../../../src/models/kan/network';
import { evaluateKan } from '../../../src/models/kan/propagation';
import { symbolicLibrary } from '../../../src/models/kan/symbolicLibrary';
import { Rng } from '../../../src/random/index';

const lib = symbolicLibrary();
const fn = (name: string) => lib.get(name)!;

/** A [2, 1, 1] network with symbolic edges representing exp(sin(πx1) + x2²) in a scrambled parametrization. */
function scrambledTarget(): KanNetwork {
  const net = new KanNetwork({ shape: [2, 1, 1] });
  const [l0, l1] = net.layers;
  // sin(−π·x1 + 3π) = sin(π·x1); 0.5·(−2·x2 + 1e−13)² = 2·x2²; the hidden node carries 0.5·(…) + 0.3
  l0.setSymbolic(0, 0, fn('sin'), -Math.PI, 3 * Math.PI, 0.5, 0.2);
  l0.setSymbolic(0, 1, fn('x^2'), -2, 1e-13, 0.125, 0.1);
  // h = 0.5·sin(πx1) + 0.5·x2² + 0.3, and e^{−0.4}·exp(2h − 0.2) = exp(sin(πx1) + x2²)
  l1.setSymbolic(0, 0, fn('exp'), 2, -0.2, Math.exp(-0.4), 3e-12);
  return net;
}

function randomInputs(rows: number, cols: number, seed: number) {
  const rng = new Rng(seed);
  const data = new Float64Array(rows * cols);
  for (let t = 0; t < data.length; t++) data[t] = 2 * rng.uniform() - 1;
  return { rows, cols, data };
}

describe('symbolic formulas', () => {
  it('prints exp(sin(pi*x1) + x2^2) from a scrambled parametrization', () => {
    const formula = symbolicFormula(scrambledTarget());
    expect(formula.text).toEqual(['exp(sin(pi*x1) + x2^2)']);
  });

  it('the simplified expression evaluates to the network and to the exact function (exact identities only)', () => {
    const net = scrambledTarget();
    const X = randomInputs(200, 2, 3);
    const y = evaluateKan(net, X);
    for (const tolerance of [0, 1e-6]) {
      const values = symbolicFormula(net, { tolerance }).evaluate(X);
      for (let s = 0; s < X.rows; s++) {
        const exact = Math.exp(Math.sin(Math.PI * X.data[2 * s]) + X.data[2 * s + 1] ** 2);
        expect(Math.abs(values[s] - y[s])).toBeLessThan(1e-12 * Math.abs(exact) + (tolerance > 0 ? 1e-10 : 0));
        expect(Math.abs(values[s] - exact)).toBeLessThan(1e-10 * Math.abs(exact));
      }
    }
  });

  it('applies the exact identities: homogeneity, parity, sin shift mod π, exp shift, identity and zero', () => {
    const x1 = variableForm(0);
    const pts = [new Float64Array([0.3]), new Float64Array([-0.8]), new Float64Array([0.05])];
    const cases: [string, number, number, number, number, string][] = [
      ['x^2', -3, 0, 1, 0, '9*x1^2'],
      ['x^3', -2, 0, 1, 1, '-8*x1^3 + 1'],
      ['abs', -0.5, 0, 4, 0, '2*abs(x1)'],
      ['sin', 2, Math.PI, 1, 0, '-sin(2*x1)'],
      ['cos', 1, -2 * Math.PI, 3, 0, '3*cos(x1)'],
      ['exp', 1, Math.log(5), 1, 0, '5*exp(x1)'],
      ['x', 2, 1, 3, 1, '6*x1 + 4'],
      ['0', 2, 1, 3, 7, '7'],
      ['gaussian', -1, 0, 1, 0, 'exp(-x1^2)'],
      ['sqrt', 4, 0, 1, 0, '2*sqrt(x1)'],
      ['1/x', -0.5, 0, 1, 0, '-2*1/x1'],
    ];
    for (const [name, a, b, c, d, text] of cases) {
      const form = applyFunctionForm(fn(name), x1, a, b, c, d);
      expect([name, formatFormula(form)]).toEqual([name, text]);
      for (const p of pts) {
        const direct = c * fn(name).value(a * p[0] + b) + d;
        if (Number.isFinite(direct)) expect(Math.abs(evaluateForm(form, p) - direct)).toBeLessThan(1e-12 * Math.max(1, Math.abs(direct)));
      }
    }
  });

  it('merges like terms and drops negligible entries only with a tolerance', () => {
    const x1 = variableForm(0);
    const x2 = variableForm(1);
    expect(formatFormula(combineForms([x1, x2, x1], [1, -2, 0.5], 1e-9))).toBe('1.5*x1 - 2*x2 + 1e-9');
    expect(formatFormula(combineForms([x1, x2, x1], [1, -2, 0.5], 1e-9, { tolerance: 1e-6 }))).toBe('1.5*x1 - 2*x2');
  });

  it('refuses networks with active spline edges, ignores masked ones', () => {
    const net = scrambledTarget();
    net.layers[0].setSpline(0, 1);
    expect(() => symbolicFormula(net)).toThrow(InvalidArgumentError);
    net.layers[0].setEdgeMask(0, 1, 0);
    expect(symbolicFormula(net).text).toEqual(['0.8187*exp(sin(pi*x1))']); // e^{−0.4}·exp(2(0.5 sin + 0.2) − 0.2) = e^{−0.2}·exp(sin)
  });
});
