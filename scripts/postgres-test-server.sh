#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the test suite or the benchmark (installing Debian's package
# when the machine has none) and prints the variables the tests read:
#   eval "$(scripts/postgres-test-server.sh start)"   ...   scripts/postgres-test-server.sh stop
# The server lives in /tmp/optout-test-postgres-<port> (outside the checkout, which the postgres
# user may not be allowed to enter) and listens on 127.0.0.1:${OPTOUT_TEST_POSTGRES_PORT:-54329}.
set -euo pipefail

port="${OPTOUT_TEST_POSTGRES_PORT:-54329}"
data="/tmp/optout-test-postgres-$port"

bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# from /: the postgres user may not enter the folder this is called from
as_postgres() {
  if [[ "$(id -u)" -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

install_postgres() {
  echo "installing PostgreSQL (Debian package postgresql)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
}

start() {
  [[ -n "$(bin_dir)" ]] || install_postgres
  local bin; bin="$(bin_dir)"
  stop >/dev/null 2>&1 || true
  rm -rf "$data" && mkdir -p "$data"
  [[ "$(id -u)" -ne 0 ]] || chown postgres:postgres "$data"
  chmod 700 "$data"
  as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >/dev/null
  as_postgres "$bin/pg_ctl" -D "$data" -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off" \
    -l "$data/server.log" -w start >/dev/null
  as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c \
    "CREATE ROLE optout LOGIN PASSWORD 'optout' CREATEDB" -c "CREATE DATABASE optout OWNER optout" >/dev/null
  echo "export OPTOUT_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$port/optout"
  echo "export OPTOUT_TEST_POSTGRES_USER=optout OPTOUT_TEST_POSTGRES_PASSWORD=optout"
}

stop() {
  local bin; bin="$(bin_dir)"
  [[ -n "$bin" && -f "$data/postmaster.pid" ]] && as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
