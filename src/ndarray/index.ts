/**
 * `singularis/ndarray` — interop with scijs `ndarray` / `ndarray-ops`.
 *
 * This is the only part of singularis that imports those packages: `ndarray-ops` compiles its
 * loops at run time with `new Function`, which strict Content-Security-Policy pages forbid.
 * @module ndarray
 */
export * from './interop';
export * from './fieldOps';
