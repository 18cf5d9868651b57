// ESLint flat config. Besides typescript-eslint's recommended rules it enforces the dependency
// rule of the architecture: primitives never import models; one model never imports another;
// only node/ and cli/ import Node built-ins; only ndarray/ imports ndarray/ndarray-ops; only the
// ml-matrix adapter imports ml-matrix.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const models = ['billiards', 'blowup', 'kan', 'pinn', 'msfem', 'sampling', 'operator'];
const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

const noNode = { name: '', message: 'Only src/node/ and src/cli/ may import Node built-ins.' };
const restrict = (paths, patterns) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

const nodePaths = nodeBuiltins.map((name) => ({ ...noNode, name }));
const ndarrayPaths = ['ndarray', 'ndarray-ops'].map((name) => ({ name, message: 'Only src/ndarray/ may import ndarray/ndarray-ops.' }));
const mlMatrixPath = { name: 'ml-matrix', message: 'Use the adapter in src/linalg/mlMatrixAdapter.ts.' };
const noModels = { group: ['**/models/**', '../models', '../models/**'], message: 'Primitives never import models.' };
const otherModel = (m) => ({
  group: models.filter((o) => o !== m).flatMap((o) => [`../${o}`, `../${o}/**`, `**/models/${o}/**`]),
  message: 'One model never imports another.',
});

export default tseslint.config(
  { ignores: ['dist/**', 'docs/api/**', 'node_modules/**', 'coverage/**', 'bench/.build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/models/**', 'src/node/**', 'src/cli/**', 'src/ndarray/**', 'src/linalg/mlMatrixAdapter.ts', 'src/browser/**'],
    rules: restrict([...nodePaths, ...ndarrayPaths, mlMatrixPath], [noModels]),
  },
  { files: ['src/linalg/mlMatrixAdapter.ts'], rules: restrict([...nodePaths, ...ndarrayPaths], [noModels]) },
  { files: ['src/ndarray/**/*.ts'], rules: restrict([...nodePaths, mlMatrixPath], [noModels]) },
  ...models.map((m) => ({
    files: [`src/models/${m}/**/*.ts`],
    rules: restrict([...nodePaths, ...ndarrayPaths, mlMatrixPath], [otherModel(m)]),
  })),
  { files: ['src/node/**/*.ts', 'src/cli/**/*.ts'], rules: restrict([...ndarrayPaths, mlMatrixPath], []) },
  // browser/ runs model solvers in a module worker: it may import models, but stays platform-neutral
  // (no Node built-ins, no ndarray, whose import-time code generation strict-CSP pages forbid).
  { files: ['src/browser/**/*.ts'], rules: restrict([...nodePaths, ...ndarrayPaths, mlMatrixPath], []) },
  { files: ['src/**/*.d.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['test/browser/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', Worker: 'readonly', fetch: 'readonly', performance: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', AbortController: 'readonly', location: 'readonly', URLSearchParams: 'readonly' } },
  },
  {
    files: ['test/**/*.mjs', 'test/**/*.js'],
    languageOptions: { globals: { setTimeout: 'readonly', console: 'readonly', process: 'readonly' } },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'examples/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
