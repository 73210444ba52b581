#!/usr/bin/env bash
# Fuzzes one parser for longer than the replay that scripts/test.sh runs:
#   scripts/fuzz.sh                      lists the targets
#   scripts/fuzz.sh <target> <minutes>   fuzzes that target (Jazzer, through Maven) for so long
# An input that breaks the target is saved beside its fuzz test, in
# src/test/resources/<package>/<Class>Inputs/<method>/, where every test run replays it;
# the inputs that reached new code are kept in .cifuzz-corpus/ for the next run.
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$project"

# target name: the fuzz test class without its FuzzTests suffix, first letter lowercased
targets() {
  grep -rl --include='*FuzzTests.java' '@FuzzTest' src/test/java | sort | while read -r source; do
    class="${source#src/test/java/}"
    class="${class%.java}"
    class="${class//\//.}"
    simple="${class##*.}"
    name="${simple%FuzzTests}"
    printf '%s %s\n' "${name,}" "$class"
  done
}

if [[ $# -eq 0 ]]; then
  echo "usage: scripts/fuzz.sh <target> <minutes>"
  echo "targets:"
  targets | while read -r name class; do printf '  %-14s %s\n' "$name" "$class"; done
  exit 0
fi
if [[ $# -ne 2 || ! "$2" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh <target> <minutes> (minutes a whole number); without arguments it lists the targets" >&2
  exit 2
fi
class="$(targets | awk -v name="$1" '$1 == name { print $2 }')"
if [[ -z "$class" ]]; then
  echo "no fuzz target named '$1'; scripts/fuzz.sh lists them" >&2
  exit 2
fi

# coverage feedback from the parsing libraries too, not only from the product's classes
export JAZZER_INSTRUMENT="com.optoutbatch.**,org.apache.commons.csv.**,jakarta.mail.**,org.eclipse.angus.mail.**"
export JAZZER_FUZZ=1
export JAZZER_MAX_DURATION="${2}m"
# Jazzer's instrumentation, which the replay in the test run leaves off, guides the fuzzing; the fuzz
# tests' @Timeout bounds each input (Jazzer passes it on), where JUnit would apply it to the whole run
mvn -B test-compile surefire:test@fuzz-tests -Dtest="$class" -Djazzer.hooks=true \
  -Djunit.jupiter.execution.timeout.mode=disabled
