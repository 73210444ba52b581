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
# scripts/bench.sh --fleet K --workers W[,W...] [--scale S|M|L] [--seed N]
#   A fleet of K sellers (target/bench/fleet-<scale>-<K>, generated once with the seeds N, N+1,
#   ...; default scale S) run by fleetNightly and W worker processes, on a throwaway PostgreSQL
#   and RabbitMQ (scripts/postgres-test-server.sh, port 54339, and rabbitmq-test-server.sh, port
#   56739). Each run starts from a fresh copy of the sellers' inputs (target/bench/fleet-run), a
#   fresh database and a queue of its own. The workers are started first, and the time is the
#   fleet run's, from its launch to its end. Prints that time, the sellers per minute, a
#   seller's night as timed by itself, each worker's sellers, peak memory (max RSS) and CPU
#   time, then the CPU the workers, PostgreSQL and the fleet run spent during the fleet run
#   against the machine's, all processes (other people's too) and cores counted; appends them to
#   output/bench/fleet.csv. --workers 1,2 runs the same fleet with 1, then 2 workers and prints
#   the sellers per minute of each against the first's.
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
fleet=
workers=
usage="usage: scripts/bench.sh [--nights N] [--scale S|M|L] [--seed N] [--database hsqldb|postgres]
       scripts/bench.sh --fleet K --workers W[,W...] [--scale S|M|L] [--seed N]
       scripts/bench.sh --jmh [JMH options]"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scale) scale="${2^^}"; scale_given=yes; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --database) database="${2,,}"; shift 2 ;;
    --nights) nights="$2"; shift 2 ;;
    --fleet) fleet="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
[[ "$database" == hsqldb || "$database" == postgres ]] || { echo "$usage" >&2; exit 2; }
[[ -z "$nights" || "$nights" =~ ^[1-9][0-9]*$ ]] || { echo "$usage" >&2; exit 2; }
# a fleet runs on PostgreSQL only, and its sellers are a hundredth of a large one unless told
if [[ -n "$fleet$workers" ]]; then
  [[ "$fleet" =~ ^[1-9][0-9]*$ && "$workers" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ && -z "$nights" \
    && "$database" == hsqldb ]] || { echo "$usage" >&2; exit 2; }
  [[ -n "${scale_given:-}" ]] || scale=S
fi

jar="$project/target/optout-batch.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find pom.xml src/main jobs -newer "$jar" -print -quit)" ]]; then
  echo "optout-batch: building $jar" >&2
  mvn -B -q -DskipTests package >&2
fi
classpath="$(bench_classpath)"

workspace="$project/target/bench/workspace-${scale,,}"
if [[ -z "$fleet" && "$(cat "$workspace/.generated" 2>/dev/null)" != "$scale $seed" ]]; then
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

# The fleet's sellers, generated once and kept: seller-1 ... seller-K, seeds $seed, $seed + 1, ...
fleet_sellers() {
  local sellers="$1" i
  [[ "$(cat "$sellers/.generated" 2>/dev/null)" == "$scale $seed $fleet" ]] && return
  rm -rf "$sellers"
  for ((i = 1; i <= fleet; i++)); do
    java -Xmx256m -cp "$classpath" com.optoutbatch.bench.SellerDataGenerator --scale "$scale" \
      --seed "$((seed + i - 1))" --out "$sellers/$(printf 'seller-%0*d' "${#fleet}" "$i")" >&2
  done
  echo "$scale $seed $fleet" > "$sellers/.generated"
}

worker_pids=()

# Starts a worker, its output in $1, and waits until its application has started.
start_worker() {
  local log="$1" waited=0
  java $fleet_java_options -jar "$jar" worker > "$log" 2>&1 &
  local pid=$!
  worker_pids+=("$pid")
  until grep -q "Started OptOutBatchApplication" "$log"; do
    if ! kill -0 "$pid" 2>/dev/null || ((waited++ > 900)); then
      echo "a worker did not start: see $log" >&2
      exit 1
    fi
    sleep 0.2
  done
}

# Stops the workers still running: SIGTERM, a kill if one has not ended after 30 s.
stop_workers() {
  local pid waited
  for pid in "${worker_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${worker_pids[@]}"; do
    waited=0
    while kill -0 "$pid" 2>/dev/null && ((waited++ < 150)); do sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  worker_pids=()
}

# CPU seconds so far (user and system) of a process ($1): its own, or with "children" those of
# the children it has waited for, or with "waited" those alone.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" -v of="${2:-}" '{
    t = of == "waited" ? 0 : $14 + $15
    if (of != "") t += $16 + $17
    printf "%.2f\n", t / hz }' "/proc/$1/stat"
}

