#!/usr/bin/env bash
# One command to set up, build and serve the site: http://127.0.0.1:${PORT:-8080}/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/build.sh && exec node scripts/serve.mjs
