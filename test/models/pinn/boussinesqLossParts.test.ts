import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BoussinesqLoss, BoussinesqSmoothness } from '../../../src/models/pinn/index';
import { Mlp } from '../../../src/nn/mlp';

const fx = JSON.parse(readFileSync(join(__dirname, '../../fixtures/pinn/boussinesq_loss_parts.json'), 'utf8')) as {
  widths: number[]; theta: number[]; interiorPoints: number[]; bottomPoints: number[]; farPoints: number[]; smoothnessPoints: number[];
  interior: number; boundary: number; smoothness: number; interiorSumOverResiduals: number; smoothnessSumOverResiduals: number;
};

describe('Boussinesq loss normalization (thesis (B.4.1); means over residuals and conditions, as the reference run logged)', () => {
  const nets = Array.from({ length: 6 }, () => new Mlp(fx.widths, 'silu'));
  const theta = Float64Array.from(fx.theta);

  test('interior and boundary terms equal an independent numpy assembly (mean over the six residuals; mean over the seven boundary conditions)', () => {
    const loss = new BoussinesqLoss(nets);
    loss.setPoints(fx.interiorPoints, fx.bottomPoints, fx.farPoints);
    const f = loss.evaluate(theta, new Float64Array(loss.size));
    expect(Math.abs(loss.parts.interior - fx.interior)).toBeLessThan(1e-13 * fx.interior);
    expect(Math.abs(loss.parts.boundary - fx.boundary)).toBeLessThan(1e-13 * fx.boundary);
    expect(Math.abs(f - (0.1 * fx.interior + fx.boundary))).toBeLessThan(1e-13 * f);
    // the sum over residuals is 6× the mean: the normalization is not that of the sum
    expect(Math.abs(fx.interiorSumOverResiduals / loss.parts.interior - 6)).toBeLessThan(1e-12);
  });

  test('smoothness term equals mean over points and residuals of |∇_z R_e|² from fourth-order differences in numpy', () => {
    const smooth = new BoussinesqSmoothness(nets);
    smooth.setPoints(fx.smoothnessPoints);
    const f = smooth.evaluate(theta, new Float64Array(theta.length));
    // fourth-order differences with h = 1e-3: truncation ~1e-13 relative, round-off ~1e-16/h
    expect(Math.abs(smooth.value - fx.smoothness)).toBeLessThan(1e-11 * fx.smoothness); // observed 3e-13
    expect(Math.abs(f - 0.1 * fx.smoothness)).toBeLessThan(1e-11 * f);
    expect(Math.abs(fx.smoothnessSumOverResiduals / smooth.value - 6)).toBeLessThan(1e-8);
  });
});
