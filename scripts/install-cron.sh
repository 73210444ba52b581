#!/usr/bin/env bash
# Adds the crontab line that runs scripts/nightly.sh every night (02:30 by default), for
# hosts with cron; --print only prints it.
#   scripts/install-cron.sh [--print] [--at "30 2"]   (minute and hour, in the host's time zone)
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
print=false
at="30 2"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --print) print=true ;;
    --at) at="$2"; shift ;;
    *) echo "usage: $0 [--print] [--at \"<minute> <hour>\"]" >&2; exit 2 ;;
  esac
  shift
done
home="${OPTOUT_HOME:-$project}"
line="$at * * * OPTOUT_HOME=$(printf %q "$home") $(printf %q "$project/scripts/nightly.sh") >> $(printf %q "$home/output/logs/cron.log") 2>&1 # optout-batch nightly"

if $print; then
  echo "$line"
  exit 0
fi
command -v crontab >/dev/null || { echo "no crontab command on this host: use scripts/schedule.sh" >&2; exit 1; }
mkdir -p "$home/output/logs"
{ crontab -l 2>/dev/null | grep -v "# optout-batch nightly" || true; echo "$line"; } | crontab -
echo "installed: $line"
