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
echo "[build] wasm-pack build --profile wasm --target web --out-dir pkg"
# node_modules/.bin first: wasm-pack must use npm binaryen's wasm-opt (see setup.sh).
PATH="$PWD/node_modules/.bin:$PATH" wasm-pack build --profile wasm --target web --out-dir pkg

# The module's stylesheet ships beside it (pages link pkg/yanglao-check.css).
cp src/binding/yanglao-check.css pkg/yanglao-check.css

mkdir -p www/pkg
for f in yanglao_check.js yanglao_check_bg.wasm yanglao_check.d.ts yanglao-check.css; do
  [[ -f "pkg/$f" ]] || { echo "[build] ERROR: wasm-pack did not produce pkg/$f" >&2; exit 1; }
  cp "pkg/$f" "www/pkg/$f"
done

# The Word generator (crates/docx) is a module of its own, loaded by pages only when a person
# asks for the .docx, so the checker above does not grow. export.js (the button's logic) ships
# beside it.
echo "[build] wasm-pack build crates/docx --profile wasm --target web --out-dir pkg/docx"
PATH="$PWD/node_modules/.bin:$PATH" wasm-pack build crates/docx --profile wasm --target web --out-dir ../../pkg/docx
cp crates/docx/js/export.js pkg/docx/export.js
mkdir -p www/pkg/docx
for f in yanglao_docx.js yanglao_docx_bg.wasm yanglao_docx.d.ts export.js; do
  [[ -f "pkg/docx/$f" ]] || { echo "[build] ERROR: pkg/docx/$f is missing" >&2; exit 1; }
  cp "pkg/docx/$f" "www/pkg/docx/$f"
done

# Precompressed copies beside the files, for servers that send them (README: nginx, IIS).
node scripts/compress.mjs www/pkg/yanglao_check_bg.wasm www/pkg/yanglao_check.js \
  www/pkg/docx/yanglao_docx_bg.wasm www/pkg/docx/yanglao_docx.js www/pkg/docx/export.js
echo "[build] copied pkg/yanglao_check{.js,_bg.wasm,.d.ts} pkg/yanglao-check.css and pkg/docx/ to www/pkg/ in ${SECONDS}s"
