#!/usr/bin/env bash
# A long-running process that launches the nightly run on a cron expression, for hosts
# without cron. Runs by hand keep working while it waits.
#   scripts/schedule.sh [--optout.schedule.cron="0 30 2 * * *"] [--optout.schedule.zone=Europe/Berlin]
# The expression has six fields (second minute hour day month weekday); the default is 02:30
# every night in the host's time zone. OPTOUT_SCHEDULE_CRON and OPTOUT_SCHEDULE_ZONE work too.
exec "$(dirname "${BASH_SOURCE[0]}")/run-job.sh" schedule "$@"
