#!/usr/bin/env bash
# A generated group of settings: the generator is deterministic and its output passes
# `attune validate`; `attune check GROUP/` gives the same document whatever --jobs is;
# progress is drawn on a terminal only, and never with --quiet.
#   group_check.sh ATTUNE WORKDIR
set -euo pipefail
attune=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. The generator: the same seed gives the same bytes; another seed other bytes.
"$attune" generate "$work/group" --settings 6 --weeks 8 --seed 11 > "$work/generate.out"
grep -q '^wrote 6 settings' "$work/generate.out" || fail "generate did not say what it wrote: $(cat "$work/generate.out")"
"$attune" generate "$work/again" --settings 6 --weeks 8 --seed 11 > /dev/null
diff -r "$work/group" "$work/again" > /dev/null || fail "the same seed gave different files"
"$attune" generate "$work/other" --settings 1 --weeks 8 --seed 12 > /dev/null
if cmp -s "$work/group/setting-001/attendance.csv" "$work/other/setting-001/attendance.csv"; then
  fail "another seed gave the same attendance"
fi
# Refuses to overwrite without --force, and writes nothing then.
"$attune" generate "$work/group" --settings 6 --weeks 8 --seed 99 2> "$work/refused.err" && fail "overwrote without --force"
grep -q "already exists" "$work/refused.err" || fail "no reason given for refusing: $(cat "$work/refused.err")"
diff -r "$work/group" "$work/again" > /dev/null || fail "a refused generate changed files"

# 2. Every generated setting is valid input, with the rows it says.
for s in "$work"/group/setting-*; do
  "$attune" validate "$s" > "$work/validate.out" 2>&1 || fail "$s does not validate: $(cat "$work/validate.out")"
done
"$attune" validate "$work/group" > /dev/null 2>&1 || fail "the group does not validate"
# Weekday patterns are valid too.
"$attune" generate "$work/patterns" --settings 2 --weeks 4 --seed 5 --patterns > /dev/null
"$attune" validate "$work/patterns" > /dev/null 2>&1 || fail "the pattern group does not validate"
# --mismatch: the same seed gives the same bytes, the files validate, and only the rota
# and register differ from the tidy group's.
"$attune" generate "$work/mismatch" --settings 2 --weeks 4 --seed 11 --mismatch > /dev/null
"$attune" generate "$work/mismatch-again" --settings 2 --weeks 4 --seed 11 --mismatch > /dev/null
diff -r "$work/mismatch" "$work/mismatch-again" > /dev/null || fail "--mismatch with the same seed gave different files"
"$attune" validate "$work/mismatch" > "$work/mismatch.out" 2>&1 || fail "the --mismatch group does not validate: $(cat "$work/mismatch.out")"
"$attune" generate "$work/tidy4" --settings 2 --weeks 4 --seed 11 > /dev/null
cmp -s "$work/tidy4/setting-001/children.csv" "$work/mismatch/setting-001/children.csv" || fail "--mismatch changed children.csv"
cmp -s "$work/tidy4/setting-001/shifts.csv" "$work/mismatch/setting-001/shifts.csv" && fail "--mismatch left shifts.csv as it was"
rc=0; "$attune" generate "$work/mismatch-patterns" --settings 1 --weeks 4 --seed 1 --mismatch --patterns 2> "$work/mp.err" || rc=$?
[ "$rc" = 2 ] || fail "--mismatch --patterns exited $rc, not 2"
grep -q "it needs dated rows" "$work/mp.err" || fail "--mismatch --patterns gave no reason: $(cat "$work/mp.err")"

# 3. The same document whatever --jobs is, in every format.
for format in json text csv markdown; do
  rc1=0; rc2=0
  "$attune" check "$work/group" --format "$format" --jobs 1 > "$work/j1.$format" 2> /dev/null || rc1=$?
  "$attune" check "$work/group" --format "$format" --jobs 2 > "$work/j2.$format" 2> /dev/null || rc2=$?
  "$attune" check "$work/group" --format "$format" --jobs 5 > "$work/j5.$format" 2> /dev/null || true
  [ "$rc1" = "$rc2" ] || fail "--jobs 1 exited $rc1, --jobs 2 exited $rc2 ($format)"
  [ "$rc1" -le 1 ] || fail "check of a generated group exited $rc1 ($format)"
  cmp -s "$work/j1.$format" "$work/j2.$format" || fail "--jobs 1 and --jobs 2 differ ($format)"
  cmp -s "$work/j1.$format" "$work/j5.$format" || fail "--jobs 1 and --jobs 5 differ ($format)"
