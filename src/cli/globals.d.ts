/** Replaced at build time by tsup with the package version. */
declare const __SINGULARIS_VERSION__: string;
