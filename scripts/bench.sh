#!/usr/bin/env bash
# The benchmark: scripts/bench.sh [--scale S|M|L] [--seed N] [--database hsqldb|postgres]
#   (default: M on the embedded HSQLDB)
#   On one generated workspace (target/bench/workspace-<scale>, made by generate-data.sh when
#   missing), runs the nightly run and then the reference reader, a plain program that only
#   reads the same inputs with the same parsers. Prints per job the records per second, the
#   ratio of the nightly's time to the reference's, and the peak memory (max RSS) of both
#   processes, and appends the figures to output/bench/history.csv of this project.
#   --database postgres runs the nightly on a throwaway PostgreSQL server
#   (scripts/postgres-test-server.sh, port 54339); its peak memory is then the Java process's
#   alone, not the server's.
# scripts/bench.sh --nights N [--scale S|M|L] [--seed N] [--database hsqldb|postgres]
#   N nightly runs in a row, run dates one day apart, on a copy of the generated workspace
#   (target/bench/nights-<scale>), one database for all of them. Before each night after the
#   first, DayOfNewData adds a day of new data: a new order report and a new sent-message log
#   (a hundredth of the generated ones each), 50 mails appended to the inbox's mbox, a new
#   campaign list. Prints per night the nightly run's time, the records its jobs read, the
#   inputs they skipped as unchanged, its peak memory and its time against night 1's, and
#   appends them to output/bench/nights.csv.
# scripts/bench.sh --jmh [JMH options]
#   Runs the JMH microbenchmarks of src/jmh/java (e.g. --jmh MessageClassification -f 1).
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$project/scripts/bench-classpath.sh"
source "$project/scripts/java-options.sh"
cd "$project"

if [[ "${1:-}" == "--jmh" ]]; then
  shift
  cpfile=target/jmh.classpath
  echo "optout-batch: compiling the microbenchmarks" >&2
  mvn -B -q -Pjmh test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >&2
  cp="target/test-classes:target/classes:$(cat "$cpfile")"
  rm -rf target/jmh-classes && mkdir -p target/jmh-classes
  javac -proc:full -nowarn -cp "$cp" -d target/jmh-classes $(find src/jmh/java -name '*.java')
  exec java -cp "target/jmh-classes:$cp" org.openjdk.jmh.Main "$@"
fi

scale=M
seed=20261126
database=hsqldb
nights=
usage="usage: scripts/bench.sh [--nights N] [--scale S|M|L] [--seed N] [--database hsqldb|postgres] | --jmh [JMH options]"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scale) scale="${2^^}"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --database) database="${2,,}"; shift 2 ;;
    --nights) nights="$2"; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
[[ "$database" == hsqldb || "$database" == postgres ]] || { echo "$usage" >&2; exit 2; }
[[ -z "$nights" || "$nights" =~ ^[1-9][0-9]*$ ]] || { echo "$usage" >&2; exit 2; }

jar="$project/target/optout-batch.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find pom.xml src/main jobs -newer "$jar" -print -quit)" ]]; then
  echo "optout-batch: building $jar" >&2
  mvn -B -q -DskipTests package >&2
fi
classpath="$(bench_classpath)"

workspace="$project/target/bench/workspace-${scale,,}"
if [[ "$(cat "$workspace/.generated" 2>/dev/null)" != "$scale $seed" ]]; then
  rm -rf "$workspace"
  java -Xmx256m -cp "$classpath" com.optoutbatch.bench.SellerDataGenerator --scale "$scale" --seed "$seed" --out "$workspace"
  echo "$scale $seed" > "$workspace/.generated"
fi
run_date=2026-11-26
bench="$project/target/bench"

# Runs a command and writes its wall time (s) and peak RSS (KiB) to $bench/<name>.measured.
measured() {
  local name="$1"; shift
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "%e %M" -o "$bench/$name.measured" "$@"
  else
    # without GNU time: the kernel's high-water mark of the process, sampled until it ends
    local started=$SECONDS hwm=0 now
    "$@" & local pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      now=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      (( now > hwm )) && hwm=$now
      sleep 0.2
    done
    wait "$pid"; local rc=$?
    echo "$((SECONDS - started)) $hwm" > "$bench/$name.measured"
    return $rc
  fi
}

