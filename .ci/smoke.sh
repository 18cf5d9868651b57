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
subpaths="singularis singularis/billiards singularis/blowup singularis/kan singularis/pinn singularis/msfem singularis/sampling singularis/ndarray singularis/node singularis/browser"
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
# the worker runner finds its task module inside the installed package, in both module formats,
# and its result equals the single-thread ensemble bit for bit
node --input-type=module -e "
import { pinnedBallsEnsemble } from 'singularis/billiards';
import { pinnedBallsEnsembleInWorkers } from 'singularis/node';
const options = { n: 20, runs: 8, seed: 3, times: [1e-3], blockSize: 2 };
const serial = pinnedBallsEnsemble(options);
const { result } = await pinnedBallsEnsembleInWorkers(options, { workers: 2 });
if (result.mean[0].some((m, i) => m !== serial.mean[0][i])) throw new Error('worker ensemble differs (esm)');
"
node -e "
const { pinnedBallsEnsembleInWorkers } = require('singularis/node');
pinnedBallsEnsembleInWorkers({ n: 20, runs: 4, seed: 3, times: [1e-3], blockSize: 2 }, { workers: 2 })
  .then(({ result }) => { if (!(result.mean[0].length === 20)) throw new Error('worker ensemble failed (cjs)'); });
"
echo "ok  worker ensembles from the installed package (esm, cjs)"
npx --no-install singularis --help >/dev/null
echo "ok  CLI starts"
# the plotting stack is an optional peer: without it a run still writes its report, with the figure
# specifications and a message saying how to get SVG files
npx --no-install singularis reproduce heat-blowup --quick --out "$tmp/heat" 2> "$tmp/heat.err"
test -f "$tmp/heat/result.json" && test -f "$tmp/heat/profiles.vl.json" && test -f "$tmp/heat/profiles.caption.md"
grep -q "npm install vega vega-lite" "$tmp/heat.err"
echo "ok  CLI report without the optional plotting packages"
cd "$root"
