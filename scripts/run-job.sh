#!/usr/bin/env bash
# Runs one job: scripts/run-job.sh <jobName> [name=value ...] [--rerun]
# (also the commands "status [--failed]" and "schedule", see status.sh and schedule.sh).
# Builds the jar first when it is missing or older than the sources. The workspace is
# OPTOUT_HOME (default: this project's folder). Exit code 0 when the job completed; see
# the README for the others.
set -euo pipefail

project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$project/target/optout-batch.jar"

if [[ $# -eq 0 ]]; then
  echo "usage: scripts/run-job.sh <jobName> [name=value ...] [--rerun]" >&2
  exit 2
fi

# one build at a time: workers started together wait for the first one's
mkdir -p "$project/target"
exec 9>"$project/target/.build.lock"
flock 9
if [[ ! -f "$jar" ]] || [[ -n "$(find "$project/pom.xml" "$project/src/main" "$project/jobs" -newer "$jar" -print -quit)" ]]; then
  echo "optout-batch: building $jar" >&2
  # Maven's console library writes colour resets even in batch mode: dropped here
  (cd "$project" && mvn -B -q -DskipTests package 2>&1) | sed 's/\x1b\[[0-9;]*m//g' >&2
fi
exec 9>&-

export OPTOUT_HOME="${OPTOUT_HOME:-$project}"
source "$project/scripts/java-options.sh"
case "$1" in
  worker | fleetNightly) java_options="$fleet_java_options" ;;
esac
exec java $java_options -jar "$jar" "$@"
