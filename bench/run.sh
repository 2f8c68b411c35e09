#!/usr/bin/env bash
# Runs every benchmark of bench/ against the release build; results are
# recorded by hand in docs/benchmarks.md with the machine and command.
# Usage: bench/run.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
build=${1:-build/release}
shared=${STORYLINE_SHARED:-$(cd "$(dirname "$0")/.." && pwd)/../shared}
if [ ! -d "$shared/bench" ]; then
  echo "bench: $shared/bench is absent; the benchmarks need its corpus" >&2
  exit 0
fi
for b in "$build"/bench/*_bench; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  STORYLINE_SHARED="$shared" "$b"
done
