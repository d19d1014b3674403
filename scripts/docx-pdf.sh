#!/usr/bin/env bash
# Converts generated 申报书 to PDF with LibreOffice headless and renders the pages as PNG, to
# look at them as a person would (not part of CI: LibreOffice is a large install).
#   bash scripts/docx-pdf.sh [file.docx ...]      # default: the eligible 2023 enterprise form
#                                                 # and its hostile twin from target/docx-fixtures
# Needs: apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk poppler-utils
# The documents come from: cargo test -p yanglao-docx --test forms
# Output: target/docx-pdf/<name>.pdf and <name>-<page>.png (72 dpi).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v soffice >/dev/null || { echo "docx-pdf: soffice missing: apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk poppler-utils" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "docx-pdf: pdftoppm missing: apt-get install -y poppler-utils" >&2; exit 1; }

files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
  files=(target/docx-fixtures/national-2023-enterprise-eligible.docx target/docx-fixtures/national-2023-enterprise-hostile.docx)
fi
out=target/docx-pdf
mkdir -p "$out"
# A profile of its own, so a LibreOffice a person has open is not disturbed.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for f in "${files[@]}"; do
  [[ -f "$f" ]] || { echo "docx-pdf: $f not found (run: cargo test -p yanglao-docx --test forms)" >&2; exit 1; }
  name="$(basename "$f" .docx)"
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$f" >/dev/null
  rm -f "$out/$name"-*.png
  pdftoppm -png -r 72 "$out/$name.pdf" "$out/$name"
  pages=$(ls "$out/$name"-*.png | wc -l)
  echo "docx-pdf: $f → $out/$name.pdf, $pages pages → $out/$name-*.png"
done
