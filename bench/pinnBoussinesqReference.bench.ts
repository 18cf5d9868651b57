/**
 * The Boussinesq loss of `singularis/pinn` (thesis Appendix B.4) evaluated on the reference code's
 * trained networks, converted by `bench/pinnBoussinesqReference.py` (no torch needed): if this
 * library's residuals, parity wrappers, Ω ansatz, chain rule and network assignment are those of the
 * reference, the trained profile must make the residuals small here too (the smoothness term included).
 * The reference run's log at epoch 9999 (results.pkl, λ = 1.3007396 as in l9999final.pth): pde 2.687e-4,
 * smoothness 9.88e-5, boundary 5.52e-6, total 4.228e-5; after SSBroyden1 (losses.pkl) 4.87e-11.
 * Part 2: the loss at this
 * library's initialization of the thesis-size networks (several seeds) against the reference's first
 * logged Adam loss (pde 300.26, smoothness 3.00, boundary 0.0061, total 30.33).
 *
 * Run: python3 bench/pinnBoussinesqReference.py <reference clone> 40000 ref.json
 *      npx tsx bench/pinnBoussinesqReference.bench.ts ref.json [ref9999.json …]
 */
import { readFileSync } from 'node:fs';
import { BoussinesqLoss, BoussinesqSmoothness } from '../src/models/pinn/index';
import { initializeMlpFanIn } from '../src/nn/fanInInit';
import { Mlp } from '../src/nn/mlp';
import { sampleBoxMixture, sampleBoxSide } from '../src/random/boxSamplers';
import { Rng } from '../src/random/rng';

const files = process.argv.slice(2);
const hidden = [30, 30, 30, 30, 30, 30];

function setPoints(loss: BoussinesqLoss, rng: Rng, interior: number, sides: number, box: number): void {
  const b = { lo: [0, 0], hi: [30, 30] };
  const pts = box === 30 ? sampleBoxMixture(rng, [b, { lo: [0, 0], hi: [5, 5] }], [1, 1], interior) : sampleBoxMixture(rng, [{ lo: [0, 0], hi: [box, box] }], [1], interior);
  const far = new Float64Array(4 * sides);
  far.set(sampleBoxSide(rng, b, 0, 'hi', sides));
  far.set(sampleBoxSide(rng, b, 1, 'hi', sides), 2 * sides);
  loss.setPoints(pts, sampleBoxSide(rng, b, 1, 'lo', sides), far);
}

if (files.length === 0) {
  console.log('pinnBoussinesqReference: give the JSON written by bench/pinnBoussinesqReference.py (skipped)');
} else {
  const nets = Array.from({ length: 6 }, () => new Mlp([2, ...hidden, 1], 'silu'));
  const loss = new BoussinesqLoss(nets);
  const smooth = new BoussinesqSmoothness(nets);
  const g = new Float64Array(loss.size);
  console.log('| networks | λ | points | interior: mean over points and residuals of r² (pde) | boundary: mean over the 7 conditions | smoothness: mean of ‖∇_z R_e‖² (5000 on ½[0,3]² + ½[0,0.5]²) | total 0.1·(pde + smoothness) + boundary |');
  console.log('|---|---|---|---|---|---|---|');
  for (const file of files) {
    const ref = JSON.parse(readFileSync(file, 'utf8')) as { source: string; lambda: number; theta: number[] };
    const theta = Float64Array.from(ref.theta);
    for (const [label, box] of [['5000 on ½[0,30]² + ½[0,5]², 1000 per side', 30], ['5000 on [0,5]²', 5], ['5000 on [0,1]²', 1]] as const) {
      const rng = new Rng(1);
      setPoints(loss, rng, 5000, 1000, box);
      smooth.setPoints(sampleBoxMixture(rng, [{ lo: [0, 0], hi: [3, 3] }, { lo: [0, 0], hi: [0.5, 0.5] }], [1, 1], 5000));
      const f = loss.evaluate(theta, g) + smooth.evaluate(theta, g);
      console.log(`| ${ref.source} | ${ref.lambda.toPrecision(9)} | ${label} | ${loss.parts.interior.toExponential(3)} | ${loss.parts.boundary.toExponential(3)} | ${smooth.value.toExponential(3)} | ${f.toExponential(3)} |`);
    }
  }
  console.log('\nInitial loss at this library\'s initialization (U(±1/√fan_in), SiLU 2→30×6→1), λ = 3, the sampling above:');
  for (const seed of [0, 1, 2, 3, 4, 5, 6, 7]) {
    const rng = new Rng(seed);
    const init = Array.from({ length: 6 }, () => initializeMlpFanIn(new Mlp([2, ...hidden, 1], 'silu'), rng));
    const l = new BoussinesqLoss(init);
    const theta = new Float64Array(l.size);
    let o = 0;
    for (const n of init) { theta.set(n.params, o); o += n.params.length; }
    theta[l.size - 1] = 3;
    setPoints(l, rng, 5000, 1000, 30);
    const sm = new BoussinesqSmoothness(init);
    sm.setPoints(sampleBoxMixture(rng, [{ lo: [0, 0], hi: [3, 3] }, { lo: [0, 0], hi: [0.5, 0.5] }], [1, 1], 5000));
    const gg = new Float64Array(l.size);
    const f = l.evaluate(theta, gg) + sm.evaluate(theta, gg);
    console.log(`seed ${seed}: pde ${l.parts.interior.toExponential(3)}, smoothness ${sm.value.toExponential(3)}, boundary ${l.parts.boundary.toExponential(3)}, total ${f.toExponential(3)}`);
  }
}