# Runs the nightly run of a run date on a workspace, measured as "nightly", its output in a log.
nightly_run() {
  local home="$1" date="$2" log="$3"
  OPTOUT_HOME="$home" measured nightly java $java_options -jar "$jar" nightly run.date="$date" \
    > "$log" 2>&1 || { echo "the nightly run failed: see $log" >&2; exit 1; }
}

# One night's figures from its run files: the nightly run's seconds, the records its jobs read
# and the inputs they skipped as unchanged (none when the run files list no "unchanged").
night_figures() {
  python3 - "$1" <<'PY'
import json, pathlib, sys
runs = pathlib.Path(sys.argv[1])
jobs = [json.loads(f.read_text()) for f in sorted(runs.glob("*.json")) if f.name != "nightly.json"]
nightly = json.loads((runs / "nightly.json").read_text())
print(nightly["seconds"], sum(job["totals"]["read"] for job in jobs), sum(len(job.get("unchanged") or []) for job in jobs))
PY
}

# $nights nightly runs in a row on a copy of the generated workspace, a day of new data before
# each night after the first.
consecutive_nights() {
  local copy="$bench/nights-${scale,,}" csv="$project/output/bench/nights.csv"
  local header="when,commit,scale,seed,database,night,run_date,new_data,seconds,records_read,unchanged,rss_kb,ratio"
  local when commit night date new figures seconds records unchanged rss ratio first rows=""
  when="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  commit="$(git rev-parse --short HEAD)"
  rm -rf "$copy" && mkdir -p "$copy/output" && cp -a "$workspace/input" "$copy/"
  mkdir -p "$project/output/bench"
  if [[ "$(head -n 1 "$csv" 2>/dev/null)" != "$header" ]]; then
    [[ -f "$csv" ]] && mv "$csv" "$csv.$(date +%s).old"
    echo "$header" > "$csv"
  fi
  echo "optout-batch: $nights nights and one with nothing new on $copy (scale $scale, seed $seed, $database, load $load)" >&2
  printf '%-7s%-12s%-10s%8s%10s%11s%10s%8s\n' night "run date" "new data" "job s" records unchanged "peak MiB" ratio
  # the nights, then one more with nothing new
  for ((night = 1; night <= nights + 1; night++)); do
    date="$(date -d "$run_date + $((night - 1)) days" +%F)"
    new=yes
    if ((night > nights)); then
      new=no
    elif ((night > 1)); then
      java -Xmx256m -cp "$classpath" com.optoutbatch.bench.DayOfNewData --scale "$scale" --seed "$seed" \
        --night "$night" --workspace "$copy" >&2
    fi
    nightly_run "$copy" "$date" "$bench/night-$night-${scale,,}.log"
    figures="$(night_figures "$copy/output/runs/$date")"
    read -r seconds records unchanged <<< "$figures"
    rss="$(tail -n 1 "$bench/nightly.measured" | cut -d' ' -f2)"
    first="${first:-$seconds}"
    ratio="$(awk -v s="$seconds" -v f="$first" 'BEGIN { printf "%.2f", s / f }')"
    awk -v n="$night" -v d="$date" -v w="$new" -v s="$seconds" -v r="$records" -v u="$unchanged" -v m="$rss" \
      -v q="$ratio" 'BEGIN { printf "%-7s%-12s%-10s%8.1f%10d%11d%10d%8s\n", n, d, w, s, r, u, m / 1024, q }'
    echo "$when,$commit,$scale,$seed,$database,$night,$date,$new,$seconds,$records,$unchanged,$rss,$ratio" >> "$csv"
    rows+="$new $seconds $records $unchanged"$'\n'
  done
  printf '%s' "$rows" | awk 'NR == 1 { s1 = $2; r1 = $3; next }
    $1 == "no" { quiet = $2; quietRecords = $3; next }
    { s += $2; r += $3; u += $4; n++ }
    END {
      if (n > 0) {
        printf "nights 2-%d: %.1f s a night (%.2f of night 1, %.1f s), %d records read a night (night 1: %d), %.1f inputs a night skipped as unchanged\n",
          n + 1, s / n, s / n / s1, s1, r / n, r1, u / n
      }
      printf "a night with nothing new: %.1f s (%.2f of night 1), %d records read\n", quiet, quiet / s1, quietRecords
    }'
  echo "appended to $csv"
}

