/**
 * mulberry32, a tiny portable 32-bit generator, with Box–Muller normals — chosen for fixtures that
 * must be reproduced bit for bit in other languages (a dozen lines in any language with 32-bit
 * integer multiply), e.g. the seeded rough coefficient field of the multiscale FEM experiments
 * (thesis §4.4.3). Not for statistics: use {@link Rng} (xoshiro128**) there.
 *
 * Algorithm: `a = (a + 0x6D2B79F5) >>> 0; t = imul(a ^ (a >>> 15), 1 | a);
 * t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t; u = ((t ^ (t >>> 14)) >>> 0) / 2³²`; normals by the
 * cosine branch `sqrt(−2 ln(1 − u1))·cos(2π u2)` (two uniforms per normal).
 *
 * @module
 */
import { checkInteger } from '../core/check';

/**
 * A mulberry32 stream: `next()` returns uniforms in [0, 1), `normal()` standard normals (Box–Muller
 * cosine branch, two uniforms each). O(1) per draw.
 *
 * @example
 * ```ts
 * const g = new Mulberry32(1);
 * g.next();    // 0.6270739405881613
 * g.normal();
 * ```
 */
export class Mulberry32 {
  private a: number;

  /** @param seed - an unsigned 32-bit integer */
  constructor(seed: number) {
    this.a = checkInteger('seed', seed, 0, 0xffffffff) >>> 0;
  }

  /** A uniform double in [0, 1) with 32 random bits. */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    const a = this.a;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A standard normal by the Box–Muller cosine branch (consumes two uniforms). */
  normal(): number {
    const u1 = this.next();
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
