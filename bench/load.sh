#!/usr/bin/env bash
# Load test of `storyline serve` on loopback (not part of `make test`).
#
#   bench/load.sh [N]          N articles in the database (default 100000)
#
# 1. builds (or reuses) a store of N synthetic articles: bench/make_corpus.py recombines
#    sentences of ../shared/bench/corpus/10kgnad-test.jsonl, dates over 2024; ingested with
#    the rules-only extractor (`storyline ingest --ner-model ""`), timed;
# 2. starts `storyline serve --port 0` over it;
# 3. runs wrk against GET /api/stories/{id} (ids drawn at random from up to 1,000 stories)
#    for DURATION seconds, and meanwhile
# 4. after one POST that waits for the server to prime its clusterer (reported alone),
#    a bounded POST stream: one curl at a time posting a JSONL batch of POST_BATCH new articles
#    (dated 2025-01) to /api/articles, POST_PAUSE seconds apart, for the same DURATION;
# 5. prints requests/s, latency percentiles and the non-2xx counts of both (503 = store busy
#    counts as an error). Exit code 1 when any request failed.
#
# Environment: BIN (storyline binary; default build/release/src/cli/storyline), WORK (default
# build/load), DURATION (30), THREADS (2), CONNECTIONS (16), POST_BATCH (20), POST_PAUSE (0.5),
# REBUILD=1 to rebuild the store. Needs wrk (Debian package wrk), curl and python3.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-100000}"
BIN="${BIN:-$root/build/release/src/cli/storyline}"
WORK="${WORK:-$root/build/load}"
DURATION="${DURATION:-30}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
POST_BATCH="${POST_BATCH:-20}"
POST_PAUSE="${POST_PAUSE:-0.5}"
corpus="$root/../shared/bench/corpus/10kgnad-test.jsonl"

die() { echo "load: $*" >&2; exit 2; }
[ -x "$BIN" ] || die "no storyline binary at $BIN (make build, or set BIN)"
[ -f "$corpus" ] || die "no corpus at $corpus"
command -v curl >/dev/null || die "curl is missing"
command -v python3 >/dev/null || die "python3 is missing"
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "load: installing wrk"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
  else
    die "wrk is missing: sudo apt-get install wrk"
  fi
fi

mkdir -p "$WORK"
db="$WORK/load-$N.db"
if [ "${REBUILD:-0}" = 1 ] || [ ! -f "$db" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  echo "== corpus: $N articles"
  python3 "$root/bench/make_corpus.py" "$N" > "$WORK/corpus-$N.jsonl"
  echo "== ingest (rules-only extractor)"
  start=$(date +%s.%N)
  "$BIN" ingest --db "$db" --ner-model "" "$WORK/corpus-$N.jsonl"
  end=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'ingest: {int(sys.argv[3])} articles in {s:.1f} s ({int(sys.argv[3])/s:.0f} articles/s)')" \
    "$start" "$end" "$N" | tee "$WORK/ingest-$N.txt"
else
  echo "== reusing $db ($(cat "$WORK/ingest-$N.txt" 2>/dev/null || echo 'ingest time unknown'); REBUILD=1 to rebuild)"
fi
# The POST stream adds articles: work on a copy so each run starts from the same store.
run_db="$WORK/run.db"
rm -f "$run_db" "$run_db-wal" "$run_db-shm"
cp "$db" "$run_db"

server_pid=""
cleanup() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
"$BIN" serve --db "$run_db" --port 0 2> "$WORK/serve.err" &
server_pid=$!
port=""
for _ in $(seq 100); do
  port=$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/serve.err" | head -1 | sed 's/.*://' || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || die "serve did not start: $(cat "$WORK/serve.err")"
base="http://127.0.0.1:$port"
echo "== serving $run_db on $base"

# Story ids for wrk: up to five pages of 200.
python3 - "$base" > "$WORK/ids.txt" <<'EOF'
import json, sys, urllib.request
base, cursor, ids = sys.argv[1], None, []
for _ in range(5):
    url = base + "/api/stories?limit=200" + (f"&cursor={cursor}" if cursor else "")
    page = json.load(urllib.request.urlopen(url, timeout=60))
    ids += [s["id"] for s in page["stories"]]
    cursor = page["next_cursor"]
    if not cursor:
        break
