#!/usr/bin/env bash
# Differential runs against CPython: each generator writes a program of many small cases, which
# CPython and zvm both run; the cases whose lines differ are printed. A tool for finding where our
# semantics differ, not a test of the build (CPython need not be installed). Some differences are
# by design (64-bit ints: OverflowError; no complex numbers; bytes methods zvm lacks; hash values).
# Usage: tools/differential/run.sh [SEED] [CASES]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seed="${1:-1}"
cases="${2:-2000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for gen in str_bytes_methods container_methods builtins_calls operators; do
  (cd "$here" && python3 "$gen.py" "$seed" "$cases") > "$work/$gen.py"
  python3 "$work/$gen.py" > "$work/$gen.cpython" 2>&1 || true
  "$root/zvm" run --heap 16M "$work/$gen.py" > "$work/$gen.zvm" 2>&1 || true
  echo "== $gen: $(grep -c . "$work/$gen.cpython") cases, $(diff "$work/$gen.cpython" "$work/$gen.zvm" | grep -c '^<' || true) differ"
  diff "$work/$gen.cpython" "$work/$gen.zvm" | grep '^[<>]' | head -40 || true
done
