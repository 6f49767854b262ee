#!/usr/bin/env bash
# Times `attune cover` (loading included) on a 4-room nursery with 20 staff: one day, and
# the whole week, next to `attune validate` of the same setting (loading only). Figures,
# not a test (DESIGN §9: a day under 1 s, a week under 5 s).
#
#   bench/cover.sh [ATTUNE]        default: build/cli/attune
#
# Environment: WORK (default /tmp/attune-bench-cover) holds the setting, made afresh each
# run (the same every time); RUNS (default 1) runs of each command, the medians of user
# CPU and wall time reported (/usr/bin/time); ABSENT (default s05, a baby-room
# practitioner) and ABSENT2 (default s05,s07: with a Tweenies practitioner too); DAYS
# (default 2026-11-03 2026-11-04) the single days timed. Say the load average with the
# figures: on a shared machine wall time is the user CPU times the queue.
#
# The setting: Baby Room (9 under-2s), Tweenies (10 two-year-olds), two pre-school rooms
# (16 children aged 3-4 each); 18 practitioners on early, middle and late shifts with
# staggered lunch breaks, a manager in the office, a cook; two bank workers available all
# week. Children come for full days, mornings or afternoons.
set -euo pipefail
cd "$(dirname "$0")/.."
attune=${1:-build/cli/attune}
work=${WORK:-/tmp/attune-bench-cover}
runs=${RUNS:-1}
absent=${ABSENT:-s05}
absent2=${ABSENT2:-s05,s07}
days=${DAYS:-2026-11-03 2026-11-04}
export ATTUNE_DATA_DIR=${ATTUNE_DATA_DIR:-$PWD/templates}
export TZ=UTC NO_COLOR=1
rm -rf "$work"
mkdir -p "$work/setting"
s=$work/setting

cat > "$s/setting.toml" <<'EOF'
[setting]
name = "Bench Nursery (4 rooms, 20 staff)"
profile = "eyfs-2024-group"
opening = { open = "07:30", close = "18:00" }

[period]
from = 2026-11-02
to = 2026-11-06

[[rooms]]
id = "babies"
name = "Baby Room"
capacity = 9
meals = [ { start = "11:30", end = "12:15" }, { start = "15:30", end = "16:00" } ]

[[rooms]]
id = "tweenies"
name = "Tweenies"
capacity = 10
meals = [ { start = "11:45", end = "12:30" }, { start = "15:45", end = "16:15" } ]

[[rooms]]
id = "pre1"
name = "Pre-school Red"
capacity = 16
meals = [ { start = "12:00", end = "12:45" } ]

[[rooms]]
id = "pre2"
name = "Pre-school Blue"
capacity = 16
meals = [ { start = "12:15", end = "13:00" } ]

[cover]
max_shift_minutes = 600
break_window_minutes = 30
EOF

