#!/usr/bin/env bash
# The soak: runs the demo app's leaking patterns (each driven at its documented rate), their
# fixed variants, and the healthy workload scenarios live, side by side, at the starter's
# DEFAULT trend settings and the JVM's default max heap (a quarter of RAM), for a given time;
# then prints per service the first LeakSuspectedEvent, the lead, the final status and
# suspects, forced full collections and OOM (io.leaks.workloads.soak.SoakSummary).
#
#   workloads/soak.sh [--duration 45m] [--out <dir>] [--jdk 17|25|<java home>] [--parallel 17]
#       [--ram 14] [--only <regex on service names>]
#
# Build first: mvn -B -ntp -pl demo-app,workloads -am package -DskipTests
# --parallel bounds the services running at once and --ram the sum of their estimated RAM in
# GB (see the table below): services that do not fit wait for a slot. On a machine with room
# for all of them (about 30 GB), every service runs side by side.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

duration="45m" out="" jdk="17" parallel=17 ram=14 only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --jdk) jdk="$2"; shift 2 ;;
    --parallel) parallel="$2"; shift 2 ;;
    --ram) ram="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    *) echo "soak.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
case "$jdk" in
  17) java_home=/usr/lib/jvm/java-17-openjdk-amd64 ;;
  25) java_home=/usr/lib/jvm/temurin-25-jdk-amd64 ;;
  *) java_home="$jdk" ;;
esac
java="$java_home/bin/java"
seconds() { # 45m, 1h, 90s -> seconds
  case "$1" in
    *h) echo $(( ${1%h} * 3600 )) ;; *m) echo $(( ${1%m} * 60 )) ;; *s) echo "${1%s}" ;; *) echo "$1" ;;
  esac
}
watch_seconds="$(seconds "$duration")"
out="${out:-$root/target/soak-$(date -u +%Y%m%dT%H%M%S)}"
mkdir -p "$out"
demo_jar="$root/demo-app/target/leaks-demo-app-0.1.0-SNAPSHOT.jar"
workload_jar="$here/target/leaks-workloads-0.1.0-SNAPSHOT.jar"
for jar in "$demo_jar" "$workload_jar"; do
  [ -f "$jar" ] || { echo "soak.sh: $jar is missing; build: mvn -B -ntp -pl demo-app,workloads -am package -DskipTests" >&2; exit 2; }
done
# The soak runs copies: rebuilding while it runs must not change what runs.
cp "$demo_jar" "$out/demo-app.jar"
cp "$workload_jar" "$out/workloads.jar"
git -C "$root" rev-parse HEAD >"$out/commit" 2>/dev/null || true

# service | kind | expect | pattern or scenario | variant | operations per second | suspect | RAM estimate (GB)
# The demo's documented soak rates (docs/demo-app.md): each leaking pattern keeps about 24 MiB
# a minute (2 KiB per operation at 200/s; closures 4 KiB at 100/s), the demo's cache leak as
# users saw it on a default heap (~28 MiB/min).
services="
demo-listeners-leaking   demo     leak listeners    leaking 200 io.leaks.demo.listeners.OrderListener 1
demo-cache-leaking       demo     leak cache        leaking 200 io.leaks.demo.cache.CachedReport 1
demo-registry-leaking    demo     leak registry     leaking 200 io.leaks.demo.registry.RequestHandler 1
demo-threadlocals-leaking demo    leak threadlocals leaking 200 io.leaks.demo.threadlocals.AuditEntry 1
demo-closures-leaking    demo     leak closures     leaking 100 io.leaks.demo.closures.UploadedDocument 1
demo-listeners-fixed     demo     none listeners    fixed   200 - 1
demo-cache-fixed         demo     none cache        fixed   200 - 1
demo-registry-fixed      demo     none registry     fixed   200 - 1
demo-threadlocals-fixed  demo     none threadlocals fixed   200 - 1
demo-closures-fixed      demo     none closures     fixed   100 - 1
workload-bounded-cache   workload none bounded-cache  - - - 3
workload-evicting-cache  workload none evicting-cache - - - 3
workload-sawtooth        workload none sawtooth       - - - 2
workload-pool-ramp       workload none pool-ramp      - - - 1
workload-diurnal         workload none diurnal        - - - 3
workload-batch           workload none batch          - - - 3
workload-idle            workload none idle           - - - 1
"

