#!/usr/bin/env bash
# Batch figures of the reviewers' command (prints; not a test): applications per second and
# peak memory for N generated applications (default 10 000), read from N exported drafts and
# from one .xlsx with N rows, judged on every core, all outputs written.
#   bash scripts/bench-review.sh [N]
# PROFILE=dev measures the unoptimised-LTO dev build instead (quicker to build; slower).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -d "$HOME/.cargo/bin" && ":$PATH:" != *":$HOME/.cargo/bin:"* ]]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
N="${1:-10000}"
DIR="${TMPDIR:-/tmp}/yanglao-bench-review"
TARGET="${CARGO_TARGET_DIR:-target}"
PROFILE="${PROFILE:-release}"
BIN_DIR="$TARGET/$([[ "$PROFILE" == dev ]] && echo debug || echo "$PROFILE")"

cargo build -q --profile "$PROFILE" -p yanglao-review --bin yanglao-review --example gen-batch
"$BIN_DIR/examples/gen-batch" "$N" "$DIR"
echo "profile: $PROFILE"
echo "cores: $(nproc)"

measure() { # label, then the command's inputs
  local label="$1"; shift
  local out="$DIR/out-$label" log="$DIR/time-$label.txt"
  rm -rf "$out"
  /usr/bin/time -v "$BIN_DIR/yanglao-review" "$@" --today 2023-06-30 --quiet -o "$out" 2>"$log" || {
    code=$?; [[ $code -eq 1 ]] || { cat "$log" >&2; exit "$code"; }
  }
  local wall rss judged
  wall="$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')"
  rss="$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')"
  judged="$(grep -c '"number":' "$out/review.json" || true)"
  python3 - "$label" "$wall" "$rss" "$judged" <<'PY'
import sys
label, wall, rss, judged = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
parts = [float(p) for p in wall.split(':')]
secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
print(f"{label:6} {judged} applications in {secs:.2f} s = {judged / secs:,.0f} applications/s; peak memory {rss / 1024:.0f} MB")
PY
}

measure json "$DIR/drafts"
measure xlsx "$DIR/applications.xlsx"
