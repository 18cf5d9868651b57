import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
const runtimeDeps = ['ml-matrix', 'ndarray', 'ndarray-ops', 'vega', 'vega-lite', '@resvg/resvg-js'];

/**
 * Three builds:
 * 1. the platform-neutral library (primitives, models, ndarray interop), split into shared chunks;
 * 2. the Node-only subpath and its worker task modules, unsplit so that each file knows its own
 *    location (`__filename` is shimmed in the ESM output) and can find the task module beside it;
 * 3. the CLI;
 * 4. the browser's module worker entry, ESM only and self-contained (no chunks, nothing external), so
 *    that a plain page can load `dist/browser/worker.js` by URL without an import map.
 * `npm run build` empties dist/ first: the builds run concurrently, so none of them may clean it.
 */
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
      'models/operator/index': 'src/models/operator/index.ts',
      'ndarray/index': 'src/ndarray/index.ts',
      'browser/index': 'src/browser/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    splitting: true,
    treeshake: true,
    target: 'es2022',
    platform: 'neutral',
    external: runtimeDeps,
  },
  {
    entry: {
      'node/index': 'src/node/index.ts',
      'node/billiardsTask': 'src/node/billiardsTask.ts',
      'node/samplingTask': 'src/node/samplingTask.ts',
      'node/msfemTask': 'src/node/msfemTask.ts',
    },
    format: ['esm', 'cjs'],
    dts: { entry: { 'node/index': 'src/node/index.ts' } },
    sourcemap: true,
    clean: false,
    splitting: false,
    shims: true,
    target: 'es2022',
    platform: 'node',
    external: runtimeDeps,
  },
  {
    entry: { 'cli/index': 'src/cli/index.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    splitting: false,
    target: 'es2022',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    define: { __SINGULARIS_VERSION__: JSON.stringify(version) },
    external: runtimeDeps,
  },
  {
    entry: { 'browser/worker': 'src/browser/worker.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: false,
    splitting: false,
    treeshake: true,
    target: 'es2022',
    platform: 'neutral',
    noExternal: [/.*/],
  },
]);
