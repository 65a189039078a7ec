#!/usr/bin/env bash
# Request throughput of the demo app with the leaks starter at its defaults vs switched off
# (leaks.enabled=false), measured in the same run: both apps run side by side and are loaded
# in turn with wrk, so both see the same machine. Prints req/s per round, the medians and
# their ratio. Needs wrk (apt-get install wrk) and the packaged demo app:
#   mvn -B -ntp -q -pl demo-app -am package -DskipTests && benchmarks/overhead.sh
# Optional arguments: rounds (5), seconds per round (15), path (/demo/patterns).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
seconds=${2:-15}
path=${3:-/demo/patterns}
jar=demo-app/target/leaks-demo-app-0.1.0-SNAPSHOT.jar
[[ -f $jar ]] || { echo "No $jar: package the demo app first" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
logs=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

start() { # name port args...
  local name=$1 port=$2; shift 2
  java -Xmx256m -XX:+UseG1GC -jar "$jar" --server.port="$port" "$@" >"$logs/$name.log" 2>&1 &
  pids+=($!)
}
wait_up() { # port
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "app on port $1 did not start; see $logs" >&2; exit 1
}
rate() { # port seconds -> req/s; adds the requests served to $logs/requests-<port>
  local out
  out=$(wrk -t1 -c4 -d"$2"s "http://127.0.0.1:$1$path")
  awk '/requests in/ {print $1}' <<<"$out" >>"$logs/requests-$1"
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
cpu_ticks() { awk '{print $14 + $15}' /proc/"$1"/stat; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

start with 18081
start without 18082 --leaks.enabled=false
wait_up 18081
wait_up 18082
curl -fs http://127.0.0.1:18081/actuator/leaks/trend >/dev/null || { echo "starter not active on 18081" >&2; exit 1; }
if curl -fs http://127.0.0.1:18082/actuator/leaks >/dev/null 2>&1; then echo "starter still active on 18082" >&2; exit 1; fi
echo "warm-up: ${seconds}s each"
rate 18081 "$seconds" >/dev/null
rate 18082 "$seconds" >/dev/null
rm -f "$logs"/requests-*
ticks_with=$(cpu_ticks "${pids[0]}")
ticks_without=$(cpu_ticks "${pids[1]}")
with=()
without=()
for round in $(seq 1 "$rounds"); do
  # Alternate which goes first, so neither always gets the quieter half of a round.
  if (( round % 2 )); then a=$(rate 18081 "$seconds"); b=$(rate 18082 "$seconds")
  else b=$(rate 18082 "$seconds"); a=$(rate 18081 "$seconds"); fi
  with+=("$a")
  without+=("$b")
  echo "round $round: with starter $a req/s, without $b req/s"
done
m_with=$(printf '%s\n' "${with[@]}" | median)
m_without=$(printf '%s\n' "${without[@]}" | median)
awk -v a="$m_with" -v b="$m_without" 'BEGIN {printf "median: with starter %.0f req/s, without %.0f req/s, ratio %.3f\n", a, b, a / b}'
hz=$(getconf CLK_TCK)
for name in with without; do
  pid=${pids[0]} port=18081 start=$ticks_with
  [[ $name == without ]] && pid=${pids[1]} port=18082 start=$ticks_without
  requests=$(awk '{s += $1} END {print s}' "$logs/requests-$port")
  awk -v t="$(( $(cpu_ticks "$pid") - start ))" -v hz="$hz" -v n="$requests" -v name="$name" \
    'BEGIN {printf "measured rounds, %s starter: %d requests, %.1f CPU s, %.1f us CPU per request\n", name, n, t / hz, 1e6 * t / hz / n}'
done
# Throughput on a shared machine is noisy; CPU time per thread is not. The starter's work runs
# on its own thread (leaks-trend) and in the JVM's Notification Thread (GC notifications,
# which Micrometer's JvmGcMetrics also listens to in both apps).
ticks() { # pid thread-name-prefix -> CPU seconds of matching threads
  local total=0
  for task in /proc/"$1"/task/*; do
    [[ $(cat "$task/comm") == "$2"* ]] && total=$((total + $(awk '{print $14 + $15}' "$task/stat")))
  done
  awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}'
}
for name in with without; do
  pid=${pids[0]}; [[ $name == without ]] && pid=${pids[1]}
  echo "CPU seconds, $name starter: process $(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/"$pid"/stat)," \
    "leaks-trend $(ticks "$pid" leaks-trend), Notification Thread $(ticks "$pid" 'Notification Th')"
done
