#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the service tests.
#   eval "$(bash scripts/test-postgres.sh start)"   # exports OFFICINA_TEST_POSTGRES and OFFICINA_TEST_POSTGRES_DIR
#   bash scripts/test-postgres.sh stop "$OFFICINA_TEST_POSTGRES_DIR"
#   bash scripts/test-postgres.sh pause|resume "$OFFICINA_TEST_POSTGRES_DIR"   # the server down and up again, data kept (outage tests)
# Installs Debian's postgresql when no server binaries are found. initdb refuses to run as
# root, so as root the cluster runs as the 'postgres' user the package creates.
set -euo pipefail

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

case "${1:-}" in
  start)
    if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
      if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
      echo "Installing PostgreSQL" >&2
      $SUDO apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    fi
    bin=$(pg_bin)
    dir=$(mktemp -d /tmp/officina-pg.XXXXXX)
    chmod 755 "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U officina --auth=trust -E UTF8 --no-sync >/dev/null
    # The settings live in the cluster's own configuration, so 'resume' starts it on the same port.
    printf "%s\n" "listen_addresses = '127.0.0.1'" "port = $port" "unix_socket_directories = '$dir'" "fsync = off" "max_connections = 300" \
      | as_owner tee -a "$dir/data/postgresql.conf" >/dev/null
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start >/dev/null
    echo "export OFFICINA_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=officina;Database=postgres'"
    echo "export OFFICINA_TEST_POSTGRES_DIR='$dir'"
    ;;
  stop)
    dir="${2:?the cluster directory printed by start}"
    case "$dir" in /tmp/officina-pg.*) ;; *) echo "not a test cluster: $dir" >&2; exit 1 ;; esac
    as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  pause|resume)
    dir="${2:?the cluster directory printed by start}"
    case "$dir" in /tmp/officina-pg.*) ;; *) echo "not a test cluster: $dir" >&2; exit 1 ;; esac
    if [ "$1" = pause ]; then
      as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    else
      as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -l "$dir/log" -w start >/dev/null
    fi
    ;;
  *)
    echo "usage: $0 start | stop DIR | pause DIR | resume DIR" >&2
    exit 2
    ;;
esac
