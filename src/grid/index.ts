/**
 * Grids: uniform and mapped non-uniform 1-D grids with exact metric terms, 2-D tensor-product
 * grids, and even/odd reflection (ghost values) about x = 0.
 * @module grid
 */
export * from './maps';
export * from './grid1d';
export * from './symmetry';
export * from './tensorGrid2d';
export * from './nodeClassification';
export * from './structuredGrid2d';
export * from './structuredSubGrid';
export { RadialFiniteVolume, radialFiniteVolume } from './radialFiniteVolume';
export * from './sinhCoordinate';
