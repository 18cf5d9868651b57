/**
 * A small deterministic RandomSource for tests only: a Weyl sequence hashed by the murmur3
 * finaliser (splitmix32-style) for 32-bit words, two words per
 * 53-bit uniform, Box–Muller (both outputs used) for normals. Not for production use.
 */
import type { RandomSource } from '../../src/core/types';

// Module-level copies: global lookups are slow inside Jest's VM context.
const { imul, sqrt, log, sin, cos, PI } = Math;

export class TestRandom implements RandomSource {
  private state: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  private nextWord(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }

  uniform(): number {
    const hi = this.nextWord() >>> 5; // 27 bits
    const lo = this.nextWord() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u1 = 1 - this.uniform(); // (0, 1]
    const u2 = this.uniform();
    const r = sqrt(-2 * log(u1));
    this.spare = r * sin(2 * PI * u2);
    this.hasSpare = true;
    return r * cos(2 * PI * u2);
  }
}

/** The observed order of convergence (least-squares log–log slope). */
export { logLogSlope as observedOrder } from '../../src/stats/powerLaw';
