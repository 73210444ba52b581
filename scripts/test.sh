#!/usr/bin/env bash
# The whole test suite: unit and job tests on the embedded database, the fuzz tests on their
# saved inputs, the job tests again on a throwaway PostgreSQL server, and the end-to-end tests
# of the packaged application.
# Set OPTOUT_TEST_POSTGRES=skip to leave PostgreSQL out.
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$project"

if [[ "${OPTOUT_TEST_POSTGRES:-}" != "skip" ]]; then
  if env="$(scripts/postgres-test-server.sh start)"; then
    eval "$env"
    trap 'scripts/postgres-test-server.sh stop' EXIT
  else
    echo "WARNING: PostgreSQL could not be started: the job tests run on the embedded database only" >&2
  fi
fi

mvn -B verify "$@"
