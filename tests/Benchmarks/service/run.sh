#!/usr/bin/env bash
# Service benchmarks (not tests): N POST /plans/apply jobs end to end for InMemory and
# PostgreSQL storage, one and two processes, API-only plus one or two worker nodes of a fixed
# CPU budget, then wrk on GET /jobs/{id}.
#   bash tests/Benchmarks/service/run.sh [N]        (default 1000)
#   WORKER_CPU=0.25 bash tests/Benchmarks/service/run.sh   (cores per emulated worker node)
#   WARMUP=200 …                                            (jobs run and not counted before each run)
# Installs wrk and postgresql when missing; starts everything on 127.0.0.1 and stops it.
# Each run prints one JSON line: jobs/s, latency, and CPU milliseconds per job spent by the
# service processes, by PostgreSQL and by the load generator (all share this machine).
set -euo pipefail
cd "$(dirname "$0")/../../.."
n=${1:-1000}
worker_cpu=${WORKER_CPU:-0.25}
warmup=${WARMUP:-200}
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
for p in wrk postgresql; do
  dpkg -s "$p" >/dev/null 2>&1 || { $SUDO apt-get update -qq; DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$p" >/dev/null; }
done
dotnet build src/Officina.Service -c Release -nologo -v q >/dev/null
dll=src/Officina.Service/bin/Release/net10.0/Officina.Service.dll
file=tests/Benchmarks/service/small.xlsx  # 20 rows, no formulas (made with openpyxl)
work=$(mktemp -d /tmp/officina-service-bench.XXXXXX)
pids=()
groups=()
eval "$(bash scripts/test-postgres.sh start)"
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  pids=()
  for g in "${groups[@]}"; do rmdir "$g" 2>/dev/null || true; done
  groups=()
}
cleanup() {
  stop_all
  bash scripts/test-postgres.sh stop "$OFFICINA_TEST_POSTGRES_DIR"
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# A CPU budget for one process, as a cgroup (v1 cpu controller, or v2 with cpu delegated):
# sets CGROUP_PROCS to the group's cgroup.procs, or to nothing when this machine does not allow it.
cpu_group() {
  local cores=$1 name=officina-bench-$$-$RANDOM$RANDOM dir quota
  quota=$(python3 -c "print(int($cores * 100000))")
  CGROUP_PROCS=
  if [ -w /sys/fs/cgroup/cpu ] && [ -e /sys/fs/cgroup/cpu/cpu.cfs_quota_us ]; then
    dir=/sys/fs/cgroup/cpu/$name
    mkdir "$dir" && echo 100000 >"$dir/cpu.cfs_period_us" && echo "$quota" >"$dir/cpu.cfs_quota_us" || return 0
  elif [ -w /sys/fs/cgroup ] && grep -qw cpu /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null; then
    dir=/sys/fs/cgroup/$name
    mkdir "$dir" && echo "$quota 100000" >"$dir/cpu.max" || return 0
  else
    return 0
  fi
  groups+=("$dir")
  CGROUP_PROCS=$dir/cgroup.procs
}

start() { # start NAME PORT [ENV=VALUE…]: one service process, waits for /readyz; CGROUP_PROCS puts it in a cgroup
  local name=$1 port=$2; shift 2
  # shellcheck disable=SC2016 # $$ is the inner shell's pid, which then becomes dotnet
  sh -c 'if [ -n "$0" ]; then echo $$ >"$0"; fi; shift; exec "$@"' "${CGROUP_PROCS:-}" _ \
    env "$@" Officina__Urls="http://127.0.0.1:$port" Officina__DataPath="$work/$name" Officina__RateLimitPerMinute=1000000 \
    Logging__LogLevel__Default=Warning dotnet "$dll" >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && return 0; sleep 0.2; done
  echo "service $name did not start:"; cat "$work/$name.log"; exit 1
}

cpu_seconds() { # cpu_seconds PID…: user+system CPU of those processes and their reaped children
  local tick; tick=$(getconf CLK_TCK)
  for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null || true; done |
    awk -v t="$tick" '{ sub(/^.*\) /, ""); s += $12 + $13 + $14 + $15 } END { printf "%.2f\n", s / t }'
}
postgres_pids() {
  local main; main=$(head -1 "$OFFICINA_TEST_POSTGRES_DIR/data/postmaster.pid")
  echo "$main" $(pgrep -P "$main" || true)
}

busy_idle() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat; }

