#!/usr/bin/env bash
# The recent runs, from the job repository: job, run date, attempt, status, duration, and the
# records read, used and rejected. --failed lists only what needs attention.
exec "$(dirname "${BASH_SOURCE[0]}")/run-job.sh" status "$@"
