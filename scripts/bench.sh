#!/usr/bin/env bash
# Builds the module, then prints speed and size figures next to their targets (never asserted;
# not part of scripts/test.sh).
#   bash scripts/bench.sh [--quick] [--no-browser] [--no-twiggy]
#     --quick       fewer iterations (about a minute instead of three)
#     --no-browser  skip the headless Chromium figures
#     --no-twiggy   skip the per-crate size table
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

for arg in "$@"; do
  case "$arg" in
    --quick|--no-browser|--no-twiggy) ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option: $arg" >&2; exit 2 ;;
  esac
done

if [[ -d "$HOME/.cargo/bin" && ":$PATH:" != *":$HOME/.cargo/bin:"* ]]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
# wasm-opt from npm binaryen first (see setup.sh), for the build and the name-carrying copy.
export PATH="$PWD/node_modules/.bin:$PATH"

# The build toolchain plus twiggy (--bench); every step is skipped when already there.
bash scripts/setup.sh --bench >&2
YANGLAO_SKIP_SETUP=1 bash scripts/build.sh >&2

node scripts/bench.mjs "$@"
