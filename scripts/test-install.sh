#!/usr/bin/env bash
# Install check: build budgetdoc, install it into a temporary prefix, then build
# the example consumer (examples/consumer) against the installed copy both ways —
# CMake find_package(budgetdoc) and pkg-config — and run it on a sample.
#
#   bash scripts/test-install.sh                 static, then shared library
#   BUDGETDOC_INSTALL_VARIANTS=static bash scripts/test-install.sh
#   KEEP=1 bash scripts/test-install.sh          keep the temporary tree
#
# Self-contained: only the source tree and the system's build dependencies
# (the same as scripts/build).  Exits non-zero on the first failure.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SAMPLE="$ROOT/samples/xinzhou-jjzd-2023.pdf"
EXPECT=("公务用车购置及运行费" "67.00")
VARIANTS=${BUDGETDOC_INSTALL_VARIANTS:-static shared}
JOBS=$(nproc 2>/dev/null || echo 2)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/budgetdoc-install.XXXXXX")
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$WORK"' EXIT; fi

LAUNCHER=()
if command -v ccache >/dev/null 2>&1; then LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'test-install: FAIL: %s\n' "$*" >&2; exit 1; }
run() { printf '+ %s\n' "$*"; "$@"; }
# run quietly, show the log on failure
quiet() {
    local log="$WORK/last.log"
    printf '+ %s\n' "$*"
    if ! "$@" >"$log" 2>&1; then tail -n 60 "$log" >&2; fail "command failed: $*"; fi
}
check_output() {  # <what> <file>
    local what=$1 out=$2
    for s in "${EXPECT[@]}"; do
        grep -qF -- "$s" "$out" || { cat "$out" >&2; fail "$what: output lacks \"$s\""; }
    done
    printf '   ok: %s prints %s\n' "$what" "${EXPECT[*]}"
}

say "budgetdoc install test in $WORK (variants: $VARIANTS)"
start=$SECONDS
for variant in $VARIANTS; do
    case $variant in
        static) shared=OFF ;;
        shared) shared=ON ;;
        *) fail "unknown variant $variant (static|shared)" ;;
    esac
    dir="$WORK/$variant"
    prefix="$dir/prefix"

    say "[$variant] configure + build (BUILD_SHARED_LIBS=$shared, tests off)"
    quiet cmake -S "$ROOT" -B "$dir/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=$shared \
        -DBUDGETDOC_BUILD_TESTS=OFF -DCMAKE_INSTALL_PREFIX="$prefix" "${LAUNCHER[@]}"
    quiet cmake --build "$dir/build" -j"$JOBS"

    say "[$variant] install into $prefix"
    quiet cmake --install "$dir/build"
    (cd "$prefix" && find . -type f -o -type l | sort | sed 's/^/   /')

    say "[$variant] the installed Python module (Debian's python3)"
    pyver=$(/usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    PYTHONPATH="$prefix/lib/python$pyver/dist-packages" /usr/bin/python3 -c "
import budgetdoc
doc = budgetdoc.extract('$SAMPLE')
for r in doc['tables']['three_public']['rows']:
    print(r['item'], r.get('total'))
" >"$dir/python.out" 2>&1 || { cat "$dir/python.out" >&2; fail "[$variant] import budgetdoc from $prefix"; }
    check_output "[$variant] python3 -c 'import budgetdoc'" "$dir/python.out"
    config=$(find "$prefix" -name budgetdocConfig.cmake | head -n1)
    pcfile=$(find "$prefix" -name budgetdoc.pc | head -n1)
    [ -n "$config" ] || fail "budgetdocConfig.cmake not installed"
    [ -n "$pcfile" ] || fail "budgetdoc.pc not installed"
    [ -f "$prefix/include/budgetdoc/budgetdoc.hpp" ] || fail "headers not installed"
    [ -x "$prefix/bin/budgetdoc" ] || fail "CLI not installed"
    if grep -rlE '#include *[<"](poppler|unicode/|re2/|nlohmann/|openssl/)' "$prefix/include"; then
        fail "a public header includes a private dependency"
    fi

    if [ $shared = ON ]; then
        so=$(find "$prefix" -name 'libbudgetdoc.so.*' -type f | head -n1)
        [ -n "$so" ] || fail "libbudgetdoc.so not installed"
        # symbols of namespace budgetdoc itself (std:: template instances that
        # merely mention a budgetdoc type are libstdc++'s business)
        nm -DC --defined-only "$so" | sed 's/^[0-9a-f]* //' | grep -E '^[A-Za-z] budgetdoc::' \
            > "$dir/exports.txt" || true
        printf '   exported from namespace budgetdoc (%s):\n' "$(wc -l < "$dir/exports.txt")"
        sed -E 's/^. //; s/\(.*//; s/^/     /' "$dir/exports.txt" | sort
        grep -q 'budgetdoc::extract_file' "$dir/exports.txt" || fail "extract_file not exported"
        if grep -E '^. budgetdoc::(source|normalize|recognize|dedupe|util|emit|validate)::' "$dir/exports.txt"; then
            fail "internal symbols exported from the shared library"
        fi
        printf '   ok: only API symbols exported\n'
    fi

    say "[$variant] installed CLI"
    "$prefix/bin/budgetdoc" extract "$SAMPLE" > "$dir/cli.json" || fail "installed budgetdoc extract failed"
    check_output "installed budgetdoc extract" "$dir/cli.json"

    say "[$variant] consumer via CMake find_package (CMAKE_PREFIX_PATH=$prefix)"
    quiet cmake -S "$ROOT/examples/consumer" -B "$dir/consumer-cmake" -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_PREFIX_PATH="$prefix" "${LAUNCHER[@]}"
    quiet cmake --build "$dir/consumer-cmake" -j"$JOBS"
    run "$dir/consumer-cmake/three_public" "$SAMPLE" | tee "$dir/cmake.out" | sed 's/^/   | /'
    check_output "CMake consumer" "$dir/cmake.out"

    # Static library: `pkg-config --static` adds Poppler/ICU/RE2/OpenSSL from
    # Requires.private.  Shared: plain `pkg-config --libs` must be enough.
    if [ $shared = ON ]; then pcstatic=""; else pcstatic="--static"; fi
    say "[$variant] consumer via pkg-config ${pcstatic:-(no --static)} (PKG_CONFIG_PATH=$(dirname "$pcfile"))"
    printf '   pkg-config --cflags --libs %s budgetdoc: %s\n' "$pcstatic" \
        "$(PKG_CONFIG_PATH="$(dirname "$pcfile")" pkg-config --cflags --libs $pcstatic budgetdoc)"
    PKG_CONFIG_PATH="$(dirname "$pcfile")" quiet make -C "$ROOT/examples/consumer" \
        OUT="$dir/three_public-pc" PKG_CONFIG_STATIC="$pcstatic"
    run "$dir/three_public-pc" "$SAMPLE" | tee "$dir/pc.out" | sed 's/^/   | /'
    check_output "pkg-config consumer" "$dir/pc.out"
done

say "test-install: OK ($VARIANTS) in $((SECONDS - start)) s"