# The throwaway PostgreSQL server's CPU seconds so far: the postmaster's, its ended backends' and
# its running ones'.
postgres_cpu() {
  local postmaster pid
  postmaster="$(head -n 1 "/tmp/optout-test-postgres-$OPTOUT_TEST_POSTGRES_PORT/postmaster.pid")"
  {
    cpu_seconds "$postmaster" children
    for pid in $(pgrep -P "$postmaster"); do cpu_seconds "$pid" 2>/dev/null || true; done
  } | awk '{ s += $1 } END { printf "%.2f\n", s }'
}

# The machine's CPU seconds so far, busy and in all, over all its cores.
machine_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / {
    printf "%.2f %.2f\n", ($2 + $3 + $4 + $7 + $8 + $9) / hz, ($2 + $3 + $4 + $5 + $6 + $7 + $8 + $9) / hz }' /proc/stat
}

# One fleet run with $1 workers, on a fresh copy of the sellers, a fresh PostgreSQL and a queue
# of its own; prints its figures and appends them to $csv. The first run's sellers per minute
# is the others' yardstick ($first_rate). The CPU figures are those spent during the fleet run.
fleet_run() {
  local count="$1" run="$bench/fleet-run" log="$bench/fleet-$1-workers.log" seller i pid
  local started=() peaks="" cpus="" took="" seconds fleet_rss rate ratio night cpu
  local postgres_before postgres_seconds fleet_before fleet_seconds machine_before total_before machine_busy machine_total
  rm -rf "$run" && mkdir -p "$run"
  for seller in "$sellers"/*/; do cp -a "$seller" "$run/"; done
  # starts the server again on an empty data folder
  eval "$(scripts/postgres-test-server.sh start)"
  export OPTOUT_FLEET="$run" OPTOUT_FLEET_QUEUE="optout.fleet.bench-$count-$(date +%s)" \
    OPTOUT_DB_URL="$OPTOUT_TEST_POSTGRES_URL" OPTOUT_DB_USER="$OPTOUT_TEST_POSTGRES_USER" \
    OPTOUT_DB_PASSWORD="$OPTOUT_TEST_POSTGRES_PASSWORD"
  echo "optout-batch: starting $count workers" >&2
  for ((i = 1; i <= count; i++)); do start_worker "$bench/fleet-$count-worker-$i.log"; done
  for pid in "${worker_pids[@]}"; do started+=("$(cpu_seconds "$pid")"); done
  postgres_before="$(postgres_cpu)" fleet_before="$(cpu_seconds $$ waited)"
  read -r machine_before total_before <<< "$(machine_cpu)"
  echo "optout-batch: fleetNightly run.date=$run_date with $count workers" >&2
  if ! measured fleet java $fleet_java_options -jar "$jar" fleetNightly run.date="$run_date" > "$log" 2>&1; then
    echo "the fleet run failed: see $log and $run/output/logs" >&2
    exit 1
  fi
  # the fleet run is the only child the shell waited for in the meantime
  fleet_seconds="$(awk -v a="$(cpu_seconds $$ waited)" -v b="$fleet_before" 'BEGIN { printf "%.1f", a - b }')"
  read -r machine_busy machine_total <<< "$(machine_cpu)"
  machine_busy="$(awk -v a="$machine_busy" -v b="$machine_before" 'BEGIN { printf "%.1f", a - b }')"
  machine_total="$(awk -v a="$machine_total" -v b="$total_before" 'BEGIN { printf "%.1f", a - b }')"
  postgres_seconds="$(awk -v a="$(postgres_cpu)" -v b="$postgres_before" 'BEGIN { printf "%.1f", a - b }')"
  for ((i = 0; i < count; i++)); do
    pid="${worker_pids[i]}"
    cpu="$(awk -v a="$(cpu_seconds "$pid")" -v b="${started[i]}" 'BEGIN { printf "%.1f", a - b }')"
    peaks+="${peaks:+ }$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")" cpus+="${cpus:+ }$cpu"
    took+="${took:+ }$(grep -c "nightly run ended" "$bench/fleet-$count-worker-$((i + 1)).log" || true)"
  done
  stop_workers
  read -r seconds fleet_rss <<< "$(tail -n 1 "$bench/fleet.measured")"
  rate="$(awk -v k="$fleet" -v s="$seconds" 'BEGIN { printf "%.2f", k * 60 / s }')"
  first_rate="${first_rate:-$rate}"
  ratio="$(awk -v r="$rate" -v f="$first_rate" 'BEGIN { printf "%.2f", r / f }')"
  # a seller's nightly run as it timed itself in its worker, on average
  night="$(python3 - "$run" "$run_date" <<'PY'
import json, pathlib, sys
runs = pathlib.Path(sys.argv[1]).glob(f"*/output/runs/{sys.argv[2]}/nightly.json")
nights = [json.loads(f.read_text())["seconds"] for f in runs]
print(f"{sum(nights) / len(nights):.1f}")
PY
)"
  awk -v k="$fleet" -v w="$count" -v s="$seconds" -v r="$rate" -v q="$ratio" -v n="$night" -v m="$fleet_rss" \
    'BEGIN { printf "%7d%9d%10.1f%13s%7s%9s%14d\n", k, w, s, r, q, n, m / 1024 }'
  paste <(tr ' ' '\n' <<< "$took") <(tr ' ' '\n' <<< "$peaks") <(tr ' ' '\n' <<< "$cpus") \
    | awk '{ printf "  worker %d: %d %s, peak memory %d MiB, CPU %.1f s\n", NR, $1, $1 == 1 ? "seller" : "sellers", $2 / 1024, $3 }'
  awk -v w="$cpus" -v p="$postgres_seconds" -v f="$fleet_seconds" -v b="$machine_busy" -v t="$machine_total" \
    -v c="$(nproc)" 'BEGIN { n = split(w, ws, " "); for (i = 1; i <= n; i++) s += ws[i]
      printf "  CPU: workers %.1f s, PostgreSQL %.1f s, fleetNightly %.1f s; the machine busy %.1f of %.1f s (%d cores)\n", s, p, f, b, t, c }'
  echo "$when,$commit,$scale,$seed,$fleet,$count,$load,${OPTOUT_FLEET_POLL_INTERVAL:-default},$seconds,$rate,$ratio,$night,$fleet_rss,$took,$peaks,$cpus,$postgres_seconds,$fleet_seconds,$machine_busy,$machine_total" >> "$csv"
  rates+="$count $rate"$'\n'
}

