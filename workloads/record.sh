#!/usr/bin/env bash
# Records one workload scenario: runs the workload service on a chosen JDK, collector and heap,
# with the starter recording what its trend analysis sees, and writes into the traces directory
#   <name>.trace.gz   the starter's trace (leaks.trend.record-to), marks included
#   <name>.gc.log.gz  the JVM's own GC log (-Xlog:gc*), compressed
# and appends the run's labelled row to labels.csv there. See workloads/traces/README.md.
#
#   workloads/record.sh --name g1-17-256m-listener --scenario listener-leak [--jdk 17|25|<java home>]
#       [--gc G1|Parallel|Serial|ZGC|Shenandoah] [--heap 256m|2g|default] [--duration 45m]
#       [--rate 12MiB/min] [--onset 30m] [--period 3m] [--ramp 20m] [--share 0.4] [--limit 200]
#       [--settings defaults|<what the extra options are for>] [--out <dir>] [--jar <jar>]
#       [--jvm "-XX:NewSize=100m -XX:MaxNewSize=100m" | --jvm -XX:NewSize=100m,-XX:MaxNewSize=100m]
#       [-- --leaks.trend.interval=5s --workload.background.allocation=8MiB/s ...]
#
# Build the jar first: mvn -B -ntp -pl workloads -am package -DskipTests
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

name="" scenario="" jdk="17" gc="G1" heap="256m" duration="45m" settings="defaults"
jvm_opts=()
out="$here/traces" jar="" rate="" knobs=() extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --scenario) scenario="$2"; shift 2 ;;
    --jdk) jdk="$2"; shift 2 ;;
    --gc) gc="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --rate) rate="$2"; knobs+=("--workload.rate=$2"); shift 2 ;;
    --onset|--period|--ramp|--share|--limit) knobs+=("--workload.${1#--}=$2"); shift 2 ;;
    --settings) settings="$2"; shift 2 ;;
    # JVM options, split at spaces or commas (a batch line takes the comma form).
    --jvm) IFS=', ' read -r -a jvm_opts <<<"$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "record.sh: unknown option '$1' (options after -- go to the service)" >&2; exit 2 ;;
  esac
done
if [ -z "$name" ] || [ -z "$scenario" ]; then
  echo "record.sh: --name and --scenario are required" >&2; exit 2
fi
case "$name" in *[!A-Za-z0-9._-]*) echo "record.sh: --name may hold letters, digits, '.', '_' and '-' only" >&2; exit 2 ;; esac

case "$jdk" in
  17) java_home=/usr/lib/jvm/java-17-openjdk-amd64 ;;
  25) java_home=/usr/lib/jvm/temurin-25-jdk-amd64 ;;
  *) java_home="$jdk" ;;
esac
[ -x "$java_home/bin/java" ] || { echo "record.sh: no java in $java_home" >&2; exit 2; }

case "$gc" in
  G1) gc_flag=-XX:+UseG1GC ;;
  Parallel) gc_flag=-XX:+UseParallelGC ;;
  Serial) gc_flag=-XX:+UseSerialGC ;;
  ZGC|Z) gc_flag=-XX:+UseZGC ;;
  Shenandoah) gc_flag=-XX:+UseShenandoahGC ;;
  *) echo "record.sh: --gc must be G1, Parallel, Serial, ZGC or Shenandoah, was '$gc'" >&2; exit 2 ;;
esac
heap_flags=()
if [ "$heap" != "default" ]; then
  heap_flags=("-Xmx$heap")
fi

if [ -z "$jar" ]; then
  jar="$(ls "$here"/target/leaks-workloads-*.jar 2>/dev/null | grep -v original | head -1 || true)"
fi
[ -f "$jar" ] || { echo "record.sh: no workload jar; build it: mvn -B -ntp -pl workloads -am package -DskipTests" >&2; exit 2; }
# Run a copy named after its content: rebuilding the module while recordings run must not
# pull the jar from under a running JVM.
stable_jar="${TMPDIR:-/tmp}/leaks-workloads-$(md5sum "$jar" | cut -c1-12).jar"
if [ ! -f "$stable_jar" ]; then
  cp "$jar" "$stable_jar.$$"
  mv -f "$stable_jar.$$" "$stable_jar"
fi

mkdir -p "$out"
trace="$out/$name.trace.gz"
if [ -e "$trace" ]; then
  echo "record.sh: $trace exists; traces are never overwritten" >&2; exit 2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/record-$name.XXXXXX")"
command="record.sh --scenario $scenario --jdk $jdk --gc $gc --heap $heap --duration $duration ${jvm_opts[*]:+--jvm \"${jvm_opts[*]}\" }${knobs[*]:-} ${extra[*]:+-- ${extra[*]}}"

echo "record.sh: $name: $scenario on JDK $jdk, $gc, heap $heap, $duration (log in $work/service.log)"
set +e
"$java_home/bin/java" "${heap_flags[@]}" "${jvm_opts[@]}" "$gc_flag" "-Xlog:gc*,gc+stats=off,gc+task=off:file=$work/gc.log:uptime,level,tags:filecount=0" \
  -jar "$stable_jar" --workload.scenario="$scenario" --workload.duration="$duration" "${knobs[@]}" \
  --leaks.trend.record-to="$trace" "${extra[@]}" >"$work/service.log" 2>&1
status=$?
set -e
if [ ! -s "$trace" ]; then
  echo "record.sh: $name wrote no trace (exit $status); see $work/service.log" >&2; exit 1
fi
gzip -9 -c "$work/gc.log" >"$out/$name.gc.log.gz"
"$java_home/bin/java" -Dloader.main=io.leaks.workloads.library.LabelRow -cp "$stable_jar" \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  "$trace" "$out/labels.csv" "$heap" "${rate:-default}" "$settings" "$command"
if [ "$status" -ne 0 ]; then
  echo "record.sh: $name: the service exited with $status; see $work/service.log" >&2
fi
gzip -9 "$work/service.log"
echo "record.sh: $name done ($(du -h "$trace" | cut -f1) trace, $(du -h "$out/$name.gc.log.gz" | cut -f1) GC log)"
