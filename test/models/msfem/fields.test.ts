import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Mulberry32 } from '../../../src/random/mulberry32';
import { highContrastDisks, periodicFiveScale, roughField, roughFieldNodes } from '../../../src/models/msfem/experiments/fields';

const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/msfem/rough_field.json'), 'utf8'));

describe('experiment fields', () => {
  it('mulberry32 and the rough field agree with an independent Python implementation', () => {
    const g = new Mulberry32(1);
    for (const u of fixture.uniformsSeed1) expect(g.next()).toBe(u);
    for (const seed of ['1', '2', '3']) {
      const ref = fixture.seeds[seed];
      const xi = roughFieldNodes(Number(seed));
      ref.firstNormals.forEach((v: number, k: number) => expect(xi[k]).toBeCloseTo(v, 13));
      expect(Math.min(...xi)).toBeCloseTo(ref.nodalMin, 13);
      expect(Math.max(...xi)).toBeCloseTo(ref.nodalMax, 13);
      const A = roughField(Number(seed));
      fixture.points.forEach(([x, y]: [number, number], k: number) => expect(A(x, y)).toBeCloseTo(ref.values[k], 12));
    }
  });

  it('the five-scale field is positive and bounded; disks take the contrast inside radius 0.015', () => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i <= 200; i++) {
      for (let j = 0; j <= 200; j++) {
        const a = periodicFiveScale(i / 200, j / 200);
        lo = Math.min(lo, a);
        hi = Math.max(hi, a);
      }
    }
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(20);
    const A = highContrastDisks(64);
    expect(A(0.5, 0.5)).toBe(64);
    expect(A(0.5 + 0.014, 0.5)).toBe(64);
    expect(A(0.5 + 0.016, 0.5)).toBe(1);
    expect(A(0.25, 0.25)).toBe(1);
    expect(A(0.8, 0.2)).toBe(64);
  });
});
