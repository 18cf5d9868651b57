/**
 * `singularis/pinn`: high-precision physics-informed networks for self-similar profiles on
 * unbounded domains (thesis Appendix B): Burgers profiles with exact or weak asymptotics trained by
 * SSBroyden1 with resampling restarts, closed-form reference profiles, checkpoints. Guide: docs/pinn.md.
 * @module pinn
 */
export { burgersProfile, burgersProfileCardano, burgersProfileSlope } from './closedForm';
export { BurgersLoss, burgersConstraints, referenceMember, DEFAULT_LOSS_WEIGHTS, type Asymptotics, type LossParts, type LossWeights } from './burgers';
export { resolveProfileProblem, type BurgersProfileProblem, type ResolvedProfileProblem } from './problem';
export { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, parseCheckpoint, validateCheckpoint, type ProfileCheckpoint } from './checkpoint';
export { initTrainProfile, trainProfile, trainProfileAsync, ProfileTrainer, type ProfileFinal, type ProfileHistory, type ProfileRunResult, type ProfileStats } from './train';
export { compareWithClosedForm, effectiveMember, learnedProfile, type ProfileComparison } from './profile';
export { BOUSSINESQ_FIELDS, boussinesqParameterCount, boussinesqResiduals, omegaAnsatzJets, parityJets2d } from './boussinesq';
export { BoussinesqLoss, type BoussinesqLossTerms } from './boussinesqLoss';
export { BoussinesqSmoothness } from './boussinesqSmoothness';
export { trainBoussinesqProfile, resolveBoussinesqProblem, type BoussinesqFinal, type BoussinesqHistory, type BoussinesqProblem, type BoussinesqRunResult, type BoussinesqStats } from './trainBoussinesq';
export { BOUSSINESQ_CHECKPOINT_FORMAT, BOUSSINESQ_CHECKPOINT_VERSION, parseBoussinesqCheckpoint, validateBoussinesqCheckpoint, type BoussinesqCheckpoint, type BoussinesqAdamCheckpoint, type BoussinesqCheckpointHistory, type BoussinesqLossParts, type BoussinesqWeights, type ResolvedBoussinesqProblem } from './boussinesqCheckpoint';
