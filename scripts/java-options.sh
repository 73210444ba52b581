# Sourced by run-job.sh and bench.sh: the JVM options of every run, unless JAVA_OPTS names
# others. A 1 GiB heap, the serial collector (one batch thread needs no concurrent one) and a
# fixed 256 MiB young generation: what a chunk allocates dies young, the old generation holds
# only what lives on (caches, look-up sets), so the memory a run touches does not grow with
# its inputs. G1 touched more memory for the same time (docs/performance.md).
java_options="${JAVA_OPTS:--Xmx1g -Xmn256m -XX:+UseSerialGC}"
