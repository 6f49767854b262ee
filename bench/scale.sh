#!/usr/bin/env bash
# Times `attune validate` and `attune check` on generated groups of settings, a 52-week
# year of dated register and rota rows each, and prints time, rows per second and peak
# memory. Figures, not a test: nothing here passes or fails.
#
#   bench/scale.sh [ATTUNE] [SIZES...]      default: build/cli/attune, 10 100 1000
#
# Environment: WORK (default /tmp/attune-bench) holds the generated groups, kept between
# runs (generation is deterministic: seed 1); JOBS is passed to --jobs (default: cores);
# RUNS (default 3) runs of each command, the fastest reported.
set -euo pipefail
cd "$(dirname "$0")/.."
attune=${1:-build/cli/attune}
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(10 100 1000)
work=${WORK:-/tmp/attune-bench}
jobs=${JOBS:-$(nproc)}
runs=${RUNS:-3}
export ATTUNE_DATA_DIR=${ATTUNE_DATA_DIR:-$PWD/templates}
export TZ=UTC NO_COLOR=1
[ -x /usr/bin/time ] || { echo "bench/scale.sh needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
mkdir -p "$work"

# Runs "$@" RUNS times; sets best_s (fastest wall time) and peak_kb (its peak RSS).
measure() {
  best_s="" peak_kb=""
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -f "%e %M" -o "$work/time.out" "$@" > /dev/null 2> "$work/stderr.out" || {
      rc=$?
      if ((rc > 1)); then echo "failed ($rc): $*" >&2; cat "$work/stderr.out" >&2; exit 1; fi
    }
    read -r s kb < <(tail -1 "$work/time.out")
    if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then best_s=$s peak_kb=$kb; fi
  done
}

printf '%s\n' "attune $("$attune" --version | tr -d '\n'), $(nproc) cores, --jobs $jobs, best of $runs runs"
printf '%-9s %10s %7s  %-28s %9s %7s %11s %9s\n' settings rows MB command seconds "x val" rows/s "peak MB"
for n in "${sizes[@]}"; do
  group="$work/group-$n"
  if [ ! -f "$group/.complete" ]; then
    rm -rf "$group"
    "$attune" generate "$group" --settings "$n" --weeks 52 --seed 1 > /dev/null
    touch "$group/.complete"
  fi
  rows=$(cat "$group"/setting-*/attendance.csv "$group"/setting-*/shifts.csv | wc -l)
  rows=$((rows - 2 * n))  # headers
  mb=$(du -sm "$group" | cut -f1)
  validate_s=""
  for cmd in "validate" "check --format json -o $work/check.json" "check -o $work/check.txt"; do
    # shellcheck disable=SC2086
    measure "$attune" $cmd "$group" --jobs "$jobs" --quiet
    [ -n "$validate_s" ] || validate_s=$best_s
    ratio=$(awk -v a="$best_s" -v b="$validate_s" 'BEGIN { printf "%.2f", a / b }')
    rate=$(awk -v r="$rows" -v s="$best_s" 'BEGIN { printf "%.0f", r / s }')
    label=${cmd%% -o*}
    printf '%-9s %10s %7s  %-28s %9s %7s %11s %9s\n' "$n" "$rows" "$mb" "$label" "$best_s" "$ratio" "$rate" \
      "$((peak_kb / 1024))"
  done
  rm -f "$work/check.json" "$work/check.txt"
done
