/**
 * Dense neural networks in float64: MLPs of any widths with tanh/silu activations, Glorot
 * initialization from an explicit generator, forward input jets up to order 2 (values, gradients,
 * pure second derivatives / Laplacians) and exact reverse-mode parameter gradients of losses built
 * from them. Guide: docs/nn.md.
 * @module nn
 */
export { activationJets, checkActivation, MLP_ACTIVATIONS, type MlpActivation } from './activation';
export { Mlp, initializeMlp, mlpParameterCount, mlpWidthsForParameterCount, type MlpInitOptions, type MlpLayerOffsets } from './mlp';
export { MlpWorkspace, type MlpJetOrder } from './workspace';
export { backwardMlp, checkMlpInput, evaluateMlp, forwardMlp, type MlpBackwardOptions, type MlpForwardOptions } from './propagation';
export { gelu, geluDerivative } from './gelu';
export { pointwiseLinear, pointwiseLinearBackward } from './pointwise';
export { SpectralConv, checkModes, nModesFromLi, nonLastFrequencyRange, type SpatialShape } from './spectralConv';
export { Fno, type FnoOptions, type FnoLayout, type FnoBlockOffsets } from './fno';
export { lpLoss, h1Loss, type OperatorLossOptions, type LpLossOptions, type H1LossOptions } from './operatorLoss';
export { fnoToJSON, fnoFromJSON, FNO_FILE_FORMAT, FNO_FILE_VERSION, type FnoFile, type LoadedFno } from './fnoFile';
export { initializeMlpFanIn } from './fanInInit';
export { checkFarFieldLaw, checkParity, checkTaylorAnsatz, farFieldJets, powerJet, taylorAnsatzJets, type AnsatzTerm, type FarFieldLaw, type Parity, type TaylorAnsatz } from './hardConstraints';
export { ConstrainedNet1d, type Constraints1d, type Jets1d } from './constrainedNet1d';
export { mlpJetModel, type JetModel } from './jetModel';
export { mseLoss, type JetLoss } from './jetLoss';
export { trainJetModel, type TrainJetOptions, type TrainJetFinal, type TrainJetResult, type TrainJetHistory } from './trainJet';
