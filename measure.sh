#!/usr/bin/env bash
# Same steps as .ci/size.sh, parameterised on the bin name. Output in target/size-$bin/.
set -euo pipefail
cd "$(dirname "$0")"
source .ci/env.sh
export PATH="/work/main/tests/e2e/node_modules/.bin:$PATH"
bin=$1; shift
out=target/size-$bin
features="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue"
cargo build --quiet --profile wasm-release --target wasm32-unknown-unknown --bin $bin
rm -rf "$out" && mkdir -p "$out"
wasm=target/wasm32-unknown-unknown/wasm-release/$bin.wasm
wasm-bindgen --target web --no-typescript --keep-debug --out-dir "$out/named" "$wasm"
wasm-bindgen --target web --no-typescript --out-dir "$out/plain" "$wasm"
wasm-opt -Oz $features -g "$out/named/${bin}_bg.wasm" -o "$out/named.wasm"
wasm-opt -Oz $features "$out/plain/${bin}_bg.wasm" -o "$out/opt.wasm"
gz() { gzip -9 -c "$1" | wc -c; }
w=$(gz "$out/opt.wasm"); j=$(gz "$out/plain/$bin.js")
awk -v raw="$(wc -c < "$out/opt.wasm")" -v w="$w" -v j="$j" 'BEGIN {
  printf "wasm %d bytes, %d gzipped; js %d gzipped; wasm + js %d gzipped (%.1f KB)\n", raw, w, j, w + j, (w + j) / 1024 }'
python3 .ci/size.py "$out/named.wasm" "$@"
