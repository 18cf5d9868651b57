/**
 * No silent NaN from any model export: every function and class exported by the billiards, blowup,
 * kan, msfem, operator, sampling and pinn subpaths is called with NaN, ±Infinity, empty, NaN-filled and mismatched arrays in every
 * argument; each call must throw a named error (InvalidArgumentError, InvalidTypeError,
 * NumericalError) or return a non-success status or a result without NaN. Fast: no valid problem
 * is ever run.
 */
import * as billiards from '../../src/models/billiards/index';
import * as blowup from '../../src/models/blowup/index';
import * as kan from '../../src/models/kan/index';
import * as msfem from '../../src/models/msfem/index';
import * as operator from '../../src/models/operator/index';
import * as pinn from '../../src/models/pinn/index';
import * as sampling from '../../src/models/sampling/index';
import { badCalls, classifyCall, classifyCallAsync, exportedFunctions } from './badInputHelper';

const subpaths: Record<string, Record<string, unknown>> = { billiards, blowup, kan, msfem, operator, sampling };

describe.each(Object.entries(subpaths))('singularis/%s', (_subpath, namespace) => {
  const exports = exportedFunctions(namespace);

  test('exports functions', () => {
    expect(exports.length).toBeGreaterThan(0);
  });

  test.each(exports.map((e) => [e.name, e] as const))('%s rejects bad input by a named error or a status', (_name, e) => {
    const findings: string[] = [];
    for (const { label, call } of badCalls(e.fn, e.isClass)) {
      const finding = classifyCall(call);
      if (finding !== null) findings.push(`${label}: ${finding}`);
    }
    expect(findings).toEqual([]);
  });
});

// singularis/pinn has an async export (trainProfileAsync): its calls are awaited, so a rejection is classified like a throw
describe('singularis/pinn', () => {
  const exports = exportedFunctions(pinn);

  test('exports functions', () => {
    expect(exports.length).toBeGreaterThan(0);
  });

  test.each(exports.map((e) => [e.name, e] as const))('%s rejects bad input by a named error or a status', async (_name, e) => {
    const findings: string[] = [];
    for (const { label, call } of badCalls(e.fn, e.isClass)) {
      const finding = await classifyCallAsync(call);
      if (finding !== null) findings.push(`${label}: ${finding}`);
    }
    expect(findings).toEqual([]);
  });
});
