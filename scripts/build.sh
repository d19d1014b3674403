#!/usr/bin/env bash
# Builds the WebAssembly package (pkg/) and copies what the static site loads into www/pkg/.
#   bash scripts/build.sh
# Set YANGLAO_SKIP_SETUP=1 to skip the setup check (scripts/test.sh does, having just run it).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ "${YANGLAO_SKIP_SETUP:-0}" != 1 ]]; then
  bash scripts/setup.sh
fi
if [[ -d "$HOME/.cargo/bin" && ":$PATH:" != *":$HOME/.cargo/bin:"* ]]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi

SECONDS=0
echo "[build] wasm-pack build --release --target web --out-dir pkg"
# node_modules/.bin first: wasm-pack must use npm binaryen's wasm-opt (see setup.sh).
PATH="$PWD/node_modules/.bin:$PATH" wasm-pack build --release --target web --out-dir pkg

# The module's stylesheet ships beside it (pages link pkg/yanglao-check.css).
cp src/binding/yanglao-check.css pkg/yanglao-check.css

mkdir -p www/pkg
for f in yanglao_check.js yanglao_check_bg.wasm yanglao_check.d.ts yanglao-check.css; do
  [[ -f "pkg/$f" ]] || { echo "[build] ERROR: wasm-pack did not produce pkg/$f" >&2; exit 1; }
  cp "pkg/$f" "www/pkg/$f"
done

wasm=www/pkg/yanglao_check_bg.wasm
raw=$(wc -c <"$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "[build] $wasm: $raw bytes raw, $gz bytes gzip -9"
echo "[build] copied pkg/yanglao_check{.js,_bg.wasm,.d.ts} and pkg/yanglao-check.css to www/pkg/ in ${SECONDS}s"
