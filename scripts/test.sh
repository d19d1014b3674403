#!/usr/bin/env bash
# Runs every test, stopping at the first failure:
#   setup -> phone table check -> fmt + clippy -> cargo test (native) -> pages --check -> build -> differential tests (phone vs
#   libphonenumber-js) -> the reviewers' command against the wasm build -> wasm tests in Node ->
#   wasm tests in headless
#   Chromium (count checked) -> end-to-end tests of the built site (node --test).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

if [[ -d "$HOME/.cargo/bin" && ":$PATH:" != *":$HOME/.cargo/bin:"* ]]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
# wasm-pack must find npm binaryen's wasm-opt, never an older system one.
export PATH="$ROOT/node_modules/.bin:$PATH"
if [[ -x /usr/bin/chromedriver ]]; then
  export CHROMEDRIVER=/usr/bin/chromedriver
fi

LOG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/yanglao-test.XXXXXX")"
trap 'rm -rf "$LOG_DIR"' EXIT

TOTAL_START=$SECONDS
step() { printf '\n=== [test] %s\n' "$*"; STEP_START=$SECONDS; }
done_step() { printf '=== [test] ok (%ss)\n' "$((SECONDS - STEP_START))"; }
fail() { printf '=== [test] FAILED: %s\n' "$*" >&2; exit 1; }

# Count #[wasm_bindgen_test] / #[wasm_bindgen_test(...)] attributes (not the _configure! macro).
count_wasm_tests() {
  cat "$@" | grep -cE '^[[:space:]]*#\[wasm_bindgen_test(\]|\()' || true
}
# Sum "N passed" over every summary line wasm-bindgen-test-runner printed, e.g.
#   "test result: ok. 12 passed; 0 failed; 0 ignored; ..."
count_passed() {
  grep -oE '(test result: ok\. )?[0-9]+ passed' "$1" | grep -oE '[0-9]+' | awk '{s += $1} END {print s + 0}'
}
# Run a wasm-pack test command, show its output, and check that it ran as many tests
# as the files declare: a test file the runner skips (browser tests under --node, or
# node tests under --chrome) still exits 0.
run_wasm_tests() {
  local label="$1" files="$2"; shift 2
  local log="$LOG_DIR/$label.log" expected passed
  # shellcheck disable=SC2086
  expected="$(count_wasm_tests $files)"
  if ! "$@" 2>&1 | tee "$log"; then
    fail "$label: '$*' exited non-zero"
  fi
  passed="$(count_passed "$log")"
  echo "[test] $label: $passed passed, $expected #[wasm_bindgen_test] in $files"
  if [[ "$passed" -eq 0 ]]; then
    fail "$label ran no test: does each file have the right wasm_bindgen_test_configure!?"
  fi
  if [[ "$passed" -lt "$expected" ]]; then
    fail "$label ran $passed tests but $files declare $expected: some were skipped or ignored"
  fi
}

step "setup"
bash scripts/setup.sh
done_step

step "phone table up to date with libphonenumber-js (node scripts/gen-phone-data.mjs --check)"
node scripts/gen-phone-data.mjs --check
done_step

step "format and lints (cargo fmt --check; cargo clippy -D warnings, native and wasm32)"
cargo fmt --all --check || fail "run cargo fmt --all"
cargo clippy --workspace --all-targets --quiet -- -D warnings
# The binding and the docx module exist only for wasm32: lint them there too.
cargo clippy --target wasm32-unknown-unknown -p yanglao-check -p yanglao-docx --all-targets --quiet -- -D warnings
done_step

step "cargo test (native)"
cargo test --workspace
done_step

step "generated pages match the editions (cargo run -p yanglao-sitegen -- --check; writes nothing)"
cargo run --quiet -p yanglao-sitegen -- --check
done_step

step "the 申报书 as Word: every form opened by python-docx (tests/docx/check_docx.py)"
# cargo test above wrote target/docx-fixtures/ (crates/docx/tests/forms.rs).
python3 tests/docx/check_docx.py target/docx-fixtures
done_step

step "build (wasm-pack, www/pkg)"
YANGLAO_SKIP_SETUP=1 bash scripts/build.sh
node scripts/compress.mjs --budget www/pkg || fail "the shipped module is over its size budget (scripts/compress.mjs)"
done_step

step "differential tests of the built module (node --test tests/differential/*.test.mjs)"
node --test tests/differential/*.test.mjs
done_step

step "reviewers' command = wasm build (node --test tests/review/*.test.mjs)"
node --test tests/review/*.test.mjs
done_step

step "wasm tests in Node (tests/wasm_node*.rs)"
shopt -s nullglob
node_files=(tests/wasm_node*.rs)
shopt -u nullglob
if [[ ${#node_files[@]} -eq 0 ]]; then
  echo "[test] SKIPPED: no tests/wasm_node*.rs yet"
else
  node_targets=()
  for f in "${node_files[@]}"; do
    node_targets+=(--test "$(basename "$f" .rs)")
  done
  run_wasm_tests wasm-node "${node_files[*]}" wasm-pack test --node "${node_targets[@]}"
  done_step
fi

step "wasm tests in headless Chromium (tests/wasm_browser.rs)"
if [[ ! -f tests/wasm_browser.rs ]]; then
  echo "[test] SKIPPED: no tests/wasm_browser.rs yet"
else
  grep -q 'run_in_browser' tests/wasm_browser.rs ||
    fail "tests/wasm_browser.rs lacks wasm_bindgen_test_configure!(run_in_browser): the browser run would skip it silently"
  browser_cmd=(wasm-pack test --headless --chrome)
  if [[ -n "${CHROMEDRIVER:-}" ]]; then browser_cmd+=(--chromedriver "$CHROMEDRIVER"); fi
  run_wasm_tests wasm-browser tests/wasm_browser.rs "${browser_cmd[@]}" --test wasm_browser
  done_step
fi

step "end-to-end tests (node --test tests/e2e/*.test.mjs)"
shopt -s nullglob
e2e_files=(tests/e2e/*.test.mjs)
shopt -u nullglob
if [[ ${#e2e_files[@]} -eq 0 ]]; then
  echo "[test] SKIPPED: no tests/e2e/*.test.mjs yet"
else
  node --test "${e2e_files[@]}"
  done_step
fi

step "fuzz every export briefly (node scripts/fuzz.mjs --calls 100000; the long run is 10^7)"
node scripts/fuzz.mjs --calls 100000
done_step

printf '\n=== [test] all passed in %ss\n' "$((SECONDS - TOTAL_START))"
