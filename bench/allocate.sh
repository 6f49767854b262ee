#!/usr/bin/env bash
# Times `attune allocate` (loading included) on generated settings of 4 weeks of dated
# register and rota rows, next to `attune validate` (loading only). Figures, not a test.
#
#   bench/allocate.sh [ATTUNE]        default: build/cli/attune
#   ROOMS=5 EXTRA_STAFF=0 SETTINGS=3 RUNS=1 WORK=/tmp/ab5 bench/allocate.sh   # about 92 children, 25 staff
#
# Environment: WORK (default /tmp/attune-bench-allocate) holds the generated group, kept
# between runs (deterministic: seed 1); SETTINGS (default 8) settings generated; RUNS
# (default 5) runs of each command, the fastest reported; EXTRA_STAFF (default 8) extra
# practitioners added to each setting (a floater each, on the rota in turn in every room),
# so the settings have about 25 staff as the design's target (100 children, 25 staff);
# ROOMS (default 3) rooms per setting (`generate --rooms`: 5 gives about 90 children and
# 25 staff of their own teams; use EXTRA_STAFF=0 with it).
set -euo pipefail
cd "$(dirname "$0")/.."
attune=${1:-build/cli/attune}
work=${WORK:-/tmp/attune-bench-allocate}
settings=${SETTINGS:-8}
runs=${RUNS:-5}
extra=${EXTRA_STAFF:-8}
rooms=${ROOMS:-3}
export ATTUNE_DATA_DIR=${ATTUNE_DATA_DIR:-$PWD/templates}
export TZ=UTC NO_COLOR=1
mkdir -p "$work"

if [ ! -d "$work/group" ]; then
  "$attune" generate "$work/group" --settings "$settings" --weeks 4 --seed 1 --rooms "$rooms" > /dev/null
  # Extra practitioners: each works 08:00-16:00 on weekdays, in the rooms in turn.
  for s in "$work"/group/setting-*; do
    rooms=($(grep -A1 '^\[\[rooms\]\]' "$s/setting.toml" | sed -n 's/^id = "\(.*\)"/\1/p'))
    from=$(sed -n 's/^from = \(.*\)/\1/p' "$s/setting.toml" | head -1)
    for ((k = 1; k <= extra; k++)); do
      echo "x$k,Extra Person $k,1990-01-01,practitioner,level3,2029-01-31,yes,,,yes,,yes" >> "$s/staff.csv"
      for ((d = 0; d < 28; d++)); do
        day=$(date -d "$from + $d days" +%F)
        (( $(date -d "$day" +%u) <= 5 )) || continue
        room=${rooms[$(( (k + d) % ${#rooms[@]} ))]}
        echo "x$k,$day,08:00,16:00,$room,work" >> "$s/shifts.csv"
      done
    done
  done
fi

# User CPU seconds of one run of "$@" (bash's own `time`; on a loaded machine the wall
# time says more about the others than about attune).
cpu() {
  local TIMEFORMAT=%U
  { time "$@" > /dev/null 2>&1 || true; } 2>&1
}

# Fastest of RUNS runs of "$@", in seconds.
fastest() {
  local best=""
  for ((r = 0; r < runs; r++)); do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" > "$work/out" 2> "$work/err" || { (($? <= 1)) || { cat "$work/err" >&2; exit 1; }; }
    t1=$(date +%s.%N)
    best=$(echo "$t0 $t1 ${best:-999}" | awk '{d = $2 - $1; print (d < $3 ? d : $3)}')
  done
  echo "$best"
}

printf '%-12s %8s %6s %11s %9s %11s %11s %9s %7s  %s\n' setting children staff attendance shifts validate_s allocate_s alloc_cpu solves status
for s in "$work"/group/setting-*; do
  children=$(($(wc -l < "$s/children.csv") - 1))
  staff=$(($(wc -l < "$s/staff.csv") - 1))
  attendance=$(($(wc -l < "$s/attendance.csv") - 1))
  shifts=$(($(wc -l < "$s/shifts.csv") - 1))
  v=$(fastest "$attune" validate "$s")
  c=$(cpu "$attune" allocate "$s" --format json)
  a=$(fastest "$attune" allocate "$s" --format json)
  solves=$(sed -n 's/^    "solves": \([0-9]*\),/\1/p' "$work/out")
  status=$(sed -n 's/^  "status": "\(.*\)",/\1/p' "$work/out")
  printf '%-12s %8s %6s %11s %9s %11.3f %11.3f %9s %7s  %s\n' "$(basename "$s")" "$children" "$staff" "$attendance" "$shifts" "$v" "$a" "$c" "$solves" "$status"
done
