#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the test suite or the benchmark (installing Debian's package
# when the machine has none) and prints the variables the tests read:
#   eval "$(scripts/postgres-test-server.sh start)"   ...   scripts/postgres-test-server.sh stop
# The server lives in /tmp/optout-test-postgres-<port> (outside the checkout, which the postgres
# user may not be allowed to enter) and listens on 127.0.0.1:${OPTOUT_TEST_POSTGRES_PORT:-54329}.
# OPTOUT_TEST_POSTGRES_DATA=<folder> keeps the server in that folder instead, from one start to the
# next (scripts/fleet.sh): created on the first start, only started again on the next ones, fsync
# on, and a password asked on TCP connections. Either way, start makes the role and database optout
# (password optout) when they are missing.
set -euo pipefail

port="${OPTOUT_TEST_POSTGRES_PORT:-54329}"
if [[ -n "${OPTOUT_TEST_POSTGRES_DATA:-}" ]]; then
  data="$(realpath -m "$OPTOUT_TEST_POSTGRES_DATA")" keep=yes
  auth=(--auth-local=trust --auth-host=scram-sha-256) options=""
else
  data="/tmp/optout-test-postgres-$port" keep=""
  auth=(--auth=trust) options="-c fsync=off"
fi

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

running() {
  [[ -f "$data/postmaster.pid" ]] && as_postgres "$1/pg_ctl" -D "$data" status >/dev/null 2>&1
}

start() {
  [[ -n "$(bin_dir)" ]] || install_postgres
  local bin; bin="$(bin_dir)"
  if [[ -z "$keep" || ! -f "$data/PG_VERSION" ]]; then
    if [[ -z "$keep" ]]; then
      stop >/dev/null 2>&1 || true
      rm -rf "$data"
    fi
    mkdir -p "$data"
    [[ "$(id -u)" -ne 0 ]] || chown postgres:postgres "$data"
    chmod 700 "$data"
    if ! as_postgres test -w "$data"; then
      echo "the postgres user cannot write to $data (a parent folder of it is closed to others)" >&2
      exit 1
    fi
    as_postgres "$bin/initdb" -D "$data" -U postgres "${auth[@]}" -E UTF8 >/dev/null
  fi
  if running "$bin"; then
    if [[ "$(sed -n 4p "$data/postmaster.pid")" != "$port" ]]; then
      echo "PostgreSQL is running in $data on another port: stop it first" >&2
      exit 1
    fi
  else
    # a server killed without stopping leaves postmaster.pid behind: pg_ctl sees that it is stale
    if ! as_postgres "$bin/pg_ctl" -D "$data" -o "-p $port -k $data -c listen_addresses=127.0.0.1 $options" \
      -l "$data/server.log" -w start >/dev/null; then
      tail -n 20 "$data/server.log" >&2
      exit 1
    fi
  fi
  # through the server's socket, in its folder: the superuser has no password
  as_postgres "$bin/psql" -h "$data" -p "$port" -U postgres -q -v ON_ERROR_STOP=1 >/dev/null <<'EOF'
SELECT 'CREATE ROLE optout LOGIN PASSWORD ''optout'' CREATEDB'
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'optout') \gexec
SELECT 'CREATE DATABASE optout OWNER optout'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'optout') \gexec
EOF
  echo "export OPTOUT_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$port/optout"
  echo "export OPTOUT_TEST_POSTGRES_USER=optout OPTOUT_TEST_POSTGRES_PASSWORD=optout"
}

stop() {
  local bin; bin="$(bin_dir)"
  [[ -n "$bin" ]] || return 0
  if running "$bin"; then as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
