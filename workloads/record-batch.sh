#!/usr/bin/env bash
# Records every run a batch file lists, a few at a time, skipping runs whose trace exists
# (so an interrupted batch resumes, and re-recording into a fresh --out records them all):
#
#   workloads/record-batch.sh workloads/batches/library.txt [--out <dir>] [--jobs 4]
#       [--default-heaps 2] [--ram 16g] [--only <regex on names>] [--jar <jar>]
#
# A batch file has one run per line, '<name> <record.sh options>'; '#' starts a comment.
# At most --jobs recordings run at once, at most --default-heaps of them with the JVM's
# default max heap (a quarter of RAM), and their max heaps add up to at most --ram. A file
# <out>/.jobs holding a number overrides --jobs while the batch runs (to make room for other work).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

batch="" out="$here/traces" jobs=4 default_heaps=2 ram="16g" only="" jar=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --default-heaps) default_heaps="$2"; shift 2 ;;
    --ram) ram="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    -*) echo "record-batch.sh: unknown option '$1'" >&2; exit 2 ;;
    *) batch="$1"; shift ;;
  esac
done
[ -f "$batch" ] || { echo "usage: record-batch.sh <batch file> [--out dir] [--jobs N] [--default-heaps N] [--ram 16g] [--only regex]" >&2; exit 2; }

bytes() { # 256m, 2g, default -> bytes
  local size="$1"
  case "$size" in
    default) echo $(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) * 1024 / 4 )) ;;
    *[gG]) echo $(( ${size%[gG]} * 1024 * 1024 * 1024 )) ;;
    *[mM]) echo $(( ${size%[mM]} * 1024 * 1024 )) ;;
    *) echo "$size" ;;
  esac
}
budget="$(bytes "$ram")"
logs="$(mktemp -d "${TMPDIR:-/tmp}/record-batch.XXXXXX")"
# Every run of the batch uses the jar as it was when the batch started, whatever is rebuilt since.
if [ -z "$jar" ]; then
  jar="$(ls "$here"/target/leaks-workloads-*.jar 2>/dev/null | grep -v original | head -1 || true)"
fi
[ -f "$jar" ] || { echo "record-batch.sh: no workload jar; build it: mvn -B -ntp -pl workloads -am package -DskipTests" >&2; exit 2; }
cp "$jar" "$logs/leaks-workloads.jar"
jar="$logs/leaks-workloads.jar"
echo "record-batch.sh: $batch into $out with $jar; logs in $logs"

pending=()
while IFS= read -r line || [ -n "$line" ]; do
  line="${line%%#*}"
  [ -n "${line// }" ] || continue
  name="${line%% *}"
  if [ -n "$only" ] && ! [[ "$name" =~ $only ]]; then continue; fi
  if [ -e "$out/$name.trace.gz" ]; then continue; fi
  pending+=("$line")
done <"$batch"
echo "record-batch.sh: ${#pending[@]} runs to record"

declare -A heap_of=() default_of=() name_of=()
running_count() { echo "${#heap_of[@]}"; }
reap() {
  local pid
  for pid in "${!heap_of[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid" && status=0 || status=$?
      echo "record-batch.sh: ${name_of[$pid]} finished (exit $status)"
      unset "heap_of[$pid]" "default_of[$pid]" "name_of[$pid]"
    fi
  done
}
fits() { # heap
  local heap="$1" used=0 defaults=0 pid
  for pid in "${!heap_of[@]}"; do
    used=$(( used + heap_of[$pid] )); defaults=$(( defaults + default_of[$pid] ))
  done
  local limit="$jobs"
  if [ -f "$out/.jobs" ]; then limit="$(tr -dc 0-9 <"$out/.jobs")"; limit="${limit:-$jobs}"; fi
  [ "$(running_count)" -lt "$limit" ] || return 1
  if [ "$heap" = "default" ] && [ "$defaults" -ge "$default_heaps" ]; then return 1; fi
  [ $(( used + $(bytes "$heap") )) -le "$budget" ] || [ "$(running_count)" -eq 0 ]
}

while [ "${#pending[@]}" -gt 0 ] || [ "$(running_count)" -gt 0 ]; do
  reap
  started=""
  for i in "${!pending[@]}"; do
    line="${pending[$i]}"
    read -r -a words <<<"$line"
    name="${words[0]}" heap="256m"
    for j in "${!words[@]}"; do
      if [ "${words[$j]}" = "--heap" ]; then heap="${words[$((j + 1))]}"; fi
    done
    if fits "$heap"; then
      "$here/record.sh" --name "$name" --out "$out" --jar "$jar" "${words[@]:1}" >"$logs/$name.out" 2>&1 &
      heap_of[$!]="$(bytes "$heap")"
      default_of[$!]=$([ "$heap" = "default" ] && echo 1 || echo 0)
      name_of[$!]="$name"
      echo "record-batch.sh: $name started ($(date -u +%H:%M:%S))"
      unset "pending[$i]"
      pending=("${pending[@]}")
      started=yes
      break
    fi
  done
  if [ -z "$started" ]; then
    sleep 5
  fi
done
echo "record-batch.sh: done"
