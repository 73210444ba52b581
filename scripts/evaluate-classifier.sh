#!/usr/bin/env bash
# Measures the message classifier on the test split of the labelled corpus
# (src/main/resources/messages/corpus/, the authors marked test): a model trained on the
# train split with the shipped rules, as the nightly run uses them. Prints accuracy and the
# share left UNDECIDED overall, per language (with critical and non-critical confused) and per
# kind of message, and each content flag's recall and precision.
# With --cross-validate, the same figures cross-validated over the train authors instead (four
# folds by author, each measured by a model trained on the other three): the measure settings
# and changes of design are chosen by, so that the test split is never tuned on.
#   scripts/evaluate-classifier.sh [--cross-validate] [min-confidence]
#   (min-confidence: default optout.messages.min-confidence, 0.4)
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$project/scripts/bench-classpath.sh"
exec java -cp "$(bench_classpath)" com.optoutbatch.messages.ClassifierEvaluation "$@"
