#!/usr/bin/env bash
# `attune check` on cover's -o: the amended shifts.csv, put in place of the setting's,
# shows no statutory breach where cover said "covered" (exit 0) but those cover lists as
# already there (the key-person rules), and exactly the breaches cover says are left
# otherwise (the same rules, times and rooms), for every cover case in tests/cli and for
# the example nursery.
#   cover_then_check.sh ATTUNE CLI_CASES EXAMPLES WORKDIR
set -euo pipefail
attune=$1 cases=$2 examples=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

# one NAME SETTING_DIR ARGS...: cover with -o, then check the amended copy.
one() {
  local name=$1 dir=$2; shift 2
  local copy=$work/$name
  cp -r "$dir" "$copy"
  local rc=0
  (cd "$copy" && "$attune" cover . "$@" --format json -o "$work/$name.shifts.csv" > "$work/$name.cover.json") || rc=$?
  [[ $rc == 0 || $rc == 1 ]] || fail "$name: cover exit $rc"
  [[ -s $work/$name.shifts.csv ]] || fail "$name: -o wrote nothing"
  # The shifts file the setting names (shifts.csv unless [data] says otherwise).
  local shifts
  shifts=$(sed -n 's/^shifts *= *"\(.*\)"/\1/p' "$copy/setting.toml")
  cp "$work/$name.shifts.csv" "$copy/${shifts:-shifts.csv}"
  local from to
  read -r from to < <(python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))["period"]; print(p["from"], p["to"])' "$work/$name.cover.json")
  local crc=0
  "$attune" check "$copy" --from "$from" --to "$to" --only statutory --format json > "$work/$name.check.json" || crc=$?
  [[ $crc == 0 || $crc == 1 ]] || fail "$name: check of the amended rota exit $crc"
  python3 - "$work/$name.cover.json" "$work/$name.check.json" "$name" "$rc" "$crc" <<'PY' || fail "$name: check disagrees with cover (see above)"
import json, sys
cover = json.load(open(sys.argv[1])); check = json.load(open(sys.argv[2]))
name, rc, crc = sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
def findings(doc):
    for s in doc.get("settings", [doc]):
        for f in s["findings"]:
            yield f
errors = sorted((f["rule"], f.get("date"), f.get("start"), f.get("end"), f.get("room"))
                for f in findings(check) if f["severity"] == "error" and not f.get("accepted"))
def listed(key):
    return [(u["rule"], u["date"], u["start"], u["end"], u["room"]) for u in cover[key]]
there = sorted(listed("already_there"))
left = sorted(listed("uncovered") + listed("already_there"))
ok = True
if cover["status"] == "covered":
    # only the breaches already there without the absence, which no rota change touches
    if rc != 0 or errors != there or (crc != 0) != bool(there):
        print(f"{name}: cover said covered (exit {rc}), already there {there}; check exit {crc}, breaches {errors}"); ok = False
else:
    if rc != 1:
        print(f"{name}: status {cover['status']} but exit {rc}"); ok = False
    if errors != left:
        print(f"{name}: cover leaves {left}\n  check finds {errors}"); ok = False
sys.exit(0 if ok else 1)
PY
  echo "ok $name: $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' "$work/$name.cover.json")"
}

n=0
for c in "$cases"/cover-*/; do
  c=${c%/}
  # the case's arguments after "cover ." without its --format
  read -r -a args < "$c/cmd"
  [[ ${args[0]} == cover && ${args[1]} == . ]] || continue
  rest=()
  for ((i = 2; i < ${#args[@]}; i++)); do
    if [[ ${args[$i]} == --format ]]; then ((i++)); continue; fi
    rest+=("${args[$i]}")
  done
  one "$(basename "$c")" "$c" "${rest[@]}"
  n=$((n + 1))
done
((n >= 6)) || fail "only $n cover cases found in $cases"
one sunflower-tue "$examples/sunflower" --absent s05 --date 2026-11-03
one sunflower-thu "$examples/sunflower" --absent s02 --date 2026-11-05
