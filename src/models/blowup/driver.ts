/**
 * The dynamic-rescaling driver (thesis §2.4; docs/blowup.md): advances the augmented state
 * `(û, log λ_1..log λ_d, log Ĉ_u, t)` of a rescaled equation
 *
 *     û_τ = Σ_p c_p G_p(û) + N(û) + Σ_i λ_i D_i û,     (★, thesis eq. (2.2.5))
 *     (log λ_i)_τ = c_u + 2c_l^i,   (log Ĉ_u)_τ = c_u,   t_τ = Ĉ_u = exp(log Ĉ_u),
 *
 * with one Runge–Kutta method, recomputing the modulation constants `c = (c_u, c_l^1, …)` at
 * every stage from the normalization conditions ℓ_q(û_τ) = 0 (q = 0..P−1).
 *
 * **Discrete-consistent normalization** (default): at stage i the constants solve the P×P system
 * `Σ_p c_p ℓ_q(G_p(Y_i)) = −ℓ_q(N(Y_i)) − ℓ_q(I_i)`, where I_i is the diffusion increment the
 * scheme actually adds at that stage (for an implicit stage `I_i = (Y_i − X_i)/(kγ)`, X_i the
 * explicit predictor). Since the explicit and implicit parts share the weights b,
 * `ℓ_q(y_{n+1}) = ℓ_q(y_n) + k Σ_i b_i (ℓ_q(E_i) + ℓ_q(I_i)) = ℓ_q(y_n)`: the normalized values
 * (û(0), (D2û)(0), …) are preserved to round-off for any step size. **Thesis normalization**
 * (`'thesis'`): the model's closed formulas (thesis §2.4.1–§2.4.2) at each stage.
 * **Frozen** modulation: c from the first stage reused in all stages (the sequential update the
 * thesis text suggests in §2.4.1); invariants then hold only to first order in k.
 *
 * Steps: explicit schemes use `k = cfl·min(advective bound, diffusive bound)`; IMEX schemes use
 * an embedded error estimate (I-controller) capped by `cfl·advective bound`. Cost per step:
 * `stages × (one model.evaluate + P+2 functionals + one implicit solve)`.
 *
 * Steps are controlled by `time/`'s `StepSizeController` (I-controller, exponent 1/order).
 * The run is available step by step ({@link initRescaled}); {@link runRescaled} is `drive` over it.
 *
 * ## Adding a model
 * Implement {@link RescalingModel} (field layout, G_p, N, D, ℓ_q, step bounds) and call
 * {@link runRescaled}. See docs/blowup.md, "How to add a new model to the driver".
 *
 * @module
 */
import { drive, type RunOptions } from '../../core/run';
import type { RescaledRunOptions, RescaledRunResult, RescalingModel } from './driverTypes';
import { initRescaled } from './rescaledStepper';

export type {
  RescalingModel,
  NormalizationMode,
  NormalisationMode,
  ModulationUpdate,
  RescaledState,
  RescaledStepControls,
  RescaledRunOptions,
  RescaledRunResult,
  RescaledFinal,
  RescaledStatsExtras,
  RescaledHistory,
} from './driverTypes';
export { initRescaled, RescaledStepper } from './rescaledStepper';

/**
 * Advance a {@link RescalingModel} from τ = 0 to `tauEnd` (see the module doc for the scheme):
 * `drive(initRescaled(model, options, runOptions), runOptions)`. Invalid options throw
 * `InvalidArgumentError`/`InvalidTypeError` before any work; problems met during the run are
 * reported through `status` and `message`. `signal`, `onProgress` and `progressEvery` may be given
 * in `runOptions` (the shared idiom) or, as before, in `options`; `runOptions.saveAt` (rescaled
 * times, strictly increasing, in [0, tauEnd]) fills `result.saved`. Memory O(stages·size).
 *
 * @example
 * ```ts
 * const model = radialHeatModel(mappedGrid(sinhMap({ length: 1e5 }), 300, { symmetry: 'even' }), { dim: 1 });
 * const run = runRescaled(model, { u0, logLambda0: [0], tauEnd: 100 }, { saveAt: [10, 50], signal });
 * run.status; run.final.t; run.stats.naccept; // 'success', physical time reached, steps
 * ```
 */
export function runRescaled(model: RescalingModel, options: RescaledRunOptions, runOptions: RunOptions = {}): RescaledRunResult {
  const merged: RunOptions = {
    signal: runOptions.signal ?? options?.signal,
    onProgress: runOptions.onProgress ?? options?.onProgress,
    progressEvery: runOptions.progressEvery ?? options?.progressEvery,
    saveAt: runOptions.saveAt,
  };
  return drive(initRescaled(model, options, merged), merged);
}
