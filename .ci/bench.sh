#!/usr/bin/env bash
# Prints the performance figures of the README's "Performance" section, measured in headless Chromium
# against the release build served under /journey-sim/, each browser run paired with the native runner
# on the same scenario and thread count. Not part of the test command.
#
# Usage: bash .ci/bench.sh [BASE_REV]
#   BASE_REV (optional): a commit to measure side by side with this checkout (e.g. the previous build):
#   it is built in a temporary worktree and the two builds are benchmarked alternately, A B A B.
# BENCH_NO_BUILD=1 uses dist/ as it is; BENCH_REPEAT=N runs each figure N times (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${BENCH_NO_BUILD:-}" != 1 ]; then
  bash .ci/build.sh /journey-sim/ < /dev/null
else
  bash .ci/setup.sh < /dev/null
fi
source .ci/env.sh
cargo build --release --quiet --bin journey-sim
export BENCH_NATIVE="$PWD/target/release/journey-sim"

if [ -z "${1:-}" ]; then
  exec node tests/e2e/bench.mjs
fi

BASE="$(mktemp -d "${TMPDIR:-/tmp}/journey-sim-base.XXXXXX")"
trap 'git worktree remove --force "$BASE/src" >/dev/null 2>&1 || true; rm -rf "$BASE"' EXIT
git worktree add --detach "$BASE/src" "$1" >/dev/null
# The base build installs its own npm packages (its setup runs `npm ci`, which empties node_modules
# first: a link to this checkout's would empty this one) and has its own target directory.
(cd "$BASE/src" && CARGO_TARGET_DIR="$BASE/target" bash .ci/build.sh /journey-sim/ < /dev/null)
base_rev=$(git rev-parse --short "$1")
this_rev=$(git rev-parse --short HEAD)
for round in 1 2; do
  echo "==== round $round: this build ($this_rev$(git diff --quiet || echo ', with uncommitted changes')) ===="
  node tests/e2e/bench.mjs
  echo "==== round $round: base build ($base_rev) ===="
  E2E_DIST="$BASE/src/dist" node tests/e2e/bench.mjs
done
