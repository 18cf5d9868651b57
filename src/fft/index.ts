/**
 * Fourier transforms: complex and real DFTs of any length in 1D and 2D (mixed radix 4/2/3/5 +
 * generic odd radices, Bluestein for large primes), numpy's three normalizations, zero-frequency
 * shifts, split re/im Float64Array storage and reusable allocation-free plans. Guide: docs/fft.md.
 * @module fft
 */
export { FftPlan, FFT_NORMALIZATIONS, BLUESTEIN_PRIME_THRESHOLD, normalizationScale, checkNormalization, type FftNormalization } from './fftPlan';
export { RealFftPlan } from './realFftPlan';
export { Fft2dPlan, RealFft2dPlan } from './fft2d';
export { fftshift, ifftshift, fftshift2d, ifftshift2d, type ShiftAxes } from './shift';
export { fft, ifft, rfft, irfft, fft2, ifft2, rfft2, irfft2, type SplitComplex } from './transforms';
export { FcLegendre, normalizedLegendre, type FcLegendreOptions } from './fourierContinuation';
export { FourierDiff, type FourierDiffOptions, type FourierContinuation } from './fourierDiff';
export { FcGram, type FcGramOptions } from './fcGram';
export { FC_GRAM_CONTINUATION_POINTS, FC_GRAM_FIT_RESIDUAL } from './fcGramMatrices';
