#!/usr/bin/env bash
# Runs every check and test of journey-sim, failing fast: formatting, clippy (native and wasm), the native
# engine suite, the wasm-bindgen-test component tests in headless Chromium, the release build served under
# /journey-sim/, and the end-to-end suite. Installs what is missing first (.ci/setup.sh).
# Ends with one line "N passed, N failed" (native cargo tests + end-to-end tests); exits non-zero on any
# failure. Usage: bash .ci/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

LOGS="$(mktemp -d "${TMPDIR:-/tmp}/journey-sim-test.XXXXXX")"
PASSED=0
FAILED=0
STEP=""
START=$SECONDS
T0=$SECONDS

section() {
  [ -n "$STEP" ] && printf '[test] %s: done in %ss\n' "$STEP" "$((SECONDS - T0))"
  STEP="$1"
  T0=$SECONDS
  printf '\n==== %s ====\n' "$1"
}

finish() {
  local code=$?
  if [ "$code" -ne 0 ] && [ -z "${SUMMARY:-}" ]; then
    printf '\n[test] FAILED in step: %s (exit %s) after %ss\n' "$STEP" "$code" "$((SECONDS - START))"
    echo "$PASSED passed, $((FAILED > 0 ? FAILED : 1)) failed"
  fi
  rm -rf "$LOGS"
}
trap finish EXIT

# Sums the "test result: ... N passed; M failed" lines of cargo test / wasm-bindgen-test-runner output.
count() { # file -> "passed failed"
  sed -E 's/\x1b\[[0-9;]*m//g' "$1" | awk '/test result:/ {
      for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i }
    } END { print p + 0, f + 0 }'
}

section "setup (installs what is missing)"
bash .ci/setup.sh < /dev/null
source .ci/env.sh
# The property tests (proptest) draw their cases from one fixed seed here, so a failure in CI can be
# reproduced exactly; set PROPTEST_RNG_SEED to explore other cases.
export PROPTEST_RNG_SEED="${PROPTEST_RNG_SEED:-20261206}"
cargo --version
cargo fetch --quiet

section "cargo fmt --check"
cargo fmt --check

section "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

section "cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings"
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

section "native tests: cargo test"
set +e
cargo test 2>&1 | tee "$LOGS/native.log"
code=${PIPESTATUS[0]}
set -e
read -r p f < <(count "$LOGS/native.log")
PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
echo "[test] native: $p passed, $f failed"
if [ "$code" -ne 0 ]; then
  FAILED=$((FAILED > 0 ? FAILED : 1))
  exit "$code"
fi

section "wasm tests in headless Chromium: cargo test --target wasm32-unknown-unknown"
shopt -s nullglob
web_tests=()
for f in tests/web_*.rs; do web_tests+=(--test "$(basename "$f" .rs)"); done
shopt -u nullglob
if [ "${#web_tests[@]}" -eq 0 ]; then
  echo "[test] no tests/web_*.rs files yet: skipping the wasm-bindgen-test component tests"
else
  echo "[test] CHROMEDRIVER=$CHROMEDRIVER; ${web_tests[*]}"
  set +e
  cargo test --target wasm32-unknown-unknown "${web_tests[@]}" 2>&1 | tee "$LOGS/wasm.log"
  code=${PIPESTATUS[0]}
  set -e
  read -r wp wf < <(count "$LOGS/wasm.log")
  echo "[test] wasm: $wp passed, $wf failed"
  if [ "$code" -ne 0 ]; then exit "$code"; fi
  if [ "$wp" -eq 0 ]; then echo "[test] the wasm tests ran no test"; exit 1; fi
fi

section "release build: trunk build --release --public-url /journey-sim/"
bash .ci/build.sh /journey-sim/ < /dev/null

section "end-to-end tests: node tests/e2e/run.mjs"
set +e
node tests/e2e/run.mjs 2>&1 | tee "$LOGS/e2e.log"
code=${PIPESTATUS[0]}
set -e
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$LOGS/e2e.log" | tail -n 1 || true)
ep=$(echo "${line:-0 passed, 0 failed}" | awk '{print $1}')
ef=$(echo "${line:-0 passed, 0 failed}" | awk '{print $3}')
if [ -z "$line" ]; then ef=1; fi
PASSED=$((PASSED + ep)); FAILED=$((FAILED + ef))
if [ "$code" -ne 0 ]; then
  FAILED=$((FAILED > 0 ? FAILED : 1))
  exit "$code"
fi

printf '[test] %s: done in %ss\n' "$STEP" "$((SECONDS - T0))"
printf '\n[test] all steps passed in %ss (native cargo tests + end-to-end tests below)\n' "$((SECONDS - START))"
SUMMARY=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
