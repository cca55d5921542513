#!/usr/bin/env bash
# Prints the performance figures of issue 4 (measured in headless Chromium against the release build served
# under /journey-sim/). Not part of the test command. Builds first unless BENCH_NO_BUILD=1.
# Usage: bash .ci/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${BENCH_NO_BUILD:-}" != 1 ]; then
  bash .ci/build.sh /journey-sim/ < /dev/null
else
  bash .ci/setup.sh < /dev/null
fi
source .ci/env.sh
exec node tests/e2e/bench.mjs
