#!/usr/bin/env bash
# Every rota `attune plan` writes is read back by `attune check`: for each plan case in
# tests/cli (plan-*, exit 0) the rota is written with -o, put in as the setting's
# shifts.csv, and `check --only
# statutory` on the setting with that file must find no breach (exit 0), and the key
# persons' minutes check reports must be the ones plan predicted. An infeasible week
# (exit 1) must leave no file behind. Then the text and HTML views of one plan.
#   plan_recheck.sh ATTUNE CLI_CASES WORKDIR
set -euo pipefail
attune=$(realpath "$1") cases=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
n=0
for dir in "$cases"/plan-*; do
  name=$(basename "$dir")
  expected=$(cat "$dir/exit")
  copy="$work/$name"
  cp -r "$dir" "$copy"
  status=0
  (cd "$copy" && "$attune" plan . --week 2026-11-02 --format json -o planned.csv > plan.json 2> plan.err) || status=$?
  [ "$status" = "$expected" ] || fail "$name: plan exit $status, expected $expected: $(cat "$copy/plan.err")"
  if [ "$expected" != 0 ]; then
    [ ! -e "$copy/planned.csv" ] || fail "$name: an infeasible week wrote a rota"
    continue
  fi
  [ -s "$copy/planned.csv" ] || fail "$name: no rota written"
  mv "$copy/planned.csv" "$copy/shifts.csv"
  head -1 "$copy/shifts.csv" | grep -qx 'staff,date,start,end,room,kind' || fail "$name: shifts.csv header"
  (cd "$copy" && "$attune" check . --only statutory --format json > check.json) ||
    fail "$name: attune check finds a statutory breach in the planned rota: $(cat "$copy/check.json")"
  # The key-person minutes check measures are the ones plan predicted, child by child.
  python3 - "$copy/plan.json" "$copy/check.json" <<'PY' || fail "$name: check's minutes differ from plan's"
import json, sys
plan = json.load(open(sys.argv[1]))
check = json.load(open(sys.argv[2]))
predicted = {c["id"]: c["key_person_minutes"] for c in plan["children"]}
measured = {c["id"]: round(c["key_person_coverage"] * c["attended_minutes"]) for c in check["metrics"]["children"]}
for child, minutes in predicted.items():
    if measured.get(child) != minutes:
        sys.exit(f"{child}: plan {minutes}, check {measured.get(child)}")
PY
  n=$((n + 1))
done
[ "$n" -ge 3 ] || fail "only $n feasible plan cases re-checked"

# The views: text names the status and each room; HTML is one page with no scripts.
one="$work/plan-one-room-two-staff"
(cd "$one" && "$attune" plan . --week 2026-11-02 > plan.txt && "$attune" plan . --week 2026-11-02 --format html > plan.html)
grep -q '^Status: optimal' "$one/plan.txt" || fail "text: no status line"
grep -q 'Baby Room' "$one/plan.txt" || fail "text: no room"
grep -q '<html' "$one/plan.html" || fail "html: not a page"
if grep -qi '<script' "$one/plan.html"; then fail "html: has a script"; fi
(cd "$one" && "$attune" plan . --week 2026-11-02 --redact > redacted.txt)
if grep -q 'Amy\|Sam One' "$one/redacted.txt"; then fail "--redact left a name"; fi
echo "ok: $n planned rotas re-checked"
