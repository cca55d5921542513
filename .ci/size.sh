#!/usr/bin/env bash
# Where the app's wasm bytes go. Builds the app's wasm as trunk does for the release site (profile
# wasm-release, wasm-bindgen --target web, wasm-opt -Oz), prints the gzipped sizes (gzip -9, as
# tests/e2e/bench.mjs measures dist/), and breaks the code down by category from the name section.
# Usage: bash .ci/size.sh [CATEGORY [N]]   — with a category, its N biggest functions (default 40).
# Output files in target/size/ (named.wasm keeps function names; opt.wasm is what would ship).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/env.sh
out=target/size
features="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue"
cargo build --quiet --profile wasm-release --target wasm32-unknown-unknown --bin app
rm -rf "$out" && mkdir -p "$out"
wasm=target/wasm32-unknown-unknown/wasm-release/app.wasm
wasm-bindgen --target web --no-typescript --keep-debug --out-dir "$out/named" "$wasm"
wasm-bindgen --target web --no-typescript --out-dir "$out/plain" "$wasm"
wasm-opt -Oz $features -g "$out/named/app_bg.wasm" -o "$out/named.wasm"
wasm-opt -Oz $features "$out/plain/app_bg.wasm" -o "$out/opt.wasm"
gz() { gzip -9 -c "$1" | wc -c; }
w=$(gz "$out/opt.wasm"); j=$(gz "$out/plain/app.js")
awk -v raw="$(wc -c < "$out/opt.wasm")" -v w="$w" -v j="$j" 'BEGIN {
  printf "wasm %d bytes, %d gzipped; js %d gzipped; wasm + js %d gzipped (%.1f KB)\n", raw, w, j, w + j, (w + j) / 1024 }'
python3 .ci/size.py "$out/named.wasm" "$@"