# The fleet of $fleet sellers run with each number of workers of $workers in turn.
fleet_runs() {
  local sellers="$bench/fleet-${scale,,}-$fleet" count
  local header="when,commit,scale,seed,sellers,workers,load,poll_interval,seconds,sellers_per_minute,ratio,night_seconds,fleet_max_rss_kb,worker_sellers,worker_max_rss_kb,worker_cpu_seconds,postgres_cpu_seconds,fleet_cpu_seconds,machine_busy_seconds,machine_seconds"
  csv="$project/output/bench/fleet.csv" when="$(date -u +%Y-%m-%dT%H:%M:%SZ)" commit="$(git rev-parse --short HEAD)"
  first_rate="" rates=""
  fleet_sellers "$sellers"
  mkdir -p "$project/output/bench"
  if [[ "$(head -n 1 "$csv" 2>/dev/null)" != "$header" ]]; then
    [[ -f "$csv" ]] && mv "$csv" "$csv.$(date +%s).old"
    echo "$header" > "$csv"
  fi
  export OPTOUT_TEST_POSTGRES_PORT=54339 OPTOUT_TEST_RABBITMQ_PORT=56739
  trap 'stop_workers; scripts/rabbitmq-test-server.sh stop; scripts/postgres-test-server.sh stop' EXIT
  trap 'exit 130' INT TERM
  eval "$(scripts/rabbitmq-test-server.sh start)"
  export SPRING_RABBITMQ_HOST="$OPTOUT_TEST_RABBITMQ_HOST" SPRING_RABBITMQ_PORT="$OPTOUT_TEST_RABBITMQ_PORT" \
    SPRING_RABBITMQ_USERNAME="$OPTOUT_TEST_RABBITMQ_USER" SPRING_RABBITMQ_PASSWORD="$OPTOUT_TEST_RABBITMQ_PASSWORD"
  echo "optout-batch: a fleet of $fleet sellers on $sellers (scale $scale, seeds $seed-$((seed + fleet - 1)), load $load)" >&2
  printf '%7s%9s%10s%13s%7s%9s%14s\n' sellers workers "fleet s" "sellers/min" ratio "night s" "run peak MiB"
  for count in ${workers//,/ }; do fleet_run "$count"; done
  printf '%s' "$rates" | awk 'NR == 1 { w1 = $1; r1 = $2; next }
    { printf "%d workers against %d: %.2f times the sellers per minute (%.2f against %.2f)\n", $1, w1, $2 / r1, $2, r1 }'
  echo "appended to $csv"
}

if [[ -n "$fleet" ]]; then
  load="$(cut -d' ' -f1 /proc/loadavg)"
  fleet_runs
  exit
fi

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
