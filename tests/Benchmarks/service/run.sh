#!/usr/bin/env bash
# Service benchmarks (not tests): N POST /plans/apply jobs end to end for InMemory and
# PostgreSQL storage, one and two worker processes, then wrk on GET /jobs/{id}.
#   bash tests/Benchmarks/service/run.sh [N]        (default 1000)
# Installs wrk and postgresql when missing; starts everything on 127.0.0.1 and stops it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
n=${1:-1000}
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
for p in wrk postgresql; do
  dpkg -s "$p" >/dev/null 2>&1 || { $SUDO apt-get update -qq; DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$p" >/dev/null; }
done
dotnet build src/Officina.Service -c Release -nologo -v q >/dev/null
dll=src/Officina.Service/bin/Release/net10.0/Officina.Service.dll
file=tests/Benchmarks/service/small.xlsx  # 20 rows, no formulas (made with openpyxl)
work=$(mktemp -d /tmp/officina-service-bench.XXXXXX)
pids=()
eval "$(bash scripts/test-postgres.sh start)"
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  bash scripts/test-postgres.sh stop "$OFFICINA_TEST_POSTGRES_DIR"
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start() { # start NAME PORT [ENV=VALUE…]: one service process, waits for /readyz
  local name=$1 port=$2; shift 2
  env "$@" Officina__Urls="http://127.0.0.1:$port" Officina__DataPath="$work/$name" Officina__RateLimitPerMinute=1000000 \
    Logging__LogLevel__Default=Warning dotnet "$dll" >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && return 0; sleep 0.2; done
  echo "service $name did not start:"; cat "$work/$name.log"; exit 1
}
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; pids=(); }

database() { # a fresh database per run
  local name=bench_$RANDOM$RANDOM
  psql "$(sed -E 's/Host=([^;]*);Port=([^;]*);Username=([^;]*);Database=([^;]*)/host=\1 port=\2 user=\3 dbname=\4/' <<<"$OFFICINA_TEST_POSTGRES")" -qc "CREATE DATABASE $name" >/dev/null
  echo "${OFFICINA_TEST_POSTGRES/Database=postgres/Database=$name}"
}

echo "== InMemory, one process"
p1=$(free_port); start mem "$p1"
result=$(python3 tests/Benchmarks/service/load.py "http://127.0.0.1:$p1" "$file" "$n"); echo "$result"
example=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["example"])' "$result")
echo "== wrk: GET /api/v1/jobs/{id}, 4 connections, 10 s (InMemory)"
wrk -t2 -c4 -d10s "http://127.0.0.1:$p1/api/v1/jobs/$example" | grep -E "Requests/sec|Latency"
stop_all

echo "== PostgreSQL, one process"
cs=$(database); p1=$(free_port); start pg1 "$p1" Officina__Storage=postgres Officina__ConnectionString="$cs"
python3 tests/Benchmarks/service/load.py "http://127.0.0.1:$p1" "$file" "$n"
stop_all

echo "== PostgreSQL, two processes (jobs submitted to both)"
cs=$(database); p1=$(free_port); p2=$(free_port)
start pg2a "$p1" Officina__Storage=postgres Officina__ConnectionString="$cs"
start pg2b "$p2" Officina__Storage=postgres Officina__ConnectionString="$cs"
result=$(python3 tests/Benchmarks/service/load.py "http://127.0.0.1:$p1,http://127.0.0.1:$p2" "$file" "$n"); echo "$result"
example=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["example"])' "$result")
echo "== wrk: GET /api/v1/jobs/{id}, 4 connections, 10 s (PostgreSQL)"
wrk -t2 -c4 -d10s "http://127.0.0.1:$p1/api/v1/jobs/$example" | grep -E "Requests/sec|Latency"
stop_all
