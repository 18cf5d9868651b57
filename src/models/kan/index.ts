/**
 * Kolmogorov–Arnold networks (thesis `004_be634b2a977eac51.txt`, Chapter 3): layers of learnable
 * edge functions φ(x) = w_b·silu(x) + w_s·spline(x) on extended B-spline grids, exact
 * forward/reverse differentiation (parameters and input jets), thesis/pykan initialization,
 * L-BFGS/Adam training with grid update, grid extension and sparsity regularization.
 * Guide: docs/kan.md.
 * @module kan
 */
export {
  SILU,
  IDENTITY_BASE,
  ZERO_BASE,
  type ScalarJet,
  type BaseFunction,
  type SymbolicFunction,
  type BaseFunctionName,
} from './functions';
export { EDGE_SPLINE, EDGE_SYMBOLIC, KanLayer, type LayerParameterOffsets } from './layer';
export { KanNetwork, type KanStructure, type KanParameterCount } from './network';
export { resolveWidths, type KanWidth, type MultArity, type ResolvedWidths } from './width';
export { KanWorkspace, type JetOrder } from './workspace';
export { forwardKan, backwardKan, evaluateKan, type ForwardOptions, type BackwardOptions } from './propagation';
export {
  initializeKan,
  createKan,
  type KanInitScheme,
  type KanInitOptions,
  type KanInitReport,
  type KanOptions,
} from './initialization';
export { layerInputs, baseGridRange, edgeActivationScales } from './activations';
export {
  updateGridFromSamples,
  extendGrid,
  type RankDeficientFit,
  type GridRefitReport,
  type GridUpdateOptions,
  type GridExtensionResult,
} from './gridRefit';
export { regularizationTerm, type RegularizationOptions, type ResolvedRegularization } from './regularization';
export { KanObjective } from './objective';
export {
  kanRmse,
  trainKan,
  type KanDataset,
  type TrainKanOptions,
  type TrainKanFinal,
  type TrainKanHistory,
  type TrainKanStats,
  type TrainKanResult,
} from './training';
export { localBasisDerivatives } from './localBasis';
export { kanJetModel } from './jetModels';
export { mlpJetModel, type JetModel } from '../../nn/jetModel';
export { mseLoss, type JetLoss } from '../../nn/jetLoss';
export {
  trainJetModel,
  type TrainJetOptions,
  type TrainJetFinal,
  type TrainJetResult,
  type TrainJetHistory,
} from '../../nn/trainJet';
export {
  symbolicLibrary,
  DEFAULT_SYMBOLIC_NAMES,
  HELLO_KAN_SYMBOLIC_NAMES,
  type SymbolicParity,
  type LibraryFunction,
} from './symbolicLibrary';
export {
  fitSymbolicEdge,
  suggestSymbolic,
  type SymbolicFitOptions,
  type SymbolicEdgeFit,
  type ResolvedFitOptions,
  type SuggestSymbolicOptions,
  type SymbolicCandidate,
} from './symbolicFit';
export {
  autoSymbolic,
  type AutoSymbolicOptions,
  type AutoSymbolicEdge,
  type AutoSymbolicResult,
} from './symbolicNetwork';
export {
  variableForm,
  constantForm,
  atomsEqual,
  combineForms,
  applyFunctionForm,
  multiplyForms,
  evaluateForm,
  type FormulaAtom,
  type FormulaTerm,
  type LinearForm,
  type FormulaOptions,
} from './formulaExpression';
export {
  formatFormula,
  symbolicFormula,
  type FormatFormulaOptions,
  type SymbolicFormulaOptions,
  type SymbolicFormula,
} from './formula';
export { attributionScores, type AttributionScores } from './attribution';
export { subnetwork, pruneNodes, pruneKan, type PruneOptions, type PruneResult } from './prune';
export { kanToJSON, kanFromJSON, KAN_FORMAT, KAN_FORMAT_VERSION, type KanJSON, type KanLayerJSON, type LoadedKan } from './serialization';
export { kanDiagramSpec, edgeFormula, type KanDiagramOptions, type KanDiagramEdge } from './diagram';
export { fit, type PykanDataset, type PykanFitOptions, type PykanFitResult } from './pykanFit';
