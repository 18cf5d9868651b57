/**
 * Preconditioned conjugate gradients (Hestenes & Stiefel 1952) for symmetric positive definite
 * systems, and its complex-symmetric twin COCG (conjugate orthogonal CG, van der Vorst & Melissen
 * 1990), which runs the same recurrence with the unconjugated bilinear form xᵀy and applies to
 * A = Aᵀ ∈ ℂ^{n×n} such as Helmholtz matrices with absorption.
 *
 * Recurrence (Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., Alg. 9.1):
 * z = M⁻¹r, ρ = (r, z), q = A p, α = ρ/(p, q), x += αp, r −= αq, β = ρ_new/ρ, p = z + βp.
 * In exact arithmetic CG minimizes the A-norm of the error over the Krylov space and needs
 * O(√κ) iterations for a relative reduction; each iteration costs one product with A, one
 * preconditioner application, two dot products and three axpys.
 *
 * Breakdowns are reported, never turned into NaNs: (p, Ap) ≤ 0 in CG means A is not positive
 * definite on the Krylov space; (r, M⁻¹r) ≤ 0 means M is not positive definite; in COCG a
 * vanishing (p, Ap) or (r, M⁻¹r) with r ≠ 0 is a breakdown of the bilinear Lanczos process.
 *
 * @module
 */
import type { Vec } from '../../core/types';
import type { ComplexCsrMatrix, CsrMatrix } from './csr';
import {
  complexDivide,
  convergenceFraction,
  finishKrylov,
  type KrylovOptions,
  type KrylovResult,
  type KrylovSpace,
  krylovSpace,
  type LinearOperator,
  MAX_RESIDUAL_REPLACEMENTS,
  resolveKrylovOptions,
  scaleAdd,
  trueResidual,
} from './krylov';

function conjugateGradientCore(space: KrylovSpace, b: Vec, options: KrylovOptions, requirePositive: boolean): KrylovResult {
  const { x, rtol, atol, maxIterations, watch } = resolveKrylovOptions(space, b, options);
  const progressExtra = { residualNorm: 0 };
  const length = space.width * space.n;
  const r = new Float64Array(length);
  const z = new Float64Array(length);
  const p = new Float64Array(length);
  const q = new Float64Array(length);
  const rho = new Float64Array(2);
  const rhoNew = new Float64Array(2);
  const pq = new Float64Array(2);
  const alpha = new Float64Array(2);
  const beta = new Float64Array(2);
  const rhsNorm = space.norm(b);
  const tolerance = Math.max(rtol * rhsNorm, atol);
  let residualNorm = trueResidual(space, b, x, r);
  const initialNorm = residualNorm;
  let iterations = 0;
  let replacements = 0;
  const done = (status: KrylovResult['status'], breakdown?: string, known?: number) =>
    finishKrylov(space, b, x, q, iterations, rhsNorm, status, watch, breakdown, known);
  if (!Number.isFinite(residualNorm)) return done('nonFinite', 'the initial residual is not finite');
  let restart = true;
  for (;;) {
    if (restart) {
      space.precondition(r, z);
      p.set(z);
      space.dot(r, z, rho);
      restart = false;
    }
    if (residualNorm <= tolerance) {
      const trueNorm = trueResidual(space, b, x, q);
      if (trueNorm <= tolerance) return done('success', undefined, trueNorm);
      if (++replacements > MAX_RESIDUAL_REPLACEMENTS) return done('diverged', 'stagnation: the true residual stays above the tolerance (tolerance below attainable accuracy)', trueNorm);
      r.set(q);
      residualNorm = trueNorm;
      restart = true;
      continue;
    }
    if (iterations >= maxIterations) return done('maxSteps');
    progressExtra.residualNorm = residualNorm;
    if (watch.tick(iterations, convergenceFraction(initialNorm, residualNorm, tolerance), undefined, progressExtra)) return done('aborted');
    if (requirePositive && !(rho[0] > 0)) {
      return done('diverged', `preconditioner not positive definite: (r, M⁻¹r) = ${rho[0]}`);
    }
    if (!requirePositive && rho[0] === 0 && rho[1] === 0) return done('diverged', 'COCG breakdown: (r, M⁻¹r) = 0 with r ≠ 0');
    space.multiply(p, q);
    space.dot(p, q, pq);
    if (!Number.isFinite(pq[0]) || !Number.isFinite(pq[1])) return done('nonFinite', 'A p is not finite');
    if (requirePositive && !(pq[0] > 0)) return done('diverged', `indefinite operator: (p, Ap) = ${pq[0]} <= 0`);
    if (!requirePositive && pq[0] === 0 && pq[1] === 0) return done('diverged', 'COCG breakdown: (p, Ap) = 0');
    complexDivide(rho[0], rho[1], pq[0], pq[1], alpha);
    if (!Number.isFinite(alpha[0]) || !Number.isFinite(alpha[1])) return done('nonFinite', 'step length is not finite');
    space.axpy(alpha[0], alpha[1], p, x);
    space.axpy(-alpha[0], -alpha[1], q, r);
    iterations++;
    residualNorm = space.norm(r);
    if (!Number.isFinite(residualNorm)) return done('nonFinite', 'the residual is not finite');
    space.precondition(r, z);
    space.dot(r, z, rhoNew);
    if (!Number.isFinite(rhoNew[0]) || !Number.isFinite(rhoNew[1])) return done('nonFinite', 'the preconditioned residual is not finite');
    complexDivide(rhoNew[0], rhoNew[1], rho[0], rho[1], beta);
    scaleAdd(space.width, z, beta[0], beta[1], p);
    rho.set(rhoNew);
  }
}

/**
 * Solve a real symmetric positive definite system `A x = b` by (preconditioned) conjugate
 * gradients. `A` is a real {@link CsrMatrix} or a {@link LinearOperator}; use
 * {@link jacobiPreconditioner} or {@link IncompleteCholesky} as `options.preconditioner`.
 * Stops when ‖b − A x‖₂ ≤ max(rtol‖b‖₂, atol) (default rtol 1e-10), confirmed on the true residual.
 *
 * @example
 * ```ts
 * const { x, status, iterations } = conjugateGradient(K, f, {
 *   rtol: 1e-10, preconditioner: new IncompleteCholesky(K),
 * });
 * ```
 */
export function conjugateGradient(A: CsrMatrix | LinearOperator, b: Vec, options: KrylovOptions = {}): KrylovResult {
  return conjugateGradientCore(krylovSpace(A, 1, 'bilinear', options.preconditioner), b, options, true);
}

/**
 * Solve a complex symmetric (Aᵀ = A, not Hermitian) system by preconditioned COCG: CG with the
 * bilinear form xᵀy. Vectors are interleaved complex; the preconditioner must be complex
 * symmetric too (e.g. {@link complexJacobiPreconditioner}). Same options and stopping rule as
 * {@link conjugateGradient}; the residual norm is the Hermitian 2-norm. COCG has no minimization
 * property, so the residual need not decrease monotonically.
 *
 * @example
 * ```ts
 * const { x, status } = cocg(H, f, { preconditioner: complexJacobiPreconditioner(H) });
 * ```
 */
export function cocg(A: ComplexCsrMatrix | LinearOperator, b: Vec, options: KrylovOptions = {}): KrylovResult {
  return conjugateGradientCore(krylovSpace(A, 2, 'bilinear', options.preconditioner), b, options, false);
}
