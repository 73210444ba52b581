# Sourced by run-job.sh and bench.sh: the JVM options of every run, unless JAVA_OPTS names
# others. A 1 GiB heap, the serial collector (one batch thread needs no concurrent one) and a
# fixed 256 MiB young generation: what a chunk allocates dies young, the old generation holds
# only what lives on (caches, look-up sets), so the memory a run touches does not grow with
# its inputs. G1 touched more memory for the same time (docs/performance.md).
# The optimising compiler (C2) takes a method only after ten times the usual calls and loops:
# on two cores its compiling competes with the run itself, and a short night (nothing new to
# read) spent a third of its time waiting for it; the long runs lose nothing by it.
java_options="${JAVA_OPTS:--Xmx1g -Xmn256m -XX:+UseSerialGC -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000}"