done
python3 - "$work/j1.json" <<'PY' || fail "the group JSON is not one document of 6 checked settings"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "attune.check/1", d["schema"]
assert d["summary"]["settings"] == 6
assert [s["status"] for s in d["settings"]] == ["checked"] * 6
assert [s["setting"]["path"].split("/")[-2] for s in d["settings"]] == [f"setting-00{i}" for i in range(1, 7)]
assert d["summary"]["errors"] == sum(s["summary"]["errors"] for s in d["settings"])
PY

# 3a. --summary: the same numbers as the full document of the same group, worked out
#     here from its findings and metrics.
"$attune" check "$work/group" --summary --jobs 2 > "$work/summary.json" 2> /dev/null || true
python3 - "$work/j1.json" "$work/summary.json" <<'PY' || fail "the summary disagrees with the full document"
import json, sys
full, summ = (json.load(open(p)) for p in sys.argv[1:3])
assert summ["schema"] == "attune.summary/1", summ["schema"]
assert summ["summary"] == full["summary"]
assert len(summ["settings"]) == len(full["settings"]) == 6
key = {"error": "errors", "warning": "warnings", "info": "infos"}
for f, s in zip(full["settings"], summ["settings"]):
    assert "findings" not in s and "metrics" not in s
    for field in ("setting", "status", "profile", "period", "summary"):
        assert s[field] == f[field], field
    rules = {}
    for x in f["findings"]:
        counts = rules.setdefault(x["rule"], {"errors": 0, "warnings": 0, "infos": 0, "accepted": 0})
        counts["accepted" if x["accepted"] else key[x["severity"]]] += 1
    assert s["rules"] == rules, (s["rules"], rules)
    assert list(s["rules"]) == list(rules)  # the findings' rule order: that of `attune rules`
    assert s["rooms"] == f["metrics"]["rooms"]
    assert s["breach_minutes"] == sum(r["breach_minutes"] for r in f["metrics"]["rooms"])
    kids = [c for c in f["metrics"]["children"] if c["key_person_coverage"] is not None]
    babies = [c for c in kids if c["band"] == "under_2"]
    c = s["continuity"]
    assert c["children"] == len(kids) and c["under_2_children"] == len(babies)
    for name, group, field in (("key_person_coverage", kids, "key_person_coverage"),
                               ("key_or_buddy_coverage", kids, "key_or_buddy_coverage"),
                               ("under_2_key_person_coverage", babies, "key_person_coverage")):
        shares = [k[field] for k in group]
        assert abs(c[name]["mean"] - sum(shares) / len(shares)) < 1e-9, name
        assert c[name]["lowest"] == min(shares), name
        assert c[name]["below_policy"] == sum(1 for v in shares if v < c[name]["policy"]), name
    assert c["handovers"] == sum(k["arrivals"] + k["departures"] for k in kids)
    assert c["handovers_with_key_or_buddy"] == sum(
        k["arrivals_with_key_or_buddy"] + k["departures_with_key_or_buddy"] for k in kids)
    assert c["max_distinct_carers_per_week"] == max(k["max_distinct_carers_per_week"] for k in f["metrics"]["children"])
PY
[ "$(wc -c < "$work/summary.json")" -lt "$(($(wc -c < "$work/j1.json") / 20))" ] || fail "the summary is not much smaller than the document"

# 3b. A group's JSON to -o FILE is written while the settings are checked: the same
#     bytes as on standard output, whatever --jobs; one broken setting is still named in
#     it; a run with nothing checked, or stopped half-way, leaves the old file as it was.
for jobs in 1 2 5; do
  "$attune" check "$work/group" --format json --jobs "$jobs" -o "$work/o$jobs.json" 2> /dev/null || true
  cmp -s "$work/j1.json" "$work/o$jobs.json" || fail "-o with --jobs $jobs differs from standard output"
