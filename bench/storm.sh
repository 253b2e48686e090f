#!/usr/bin/env bash
# The alert storm benchmark. Starts Closeloop on the embedded default with a fresh
# database, sends 10,000 alerts in 60 s across 100 tenants, waits for every accepted alert to be
# resolved or escalated, prints the storm summary line, then measures the bare engine (start ->
# one service task -> end) on the same embedded engine and prints the ratio.
# Run from the repository root with nothing on ports 8080 and 26500:  bash bench/storm.sh
# Options after the script name go to the load generator, e.g. --alerts=2000 --seconds=20;
# --warmup=N (default 2000, sent over --warmup-seconds=20 and left to settle first, for at most
# --warmup-settle-timeout=300 s; 0 for none). Warm-up alerts still open are not counted in the storm.
# STORM_JVM_ARGS="..." adds JVM options to the application (e.g. -Xlog:gc:file=/tmp/gc.log).
# It deletes engine/data (the embedded database) before it starts.
set -eu
cd "$(dirname "$0")/.."
LOG="${TMPDIR:-/tmp}/closeloop-storm-app.log"
CP="$PWD/engine/target/storm.classpath"
RCP="$PWD/engine/target/storm-app.classpath"
./mvnw -q -pl engine -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$CP" -Dmdep.includeScope=test >/dev/null
./mvnw -q -pl engine -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$RCP" -Dmdep.includeScope=runtime >/dev/null
# The application runs in a JVM of its own, as `java -jar` would run it (not under Maven), on the
# first JDK 21 or newer found (STORM_JAVA to choose one).
. bench/java.sh STORM_JAVA
rm -rf engine/data
(cd engine && exec nohup "$JAVA" ${STORM_JVM_ARGS:-} -cp "target/classes:$(cat "$RCP")" \
  io.closeloop.engine.CloseloopApplication --spring.profiles.active=demo > "$LOG" 2>&1) &
PID=$!
# Stops this run's application only, never another's.
trap 'kill "$PID" 2>/dev/null || true' EXIT
for i in $(seq 1 600); do sleep 0.5; curl -sf localhost:8080/actuator/health >/dev/null && break; done
curl -sf localhost:8080/actuator/health >/dev/null || { echo "the application did not start; see $LOG"; exit 1; }
"$JAVA" -cp "$PWD/engine/target/test-classes:$(cat "$CP")" io.closeloop.engine.bench.StormBenchmark "$@"
echo "app: RSS $(ps -o rss= -p "$PID" | awk '{print int($1/1024)}') MiB; $(grep -c 'replaced a dead embedded engine\|Process lost' "$LOG" || true) engine replacement log lines"
