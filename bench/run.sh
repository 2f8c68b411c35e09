#!/usr/bin/env bash
# Runs every benchmark of bench/ against a build; results are recorded by hand
# in docs/benchmarks.md with the machine and the command.
# Usage: bench/run.sh [BUILD_DIR]   (default build/release)
#   STORYLINE_SHARED=DIR   the shared data (default: ../shared beside the repo)
#   CLUSTER_BENCH_N=N      articles streamed by cluster_bench (default 1000000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/release}
shared=${STORYLINE_SHARED:-$root/../shared}
if [ ! -d "$shared/bench" ]; then
  echo "bench: $shared/bench is absent; the benchmarks need its corpora" >&2
  exit 0
fi
# The Google Benchmark programs find ../shared through the path compiled in.
for b in text_bench dedup_bench extract_bench html_bench; do
  echo "== $b"
  if [ "$b" = dedup_bench ]; then
    "$build/bench/$b" --shared "$shared"
  else
    "$build/bench/$b"
  fi
done
echo "== cluster_bench (dedup + clustering of ${CLUSTER_BENCH_N:-1000000} synthetic articles)"
"$build/bench/cluster_bench" --shared "$shared" --n "${CLUSTER_BENCH_N:-1000000}"
echo "== brief coverage and time on ECB+ dev"
"$build/src/cli/storyline" brief --timings --format json "$shared/bench/clustering/ecbplus-dev.jsonl" \
  | python3 "$root/bench/brief_coverage.py"