done
cp -r "$work/group" "$work/broken"
printf 'id,name\nx,"unterminated\n' > "$work/broken/setting-003/children.csv"
rc=0
"$attune" check "$work/broken" --format json --jobs 2 -o "$work/broken.json" 2> "$work/broken.err" || rc=$?
[ "$rc" = 1 ] || fail "a group with a broken setting exited $rc, not 1"
rc=0
"$attune" check "$work/broken" --format json --jobs 2 -o "$work/broken-strict.json" --strict-inputs 2> /dev/null || rc=$?
[ "$rc" = 2 ] || fail "--strict-inputs: a group with a broken setting exited $rc, not 2"
cmp -s "$work/broken.json" "$work/broken-strict.json" || fail "--strict-inputs changed the report"
"$attune" check "$work/broken" --format json --jobs 1 > "$work/broken-stdout.json" 2> /dev/null || true
cmp -s "$work/broken.json" "$work/broken-stdout.json" || fail "-o and standard output differ with a broken setting"
python3 - "$work/broken.json" "$work/j1.json" <<'PY' || fail "the broken setting is not named in the streamed document"
import json, sys
d = json.load(open(sys.argv[1]))
assert [s["status"] for s in d["settings"]] == ["checked"] * 2 + ["input_error"] + ["checked"] * 3
assert d["summary"]["settings_with_input_errors"] == 1
s = d["settings"][2]
# One spelling of a setting, checked or not: its setting file; a broken one keeps its name.
assert s["setting"]["path"].endswith("setting-003/setting.toml"), s["setting"]
good = json.load(open(sys.argv[2]))["settings"][2]["setting"]
assert s["setting"]["name"] == good["name"] and s["setting"]["urn"] == good["urn"], (s["setting"], good)
assert s["error_count"] == len(s["errors"]) >= 1
# The quote left open at line 2, column 3 of the broken children.csv, as an object.
quote = [e for e in s["errors"] if e["line"] == 2]
assert len(quote) == 1, s["errors"]
e = quote[0]
assert e["file"] == s["setting"]["path"].rsplit("/", 1)[0] + "/children.csv", e
assert e["column"] == 3 and "never closed" in e["message"] and e["hint"], e
assert e["text"] == f'{e["file"]}:2:3: error: {e["message"]}; {e["hint"]}', e
PY
mkdir -p "$work/allbroken/a" "$work/allbroken/b"
for s in a b; do cp "$work/broken/setting-003/"* "$work/allbroken/$s/"; done
echo "old report" > "$work/kept.json"
rc=0
"$attune" check "$work/allbroken" --format json -o "$work/kept.json" 2> /dev/null || rc=$?
[ "$rc" = 2 ] || fail "a group with nothing checked exited $rc, not 2"
[ "$(cat "$work/kept.json")" = "old report" ] || fail "a group with nothing checked replaced the old file"
if ls -A "$work" | grep -q '^\.kept\.json\.'; then fail "a temporary file was left behind"; fi
# Every format but text is written as the settings are checked, to a file or to standard
# output: the same bytes either way, and nothing at all when nothing could be checked.
for format in csv markdown; do
  "$attune" check "$work/broken" --format "$format" --jobs 2 -o "$work/broken.$format" 2> /dev/null || true
  "$attune" check "$work/broken" --format "$format" --jobs 1 > "$work/broken-stdout.$format" 2> /dev/null || true
  cmp -s "$work/broken.$format" "$work/broken-stdout.$format" || fail "-o and standard output differ ($format)"
done
for format in json csv markdown text; do
  "$attune" check "$work/allbroken" --format "$format" > "$work/none.$format" 2> /dev/null || true
  [ ! -s "$work/none.$format" ] || fail "a group with nothing checked wrote to standard output ($format)"
done
"$attune" generate "$work/big" --settings 8 --weeks 52 --seed 3 > /dev/null
"$attune" check "$work/big" --format json --jobs 1 -o "$work/kept.json" 2> /dev/null &
pid=$!
for _ in $(seq 1 500); do ls -A "$work" | grep -q '^\.kept\.json\.' && break; sleep 0.01; done
kill -INT "$pid" 2> /dev/null || true
rc=0; wait "$pid" || rc=$?
if [ "$rc" = 130 ]; then
  [ "$(cat "$work/kept.json")" = "old report" ] || fail "an interrupted run replaced the old file"
  if ls -A "$work" | grep -q '^\.kept\.json\.'; then fail "an interrupted run left its temporary file"; fi
else
  echo "note: the run finished (exit $rc) before it could be interrupted" >&2
fi

# 4. Progress: on a terminal (script gives the program a pseudo-terminal), not on a
#    pipe, not with --quiet.
"$attune" check "$work/group" --jobs 2 > /dev/null 2> "$work/pipe.err" || true
[ ! -s "$work/pipe.err" ] || fail "progress written to a pipe: $(cat "$work/pipe.err")"
script -qec "'$attune' check '$work/group' --jobs 2 > /dev/null" /dev/null > "$work/tty.err" 2>&1 || true
grep -q "checked 6/6 settings" "$work/tty.err" || fail "no progress on a terminal: $(cat -v "$work/tty.err")"
script -qec "'$attune' check '$work/group' --jobs 2 --quiet > /dev/null" /dev/null > "$work/quiet.err" 2>&1 || true
if grep -q "settings" "$work/quiet.err"; then fail "progress shown with --quiet: $(cat -v "$work/quiet.err")"; fi
echo "ok"
