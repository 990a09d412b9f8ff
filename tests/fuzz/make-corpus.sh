#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes the seed corpus of the fuzz targets from the sample releases:
#
#   tests/fuzz/make-corpus.sh BUILDDIR
#
# corpus/fuzz-release  the samples, short slices of them, re-encodings
#                      (CP932, EUC-JP, UTF-16 with a byte-order mark) and
#                      CRLF line ends
# corpus/fuzz-filing   library filing files written by kessan-cli from
#                      the samples and slices, and one cut short
# corpus/fuzz-pdf      PDFs of slices rendered by pango-view, one cut
#                      short and one with damaged bytes
#
# Needs iconv and pango-view (build-aux/install-deps.sh --fuzz).  BUILDDIR
# is a build of Kessan whose kessan-cli writes the filing files.  The
# output is committed; run again after the samples or the filing format
# change.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
srcdir=$(cd "$here/../.." && pwd)
builddir=${1:?usage: make-corpus.sh BUILDDIR}
cli=$(cd "$builddir" && pwd)/src/cli/kessan-cli
samples=("$srcdir"/tests/data/*.txt)

for tool in iconv pango-view "$cli"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "make-corpus: $tool not found (build-aux/install-deps.sh --fuzz, and build $builddir)" >&2
    exit 1
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

release=$here/corpus/fuzz-release
filing=$here/corpus/fuzz-filing
pdf=$here/corpus/fuzz-pdf
rm -rf "$release" "$filing" "$pdf"
mkdir -p "$release" "$filing" "$pdf"

# Slices: a table or two each, small enough for many executions a second.
# The line ranges are those of a statement and its title in each sample.
slice ()
{
  local sample=$1 from=$2 to=$3 out=$4
  sed -n "${from},${to}p" "$sample" >"$out"
}

for sample in "${samples[@]}"; do
  base=$(basename "$sample" .txt)
  base=${base%%_*}
  n=$(wc -l <"$sample")
  cp "$sample" "$release/$base.txt"
  slice "$sample" 1 120 "$release/$base-head.txt"
  slice "$sample" $((n / 2)) $((n / 2 + 120)) "$release/$base-middle.txt"
  slice "$sample" $((n - 120 > 1 ? n - 120 : 1)) "$n" "$release/$base-tail.txt"
  iconv -c -f UTF-8 -t CP932 "$release/$base-head.txt" >"$release/$base-head.cp932.txt" || true
  iconv -c -f UTF-8 -t EUC-JP "$release/$base-middle.txt" >"$release/$base-middle.eucjp.txt" || true
  iconv -f UTF-8 -t UTF-16 "$release/$base-tail.txt" >"$release/$base-tail.utf16.txt"
  sed 's/$/\r/' "$release/$base-middle.txt" >"$release/$base-middle.crlf.txt"
done

# Filing files as the library writes them (with their text), from whole
# samples and from slices, plus the JSON kessan-cli extract prints.
library=$work/library
for input in "$release"/*-head.txt "$release"/*-middle.txt "${samples[0]}"; do
  "$cli" library add --library="$library" "$input" >/dev/null 2>&1 || true
done
i=0
for json in "$library"/filings/*.json; do
  [[ -f $json ]] || continue
  i=$((i + 1))
  cp "$json" "$filing/library-$i.json"
done
"$cli" extract "$release/004-middle.txt" >"$filing/extract-004-middle.json" 2>/dev/null || true
head -c 3000 "$filing/library-1.json" >"$filing/library-1-cut.json"

# PDFs: rendered slices.  A page with Japanese embeds a CJK font of about
# 1 MB, so only one seed has Japanese; the damaged ones are made from a
# small English one.
for input in "$release"/001-head.txt "$release"/004-middle.txt "$release"/003-middle.txt; do
  out=$pdf/$(basename "$input" .txt).pdf
  pango-view --no-display --font=Monospace --output="$out" "$input" >/dev/null 2>&1
done
first=$pdf/004-middle.pdf
size=$(stat -c %s "$first")
head -c $((size / 2)) "$first" >"$pdf/004-middle-cut.pdf"
# Every 97th byte of the body overwritten: streams that inflate to garbage
# and a cross-reference table that points nowhere.
python3 - "$first" "$pdf/004-middle-damaged.pdf" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
for i in range(200, len(data), 97):
    data[i] = (data[i] * 31 + 7) & 0xFF
open(sys.argv[2], "wb").write(bytes(data))
PY

for dir in "$release" "$filing" "$pdf"; do
  printf '%s: %s files, %s\n' "${dir#"$srcdir"/}" "$(find "$dir" -type f | wc -l)" "$(du -sh "$dir" | cut -f1)"
done
