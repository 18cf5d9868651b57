#!/usr/bin/env bash
# Type-checks the README's TypeScript section (its ```ts blocks) against the packed package, as a user's
# TypeScript 5.9 project would see it: once with `moduleResolution: node10` (module commonjs, the default
# of older projects; subpaths resolve through `typesVersions`) and once with `nodenext` (through `exports`).
# Needs a build (dist/). The tarball is unpacked into .ci/types/.work/node_modules/singularis; its own
# dependencies resolve from the repository's node_modules.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/.ci/types/.work"
[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
mkdir -p "$work/node_modules/singularis"
tarball=$(cd "$root" && npm pack --silent --ignore-scripts --pack-destination "$work" | tail -n 1)
tar -xzf "$work/$tarball" -C "$work/node_modules/singularis" --strip-components=1
# the ```ts blocks of the README section "## TypeScript"
awk '/^## /{inside = ($0 ~ /^## TypeScript/)} inside && /^```ts/{code=1; next} inside && /^```/{code=0} code' "$root/README.md" > "$work/snippet.ts"
test -s "$work/snippet.ts" || { echo "README has no \`\`\`ts block under ## TypeScript" >&2; exit 1; }
cp "$work/snippet.ts" "$work/snippet.mts"
cd "$root/.ci/types"
"$root/node_modules/.bin/tsc" -p tsconfig.node10.json
echo "ok  README TypeScript snippet type-checks with moduleResolution node10"
"$root/node_modules/.bin/tsc" -p tsconfig.nodenext.json
echo "ok  README TypeScript snippet type-checks with moduleResolution nodenext"
[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
