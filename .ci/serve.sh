#!/usr/bin/env bash
# Installs what is missing, then serves the app with live reload at http://127.0.0.1:8080/
# Usage: bash .ci/serve.sh [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
source .ci/env.sh
cargo fetch --quiet
PORT="${1:-8080}"
echo "journey-sim: serving on http://127.0.0.1:$PORT/  (Ctrl-C to stop)"
exec trunk serve --port "$PORT" --address 127.0.0.1
