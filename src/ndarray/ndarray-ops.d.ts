// Minimal ambient types for the parts of `ndarray-ops` that singularis uses (the package ships none).
declare module 'ndarray-ops' {
  import type { NdArray } from 'ndarray';
  type A = NdArray<Float64Array>;
  export function assign(out: A, a: A): A;
  export function add(out: A, a: A, b: A): A;
  export function sub(out: A, a: A, b: A): A;
  export function mul(out: A, a: A, b: A): A;
  export function muls(out: A, a: A, s: number): A;
  export function addeq(out: A, a: A): A;
  export function mulseq(out: A, s: number): A;
  export function sup(a: A): number;
  export function inf(a: A): number;
  export function norm1(a: A): number;
  export function norm2squared(a: A): number;
  export function norminf(a: A): number;
  export function sum(a: A): number;
}
