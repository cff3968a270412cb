#!/usr/bin/env bash
# Re-create the deliberately broken inputs from a good sample PDF.
# Needs poppler-utils, qpdf, img2pdf (apt-get install -y qpdf img2pdf poppler-utils).
set -euo pipefail
cd "$(dirname "$0")"
good=${1:-../xinzhou-jjzd-2023.pdf}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
head -c $(( $(stat -c %s "$good") * 2 / 5 )) "$good" > truncated.pdf          # xref/trailer cut off
printf '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n' > not-a-pdf.pdf
: > empty.pdf
printf 'date,station,temp_c\n2023-01-01,Taiyuan,-8.5\n2023-01-02,Taiyuan,-7.9\n' > unknown-layout.txt
pdftoppm -r 30 -f 15 -l 15 -png "$good" "$tmp/scan"                             # image only, no text layer
img2pdf "$tmp"/scan*.png -o scanned.pdf
qpdf --encrypt secret owner 256 -- scanned.pdf encrypted.pdf                      # user password "secret"
