# Sourced by run-job.sh and bench.sh: the JVM options of every run, unless JAVA_OPTS names
# others (for every process, a fleet's too). A 1 GiB heap, the serial collector (one batch thread needs no concurrent one) and a
# fixed 256 MiB young generation: what a chunk allocates dies young, the old generation holds
# only what lives on (caches, look-up sets), so the memory a run touches does not grow with
# its inputs. G1 touched more memory for the same time (docs/performance.md).
# The optimising compiler (C2) takes a method only after ten times the usual calls and loops:
# on two cores its compiling competes with the run itself, and a short night (nothing new to
# read) spent a third of its time waiting for it; the long runs lose nothing by it.
java_options="${JAVA_OPTS:--Xmx1g -Xmn256m -XX:+UseSerialGC -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000}"
# A fleet's processes (worker and fleetNightly) compile with C1 only: a worker runs one seller's
# night after another, each a short run, and every worker compiles the same code again; on two
# cores, C2's compiling took the core a second worker needed (two workers ran 0.89 times as
# many sellers a minute as one with the options above, 1.26 times with these). A single large
# seller's night keeps C2, where it pays (L: 125 s against 181 s with C1 only).
fleet_java_options="${JAVA_OPTS:--Xmx1g -Xmn256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
