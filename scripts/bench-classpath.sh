# Sourced by generate-data.sh and bench.sh: bench_classpath prints the class path of the
# test classes (where the generator and the reference reader live) and their dependencies,
# compiling them first when they are missing or older than the sources.
bench_classpath() {
  local project="${project:?}"
  local cpfile="$project/target/bench.classpath"
  if [[ ! -f "$cpfile" || ! -d "$project/target/test-classes" ]] \
      || [[ -n "$(find "$project/pom.xml" "$project/src/main" "$project/src/test/java" -newer "$cpfile" -print -quit)" ]]; then
    echo "optout-batch: compiling the benchmark tools" >&2
    (cd "$project" && mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$cpfile") >&2
  fi
  echo "$project/target/test-classes:$project/target/classes:$(cat "$cpfile")"
}