# staff: id, room, qualification, first aid, baby training, under-2 experience, shift
{
  echo "id,name,date_of_birth,role,qualification,pfa_expiry,baby_training,start_date,leave_date,in_ratio,studying,under_2_experience"
  echo "s00,Manager,1975-01-01,manager,level6,2029-01-31,yes,2015-01-05,,yes,,yes"
  echo "k00,Cook,1970-01-01,cook,none,,no,2015-01-05,,no,,no"
  echo "b01,Bank One,1990-01-01,bank,level3,2029-01-31,yes,2024-01-08,,,,yes"
  echo "b02,Bank Two,1992-01-01,bank,level2,2029-01-31,yes,2024-01-08,,,,no"
  quals=(level3 level3 level2 level3 level2 level3 none level2 level3 level2 level3 level2 level3 level3 level2 none level3 level2)
  for i in $(seq 1 18); do
    q=${quals[$(( (i - 1) % ${#quals[@]} ))]}
    pfa=2029-01-31; ((i % 4 == 3)) && pfa=
    bt=no; ((i <= 7 || i % 3 == 0)) && bt=yes
    u2=no; ((i <= 6 || i % 5 == 0)) && u2=yes
    printf 's%02d,Practitioner %d,1990-01-01,practitioner,%s,%s,%s,2020-01-06,,yes,,%s\n' "$i" "$i" "$q" "$pfa" "$bt" "$u2"
  done
} > "$s/staff.csv"

# Rooms of the 18: babies 1-6, tweenies 7-10, pre1 11-14, pre2 15-18. Shifts rotate
# early (07:30-16:30), middle (08:30-17:30), late (09:00-18:00); lunch 30 min staggered.
rooms=(babies babies babies babies babies babies tweenies tweenies tweenies tweenies pre1 pre1 pre1 pre1 pre2 pre2 pre2 pre2)
starts=(07:30 08:30 09:00)
ends=(16:30 17:30 18:00)
lunches=(11:30 12:00 12:30 13:00 13:30)
{
  echo "staff,date,start,end,room,kind"
  for day in Mon Tue Wed Thu Fri; do
    echo "s00,$day,08:00,17:00,,non_contact"
  done
  for i in $(seq 1 18); do
    room=${rooms[$((i - 1))]}
    for d in 0 1 2 3 4; do
      day=$(echo Mon Tue Wed Thu Fri | cut -d' ' -f$((d + 1)))
      k=$(( (i + d) % 3 ))
      l=${lunches[$(( (i + d) % 5 ))]}
      h=${l%:*}; m=${l#*:}; le=$(printf '%02d:%02d' $((h + (m + 30) / 60)) $(((m + 30) % 60)))
      printf 's%02d,%s,%s,%s,%s,work\n' "$i" "$day" "${starts[$k]}" "${ends[$k]}" "$room"
      printf 's%02d,%s,%s,%s,,break\n' "$i" "$day" "$l" "$le"
    done
  done
} > "$s/shifts.csv"

{
  echo "staff,date,start,end"
  for day in Mon Tue Wed Thu Fri; do echo "b01,$day,07:30,18:00"; echo "b02,$day,07:30,18:00"; done
} > "$s/availability.csv"

# children: 9 babies, 10 two-year-olds, 16 + 16 aged 3-4; sessions full, morning, afternoon.
{
  echo "id,name,date_of_birth,room,key_person,buddy,start_date,leave_date"
  n=0
  add() {  # room count birth keys...
    local room=$1 count=$2 birth=$3; shift 3; local keys=("$@")
    for ((c = 0; c < count; c++)); do
      n=$((n + 1))
      local kp=${keys[$((c % ${#keys[@]}))]} bd=${keys[$(((c + 1) % ${#keys[@]}))]}
      printf 'c%03d,Child %d,%s,%s,%s,%s,2025-09-01,\n' "$n" "$n" "$birth" "$room" "$kp" "$bd"
    done
  }
  add babies 9 2025-06-01 s01 s02 s03 s04 s05 s06
  add tweenies 10 2024-06-01 s07 s08 s09 s10
  add pre1 16 2022-06-01 s11 s12 s13 s14
  add pre2 16 2022-03-01 s15 s16 s17 s18
} > "$s/children.csv"
{
  echo "child,date,start,end,room"
  for c in $(seq 1 51); do
    for day in Mon Tue Wed Thu Fri; do
      case $(( (c + ${#day}) % 4 )) in
        0) echo "$(printf 'c%03d' "$c"),$day,08:00,13:00," ;;
        1) echo "$(printf 'c%03d' "$c"),$day,13:00,17:45," ;;
        *) echo "$(printf 'c%03d' "$c"),$day,08:15,17:30," ;;
      esac
    done
  done
} > "$s/attendance.csv"

# One command, RUNS times: user CPU and wall seconds by /usr/bin/time (median of each),
# and what cover said (status, optimal, people changed, extra paid minutes).
time_runs() {  # label command...
  local label=$1; shift
  local users=() walls=()
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -f '%U %e' -o "$work/time.txt" "$@" --format json > "$work/out.json" || true
    read -r u w < <(tail -1 "$work/time.txt")
    users+=("$u"); walls+=("$w")
  done
  local said
  said=$(python3 - "$work/out.json" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
    o = d["objective"]
    print(f'{d["status"]}{"" if d["optimal"] else " (not proved)"}, {o["people_changed"]} changed, '
          f'{o["extra_paid_minutes"]} extra min, {o["breach_minutes"]} breach min')
except Exception as e:
    print(f"no answer ({e.__class__.__name__})")
PY
)
  local mu mw
  mu=$(printf '%s\n' "${users[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
  mw=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
  printf '%-52s user %6.2f s  wall %6.2f s  (%d runs)  %s\n' "$label" "$mu" "$mw" "$runs" "$said"
}

echo "attune cover on $s ($(grep -c . "$s/staff.csv") staff rows, 4 rooms, 51 children)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f 'validate (loading only), the week: user %U s  wall %e s' "$attune" validate "$s" > /dev/null
for who in "$absent" "$absent2"; do
  echo "absent $who"
  for d in $days; do
    time_runs "cover --absent $who --date $d" "$attune" cover "$s" --absent "$who" --date "$d"
  done
  time_runs "cover --absent $who --from 2026-11-02 --to 2026-11-06" \
    "$attune" cover "$s" --absent "$who" --from 2026-11-02 --to 2026-11-06
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
