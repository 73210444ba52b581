#!/usr/bin/env bash
# The nightly run for today: what cron calls. Extra arguments are passed on
# (name=value parameters, --rerun).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/run-job.sh" nightly "run.date=$(date +%F)" "$@"
