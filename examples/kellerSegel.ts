/**
 * 3-D Keller–Segel with logistic damping (thesis §1.1.3): the self-similar profile by the phase
 * portrait, and a physical-time blowup from data on the scaled profile with its rate
 * ρ(0,t)(T − t) → Q(0) = 1/(1−μ). Run: `npx tsx examples/kellerSegel.ts`.
 */
import { kellerSegelPhysical, kellerSegelProfile, scaledProfileData } from '../src/models/blowup/index';

const p = kellerSegelProfile({ mu: 0.1, j0: 10 });
console.log(`μ = 0.1, j0 = 10: β = ${p.beta.toFixed(6)}, Q(1) = ${p.profileAt(1).toFixed(8)}, far slope ${p.farSlope.toFixed(8)} (−1/β = ${p.farSlopeLimit.toFixed(8)})`);
const run = kellerSegelPhysical({ mu: 0.1, initialData: scaledProfileData((y) => p.profileAt(y), 1, 1e3), grid: { n: 800, length: 2e4, scale: 0.5 }, amplitudeTarget: 1e5 });
console.log(`physical run: ${run.status}, ${run.stats.naccept} steps, T = ${run.blowupTime}, ρ(0,t)(T−t)(1−μ) = ${run.rateToQ0}, mass balance ${run.maxBalanceDefect.toExponential(2)}`);
