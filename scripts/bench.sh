#!/usr/bin/env bash
# Builds the module and prints speed and size figures (not part of the test run).
#   bash scripts/bench.sh [--quick]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh --bench
YANGLAO_SKIP_SETUP=1 bash scripts/build.sh
cargo test --quiet --test sitegen >/dev/null || cargo test --quiet --test sitegen >/dev/null
node scripts/bench.mjs "$@"
