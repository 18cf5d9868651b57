/**
 * Event detection for ODE integrations: zero crossings of user functions `g(t, y)`, detected by a
 * sign change over an accepted step and located by Brent's method on the step's interpolant.
 *
 * Limitation (shared with scipy's `solve_ivp`): two zeros of the same `g` inside one step cancel
 * and are not seen; bound the step (`hmax` or `dt`) below the shortest interval between zeros.
 *
 * @module
 */
import { checkFunction, checkInteger } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { Vec } from '../core/types';
import type { OdeIntegrator } from './integrator';

/**
 * An event function `g(t, y)` whose zeros are located during a solve.
 * `direction`: `+1` reports only crossings where `g` goes from negative to non-negative along
 * the integration, `−1` only from positive to non-positive, `0` (default) both.
 * `terminal`: stop the integration at the first located zero (default false).
 * @example
 * ```ts
 * // stop when the falling ball reaches the floor
 * const floor: OdeEvent = { fn: (t, y) => y[0], direction: -1, terminal: true };
 * const sol = solve(prob, dopri5(), { events: [floor] });
 * ```
 */
export interface OdeEvent {
  /** The event function; must not modify `y`. */
  fn: (t: number, y: Vec) => number;
  /** Crossing direction to report (default 0: both). */
  direction?: -1 | 0 | 1;
  /** Stop the solve at this event (default false). */
  terminal?: boolean;
}

/**
 * A located event.
 * @example
 * ```ts
 * const hit: EventHit | undefined = sol.events[0];
 * if (hit?.terminal) console.log(`contact at t = ${hit.t}, velocity ${hit.y[1]}`);
 * ```
 */
export interface EventHit {
  /** Index of the event in the `events` option. */
  index: number;
  /** Time of the zero (to within a few ulps of the interpolant's root). */
  t: number;
  /** Interpolated state at `t`. */
  y: Float64Array;
  /** True when this event stopped the integration. */
  terminal: boolean;
}

/** Validate an `events` option. Internal helper. */
export function checkEvents(name: string, events: unknown): OdeEvent[] {
  if (!Array.isArray(events)) throw new InvalidTypeError(name, 'an array of { fn, direction?, terminal? }', events);
  events.forEach((event: OdeEvent, k) => {
    if (event === null || typeof event !== 'object') throw new InvalidTypeError(`${name}[${k}]`, 'an object { fn, direction?, terminal? }', event);
    checkFunction(`${name}[${k}].fn`, event.fn);
    if (event.direction !== undefined) checkInteger(`${name}[${k}].direction`, event.direction, -1, 1);
    if (event.terminal !== undefined && typeof event.terminal !== 'boolean') {
      throw new InvalidTypeError(`${name}[${k}].terminal`, 'a boolean', event.terminal);
    }
  });
  return events as OdeEvent[];
}

/**
 * Brent's method (zeroin; Brent, *Algorithms for Minimization without Derivatives*, 1973, ch. 4)
 * for a zero of `f` in `[a, b]` with `f(a)·f(b) ≤ 0`, to absolute tolerance
 * `2·eps·|x| + tol/2`. Superlinear on smooth functions, never slower than bisection.
 * @example
 * ```ts
 * const f = (x: number) => x * x - 2;
 * brentRoot(f, 0, 2, f(0), f(2), 1e-14); // √2
 * ```
 */
export function brentRoot(f: (x: number) => number, a: number, b: number, fa: number, fb: number, tol: number): number {
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (fa * fb > 0) throw new InvalidArgumentError('f(a)·f(b)', 'a number <= 0 (a bracketing interval)', fa * fb);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < 200; iter++) {
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b; b = c; c = a;
      fa = fb; fb = fc; fc = fa;
    }
    const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol1 || fb === 0) return b;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : m > 0 ? tol1 : -tol1;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
  }
  return b;
}

/** Shared result of a step without crossings, so that event-free steps allocate nothing. */
const NO_HITS: readonly EventHit[] = Object.freeze([]);

/**
 * Tracks the signs of the event functions across accepted steps and locates crossings on the
 * integrator's interpolant. Internal helper of `solve`.
 */
export class EventTracker {
  private readonly gPrev: Float64Array;
  private readonly gNew: Float64Array;
  private readonly work: Vec;

  /**
   * @param events - validated events
   * @param dim - state dimension
   */
  constructor(private readonly events: OdeEvent[], dim: number) {
    this.gPrev = new Float64Array(events.length);
    this.gNew = new Float64Array(events.length);
    this.work = new Float64Array(dim);
  }

  /** Evaluate every event function at `(t, y)` as the reference signs. */
  reset(t: number, y: Vec): void {
    for (let k = 0; k < this.events.length; k++) this.gPrev[k] = this.events[k].fn(t, y);
  }

  /**
   * Look for crossings over the integrator's last step. Returns the hits in time order, cut after
   * the first terminal one (a shared empty array when none).
   */
  detect(it: OdeIntegrator): readonly EventHit[] {
    const events = this.events;
    let hits: EventHit[] | null = null;
    const t0 = it.tPrev;
    const t1 = it.t;
    const tol = 4 * Number.EPSILON * Math.max(Math.abs(t0), Math.abs(t1));
    const work = this.work;
    for (let k = 0; k < events.length; k++) {
      const g0 = this.gPrev[k];
      const g1 = events[k].fn(t1, it.y);
      this.gNew[k] = g1;
      const rising = g0 < 0 && g1 >= 0;
      const falling = g0 > 0 && g1 <= 0;
      if (!rising && !falling) continue;
      const direction = events[k].direction ?? 0;
      if ((direction === 1 && !rising) || (direction === -1 && !falling)) continue;
      const fn = events[k].fn;
      const g = (s: number): number => fn(s, it.interpolate(s, work));
      const tRoot = brentRoot(g, t0, t1, g0, g1, tol);
      (hits ??= []).push({ index: k, t: tRoot, y: it.interpolate(tRoot, new Float64Array(work.length)), terminal: events[k].terminal === true });
    }
    this.gPrev.set(this.gNew);
    if (hits === null) return NO_HITS;
    const dir = t1 > t0 ? 1 : -1;
    hits.sort((p, q) => dir * (p.t - q.t) || p.index - q.index);
    const firstTerminal = hits.findIndex((hit) => hit.terminal);
    return firstTerminal >= 0 ? hits.slice(0, firstTerminal + 1) : hits;
  }
}
