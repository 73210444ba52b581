#!/usr/bin/env bash
# The whole test suite: unit and job tests on the embedded database, the fuzz tests on their
# saved inputs, the job tests again on a throwaway PostgreSQL server, and the end-to-end tests
# of the packaged application, a fleet's on a throwaway RabbitMQ broker among them.
# Set OPTOUT_TEST_POSTGRES=skip to leave PostgreSQL out, OPTOUT_TEST_RABBITMQ=skip RabbitMQ.
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$project"

stop_servers=()
trap 'for server in "${stop_servers[@]}"; do "$server" stop || true; done' EXIT

if [[ "${OPTOUT_TEST_POSTGRES:-}" != "skip" ]]; then
  if env="$(scripts/postgres-test-server.sh start)"; then
    eval "$env"
    stop_servers+=(scripts/postgres-test-server.sh)
  else
    echo "WARNING: PostgreSQL could not be started: the job tests run on the embedded database only" >&2
  fi
fi

if [[ "${OPTOUT_TEST_RABBITMQ:-}" != "skip" && "${OPTOUT_TEST_POSTGRES:-}" != "skip" ]]; then
  if env="$(scripts/rabbitmq-test-server.sh start)"; then
    eval "$env"
    stop_servers+=(scripts/rabbitmq-test-server.sh)
  else
    echo "WARNING: RabbitMQ could not be started: the fleet's tests are skipped" >&2
  fi
fi

mvn -B verify "$@"
