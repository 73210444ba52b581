#!/usr/bin/env bash
# Writes a seller-scale workspace for the benchmark:
#   scripts/generate-data.sh --scale S|M|L [--seed N] [--out DIR]
# S: 10,000 order lines, 3,000 sent messages, 500 mails, 4 campaign lists of 5,000 rows;
# M ten times that, L a hundred times (about 1 GB on disk). Default DIR: target/bench/workspace-<scale>.
# The same scale and seed give the same bytes. The generator lives with the tests, out of the jar.
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$project/scripts/bench-classpath.sh"
exec java -Xmx256m -cp "$(bench_classpath)" com.optoutbatch.bench.SellerDataGenerator "$@"
