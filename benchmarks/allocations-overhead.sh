#!/usr/bin/env bash
# What an allocation recording (POST /actuator/leaks/allocations) costs the demo app: request
# throughput and CPU per request while a recording runs vs while none does, in the same JVM
# and the same run. Rounds alternate between the two (which goes first alternates too); a
# recording round starts a recording lasting the round, so its end (the old-object dump and
# the path search to GC roots, a pause) falls inside the measured window. Also prints the
# longest JFR old-object safepoint (the path search's pause) from the app's safepoint log.
# Needs wrk (apt-get install wrk) and the packaged demo app:
#   mvn -B -ntp -q -pl demo-app -am package -DskipTests && benchmarks/allocations-overhead.sh
# Optional arguments: rounds (6), seconds per round (20), path (/demo/patterns).
# POST=1 sends POSTs (for a pattern's fixed variant, an allocating request such as
#   POST=1 benchmarks/allocations-overhead.sh 6 20 '/demo/patterns/cache/fixed?count=20').
# OLD_OBJECTS=false records allocation samples only. LEAK=N first leaks N x 10,000 reports
# (about 20 MB each) through the demo's cache, so the path search walks a fuller heap.
# On a small machine pin the app and the load generator apart to cut scheduling noise:
# APP_CPUS=1 LOAD_CPUS=0.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-6}
seconds=${2:-20}
path=${3:-/demo/patterns}
old_objects=${OLD_OBJECTS:-true}
all_cpus=0-$(( $(nproc) - 1 ))
app_cpus=${APP_CPUS:-$all_cpus}
load_cpus=${LOAD_CPUS:-$all_cpus}
jar=${JAR:-demo-app/target/leaks-demo-app-0.1.0-SNAPSHOT.jar}
port=18084
base=http://127.0.0.1:$port
[[ -f $jar ]] || { echo "No $jar: package the demo app first" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
(( seconds >= 5 )) || { echo "rounds must last at least 5 s" >&2; exit 2; }
logs=$(mktemp -d)
pid=
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null || true; }
trap cleanup EXIT

script=()
if [[ -n ${POST:-} ]]; then
  echo 'wrk.method = "POST"' >"$logs/post.lua"
  script=(-s "$logs/post.lua")
fi
taskset -c "$app_cpus" java -Xmx256m -XX:+UseG1GC -Xlog:safepoint=info:file="$logs/safepoints.log" -jar "$jar" \
  --server.port=$port >"$logs/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fs "$base/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$base/actuator/leaks/allocations" >/dev/null || { echo "no allocation recordings on $base; see $logs" >&2; exit 1; }
for _ in $(seq 1 "${LEAK:-0}"); do
  curl -fs -X POST "$base/demo/patterns/cache/leaking?count=10000" >/dev/null
done

rate() { # seconds -> "req/s p99-ms"; adds the requests served to $logs/requests
  local out
  out=$(taskset -c "$load_cpus" wrk -t1 -c4 -d"$1"s --latency "${script[@]}" "$base$path")
  awk '/requests in/ {print $1}' <<<"$out" >>"$logs/requests"
  awk '/Requests\/sec/ {r = $2} / 99% / {v = $2; m = (v ~ /us$/) ? 0.001 : (v ~ /ms$/) ? 1 : 1000; sub(/[a-z]+$/, "", v); p = v * m}
    END {printf "%s %.1f\n", r, p}' <<<"$out"
}
cpu_ticks() { awk '{print $14 + $15}' /proc/"$pid"/stat; }
record() { # seconds: starts a recording that ends inside the coming round
  curl -fs -X POST "$base/actuator/leaks/allocations" -H 'Content-Type: application/json' \
    -d "{\"duration\": \"$(( $1 - 2 ))s\", \"oldObjects\": $old_objects}" | sed -E 's/.*"id":"([^"]+)".*/\1/'
}
await_done() { # id
  for _ in $(seq 1 60); do
    curl -fs "$base/actuator/leaks/allocations/$1" | grep -q '"status":"RUNNING"' || return 0
    sleep 0.5
  done
  echo "recording $1 did not finish" >&2; exit 1
}
round() { # with|without -> "req/s p99"; adds CPU ticks and requests to $logs/<mode>-*
  local id="" before after line
  before=$(cpu_ticks)
  : >"$logs/requests"
  [[ $1 == with ]] && id=$(record "$seconds")
  line=$(rate "$seconds")
  [[ -n $id ]] && await_done "$id"
  after=$(cpu_ticks)
  echo $(( after - before )) >>"$logs/$1-ticks"
  cat "$logs/requests" >>"$logs/$1-requests"
  echo "$line"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
sum() { awk '{s += $1} END {print s}'; }

echo "warm-up: ${seconds}s without, ${seconds}s with a recording (JFR starts up on the first one)"
rate "$seconds" >/dev/null
await_done "$(record "$seconds")"
rate 2 >/dev/null
with=() without=() p99_with=() p99_without=()
for r in $(seq 1 "$rounds"); do
  if (( r % 2 )); then a=$(round with); b=$(round without)
  else b=$(round without); a=$(round with); fi
  with+=("${a% *}"); p99_with+=("${a#* }")
  without+=("${b% *}"); p99_without+=("${b#* }")
  echo "round $r: recording ${a% *} req/s (p99 ${a#* } ms), none ${b% *} req/s (p99 ${b#* } ms)"
done
m_with=$(printf '%s\n' "${with[@]}" | median)
m_without=$(printf '%s\n' "${without[@]}" | median)
awk -v a="$m_with" -v b="$m_without" 'BEGIN {printf "median: recording %.0f req/s, none %.0f req/s, ratio %.3f\n", a, b, a / b}'
n_with=$(sum <"$logs/with-requests")
n_without=$(sum <"$logs/without-requests")
awk -v a="$n_with" -v b="$n_without" 'BEGIN {printf "all measured rounds: recording %d requests, none %d, ratio %.3f\n", a, b, a / b}'
hz=$(getconf CLK_TCK)
awk -v tw="$(sum <"$logs/with-ticks")" -v tn="$(sum <"$logs/without-ticks")" -v a="$n_with" -v b="$n_without" -v hz="$hz" \
  'BEGIN {cw = 1e6 * tw / hz / a; cn = 1e6 * tn / hz / b
    printf "app CPU per request: recording %.1f us, none %.1f us, ratio %.3f\n", cw, cn, cw / cn}'
echo "median p99 latency: recording $(printf '%s\n' "${p99_with[@]}" | median) ms, none $(printf '%s\n' "${p99_without[@]}" | median) ms"
awk '/"JFROldObject"/ {for (i = 1; i <= NF; i++) if ($i == "Total:") {t = $(i + 1) / 1e6; if (t > m) m = t; n++}}
  END {printf "JFR old-object safepoints: %d, longest %.1f ms\n", n, m}' "$logs/safepoints.log"
