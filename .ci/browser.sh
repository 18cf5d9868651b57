#!/usr/bin/env bash
# Headless-Chromium check of singularis/browser: installs Debian's chromium when it is absent,
# then runs test/browser/chromium.mjs against the built dist/ (run `npm run build` first).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium not found: installing Debian's chromium"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
  browser=$(command -v chromium)
  echo "chromium installed in $(( $(date +%s) - start )) s"
fi
"$browser" --version 2>/dev/null || true
[ -f dist/browser/worker.js ] || { echo "dist/browser/worker.js missing: run npm run build first" >&2; exit 1; }
node test/browser/chromium.mjs "$browser"
echo "browser step took $(( $(date +%s) - start )) s"
