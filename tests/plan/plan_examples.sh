#!/usr/bin/env bash
# `attune plan` on a bundled example, then `attune check` on the rota it writes: the
# rota must keep every statutory rule, and the status must say what the solver proved.
#   plan_examples.sh ATTUNE EXAMPLE_DIR WEEK TIME_LIMIT WORKDIR
# A short time limit keeps the test quick: when it stops a stage before a proof the
# status must be `feasible` with that stage's gap, never `optimal`.
set -euo pipefail
attune=$(realpath "$1") example=$2 week=$3 limit=$4 work=$5
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
copy="$work/$(basename "$example")"
cp -r "$example" "$copy"
[ -s "$copy/availability.csv" ] || fail "$example has no availability.csv"
status=0
(cd "$copy" && "$attune" plan . --week "$week" --time-limit "$limit" --format json -o planned.csv > plan.json 2> plan.err) ||
  status=$?
[ "$status" = 0 ] || fail "plan exit $status: $(cat "$copy/plan.err") $(head -c 2000 "$copy/plan.json")"
[ -s "$copy/planned.csv" ] || fail "no rota written"
python3 - "$copy/plan.json" <<'PY' || fail "the status does not say what was proved"
import json, sys
p = json.load(open(sys.argv[1]))
stages = p["stages"]
proved = all(s["status"] in ("optimal", "skipped") for s in stages)
if p["status"] == "optimal" and not proved:
    sys.exit(f"optimal claimed with stages {[(s['name'], s['status']) for s in stages]}")
if p["status"] == "feasible" and proved:
    sys.exit("every stage proved, but the status is feasible")
if p["status"] not in ("optimal", "feasible"):
    sys.exit(f"status {p['status']} with a rota written")
print(f"plan: {p['status']}, gap {p['gap']}, start {p['solver']['start']}")
PY
mv "$copy/planned.csv" "$copy/shifts.csv"
(cd "$copy" && "$attune" check . --only statutory --format json > check.json) ||
  fail "attune check finds a statutory breach in the planned rota: $(head -c 2000 "$copy/check.json")"
echo "ok: $(basename "$example") planned and re-checked"