gc_flags() { echo "-Xlog:gc*,gc+stats=off,gc+task=off:file=$out/$1.gc.log:uptime,level,tags:filecount=0"; }

describe() { # name expect what suspect started
  { echo "name=$1"; echo "expect=$2"; echo "what=$3"; echo "suspect=${4#-}"; echo "trace=$1.trace.gz"
    echo "gclog=$1.gc.log"; echo "log=$1.log"; [ -z "${5:-}" ] || echo "started.epochMillis=$5"; } >"$out/$1.soak"
}

run_demo() { # name expect pattern variant rate suspect
  local name="$1" expect="$2" pattern="$3" variant="$4" rate="$5" suspect="$6" pid port="" started
  "$java" "$(gc_flags "$name")" -jar "$out/demo-app.jar" --server.port=0 \
    --leaks.trend.record-to="$out/$name.trace.gz" >"$out/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    # The log may not exist yet when the JVM has only just been forked.
    port="$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$out/$name.log" 2>/dev/null | head -1 || true)"
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if [ -z "$port" ]; then echo "soak.sh: $name did not start; see $out/$name.log" >&2; kill "$pid" 2>/dev/null; return 1; fi
  curl -sf -X POST "http://127.0.0.1:$port/demo/driver?pattern=$pattern&variant=$variant&perSecond=$rate" >"$out/$name.driver.json"
  started="$(date +%s%3N)"
  describe "$name" "$expect" "$pattern/$variant ${rate}/s" "$suspect" "$started"
  sleep "$watch_seconds"
  curl -sf "http://127.0.0.1:$port/demo/alerts" >"$out/$name.alerts.json" || true
  curl -sf "http://127.0.0.1:$port/demo/driver" >>"$out/$name.driver.json" || true
  kill -TERM "$pid"
  wait "$pid" || true
}

run_workload() { # name expect scenario
  local name="$1" expect="$2" scenario="$3"
  describe "$name" "$expect" "$scenario" "-"
  "$java" "$(gc_flags "$name")" -jar "$out/workloads.jar" --workload.scenario="$scenario" \
    --workload.duration="$duration" --leaks.trend.record-to="$out/$name.trace.gz" >"$out/$name.log" 2>&1 || true
}

echo "soak.sh: $duration per service, default trend settings, default max heap, JDK $jdk; into $out"
declare -A ram_of=() name_of=()
used_ram() { local sum=0 pid; for pid in "${!ram_of[@]}"; do sum=$(( sum + ram_of[$pid] )); done; echo "$sum"; }
reap() {
  local pid
  for pid in "${!ram_of[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid" || true
      echo "soak.sh: ${name_of[$pid]} done ($(date -u +%H:%M:%S))"
      unset "ram_of[$pid]" "name_of[$pid]"
    fi
  done
}
while read -r name kind expect what variant rate suspect estimate; do
  [ -n "$name" ] || continue
  if [ -n "$only" ] && ! [[ "$name" =~ $only ]]; then continue; fi
  while :; do
    reap
    if [ "${#ram_of[@]}" -eq 0 ] || { [ "${#ram_of[@]}" -lt "$parallel" ] && [ $(( $(used_ram) + estimate )) -le "$ram" ]; }; then
      break
    fi
    sleep 5
  done
  if [ "$kind" = demo ]; then
    run_demo "$name" "$expect" "$what" "$variant" "$rate" "$suspect" &
  else
    run_workload "$name" "$expect" "$what" &
  fi
  ram_of[$!]="$estimate"
  name_of[$!]="$name"
  echo "soak.sh: $name started ($(date -u +%H:%M:%S))"
done <<<"$services"
while [ "${#ram_of[@]}" -gt 0 ]; do reap; sleep 5; done

"$java" -Dloader.main=io.leaks.workloads.soak.SoakSummary -cp "$out/workloads.jar" \
  org.springframework.boot.loader.launch.PropertiesLauncher "$out" | tee "$out/summary.txt"
