#!/usr/bin/env bash
# The decision benchmarks (JMH): one alert's decision (classification, decision and autonomy
# stages) at 100, 1,000 and 5,000 rules on one thread, as latency percentiles and as decisions a
# second; a hot reload's compile time at each size; and the heap one loaded rule set holds.
# Run from the repository root:  bash bench/decision.sh
# Arguments go to JMH, e.g. `bash bench/decision.sh DecisionBenchmark.latency -p rules=1000`;
# `-h` lists JMH's options. BENCH_HEAP=0 skips the heap measurement, BENCH_HEAP=1 adds it.
set -eu
cd "$(dirname "$0")/.."
CP="$PWD/bench/target/bench.classpath"
./mvnw -q -pl bench -am package -DskipTests dependency:build-classpath -Dmdep.outputFile="$CP" \
  -Dmdep.includeScope=runtime >/dev/null
. bench/java.sh BENCH_JAVA
CLASSPATH="$PWD/bench/target/classes:$(cat "$CP")"
# The heap of a loaded rule set is measured first when no arguments are given, or with BENCH_HEAP=1.
if [ "${BENCH_HEAP:-$([ $# -eq 0 ] && echo 1 || echo 0)}" = 1 ]; then
  "$JAVA" -Xmx2g -cp "$CLASSPATH" io.closeloop.bench.decision.RuleSetHeap
fi
# JMH forks its measuring JVMs with this JVM's java and classpath.
exec "$JAVA" -cp "$CLASSPATH" org.openjdk.jmh.Main -jvm "$JAVA" "$@"