print("\n".join(map(str, ids)))
EOF
[ -s "$WORK/ids.txt" ] || die "no stories in the store"
total=$(curl -s "$base/api/stories?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "== $total stories; wrk draws from $(wc -l < "$WORK/ids.txt") of them"

cat > "$WORK/stories.lua" <<EOF
local ids = {}
for line in io.lines("$WORK/ids.txt") do ids[#ids + 1] = line end
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/stories/" .. ids[math.random(#ids)])
end
done = function(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format("GET: %d requests in %.1f s = %.0f req/s; non-2xx %d; socket errors connect %d read %d write %d timeout %d\n",
    summary.requests, s, summary.requests / s, summary.errors.status,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("GET latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f\n",
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
    latency:percentile(99.9) / 1e3, latency.max / 1e3))
end
EOF

# POST batches: new articles dated January 2025, POST_BATCH per request.
batches=$(python3 -c "import math,sys; print(math.ceil(float(sys.argv[1]) / float(sys.argv[2])) + 50)" "$DURATION" "$POST_PAUSE")
python3 "$root/bench/make_corpus.py" $((batches * POST_BATCH)) --seed 2 --id-prefix "post-$$" \
  --start 2025-01-01 --days 14 > "$WORK/post.jsonl"
rm -rf "$WORK/post" && mkdir -p "$WORK/post"
split -l "$POST_BATCH" -d -a 4 "$WORK/post.jsonl" "$WORK/post/batch-"

# The server primes its clusterer in the background when it starts (a replay of
# the stored window); POSTs wait for that. One POST before the measurement shows
# how long a client waits right after a start; the stream below is steady state.
first=$(ls "$WORK"/post/batch-* | head -1)
echo "== first POST (waits for the server to prime its clusterer): $(curl -s -o /dev/null -w '%{http_code} %{time_total} s' \
  --max-time 300 -H 'Content-Type: application/x-ndjson' --data-binary "@$first" "$base/api/articles")"
rm -f "$first"

post_loop() {
  local deadline=$(( $(date +%s) + DURATION ))
  for f in "$WORK"/post/batch-*; do
    [ "$(date +%s)" -lt "$deadline" ] || break
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 60 \
      -H 'Content-Type: application/x-ndjson' --data-binary "@$f" "$base/api/articles" || echo "000 0"
    sleep "$POST_PAUSE"
  done > "$WORK/post-results.txt"
}

echo "== ${DURATION}s: wrk -t$THREADS -c$CONNECTIONS GET /api/stories/{id}, with POSTs of $POST_BATCH articles every ${POST_PAUSE}s"
post_loop &
post_pid=$!
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$WORK/stories.lua" "$base" > "$WORK/wrk.txt"
wait "$post_pid"
cat "$WORK/wrk.txt"

python3 - "$WORK/post-results.txt" "$WORK/wrk.txt" "$POST_BATCH" <<'EOF'
import re, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
codes = [r[0] for r in rows]
times = sorted(float(r[1]) * 1e3 for r in rows)
ok = sum(c.startswith("2") for c in codes)
bad = len(codes) - ok
pct = lambda p: times[min(len(times) - 1, int(p / 100 * len(times)))] if times else 0
print(f"POST: {len(codes)} requests ({ok * int(sys.argv[3])} articles), 2xx {ok}, non-2xx {bad} "
      f"(503 {codes.count('503')}, failed to connect {codes.count('000')})")
print(f"POST latency ms: p50 {pct(50):.1f}  p90 {pct(90):.1f}  p99 {pct(99):.1f}  max {times[-1] if times else 0:.1f}")
wrk = open(sys.argv[2]).read()
m = re.search(r"non-2xx (\d+); socket errors connect (\d+) read (\d+) write (\d+) timeout (\d+)", wrk)
get_bad = sum(map(int, m.groups())) if m else 1
print("RESULT: " + ("ok, no request failed" if bad == 0 and get_bad == 0 else f"FAILED: GET errors {get_bad}, POST errors {bad}"))
sys.exit(0 if bad == 0 and get_bad == 0 else 1)
EOF
