#!/usr/bin/env bash
# Measures a program's start-to-ready time and resident memory with the JVM flags of its image.
#   deploy/jvm-footprint.sh nmi [runs] [cpu]     (after `make build`; cpu: pin to that CPU, e.g. 0, as a 1-CPU limit)
# Starts <program>/target/podidentity-<program>-*.jar on loopback ports, polls /health/ready until it answers 200,
# sends 100 requests, reads VmRSS, stops it; prints one line per run and the medians. Also runs with an AppCDS
# archive made by one training start (Helidon's exit.on.started), as the NMI Dockerfile does.
set -euo pipefail
cd "$(dirname "$0")/.."
program=${1:?usage: $0 mic|nmi [runs] [cpu]}
runs=${2:-5}
cpu=${3:-}
case "$program" in
  nmi) flags="-XX:+UseSerialGC -XX:InitialRAMPercentage=5 -XX:MaxRAMPercentage=55 -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -Xss512k -XX:+ExitOnOutOfMemoryError"
       limit=256m; ports="-Dserver.host=127.0.0.1 -Dserver.port=0 -Dserver.sockets.0.host=127.0.0.1 -Dserver.sockets.0.port=18085"
       ready=http://127.0.0.1:18085/health/ready ;;
  mic) flags="-XX:+UseSerialGC -XX:InitialRAMPercentage=5 -XX:MaxRAMPercentage=70 -XX:MaxMetaspaceSize=192m -Xss512k -XX:+ExitOnOutOfMemoryError"
       limit=1g; ports="-Dserver.host=127.0.0.1 -Dserver.port=18080 -Dserver.sockets.0.host=127.0.0.1 -Dserver.sockets.0.port=0"
       ready=http://127.0.0.1:18080/health/ready ;;
  *) echo "unknown program: $program" >&2; exit 2 ;;
esac
JAVA_HOME=${JAVA_HOME:-$(.ci/find-jdk)}
java="$JAVA_HOME/bin/java"
jar=$(ls "$program"/target/podidentity-"$program"-*.jar | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pin=()
[ -n "$cpu" ] && pin=(taskset -c "$cpu")

# shellcheck disable=SC2086
"$java" -XX:MaxRAM=$limit $flags -XX:ArchiveClassesAtExit="$work/app.jsa" -Dexit.on.started=! $ports -jar "$jar" \
  > "$work/training.log" 2>&1 || echo "no class-data archive: the training start failed (see below)"

measure() { # $1 label, rest: extra flags; prints "<ms> <rss kB>"
  local label=$1; shift
  local start pid code=000 ms rss
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  "${pin[@]}" "$java" -XX:MaxRAM=$limit $flags "$@" $ports -jar "$jar" > "$work/$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$ready" || true)
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  for _ in $(seq 1 100); do curl -s -o /dev/null "$ready" || true; done
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ "$code" = 200 ] || { echo "$label: never ready; log:" >&2; tail -n 20 "$work/$label.log" >&2; exit 1; }
  echo "$ms $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for variant in plain cds; do
  extra=()
  if [ "$variant" = cds ]; then
    [ -f "$work/app.jsa" ] || { tail -n 20 "$work/training.log"; continue; }
    extra=(-XX:SharedArchiveFile="$work/app.jsa")
  fi
  : > "$work/$variant.txt"
  for run in $(seq 1 "$runs"); do
    line=$(measure "$variant-$run" "${extra[@]}")
    echo "$program $variant run $run: ready_ms=${line% *} rss_kb=${line#* }"
    echo "$line" >> "$work/$variant.txt"
  done
  echo "$program $variant median: ready_ms=$(cut -d' ' -f1 "$work/$variant.txt" | median) rss_kb=$(cut -d' ' -f2 "$work/$variant.txt" | median)"
done
