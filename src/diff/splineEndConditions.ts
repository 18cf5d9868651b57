/**
 * End conditions of cubic interpolating splines and their rows in the slope system.
 *
 * Unknowns are the nodal slopes m_i = S'(x_i). With h_i = x_{i+1} − x_i and
 * δ_i = (f_{i+1} − f_i)/h_i, the interior rows (C² continuity) are
 * `h_i·m_{i−1} + 2(h_{i−1} + h_i)·m_i + h_{i−1}·m_{i+1} = 3(h_i·δ_{i−1} + h_{i−1}·δ_i)`
 * (C. de Boor, A Practical Guide to Splines, ch. IV). The end rows:
 *
 * | condition | meaning | left row |
 * |---|---|---|
 * | `'natural'` | S'' = 0 | `2m_0 + m_1 = 3δ_0` |
 * | `{type:'secondDerivative', value: v}` | S'' = v | `2m_0 + m_1 = 3δ_0 − h_0 v/2` |
 * | `{type:'clamped', slope: s}` | S' = s | `m_0 = s` |
 * | `'notAKnot'` | S''' continuous at x_1 | `h_1 m_0 + (h_0+h_1) m_1 = ((3h_0 + 2h_1) h_1 δ_0 + h_0² δ_1)/(h_0+h_1)` |
 * | `'even'` | the reflection about this end is even: S' = 0 (the reflected spline is C²) | as clamped with s = 0 |
 * | `'odd'` | the reflection about this end is odd: S'' = 0 (data should vanish there) | as natural |
 * | `'periodic'` | S, S', S'' periodic (both ends) | cyclic system |
 *
 * @module
 */
import { checkFinite, checkOneOf } from '../core/check';
import { InvalidArgumentError } from '../core/errors';

/**
 * A cubic-spline end condition (see the module table).
 *
 * @example
 * ```ts
 * const ends: [SplineEndCondition, SplineEndCondition] = ['even', { type: 'clamped', slope: 0 }];
 * ```
 */
export type SplineEndCondition =
  | 'natural' | 'notAKnot' | 'periodic' | 'even' | 'odd'
  | {
      /** The condition, as in the string form. */
      type: 'natural' | 'notAKnot' | 'periodic' | 'even' | 'odd';
    }
  | {
      /** Prescribed first derivative at the end. */
      type: 'clamped';
      /** The end slope S' (default 0). */
      slope?: number;
    }
  | {
      /** Prescribed second derivative at the end. */
      type: 'secondDerivative';
      /** The end value of S'' (default 0). */
      value?: number;
    };

/**
 * Normal form of an end condition (what the end row prescribes), as reported by
 * `CubicSplineOperator.left` / `.right`.
 *
 * @example
 * ```ts
 * cubicSplineOperator(x, { left: 'even', right: 'natural' }).left; // { kind: 'slope', value: 0, label: 'even' }
 * ```
 */
export interface ResolvedEndCondition {
  /** `slope`: S' = value; `secondDerivative`: S'' = value; `notAKnot`; `periodic`. */
  readonly kind: 'slope' | 'secondDerivative' | 'notAKnot' | 'periodic';
  /** Prescribed value for `slope` / `secondDerivative` kinds (0 otherwise). */
  readonly value: number;
  /** The condition as the caller named it (for messages and reports). */
  readonly label: string;
}

const NAMES = ['natural', 'notAKnot', 'periodic', 'even', 'odd', 'clamped', 'secondDerivative'] as const;

/**
 * Validate an end condition and bring it to {@link ResolvedEndCondition} form. For the right
 * end, a slope or second-derivative value refers to the same x-direction as at the left end.
 *
 * @example
 * ```ts
 * resolveEndCondition('left', 'even'); // { kind: 'slope', value: 0, label: 'even' }
 * ```
 */
export function resolveEndCondition(name: string, condition: SplineEndCondition): ResolvedEndCondition {
  const type = checkOneOf(`${name}.type`, typeof condition === 'string' ? condition : condition?.type, NAMES);
  switch (type) {
    case 'natural':
    case 'odd':
      return { kind: 'secondDerivative', value: 0, label: type };
    case 'even':
      return { kind: 'slope', value: 0, label: type };
    case 'notAKnot':
    case 'periodic':
      return { kind: type, value: 0, label: type };
    case 'clamped': {
      const slope = typeof condition === 'object' && 'slope' in condition ? condition.slope ?? 0 : 0;
      return { kind: 'slope', value: checkFinite(`${name}.slope`, slope), label: type };
    }
    default: {
      const v = typeof condition === 'object' && 'value' in condition ? condition.value ?? 0 : 0;
      return { kind: 'secondDerivative', value: checkFinite(`${name}.value`, v), label: type };
    }
  }
}

/**
 * Check that a pair of end conditions is usable on n nodes: periodic on both ends or neither;
 * n ≥ 4 for periodic or not-a-knot at both ends, n ≥ 3 for one not-a-knot end, n ≥ 2 otherwise.
 *
 * @example
 * ```ts
 * checkEndConditionPair(resolveEndCondition('left', 'periodic'), resolveEndCondition('right', 'natural'), 10); // throws
 * ```
 */
export function checkEndConditionPair(left: ResolvedEndCondition, right: ResolvedEndCondition, n: number): void {
  if ((left.kind === 'periodic') !== (right.kind === 'periodic')) {
    throw new InvalidArgumentError('options.right', `'periodic' exactly when options.left is 'periodic'`, right.label);
  }
  const nak = (left.kind === 'notAKnot' ? 1 : 0) + (right.kind === 'notAKnot' ? 1 : 0);
  const minN = left.kind === 'periodic' || nak === 2 ? 4 : nak === 1 ? 3 : 2;
  if (n < minN) throw new InvalidArgumentError('nodes.length', `an integer >= ${minN} for end conditions (${left.label}, ${right.label})`, n);
}
