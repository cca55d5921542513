#!/usr/bin/env bash
# Builds the release site into dist/. PUBLIC_URL defaults to ./ (relative: works from any sub-path).
# Usage: bash .ci/build.sh [PUBLIC_URL]
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
source .ci/env.sh
cargo fetch --quiet

# Every .wasm in dist/ must be a real module (trunk 0.21 with the npm wasm-opt once left an empty app wasm
# behind and still reported success).
wasm_ok() {
  local f ok=0 n=0
  for f in dist/*.wasm; do
    [ -e "$f" ] || continue
    n=$((n + 1))
    if [ "$(head -c 4 "$f" | od -An -tx1 | tr -d ' \n')" != "0061736d" ]; then
      echo "[build] $f is not a wasm module ($(wc -c < "$f") bytes)" >&2
      ok=1
    fi
  done
  # One wasm serves the page and every web worker (src/app/spawn.rs).
  [ "$n" -eq 1 ] && compgen -G 'dist/app-*_bg.wasm' > /dev/null || { echo "[build] expected one wasm, dist/app-<hash>_bg.wasm, found $n" >&2; ok=1; }
  return "$ok"
}

trunk build --release --public-url "${1:-./}"
if ! wasm_ok; then
  echo "[build] rebuilding once" >&2
  rm -rf dist
  trunk build --release --public-url "${1:-./}"
  wasm_ok
fi
echo "built dist/ (public URL ${1:-./})"
