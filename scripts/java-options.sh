# Sourced by run-job.sh and bench.sh: the JVM options of every run, unless JAVA_OPTS names
# others. A 1 GiB heap and the serial collector: one batch thread needs no concurrent
# collector, and G1's own structures and its heap growth cost some 150 MiB more at L for
# the same run time (README, Performance).
java_options="${JAVA_OPTS:--Xmx1g -XX:+UseSerialGC}"
