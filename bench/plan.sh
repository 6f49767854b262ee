#!/usr/bin/env bash
# Times `attune plan` on a generated week of a 4-room, 60-child, 15-staff setting at
# 15-minute slots, within the default 60-second limit, and re-checks the rota with
# `attune check`. Figures, not a test.
#
#   bench/plan.sh [ATTUNE]        default: build/cli/attune
#
# The setting: `attune generate --settings 1 --weeks 1 --seed 3` (3 rooms, 62 children,
# 16 staff), its pre-school room split in two (children alternately), 60 children kept,
# the cook left out (15 staff); everyone available 07:30-18:30 on weekdays, contracted
# for the minutes the generated rota gives them (work and non-contact, breaks out),
# rounded up to the hour. Environment: WORK (default /tmp/attune-bench-plan), LIMIT
# (seconds, default 60), SEED (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
attune=$(realpath "${1:-build/cli/attune}")
work=${WORK:-/tmp/attune-bench-plan}
limit=${LIMIT:-60}
seed=${SEED:-3}
export ATTUNE_DATA_DIR=${ATTUNE_DATA_DIR:-$PWD/templates}
export TZ=UTC NO_COLOR=1
rm -rf "$work" && mkdir -p "$work"
"$attune" generate "$work/gen" --settings 1 --weeks 1 --seed "$seed" > /dev/null
src="$work/gen/setting-001" dst="$work/week"
mkdir -p "$dst"
python3 - "$src" "$dst" <<'PY'
import csv, sys, re
src, dst = sys.argv[1], sys.argv[2]
def rows(name):
    with open(f"{src}/{name}", newline="") as f:
        return list(csv.DictReader(f))
def write(name, fields, data):
    with open(f"{dst}/{name}", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(data)
toml = open(f"{src}/setting.toml").read()
toml = toml.replace('allocations = "allocations.csv"', 'availability = "availability.csv"')
toml = toml.replace("[data]", '[[rooms]]\nid = "garden"\nname = "Garden Room"\ncapacity = 24\n'
                    'meals = [ { start = "11:45", end = "12:30" }, { start = "16:00", end = "16:30" } ]\n\n[data]')
open(f"{dst}/setting.toml", "w").write(toml)
children = rows("children.csv")[:60]
k = 0
for c in children:
    if c["room"] == "preschool":
        if k % 2: c["room"] = "garden"
        k += 1
kept = {c["id"] for c in children}
write("children.csv", list(children[0].keys()), children)
write("attendance.csv", ["child", "date", "start", "end", "room"],
      [a for a in rows("attendance.csv") if a["child"] in kept])
staff = [s for s in rows("staff.csv") if s["role"] != "cook"]
def minutes(t): h, m = t.split(":"); return int(h) * 60 + int(m)
paid = {}
days = set()
for sh in rows("shifts.csv"):
    n = minutes(sh["end"]) - minutes(sh["start"])
    paid[sh["staff"]] = paid.get(sh["staff"], 0) + (-n if sh["kind"] == "break" else n)
    days.add(sh["date"])
for s in staff:
    s["contracted_minutes_per_week"] = str(-(-paid.get(s["id"], 0) // 60) * 60)
write("staff.csv", list(staff[0].keys()), staff)
write("shifts.csv", ["staff", "date", "start", "end", "room", "kind"], [])
write("availability.csv", ["staff", "date", "start", "end"],
      [{"staff": s["id"], "date": d, "start": "07:30", "end": "18:30"} for s in staff for d in sorted(days)])
PY
echo "setting: $(($(wc -l < "$dst/children.csv") - 1)) children, $(($(wc -l < "$dst/staff.csv") - 1)) staff," \
     "$(grep -c '^\[\[rooms\]\]' "$dst/setting.toml") rooms, $(($(wc -l < "$dst/attendance.csv") - 1)) bookings"
start=$(date +%s.%N)
status=0
(cd "$dst" && /usr/bin/time -f "%e s wall, %U s user, %M KB" "$attune" plan . --week "$(sed -n 's/^from = //p' setting.toml)" \
   --format json --time-limit "$limit" -o planned.csv > plan.json 2> time.txt) || status=$?
echo "plan exit $status: $(tail -1 "$dst/time.txt")"
python3 - "$dst/plan.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
sv = p["solver"]
print(f"status {p['status']}, gap {p['gap']} (stage {p.get('gap_stage')}), no time: {p.get('unreached_stages')},"
      f" start {sv['start']}, {sv['solves']} solves, {sv['seconds']:.1f} s,"
      f" {sv.get('variables', '?')} variables, {sv.get('rows', '?')} rows")
for st in p["stages"]:
    gap = "-" if st["gap"] is None else f"{st['gap']:.4f}"
    print(f"  {st['name']:<22} {st['status']:<9} value {st['value']} bound {st['bound']} gap {gap} {st['seconds']:.1f} s")
o = p["objective"]
print("objective:", ", ".join(f"{k} {v}" for k, v in o.items()))
PY
if [ -s "$dst/planned.csv" ]; then
  cp "$dst/planned.csv" "$dst/shifts.csv"
  (cd "$dst" && "$attune" check . --only statutory > check.txt) && echo "check: no statutory breach" ||
    { echo "check found statutory breaches:"; head -20 "$dst/check.txt"; }
fi
