# Sourced by the benchmark scripts: sets JAVA to the JDK to run on, the one named by the variable
# given as $1 (e.g. STORM_JAVA) if set, else the first JDK 21 or newer found on the machine.
JAVA="${!1:-}"
if [ -z "$JAVA" ]; then
  for candidate in "$(command -v java)" /usr/lib/jvm/*/bin/java; do
    if "$candidate" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA="$candidate"; break; fi
  done
fi
[ -n "$JAVA" ] || { echo "No JDK 21 or newer found; set $1"; exit 1; }
