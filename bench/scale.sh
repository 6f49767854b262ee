#!/usr/bin/env bash
# Times `attune validate` and `attune check` on generated groups of settings, a 52-week
# year of dated register and rota rows each, and prints time, rows per second and peak
# memory. Figures, not a test: nothing here passes or fails.
#
#   bench/scale.sh [ATTUNE] [SIZES...]      default: build/cli/attune, 10 100 1000
#
# Environment: WORK (default /tmp/attune-bench) holds the generated groups, kept between
# runs (generation is deterministic: seed 1); JOBS is passed to --jobs (default: cores);
# RUNS (default 3) runs of each command, the fastest reported; MISMATCH=1 generates the
# groups with --mismatch (the findings-heavy workload: bench/mismatch.sh); FORMATS (default
# "json text") the check formats timed; OUTPUTS (default "-o") how each writes: "-o" with
# -o FILE, "stdout" to standard output redirected to a file (as `> out.json` in cron), "pipe"
# to standard output read by a pipe (`| wc -c`).
set -euo pipefail
cd "$(dirname "$0")/.."
attune=${1:-build/cli/attune}
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(10 100 1000)
work=${WORK:-/tmp/attune-bench}
jobs=${JOBS:-$(nproc)}
runs=${RUNS:-3}
read -r -a formats <<< "${FORMATS:-json text}"
read -r -a outputs <<< "${OUTPUTS:--o}"
mismatch=${MISMATCH:-0}
export ATTUNE_DATA_DIR=${ATTUNE_DATA_DIR:-$PWD/templates}
export TZ=UTC NO_COLOR=1
[ -x /usr/bin/time ] || { echo "bench/scale.sh needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
mkdir -p "$work"

# Runs the command line "$1" (a shell command) RUNS times; sets best_s (fastest wall
# time) and peak_kb (its peak RSS: of the largest process, attune's).
measure() {
  best_s="" peak_kb=""
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -f "%e %M" -o "$work/time.out" sh -c "$1" > /dev/null 2> "$work/stderr.out" || {
      rc=$?
      if ((rc > 1)); then echo "failed ($rc): $1" >&2; cat "$work/stderr.out" >&2; exit 1; fi
    }
    read -r s kb < <(tail -1 "$work/time.out")
    if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then best_s=$s peak_kb=$kb; fi
  done
}

# The command lines timed for one group: validate, then check in each format and output.
commands() {
  local group=$1 common="--jobs $jobs --quiet"
  echo "validate|$attune validate $group $common"
  for f in "${formats[@]}"; do
    for o in "${outputs[@]}"; do
      case $o in
        -o) echo "check --format $f -o FILE|$attune check $group --format $f -o $work/out.$f $common" ;;
        stdout) echo "check --format $f > FILE|$attune check $group --format $f $common > $work/out.$f" ;;
        pipe) echo "check --format $f | wc -c|$attune check $group --format $f $common | wc -c" ;;
      esac
    done
  done
}

uptime_now=$(uptime | sed 's/.*load average/load average/')
printf '%s\n' "attune $("$attune" --version | tr -d '\n'), $(nproc) cores, --jobs $jobs, best of $runs runs, $uptime_now"
printf '%-9s %10s %7s  %-30s %9s %7s %11s %9s\n' settings rows MB command seconds "x val" rows/s "peak MB"
for n in "${sizes[@]}"; do
  if [ "$mismatch" = 1 ]; then group="$work/mismatch-$n" extra=(--mismatch); else group="$work/group-$n" extra=(); fi
  if [ ! -f "$group/.complete" ]; then
    rm -rf "$group"
    "$attune" generate "$group" --settings "$n" --weeks 52 --seed 1 "${extra[@]}" > /dev/null
    touch "$group/.complete"
  fi
  rows=$(cat "$group"/setting-*/attendance.csv "$group"/setting-*/shifts.csv | wc -l)
  rows=$((rows - 2 * n))  # headers
  mb=$(du -sm "$group" | cut -f1)
  validate_s=""
  while IFS='|' read -r label line; do
    measure "$line"
    [ -n "$validate_s" ] || validate_s=$best_s
    ratio=$(awk -v a="$best_s" -v b="$validate_s" 'BEGIN { printf "%.2f", a / b }')
    rate=$(awk -v r="$rows" -v s="$best_s" 'BEGIN { printf "%.0f", r / s }')
    printf '%-9s %10s %7s  %-30s %9s %7s %11s %9s\n' "$n" "$rows" "$mb" "$label" "$best_s" "$ratio" "$rate" \
      "$((peak_kb / 1024))"
  done < <(commands "$group")
  rm -f "$work"/out.*
done
printf '%s\n' "afterwards: $(uptime | sed 's/.*load average/load average/')"
