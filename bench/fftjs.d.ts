/** Types of the parts of `fft.js` 4.0.4 (no bundled types) used by bench/fft-fftjs.bench.ts. */
declare module 'fft.js' {
  /** Radix-4 FFT of a power-of-two size on interleaved complex arrays [re0, im0, re1, im1, …]. */
  export default class FFT {
    constructor(size: number);
    /** Transform size. */
    readonly size: number;
    /** A zeroed interleaved array of 2·size numbers. */
    createComplexArray(): number[];
    /** Unnormalized forward transform of interleaved `data` into `out` (distinct arrays). */
    transform(out: ArrayLike<number> & { [i: number]: number }, data: ArrayLike<number>): void;
    /** Inverse transform (divides by size). */
    inverseTransform(out: ArrayLike<number> & { [i: number]: number }, data: ArrayLike<number>): void;
    /** Forward transform of `size` reals; fills the first half of the interleaved spectrum. */
    realTransform(out: ArrayLike<number> & { [i: number]: number }, data: ArrayLike<number>): void;
    /** Fill the second half of a spectrum produced by realTransform by conjugate symmetry. */
    completeSpectrum(spectrum: ArrayLike<number> & { [i: number]: number }): void;
  }
}
