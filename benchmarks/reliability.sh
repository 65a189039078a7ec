#!/usr/bin/env bash
# The demo app under HTTP traffic from wrk while 8 clients call every resource of
# /actuator/leaks (EndpointLoadClients) for 5 minutes. In the same run, wrk alone loads the
# app for a minute before and after, so the host's p99 latency with the clients compares with
# a baseline as a ratio. Reports wrk's requests and non-2xx answers, the clients' status mix and
# 5xx count (the goal is 0), the starter's retained heap before and after, and the thread count.
#   benchmarks/reliability.sh
# Installs wrk (Debian package) when it is missing and packages the demo app and the harnesses
# when their jars are missing. Optional arguments: seconds with clients (300), seconds of each
# baseline (60), clients (8), pause between two requests of a client in ms (1000), and which
# operations the clients call: all (the default) or reads (none that collects or walks the heap,
# as an open dashboard). On a small
# machine pin the app and the load apart: APP_CPUS=1 LOAD_CPUS=0 benchmarks/reliability.sh
set -euo pipefail
cd "$(dirname "$0")/.."
loaded=${1:-300}
baseline=${2:-60}
clients=${3:-8}
pause=${4:-1000}
operations=${5:-all}
path=/demo/patterns
port=${PORT:-18093}
all_cpus=0-$(( $(nproc) - 1 ))
app_cpus=${APP_CPUS:-$all_cpus}
load_cpus=${LOAD_CPUS:-$all_cpus}
jar=demo-app/target/leaks-demo-app-0.1.0-SNAPSHOT.jar
harness=benchmarks/target/benchmarks.jar

if ! command -v wrk >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk
fi
if [[ ! -f $jar || ! -f $harness ]]; then
  mvn -B -ntp -q -pl demo-app,benchmarks -am package -DskipTests
fi

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
taskset -c "$app_cpus" java -Xmx256m -XX:+UseG1GC -jar "$jar" --server.port="$port" \
  --leaks.heap-dump.directory="$work/dumps" --leaks.heap-dump.download=true \
  --leaks.heap-dump.free-space-margin=1GB >"$work/app.log" 2>&1 &
app=$!
pids+=("$app")
base=http://127.0.0.1:$port
for _ in $(seq 1 120); do
  curl -fs "$base/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$base/actuator/leaks" >/dev/null || { echo "the demo app did not start; see $work/app.log" >&2; exit 1; }

threads() { awk '/^Threads:/ {print $2}' /proc/"$app"/status; }
starter_threads() { cat /proc/"$app"/task/*/comm 2>/dev/null | grep -c '^leaks' || true; }
# Heap used after a full collection, and the objects of the starter's own classes (shallow:
# its records and collections; the arrays and strings they hold count under the JDK's classes,
# so the first figure bounds what it retains).
starter_heap() { # label
  local after
  after=$(curl -fs -X POST "$base/actuator/leaks/gc" | grep -o '"heapAfter":{"used":[0-9]*' | grep -o '[0-9]*$')
  jcmd "$app" GC.class_histogram >"$work/histogram-$1.txt"
  awk -v label="$1" -v heap="$after" '$4 ~ /^io\.leaks\./ && $4 !~ /^io\.leaks\.demo\./ {n += $2; b += $3}
    END {printf "%s: heap used after a full GC %.1f MiB; starter classes %d objects, %.1f KiB (shallow)\n",
      label, heap / 1048576, n, b / 1024}' "$work/histogram-$1.txt"
}
# wrk with its latency distribution: "<requests> <non-2xx> <p99 ms>"
load() { # seconds
  local out
  out=$(taskset -c "$load_cpus" wrk -t1 -c4 -d"$1"s --latency "$base$path")
  echo "$out" >>"$work/wrk.txt"
  awk '/requests in/ {r = $1}
    /Non-2xx or 3xx responses/ {e = $NF}
    $1 == "99%" {v = $2; f = 1; if (v ~ /us$/) f = 0.001; else if (v ~ /ms$/) f = 1; else if (v ~ /s$/) f = 1000
      sub(/[a-z]+$/, "", v); p = v * f}
    END {printf "%d %d %.3f\n", r, e, p}' <<<"$out"
}

echo "warm-up: wrk 30 s"
load 30 >/dev/null
before=$(starter_heap before)
threads_before=$(threads)
starter_before=$(starter_threads)
read -r req_a err_a p99_a <<<"$(load "$baseline")"
echo "baseline before: $req_a requests ($(( req_a / baseline ))/s), $err_a non-2xx, p99 $p99_a ms"

taskset -c "$load_cpus" java -cp "$harness" io.leaks.benchmarks.EndpointLoadClients "$base" "$clients" "$loaded" "$pause" "$operations" \
  >"$work/clients.txt" 2>"$work/clients.err" &
load_clients=$!
pids+=("$load_clients")
( peak=0; while kill -0 "$load_clients" 2>/dev/null; do t=$(threads); (( t > peak )) && peak=$t; echo "$peak" >"$work/peak"; sleep 2; done ) &
pids+=($!)
read -r req_b err_b p99_b <<<"$(load "$loaded")"
wait "$load_clients" || { echo "the clients failed; see $work/clients.err" >&2; cat "$work/clients.err" >&2; exit 1; }
echo "with $clients clients: $req_b requests ($(( req_b / loaded ))/s), $err_b non-2xx, p99 $p99_b ms"

read -r req_c err_c p99_c <<<"$(load "$baseline")"
echo "baseline after: $req_c requests ($(( req_c / baseline ))/s), $err_c non-2xx, p99 $p99_c ms"
after=$(starter_heap after)
threads_after=$(threads)
starter_after=$(starter_threads)

echo
cat "$work/clients.txt"
grep -h " 5[0-9][0-9]" "$work/clients.err" | head -5 || true
echo
awk -v a="$p99_a" -v b="$p99_b" -v c="$p99_c" 'BEGIN {printf "host p99: %.2f ms without clients (mean of before %.2f and after %.2f), %.2f ms with them, ratio %.2f\n",
  (a + c) / 2, a, c, b, b / ((a + c) / 2)}'
echo "host requests (wrk): $req_a + $req_b + $req_c, non-2xx: $err_a + $err_b + $err_c"
echo "$before"
echo "$after"
echo "threads: $threads_before before, at most $(cat "$work/peak" 2>/dev/null || echo "?") with the clients, $threads_after after;" \
  "the starter's own (leaks-*): $starter_before before, $starter_after after"
echo "dumps left in the directory: $(find "$work/dumps" -name 'heapdump-*' 2>/dev/null | wc -l); app log: $work/app.log"
