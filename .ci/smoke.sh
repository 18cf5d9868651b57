#!/usr/bin/env bash
# Packs the package, installs the tarball into a scratch project and checks that `import` and
# `require` of every public subpath work and that the CLI starts.
set -euo pipefail
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tarball=$(npm pack --silent --pack-destination "$tmp" | tail -n 1)
cd "$tmp"
npm init -y >/dev/null
npm install --no-audit --no-fund "$tmp/$tarball" >/dev/null
subpaths="singularis singularis/billiards singularis/blowup singularis/kan singularis/pinn singularis/msfem singularis/sampling singularis/ndarray singularis/node"
for p in $subpaths; do
  node --input-type=module -e "const m = await import('$p'); if (typeof m !== 'object') process.exit(1);"
  node -e "const m = require('$p'); if (typeof m !== 'object') process.exit(1);"
  echo "ok  import + require  $p"
done
node --input-type=module -e "
import { InvalidArgumentError, solveTridiagonal } from 'singularis';
const x = solveTridiagonal(new Float64Array([0, -1, -1]), new Float64Array([2, 2, 2]), new Float64Array([-1, -1, 0]), new Float64Array([1, 1, 1]));
if (Math.abs(x[1] - 2) > 1e-15) throw new Error('tridiagonal smoke failed');
if (!(new InvalidArgumentError('n', 'an integer >= 4', 2) instanceof RangeError)) throw new Error('error class smoke failed');
"
node -e "
const { solveTridiagonal } = require('singularis');
const x = solveTridiagonal(new Float64Array([0, -1, -1]), new Float64Array([2, 2, 2]), new Float64Array([-1, -1, 0]), new Float64Array([1, 1, 1]));
if (Math.abs(x[1] - 2) > 1e-15) throw new Error('tridiagonal smoke failed (cjs)');
"
npx --no-install singularis --help >/dev/null
echo "ok  CLI starts"
cd "$root"
