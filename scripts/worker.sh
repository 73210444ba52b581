#!/usr/bin/env bash
# A worker of a fleet: runs the sellers' nights the fleet run sends it, one at a time, until
# it is stopped (Ctrl-C or SIGTERM; a night it was running is given to another worker, or to
# the next launch, and resumes there). Start one per machine, or one per core:
#   OPTOUT_FLEET=/srv/fleet scripts/worker.sh
# It reads OPTOUT_FLEET, the shared PostgreSQL (OPTOUT_DB_URL, OPTOUT_DB_USER,
# OPTOUT_DB_PASSWORD) and the broker (SPRING_RABBITMQ_HOST, SPRING_RABBITMQ_PORT,
# SPRING_RABBITMQ_USERNAME, SPRING_RABBITMQ_PASSWORD); see the README, "Running a fleet".
# Its log is in <fleet>/output/logs/worker-<pid>-<time>.log.
exec "$(dirname "${BASH_SOURCE[0]}")/run-job.sh" worker "$@"
