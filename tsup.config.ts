import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;

/** One entry per public subpath (see package.json `exports`) plus the CLI. */
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'models/billiards/index': 'src/models/billiards/index.ts',
      'models/blowup/index': 'src/models/blowup/index.ts',
      'models/kan/index': 'src/models/kan/index.ts',
      'models/pinn/index': 'src/models/pinn/index.ts',
      'models/msfem/index': 'src/models/msfem/index.ts',
      'models/sampling/index': 'src/models/sampling/index.ts',
      'ndarray/index': 'src/ndarray/index.ts',
      'node/index': 'src/node/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
    target: 'es2022',
    platform: 'neutral',
    external: ['ml-matrix', 'ndarray', 'ndarray-ops', /^node:/],
  },
  {
    entry: { 'cli/index': 'src/cli/index.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    define: { __SINGULARIS_VERSION__: JSON.stringify(version) },
    external: ['ml-matrix', 'ndarray', 'ndarray-ops'],
  },
]);
