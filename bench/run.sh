#!/usr/bin/env bash
# budgetdoc benchmark (tracker issue 6): budgetdoc against reference extractors
# on the same PDFs in the same run, interleaved, after a warm-up.
#
#   bench/run.sh [--reps N] [--no-install] [--no-scale] [CORPUS_DIR_OR_PDF...]
#
# Default corpus: samples/*.pdf, samples/variants/*.pdf plus ../shared/corpus/real/*.pdf when that
# folder exists. Writes bench/results/results.md and results.csv (override with
# --out DIR). Scratch files go to bench/work/ (git-ignored).
# See doc/performance.md for what each figure means.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
WORK="$HERE/work"
BUILD_DIR="${BUILD_DIR:-$ROOT/build-bench}"
INSTALL=1
PASS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --no-install) INSTALL=0; shift ;;
        -h|--help) sed -n 2,12p "$0"; exit 0 ;;
        *) PASS+=("$1"); shift ;;
    esac
done

mkdir -p "$WORK"

# --- peers -------------------------------------------------------------------
if [ "$INSTALL" = 1 ]; then
    need=()
    command -v pdftotext >/dev/null || need+=(poppler-utils)
    command -v pdfinfo >/dev/null || need+=(poppler-utils)
    { command -v pdf2txt >/dev/null || command -v pdf2txt.py >/dev/null; } || need+=(python3-pdfminer)
    [ -x /usr/bin/time ] || need+=(time)
    command -v node >/dev/null || need+=(nodejs)
    command -v npm >/dev/null || need+=(npm)
    command -v cmake >/dev/null || need+=(cmake)
    if [ ${#need[@]} -gt 0 ]; then
        echo "bench: installing ${need[*]}" >&2
        SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >&2
    fi
    if [ ! -f "$WORK/node_modules/pdf-table-extractor/package.json" ]; then
        echo "bench: npm install pdf-table-extractor into bench/work" >&2
        [ -f "$WORK/package.json" ] || echo '{"name":"budgetdoc-bench-peers","private":true}' > "$WORK/package.json"
        (cd "$WORK" && npm install --no-audit --no-fund --loglevel=error pdf-table-extractor@1.0.3 >&2)
    fi
fi

# --- budgetdoc (Release, own build dir; incremental, a no-op when up to date) -
BIN="$BUILD_DIR/tools/budgetdoc"
BUILD_NOTE="Release build of the work tree"
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >&2
fi
if ! cmake --build "$BUILD_DIR" -j"$(nproc)" --target budgetdoc_cli >"$WORK/build.log" 2>&1; then
    if [ -x "$BIN" ]; then
        echo "bench: WARNING: build failed (see bench/work/build.log); benchmarking the existing $BIN" >&2
        BUILD_NOTE="Release build FAILED, older binary $(date -u -r "$BIN" +%FT%TZ) benchmarked"
    else
        cat "$WORK/build.log" >&2; exit 1
    fi
fi

export NODE_PATH="$WORK/node_modules"
exec python3 "$HERE/bench.py" --budgetdoc "$BIN" --work "$WORK" --root "$ROOT" --build-note "$BUILD_NOTE" "${PASS[@]+"${PASS[@]}"}"