if [[ "$database" == postgres ]]; then
  export OPTOUT_TEST_POSTGRES_PORT=54339
  eval "$(scripts/postgres-test-server.sh start)"
  trap 'scripts/postgres-test-server.sh stop' EXIT
  export SPRING_PROFILES_ACTIVE=postgres OPTOUT_DB_URL="$OPTOUT_TEST_POSTGRES_URL" \
    OPTOUT_DB_USER="$OPTOUT_TEST_POSTGRES_USER" OPTOUT_DB_PASSWORD="$OPTOUT_TEST_POSTGRES_PASSWORD"
fi

load="$(cut -d' ' -f1 /proc/loadavg)"
if [[ -n "$nights" ]]; then
  consecutive_nights
  exit
fi

# a fresh database and outputs: every run imports everything
rm -rf "$workspace/output" && mkdir -p "$workspace/output"
echo "optout-batch: nightly run on $workspace (scale $scale, seed $seed, $database, load $load)" >&2
nightly_run "$workspace" "$run_date" "$bench/nightly-${scale,,}.log"
echo "optout-batch: reference reader on the same inputs" >&2
measured reference java $java_options -cp "$classpath" com.optoutbatch.bench.ReferenceReader "$workspace" > "$bench/reference.out"

mkdir -p "$project/output/bench"
history="$project/output/bench/history.csv"
[[ -f "$history" ]] || echo "when,commit,scale,seed,load,job,records,nightly_seconds,records_per_second,reference_seconds,ratio,nightly_max_rss_kb,reference_max_rss_kb,database" > "$history"
# a history from before the database column: its runs were all on HSQLDB
head -n 1 "$history" | grep -q ',database$' || sed -i '1s/$/,database/; 2,$s/$/,hsqldb/' "$history"
python3 - "$workspace/output/runs/$run_date" "$bench/reference.out" "$bench/nightly.measured" "$bench/reference.measured" \
    "$history" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(git rev-parse --short HEAD)" "$scale" "$seed" "$load" "$database" <<'PY'
import json, sys, os
runs, reference_out, nightly_measured, reference_measured, history, when, commit, scale, seed, load, database = sys.argv[1:]
reference = {}
for line in open(reference_out):
    job, records, seconds = line.split()
    reference[job] = (int(records), float(seconds))
nightly_wall, nightly_rss = open(nightly_measured).read().split()[-2:]
reference_wall, reference_rss = open(reference_measured).read().split()[-2:]
rows = []
print(f"{'job':<20}{'records':>10}{'nightly s':>11}{'records/s':>11}{'reference s':>13}{'ratio':>8}")
for job in reference:
    run = json.load(open(os.path.join(runs, job + ".json")))
    records, seconds = run["totals"]["read"], run["seconds"]
    ref_seconds = reference[job][1]
    ratio = seconds / ref_seconds if ref_seconds > 0 else float("nan")
    print(f"{job:<20}{records:>10}{seconds:>11.1f}{records / seconds:>11.0f}{ref_seconds:>13.2f}{ratio:>8.1f}")
    rows.append((job, records, seconds, records / seconds, ref_seconds, ratio))
nightly = json.load(open(os.path.join(runs, "nightly.json")))
total_ref = sum(r[1] for r in reference.values())
# the nightly run counts no records of its own: its jobs' records
total = sum(r[1] for r in rows)
ratio = nightly["seconds"] / total_ref
print(f"{'nightly':<20}{total:>10}{nightly['seconds']:>11.1f}{total / nightly['seconds']:>11.0f}{total_ref:>13.2f}{ratio:>8.1f}")
rows.append(("nightly", total, nightly["seconds"], total / nightly["seconds"], total_ref, ratio))
print(f"process wall time: nightly {nightly_wall} s, reference {reference_wall} s")
print(f"peak memory (max RSS): nightly {int(nightly_rss) // 1024} MiB, reference {int(reference_rss) // 1024} MiB")
with open(history, "a") as out:
    for job, records, seconds, rate, ref_seconds, ratio in rows:
        out.write(f"{when},{commit},{scale},{seed},{load},{job},{records},{seconds:.3f},{rate:.0f},{ref_seconds:.3f},{ratio:.2f},{nightly_rss},{reference_rss},{database}\n")
print(f"appended to {history}")
PY
