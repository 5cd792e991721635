#!/usr/bin/env bash
# Renders a PDF's pages to PNG files, to look at what an export really looks like (the tests check only
# its text). Needs Poppler's pdftoppm (Debian: apt-get install poppler-utils).
# Usage: tools/render-pdf.sh <file.pdf> <output-dir> [dpi, default 80] [first page] [last page]
# The plan-exports specs leave their PDFs in tmp/plan-exports/.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 <file.pdf> <output-dir> [dpi] [first page] [last page]" >&2
  exit 2
fi
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install poppler-utils" >&2; exit 1; }
pdf=$1 out=$2 dpi=${3:-80}
mkdir -p "$out"
range=()
[ -n "${4:-}" ] && range+=(-f "$4")
[ -n "${5:-}" ] && range+=(-l "$5")
pdftoppm -png -r "$dpi" "${range[@]}" "$pdf" "$out/$(basename "$pdf" .pdf)"
ls "$out"/"$(basename "$pdf" .pdf)"*.png