measure() { # measure URL[,URL2]: load.py's line plus CPU per job of the services and of PostgreSQL, and how busy the machine was
  local s0 p0 s1 p1 b0 b1 result
  # Warm-up (JIT, connection pools, thread pool) first, so each figure is the steady state.
  python3 tests/Benchmarks/service/load.py "$1" "$file" "$warmup" >/dev/null
  s0=$(cpu_seconds "${pids[@]}"); p0=$(cpu_seconds $(postgres_pids)); b0=$(busy_idle)
  result=$(python3 tests/Benchmarks/service/load.py "$1" "$file" "$n")
  s1=$(cpu_seconds "${pids[@]}"); p1=$(cpu_seconds $(postgres_pids)); b1=$(busy_idle)
  python3 -c 'import json,sys
r = json.loads(sys.argv[1]); n = r["jobs"]
r["service_cpu_ms_per_job"] = round(1000 * (float(sys.argv[3]) - float(sys.argv[2])) / n, 1)
r["postgres_cpu_ms_per_job"] = round(1000 * (float(sys.argv[5]) - float(sys.argv[4])) / n, 1)
r["load_cpu_ms_per_job"] = round(1000 * r.pop("load_cpu_s") / n, 1)
(b0, i0), (b1, i1) = (map(int, sys.argv[6].split()), map(int, sys.argv[7].split()))
r["machine_busy_pct"] = round(100 * (b1 - b0) / max(1, (b1 - b0) + (i1 - i0)))
print(json.dumps(r))' "$result" "$s0" "$s1" "$p0" "$p1" "$b0" "$b1"
}
example_of() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])["example"])' "$1"; }

database() { # a fresh database per run
  local name=bench_$RANDOM$RANDOM
  psql "$(sed -E 's/Host=([^;]*);Port=([^;]*);Username=([^;]*);Database=([^;]*)/host=\1 port=\2 user=\3 dbname=\4/' <<<"$OFFICINA_TEST_POSTGRES")" -qc "CREATE DATABASE $name" >/dev/null
  echo "${OFFICINA_TEST_POSTGRES/Database=postgres/Database=$name}"
}

echo "== InMemory, one process"
p1=$(free_port); start mem "$p1"
result=$(measure "http://127.0.0.1:$p1"); echo "$result"
echo "== wrk: GET /api/v1/jobs/{id}, 4 connections, 10 s (InMemory)"
wrk -t2 -c4 -d10s "http://127.0.0.1:$p1/api/v1/jobs/$(example_of "$result")" | grep -E "Requests/sec|Latency"
stop_all

echo "== PostgreSQL, one process"
cs=$(database); p1=$(free_port); start pg1 "$p1" Officina__Storage=postgres Officina__ConnectionString="$cs"
measure "http://127.0.0.1:$p1"
stop_all

echo "== PostgreSQL, two processes (jobs submitted to both)"
cs=$(database); p1=$(free_port); p2=$(free_port)
start pg2a "$p1" Officina__Storage=postgres Officina__ConnectionString="$cs"
start pg2b "$p2" Officina__Storage=postgres Officina__ConnectionString="$cs"
result=$(measure "http://127.0.0.1:$p1,http://127.0.0.1:$p2"); echo "$result"
echo "== wrk: GET /api/v1/jobs/{id}, 4 connections, 10 s (PostgreSQL)"
wrk -t2 -c4 -d10s "http://127.0.0.1:$p1/api/v1/jobs/$(example_of "$result")" | grep -E "Requests/sec|Latency"
stop_all

# Worker nodes: on one machine a second process brings workers but no CPU, so each worker
# process here gets its own CPU budget (a cgroup quota of WORKER_CPU cores), as a node of its
# own would. An API-only process takes the requests; jobs run only on the worker nodes.
for workers in 1 2; do
  echo "== PostgreSQL, API-only process + $workers worker node(s) of $worker_cpu core(s) each"
  cs=$(database); api=$(free_port)
  start api "$api" Officina__Storage=postgres Officina__ConnectionString="$cs" Officina__Worker=false
  for w in $(seq 1 "$workers"); do
    cpu_group "$worker_cpu"
    if [ -z "$CGROUP_PROCS" ]; then
      echo "skipped: CPU budgets need a writable cgroup cpu controller (root, cgroup v1 cpu or v2 with cpu delegated)"
      stop_all; break 2
    fi
    start "worker$w" "$(free_port)" Officina__Storage=postgres Officina__ConnectionString="$cs"
  done
  measure "http://127.0.0.1:$api"
  stop_all; CGROUP_PROCS=
done
