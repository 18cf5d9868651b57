/**
 * Bundles the CLI entry (and the usage driver) once per test file with esbuild — the bundler tsup uses
 * for the shipped `dist/cli/index.js` — so that each child process starts plain `node` on one ES
 * module (its worker thread too) instead of compiling TypeScript on the fly in the process and again
 * in its worker. The bundle is the same source with the same externals as the shipped CLI.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');

/**
 * Bundle `entries` (name → source path) into a fresh folder beside this file (inside the repository,
 * so that the external plotting packages resolve from its node_modules); returns the output paths by
 * name and a function removing the folder.
 */
export function bundle(entries: Record<string, string>): { paths: Record<string, string>; remove: () => void } {
  // esbuild comes with tsup (a dev dependency); resolve it through tsup so the layout does not matter
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require(require.resolve('esbuild', { paths: [require.resolve('tsup')] })) as typeof import('esbuild');
  const out = mkdtempSync(join(__dirname, '.bundle-'));
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  esbuild.buildSync({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, join(root, path)])),
    outdir: out,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    external: ['vega', 'vega-lite', '@resvg/resvg-js', 'tsx', 'tsx/*'],
    define: { __SINGULARIS_VERSION__: JSON.stringify(version) },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  return { paths: Object.fromEntries(Object.keys(entries).map((name) => [name, join(out, `${name}.mjs`)])), remove: () => rmSync(out, { recursive: true, force: true }) };
}
