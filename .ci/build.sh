#!/usr/bin/env bash
# Builds the release site into dist/. PUBLIC_URL defaults to ./ (relative: works from any sub-path).
# Usage: bash .ci/build.sh [PUBLIC_URL]
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
source .ci/env.sh
cargo fetch --quiet
trunk build --release --public-url "${1:-./}"
echo "built dist/ (public URL ${1:-./})"
