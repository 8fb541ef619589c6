#!/usr/bin/env bash
# Bounded load benchmark (not a test): one service process as the README's run command starts it
# (local storage, Hangfire.InMemory) on 127.0.0.1, then N plan jobs (default 300) submitted by
# CONCURRENCY client threads (default 16): POST /api/v1/plans/apply of service/small.xlsx with a
# one-operation plan (set_values). Prints one table: jobs/s, p50/p99 latency from submit to the
# final status, errors (refused submissions, failed and unfinished jobs) and the service's
# resident memory (VmRSS of the process started here) when ready, after the run, and its peak.
#   bash tests/Benchmarks/service/bounded.sh [N] [CONCURRENCY]
#   WARMUP=100 …   first runs that many jobs uncounted (JIT, pools), after the "ready" RSS is taken
# A fixed number of jobs: it ends when they have all finished (or after LOAD_WAIT_S, default 600).
set -euo pipefail
cd "$(dirname "$0")/../../.."
n=${1:-300}
concurrency=${2:-16}
warmup=${WARMUP:-0}
dotnet build src/Officina.Service -c Release -nologo -v q -p:OfficinaBuildAddin=false >/dev/null
dll=src/Officina.Service/bin/Release/net10.0/Officina.Service.dll
file=tests/Benchmarks/service/small.xlsx # 20 rows, no formulas: verification is the schema check, no LibreOffice
work=$(mktemp -d /tmp/officina-bounded.XXXXXX)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$work/plan.json" <<'JSON'
{"host":"excel","instruction":"bounded load","operations":[{"op":"set_values","range":"Sheet1!H1:I2","values":[["Label","Value"],["bench",42]]}]}
JSON

env -u ASPNETCORE_URLS -u OPENAI_API_KEY -u OPENAI_BASE_URL \
  Officina__Urls="http://127.0.0.1:$port" Officina__Storage=local Officina__DataPath="$work/data" \
  Officina__RateLimitPerMinute=1000000 Logging__LogLevel__Default=Warning \
  dotnet "$dll" >"$work/service.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "the service exited:"; cat "$work/service.log"; exit 1; }
  sleep 0.2
done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { echo "the service did not get ready:"; cat "$work/service.log"; exit 1; }

mb() { awk -v k="$1:" '$1 == k { printf "%d", $2 / 1024 }' "/proc/$pid/status"; }
cpu_s() { awk -v t="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / t }' "/proc/$pid/stat"; }
rss_before=$(mb VmRSS)
if [ "$warmup" -gt 0 ]; then
  python3 tests/Benchmarks/service/load.py "http://127.0.0.1:$port" "$file" "$warmup" "$concurrency" --plan "$work/plan.json" >/dev/null
fi
cpu_before=$(cpu_s)
started=$(date +%s.%N)
result=$(python3 tests/Benchmarks/service/load.py "http://127.0.0.1:$port" "$file" "$n" "$concurrency" --plan "$work/plan.json")
elapsed=$(python3 -c "import sys; print(round($(date +%s.%N) - $started, 1))")
rss_after=$(mb VmRSS)
rss_peak=$(mb VmHWM)
cpu_after=$(cpu_s)

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) after the run; $n jobs at concurrency $concurrency in ${elapsed} s (after $warmup uncounted)"
python3 - "$result" "$rss_before" "$rss_after" "$rss_peak" "$cpu_before" "$cpu_after" "$n" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
before, after, peak = (int(x) for x in sys.argv[2:5])
cpu = float(sys.argv[6]) - float(sys.argv[5])
errors = r.get('submit_errors', 0) + r.get('failed', 0) + r.get('unfinished', 0)
print('| jobs | errors (refused · failed · unfinished) | jobs/s | p50 ms | p99 ms | service CPU ms/job | RSS ready MB | RSS after MB | RSS peak MB |')
print('|---:|---|---:|---:|---:|---:|---:|---:|---:|')
print(f"| {sys.argv[7]} | {errors} ({r.get('submit_errors', 0)} · {r.get('failed', 0)} · {r.get('unfinished', 0)}) "
      f"| {r.get('jobs_per_s', 0)} | {r.get('p50_ms', '-')} | {r.get('p99_ms', '-')} "
      f"| {round(1000 * cpu / max(1, r.get('jobs', 0)), 1)} | {before} | {after} | {peak} |")
PY
