#!/usr/bin/env bash
# Measures, on this clone, what the quickstart promises: start-up time, heap after start, the
# README curls (L1 resolved, L3 escalated without a script), and how fast a rule change is live.
# Run from the repository root with nothing on port 8080: bash bench/quickstart-figures.sh .
# Needs curl, python3 and a JDK with jcmd (the one the build picked). It deletes engine/data.
set -u
cd "$1"
rm -rf engine/data
S=$(date +%s.%N)
(./mvnw -q spring-boot:run -pl engine -am -Dspring-boot.run.profiles=demo > "${TMPDIR:-/tmp}/closeloop-quickstart.log" 2>&1 &)
for i in $(seq 1 600); do sleep 0.25; curl -sf localhost:8080/actuator/health >/dev/null && break; done
E=$(date +%s.%N)
echo "health UP $(echo "$E - $S" | bc) s after './mvnw spring-boot:run -pl engine -am -Dspring-boot.run.profiles=demo' (modules already compiled)"
grep -o "Started CloseloopApplication in [0-9.]* seconds" "${TMPDIR:-/tmp}/closeloop-quickstart.log"
curl -s localhost:8080/actuator/health; echo
PID=$(pgrep -f "io.closeloop.engine.CloseloopApplication" | head -1)
J=$(dirname "$(readlink -f /proc/$PID/exe)")
$J/jcmd $PID GC.run >/dev/null; sleep 1; $J/jcmd $PID GC.heap_info | sed -n 2p
ps -o rss= -p $PID | awk '{print "RSS " $1/1024 " MiB"}'
post() { curl -s -X POST localhost:8080/api/alerts -H 'X-Api-Key: demo-api-key' -H 'Content-Type: application/json' -d "$1" >/dev/null; }
wait_final() { while true; do st=$(curl -s localhost:8080/api/alerts/$1 -H 'X-Api-Key: demo-api-key' | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['status'], (d['decision'] or {}).get('tier'), (d['decision'] or {}).get('path'))"); case "$st" in RESOLVED*|ESCALATED*) echo "$st"; return;; esac; sleep 0.05; done; }
S=$(date +%s%N); post '{"source":"datto-rmm","externalId":"a-1001","tenant":"acme","device":{"id":"dev-42","hostname":"ACME-WS-042","os":"Windows 11","role":"workstation"},"type":"disk.space.low","severity":"warning","message":"C: free space 4%","metrics":{"diskFreePct":4.0},"occurredAt":"2026-11-21T10:15:00Z"}'; r=$(wait_final 1); E=$(date +%s%N); echo "README disk curl: $r after $(( (E-S)/1000000 )) ms"
S=$(date +%s%N); post '{"source":"datto-rmm","externalId":"a-1002","tenant":"acme","device":{"id":"dev-43","hostname":"ACME-WS-043","os":"Windows 11","role":"workstation"},"type":"antivirus.threat","severity":"critical","message":"Trojan found"}'; r=$(wait_final 2); E=$(date +%s%N); echo "antivirus curl: $r after $(( (E-S)/1000000 )) ms"
echo "script runs: $(curl -s localhost:8080/api/simulator/script-runs -H 'X-Api-Key: demo-api-key' | python3 -c 'import json,sys; print([r["hostname"] for r in json.load(sys.stdin)])')"
V1=$(curl -s localhost:8080/api/rules -H 'X-Api-Key: demo-api-key' | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
echo "// touched" >> rules/src/main/resources/io/closeloop/rules/autonomy.drl
S=$(date +%s%N)
while true; do V2=$(curl -s localhost:8080/api/rules -H 'X-Api-Key: demo-api-key' | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])'); [ "$V2" != "$V1" ] && break; sleep 0.05; done
E=$(date +%s%N); echo "rule reload: version $V1 -> $V2 visible after $(( (E-S)/1000000 )) ms (poll interval 2 s)"
grep -o "Reloaded [0-9]* rules.*" "${TMPDIR:-/tmp}/closeloop-quickstart.log" | tail -1
git checkout -q rules/src/main/resources/io/closeloop/rules/autonomy.drl
pkill -f CloseloopApplication; pkill -f "spring-boot:run"
