#!/usr/bin/env bash
# What an allocation recording (POST /actuator/leaks/allocations) costs the demo app's request
# throughput, measured in one run as a ratio. Two identical demo apps share the same CPUs and
# are loaded at the same time by two wrk processes, so whatever else the machine does slows
# both alike; in each round one of them records (a recording lasting the round, so its end,
# the old-object dump and the path search to GC roots, a pause, falls inside the window) and
# the other does not, and the roles swap every round so neither app's own luck (JIT, heap
# layout) counts. A round's ratio is the recording app's req/s over the other's; the run prints
# the median of the rounds' ratios, the ratio of all requests served while recording vs not,
# CPU per request, p99 latency, and the longest JFR old-object safepoint (the path search's
# pause) from the apps' safepoint logs. Needs wrk (apt-get install wrk) and the packaged demo:
#   mvn -B -ntp -q -pl demo-app -am package -DskipTests && benchmarks/allocations-overhead.sh
# Optional arguments: rounds (10), seconds per round (15), path (/demo/patterns).
# POST=1 sends POSTs, for an allocating request such as
#   POST=1 benchmarks/allocations-overhead.sh 10 15 '/demo/patterns/cache/fixed?count=20'
# OLD_OBJECTS=false records allocation samples only. LEAK=N first leaks N x 10,000 reports
# (about 20 MB each) into each app's cache, so the path search walks a fuller heap.
# APP_ARGS passes settings to both apps, such as --leaks.allocations.samples-per-second=100.
# STEADY=1 measures a recording while it runs only: it outlasts the round and is deleted
# after it (stopped without results), so its end falls outside every window.
# WARMUP=60 is the seconds of load before the first warm-up recording (the JIT's time).
# APP_CPUS (default: all) and LOAD_CPUS (default: all) pin the apps and the load generators,
# for example APP_CPUS=1 LOAD_CPUS=0 on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
seconds=${2:-15}
path=${3:-/demo/patterns}
old_objects=${OLD_OBJECTS:-true}
all_cpus=0-$(( $(nproc) - 1 ))
app_cpus=${APP_CPUS:-$all_cpus}
load_cpus=${LOAD_CPUS:-$all_cpus}
jar=${JAR:-demo-app/target/leaks-demo-app-0.1.0-SNAPSHOT.jar}
ports=(18084 18085)
[[ -f $jar ]] || { echo "No $jar: package the demo app first" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
(( seconds >= 5 )) || { echo "rounds must last at least 5 s" >&2; exit 2; }
logs=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

script=()
if [[ -n ${POST:-} ]]; then
  echo 'wrk.method = "POST"' >"$logs/post.lua"
  script=(-s "$logs/post.lua")
fi
for i in 0 1; do
  taskset -c "$app_cpus" java -Xmx256m -XX:+UseG1GC -Xlog:safepoint=info:file="$logs/safepoints-$i.log" \
    -jar "$jar" --server.port="${ports[$i]}" ${APP_ARGS:-} >"$logs/app-$i.log" 2>&1 &
  pids+=($!)
done
for i in 0 1; do
  base=http://127.0.0.1:${ports[$i]}
  for _ in $(seq 1 120); do
    curl -fs "$base/actuator/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "$base/actuator/leaks/allocations" >/dev/null || { echo "no allocation recordings on $base; see $logs" >&2; exit 1; }
  for _ in $(seq 1 "${LEAK:-0}"); do
    curl -fs -X POST "$base/demo/patterns/cache/leaking?count=10000" >/dev/null
  done
done

load() { # seconds -> runs wrk on both apps at once; writes $logs/wrk-<i>
  local loaders=()
  for i in 0 1; do
    taskset -c "$load_cpus" wrk -t1 -c4 -d"$1"s --latency "${script[@]}" "http://127.0.0.1:${ports[$i]}$path" \
      >"$logs/wrk-$i" &
    loaders+=($!)
  done
  wait "${loaders[@]}"
}
rate() { awk '/Requests\/sec/ {print $2}' "$logs/wrk-$1"; }
requests() { awk '/requests in/ {print $1}' "$logs/wrk-$1"; }
p99() { # ms
  awk '/ 99% / {v = $2; m = (v ~ /us$/) ? 0.001 : (v ~ /ms$/) ? 1 : 1000; sub(/[a-z]+$/, "", v); printf "%.1f", v * m}' \
    "$logs/wrk-$1"
}
cpu_ticks() { awk '{print $14 + $15}' /proc/"${pids[$1]}"/stat; }
record() { # app duration-seconds -> id
  curl -fs -X POST "http://127.0.0.1:${ports[$1]}/actuator/leaks/allocations" -H 'Content-Type: application/json' \
    -d "{\"duration\": \"${2}s\", \"oldObjects\": $old_objects}" | sed -E 's/.*"id":"([^"]+)".*/\1/'
}
# A round's recording ends inside the round, or (STEADY=1) outlasts it.
round_recording=$(( seconds - 2 ))
[[ -n ${STEADY:-} ]] && round_recording=$(( seconds + 60 ))
await_done() { # app id
  for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:${ports[$1]}/actuator/leaks/allocations/$2" | grep -q '"status":"RUNNING"' || return 0
    sleep 0.5
  done
  echo "recording $2 on app $1 did not finish" >&2; exit 1
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
sum() { awk '{s += $1} END {print s + 0}'; }

warmup=${WARMUP:-60}
echo "warm-up: ${warmup}s of load on both, then ${seconds}s with a recording in each (JFR starts up on the first)"
load "$warmup"
ids=("$(record 0 $(( seconds - 2 )))" "$(record 1 $(( seconds - 2 )))")
load "$seconds"
await_done 0 "${ids[0]}"
await_done 1 "${ids[1]}"
ratios=() p99_rec=() p99_idle=()
: >"$logs/rec-requests"; : >"$logs/idle-requests"; : >"$logs/rec-ticks"; : >"$logs/idle-ticks"
for r in $(seq 1 "$rounds"); do
  rec=$(( r % 2 )); idle=$(( 1 - rec ))
  before=("$(cpu_ticks 0)" "$(cpu_ticks 1)")
  id=$(record "$rec" "$round_recording")
  load "$seconds"
  if [[ -n ${STEADY:-} ]]; then
    after=("$(cpu_ticks 0)" "$(cpu_ticks 1)")
    curl -fs -X DELETE "http://127.0.0.1:${ports[$rec]}/actuator/leaks/allocations/$id" >/dev/null
  else
    await_done "$rec" "$id"
    after=("$(cpu_ticks 0)" "$(cpu_ticks 1)")
  fi
  echo $(( after[rec] - before[rec] )) >>"$logs/rec-ticks"
  echo $(( after[idle] - before[idle] )) >>"$logs/idle-ticks"
  requests "$rec" >>"$logs/rec-requests"
  requests "$idle" >>"$logs/idle-requests"
  a=$(rate "$rec"); b=$(rate "$idle")
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.4f", a / b}')
  ratios+=("$ratio"); p99_rec+=("$(p99 "$rec")"); p99_idle+=("$(p99 "$idle")")
  echo "round $r: app $rec recording ${a} req/s (p99 $(p99 "$rec") ms), app $idle not ${b} req/s (p99 $(p99 "$idle") ms), ratio $ratio"
done
echo "median of the rounds' ratios (recording / not): $(printf '%s\n' "${ratios[@]}" | median)"
n_rec=$(sum <"$logs/rec-requests"); n_idle=$(sum <"$logs/idle-requests")
awk -v a="$n_rec" -v b="$n_idle" 'BEGIN {printf "all measured rounds: recording %d requests, not %d, ratio %.4f\n", a, b, a / b}'
hz=$(getconf CLK_TCK)
awk -v tr="$(sum <"$logs/rec-ticks")" -v ti="$(sum <"$logs/idle-ticks")" -v a="$n_rec" -v b="$n_idle" -v hz="$hz" \
  'BEGIN {cr = 1e6 * tr / hz / a; ci = 1e6 * ti / hz / b
    printf "app CPU per request: recording %.1f us, not %.1f us, ratio %.3f\n", cr, ci, cr / ci}'
echo "median p99 latency: recording $(printf '%s\n' "${p99_rec[@]}" | median) ms, not $(printf '%s\n' "${p99_idle[@]}" | median) ms"
cat "$logs"/safepoints-*.log | awk '/"JFROldObject"/ {for (i = 1; i <= NF; i++) if ($i == "Total:") {t = $(i + 1) / 1e6; if (t > m) m = t; if (t > 1) {n++; s += t}}}
  END {printf "JFR path searches (old-object safepoints over 1 ms): %d, mean %.1f ms, longest %.1f ms\n", n, (n ? s / n : 0), m}'
