#!/usr/bin/env bash
# Installs everything the build, the site and the tests need, and nothing twice.
# Every step checks first and is skipped when already satisfied, so a re-run takes
# about a second. Only crates.io, npm, PyPI and Debian are reachable on our machines:
# nothing here downloads from GitHub (see scripts/README-setup.md for the traps).
#
#   bash scripts/setup.sh           # build + test toolchain
#   bash scripts/setup.sh --bench   # also twiggy, for wasm size profiling
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

WANT_BENCH=0
for arg in "$@"; do
  case "$arg" in
    --bench) WANT_BENCH=1 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option: $arg" >&2; exit 2 ;;
  esac
done

# cargo-installed tools live here; make sure a fresh shell finds them.
if [[ -d "$HOME/.cargo/bin" && ":$PATH:" != *":$HOME/.cargo/bin:"* ]]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi

SECONDS=0
say()  { printf '[setup] %s\n' "$*"; }
skip() { printf '[setup] ok: %s\n' "$*"; }
die()  { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }
timed() { # timed LABEL CMD... : run a command and report how long it took
  local label="$1" start=$SECONDS; shift
  say "running: $*"
  "$@"
  say "$label done in $((SECONDS - start))s"
}
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root (or sudo) for: $*"; fi
}

APT_UPDATED=0
apt_install() {
  if [[ $APT_UPDATED -eq 0 ]]; then
    timed "apt-get update" as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    APT_UPDATED=1
  fi
  timed "apt-get install $*" as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup first"

# 1. Rust target for WebAssembly -------------------------------------------------
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  skip "rust target wasm32-unknown-unknown"
else
  timed "rustup target add" rustup target add wasm32-unknown-unknown
fi

# 1b. rustfmt and clippy: the test command checks formatting and lints ------------------
for component in rustfmt clippy; do
  if rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    skip "rust component $component"
  else
    timed "rustup component add $component" rustup component add "$component"
  fi
done

# 2. wasm-pack ----------------------------------------------------------------------
if command -v wasm-pack >/dev/null 2>&1; then
  skip "wasm-pack ($(wasm-pack --version 2>/dev/null | head -n1))"
else
  timed "cargo install wasm-pack" cargo install wasm-pack --locked
fi

# 3. wasm-bindgen CLI, exactly the version in Cargo.lock -----------------------------
# A mismatch makes wasm-pack cargo-install its own private copy on every new machine,
# and wasm-bindgen refuses to process a module built against another version.
if [[ ! -f Cargo.lock ]]; then
  timed "cargo generate-lockfile" cargo generate-lockfile
elif [[ Cargo.toml -nt Cargo.lock ]]; then
  # Cargo.toml changed since the lock was written: let cargo bring the lock up to date.
  say "Cargo.toml is newer than Cargo.lock: refreshing the lock (cargo metadata)"
  cargo metadata --format-version 1 >/dev/null
fi
mapfile -t WB_VERSIONS < <(awk '
  /^\[\[package\]\]/ { name = "" }
  /^name = /         { name = $3 }
  /^version = / && name == "\"wasm-bindgen\"" { v = $3; gsub(/"/, "", v); print v }
' Cargo.lock | sort -u)
case ${#WB_VERSIONS[@]} in
  0) die "no wasm-bindgen package in Cargo.lock (is it still a dependency in Cargo.toml?)" ;;
  1) WB_VERSION="${WB_VERSIONS[0]}" ;;
  *) die "Cargo.lock holds several wasm-bindgen versions (${WB_VERSIONS[*]}): pin one with wasm-bindgen = \"=X.Y.Z\"" ;;
esac
wb_installed() { wasm-bindgen --version 2>/dev/null | awk '{print $2}'; }
if [[ "$(wb_installed)" == "$WB_VERSION" ]]; then
  skip "wasm-bindgen-cli $WB_VERSION (matches Cargo.lock)"
else
  say "wasm-bindgen-cli: have '$(wb_installed || true)', Cargo.lock wants $WB_VERSION"
  # Deliberately WITHOUT --locked: its lockfile pins a webpki-roots release that the
  # registry mirror here does not carry.
  timed "cargo install wasm-bindgen-cli" cargo install wasm-bindgen-cli --version "$WB_VERSION"
  [[ "$(wb_installed)" == "$WB_VERSION" ]] ||
    die "wasm-bindgen on PATH ($(command -v wasm-bindgen)) is '$(wb_installed)', not $WB_VERSION: another copy shadows ~/.cargo/bin"
fi

# 4. Node.js + npm devDependencies (binaryen -> wasm-opt, playwright-core) -------------
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
npm_deps_ok() {
  # Every devDependency installed at exactly the version package.json pins.
  [[ -d node_modules ]] || return 1
  node --input-type=module -e '
    import { readFileSync, existsSync } from "node:fs";
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    for (const [name, want] of Object.entries(pkg.devDependencies ?? {})) {
      const f = `node_modules/${name}/package.json`;
      if (!existsSync(f)) process.exit(1);
      const have = JSON.parse(readFileSync(f, "utf8")).version;
      if (/^\d/.test(want) && have !== want) process.exit(1);
    }
    if (!existsSync("node_modules/.bin/wasm-opt")) process.exit(1);
  ' 2>/dev/null
}
if npm_deps_ok; then
  skip "npm devDependencies (binaryen $(node -p 'require("./node_modules/binaryen/package.json").version'), playwright-core $(node -p 'require("./node_modules/playwright-core/package.json").version'))"
elif [[ -f package-lock.json ]]; then
  timed "npm ci" npm ci --no-audit --no-fund
else
  timed "npm install" npm install --no-audit --no-fund
fi
npm_deps_ok || die "npm devDependencies still missing after install"

# 5. wasm-opt: ours (node_modules/.bin, binaryen 132) must be the one wasm-pack finds ---
# Debian's binaryen (108) and the crates.io wasm-opt crate (binaryen 116) both reject
# wasm-bindgen 0.2.130 output ("invalid code after misc prefix: 17"), and wasm-pack uses
# the first wasm-opt on PATH.
wasm_opt_major() { "$1" --version 2>/dev/null | sed -n 's/.*version \([0-9][0-9]*\).*/\1/p' | head -n1; }
OUR_WASM_OPT="$ROOT/node_modules/.bin/wasm-opt"
OUR_MAJOR="$(wasm_opt_major "$OUR_WASM_OPT")"
# Look along PATH without our node_modules/.bin (test.sh/build.sh prepend it): what would a
# plain `wasm-pack` run find?
PLAIN_PATH="$(printf '%s' "$PATH" | tr ':' '\n' | grep -vxF "$ROOT/node_modules/.bin" | paste -sd: -)"
SYS_WASM_OPT="$(PATH="$PLAIN_PATH" command -v wasm-opt || true)"
if [[ -n "$SYS_WASM_OPT" && "$SYS_WASM_OPT" != "$OUR_WASM_OPT" ]]; then
  SYS_MAJOR="$(wasm_opt_major "$SYS_WASM_OPT")"
  if [[ -z "$SYS_MAJOR" || "$SYS_MAJOR" -lt "$OUR_MAJOR" ]]; then
    owner="$(dpkg -S "$SYS_WASM_OPT" 2>/dev/null | cut -d: -f1 || true)"
    cat >&2 <<EOF
[setup] ERROR: an old wasm-opt is on PATH: $SYS_WASM_OPT (version ${SYS_MAJOR:-unknown}${owner:+, from the Debian package '$owner'}).
  wasm-pack runs the first wasm-opt on PATH, and binaryen older than $OUR_MAJOR fails on
  wasm-bindgen output with "[parse exception: invalid code after misc prefix: 17]".
  Our scripts put node_modules/.bin first, but a plain 'wasm-pack build' or 'wasm-pack test'
  would pick this one. Remove it, then re-run setup:
EOF
    if [[ -n "$owner" ]]; then
      echo "    apt-get remove -y $owner" >&2
    else
      echo "    rm '$SYS_WASM_OPT'   # or: cargo uninstall wasm-opt" >&2
    fi
    exit 1
  fi
fi
RESOLVED="$(PATH="$ROOT/node_modules/.bin:$PATH" command -v wasm-opt)"
[[ "$RESOLVED" == "$OUR_WASM_OPT" ]] || die "wasm-opt resolves to $RESOLVED, expected $OUR_WASM_OPT"
skip "wasm-opt $OUR_MAJOR from npm binaryen (node_modules/.bin)"

# 6. Chromium + chromedriver (browser wasm tests and e2e) --------------------------------
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  skip "chromium + chromedriver ($(/usr/bin/chromedriver --version 2>/dev/null | awk '{print $2}'))"
else
  apt_install chromium chromium-driver
fi

# 7. python-docx: the independent reader that opens every generated 申报书 -----------------
# (tests/docx/check_docx.py, tests/e2e/docx.test.mjs). From PyPI; lxml comes with it.
if python3 -c 'import docx' >/dev/null 2>&1; then
  skip "python-docx ($(python3 -c 'import importlib.metadata as m; print(m.version("python-docx"))' 2>/dev/null))"
else
  command -v python3 >/dev/null 2>&1 || apt_install python3 python3-pip
  # Debian's Python refuses a system-wide pip install (PEP 668) unless told otherwise; a
  # python3 from pyenv or a venv takes the plain form.
  if ! timed "pip install python-docx" python3 -m pip install --quiet python-docx; then
    timed "pip install python-docx" python3 -m pip install --quiet --break-system-packages python-docx
  fi
fi

# 8. Optional: twiggy for size profiling ------------------------------------------------
if [[ $WANT_BENCH -eq 1 ]]; then
  if command -v twiggy >/dev/null 2>&1; then
    skip "twiggy ($(twiggy --version 2>/dev/null | head -n1))"
  else
    timed "cargo install twiggy" cargo install twiggy --locked
  fi
fi

say "all set in ${SECONDS}s"
