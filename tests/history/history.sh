#!/usr/bin/env bash
# Run history across several nights of a generated group: `check --history` stores each
# run without changing the check's output; `attune history` gives the same numbers as the
# nights' JSON reports (worked out here with python3) in text, JSON, CSV and HTML (opened
# in headless Chromium); and a run killed with SIGKILL in the middle of storing leaves
# the database exactly as it was.
#   history.sh ATTUNE WORKDIR
set -euo pipefail
attune=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
unset ATTUNE_HISTORY_PAUSE_AFTER_ROWS ATTUNE_NOW

"$attune" generate "$work/group" --settings 3 --weeks 4 --seed 1 > /dev/null
group=$work/group db=$work/history.db

# night N TIME [check options]: the check with and without --history, outputs compared.
night() {
  local n=$1 time=$2; shift 2
  local rc_plain=0 rc_history=0
  "$attune" check "$group" --format json -o "$work/plain$n.json" "$@" 2> /dev/null || rc_plain=$?
  ATTUNE_NOW=$time "$attune" check "$group" --format json -o "$work/night$n.json" --history "$db" "$@" \
    2> "$work/night$n.err" || rc_history=$?
  [ "$rc_plain" = "$rc_history" ] || fail "night $n: exit $rc_plain without --history, $rc_history with it"
  cmp -s "$work/plain$n.json" "$work/night$n.json" || fail "night $n: --history changed the report"
  echo "$rc_history"
}

# 1. Four nights: two weeks checked with --from/--to, the whole period, and a night when
#    setting-002's export is broken (exit 1; the others are still checked and stored).
[ "$(night 1 2026-11-20T02:30:00Z --from 2026-01-05 --to 2026-01-09)" -le 1 ] || fail "night 1 failed"
[ "$(night 2 2026-11-21T02:30:00Z --from 2026-01-12 --to 2026-01-16 --only statutory)" -le 1 ] || fail "night 2 failed"
[ "$(night 3 2026-11-22T02:30:00Z)" -le 1 ] || fail "night 3 failed"
cp "$group/setting-002/children.csv" "$work/children.csv.good"
echo "c999,Broken Row,2025-13-01,babies,,,," >> "$group/setting-002/children.csv"
[ "$(night 4 2026-11-23T02:30:00Z)" = 1 ] || fail "night 4 (one broken setting) did not exit 1"
cp "$work/children.csv.good" "$group/setting-002/children.csv"

# 2. The trends, as JSON, against the nights' own reports.
"$attune" history "$db" --format json > "$work/history.json" || fail "attune history --format json exited $?"
python3 - "$work" <<'PY' || fail "the history's trends differ from the nights' reports"
import json, sys
work = sys.argv[1]
h = json.load(open(f"{work}/history.json"))
assert h["schema"] == "attune.history/1", h["schema"]
times = ["2026-11-20T02:30:00Z", "2026-11-21T02:30:00Z", "2026-11-22T02:30:00Z", "2026-11-23T02:30:00Z"]
assert [r["time"] for r in h["runs"]] == times, h["runs"]
assert [r["settings"] for r in h["runs"]] == [3, 3, 3, 3]
assert [r["settings_with_input_errors"] for r in h["runs"]] == [0, 0, 0, 1]
assert h["runs"][0]["period"] == {"from": "2026-01-05", "to": "2026-01-09"}
assert h["runs"][2]["period"] == {"from": None, "to": None}
assert [r["only"] for r in h["runs"]] == [None, "statutory", None, None]
nights = [json.load(open(f"{work}/night{n}.json")) for n in (1, 2, 3, 4)]
for run, night in zip(h["runs"], nights):
    for key in ("errors", "warnings", "infos", "accepted"):
        assert run["summary"][key] == night["summary"][key], (run, key)

def folder(path):  # ".../setting-002/setting.toml" or ".../setting-002" -> "setting-002"
    parts = path.rstrip("/").split("/")
    return parts[-2] if parts[-1].startswith("setting.") else parts[-1]

assert [folder(s["path"]) for s in h["settings"]] == ["setting-001", "setting-002", "setting-003"]
for s in h["settings"]:
    assert s["path"].startswith("/"), s["path"]
    assert len(s["runs"]) == 4
    series_rules = None
    for point, night in zip(s["runs"], nights):
        [expected] = [x for x in night["settings"] if folder(x["setting"]["path"]) == folder(s["path"])]
        if expected["status"] == "input_error":
            assert point["status"] == "input_error" and point["input_errors"] == len(expected["errors"]), point
            continue
        assert point["status"] == "checked"
        assert point["period"] == expected["period"]
        assert point["summary"] == expected["summary"], (point["summary"], expected["summary"])
        rules = {}
        for f in expected["findings"]:
            r = rules.setdefault(f["rule"], {"findings": 0, "accepted": 0})
            r["accepted" if f["accepted"] else "findings"] += 1
        got = {r["rule"]: {"findings": r["findings"], "accepted": r["accepted"]} for r in point["rules"]}
        # Every point lists the rules of the whole series, with zeros where a night had none.
        assert {k: v for k, v in got.items() if v != {"findings": 0, "accepted": 0}} == rules, (got, rules)
        assert series_rules in (None, list(got)), "the rules differ between a setting's points"
        series_rules = list(got)
        assert point["breach_minutes"] == sum(r["breach_minutes"] for r in expected["metrics"]["rooms"])
        babies = [c["key_person_coverage"] for c in expected["metrics"]["children"]
                  if c["band"] == "under_2" and c["key_person_coverage"] is not None]
        u2 = point["under_2"]
        assert u2["children"] == len(babies), (u2, len(babies))
        assert abs(u2["key_person_coverage_average"] - sum(babies) / len(babies)) < 1e-9
        assert abs(u2["key_person_coverage_worst"] - min(babies)) < 1e-9

# The group per run: totals over the settings checked that night, from the nights' reports.
assert [g["run"] for g in h["group"]] == [r["id"] for r in h["runs"]]
for g, night in zip(h["group"], nights):
    checked = [x for x in night["settings"] if x["status"] == "checked"]
    assert g["settings"] == 3 and g["settings_with_input_errors"] == 3 - len(checked)
    assert g["summary"] == {k: sum(x["summary"][k] for x in checked) for k in ("errors", "warnings", "infos", "accepted")}
    assert g["breach_minutes"] == sum(r["breach_minutes"] for x in checked for r in x["metrics"]["rooms"])
    babies = [c["key_person_coverage"] for x in checked for c in x["metrics"]["children"]
              if c["band"] == "under_2" and c["key_person_coverage"] is not None]
    assert g["under_2"]["children"] == len(babies)
    assert abs(g["under_2"]["key_person_coverage_average"] - sum(babies) / len(babies)) < 1e-9

# What changed from night 3 to night 4: setting-002 could not be checked; for the others,
# each rule whose count of findings (not accepted) moved, worked out from the two reports.
c = h["changes"]
assert (c["previous_run"], c["latest_run"]) == (h["runs"][2]["id"], h["runs"][3]["id"])
def counts(setting):
    out = {}
    for f in setting["findings"]:
        if not f["accepted"]:
            out[f["rule"]] = out.get(f["rule"], 0) + 1
    return out
listed = {folder(s["path"]): s for s in c["settings"]}
unchanged = 0
for before, after in zip(nights[2]["settings"], nights[3]["settings"]):
    name = folder(after["setting"]["path"])
    if after["status"] == "input_error":
        s = listed[name]
        assert (s["before"], s["now"], s["rules"]) == ("checked", "input_error", []), s
        assert s["summary_before"] == before["summary"] and s["summary_now"] is None
        continue
    a, b = counts(before), counts(after)
    moved = [r for r in dict.fromkeys(list(a) + list(b)) if a.get(r, 0) != b.get(r, 0)]
    if not moved:
        assert name not in listed
        unchanged += 1
        continue
    got = {r["rule"]: (r["change"], r["before"], r["after"]) for r in listed[name]["rules"]}
    for r in moved:
        was, now = a.get(r, 0), b.get(r, 0)
        kind = "new" if was == 0 else "resolved" if now == 0 else "worse" if now > was else "better"
        assert got[r] == (kind, was, now), (name, r, got.get(r))
    assert len(got) == len(moved), (got, moved)
assert c["unchanged"] == unchanged
print("json ok")
PY

# 3. Filters: --since, --setting (URN or folder), --rule.
"$attune" history "$db" --format json --since 2026-11-22 > "$work/since.json"
urn=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['settings'][0]['setting']['urn'])" "$work/night1.json")
"$attune" history "$db" --format json --setting "$urn" --rule ratio-room > "$work/one.json"
"$attune" history "$db" --format json --setting "$group/setting-002/" > "$work/two.json"
python3 - "$work" "$urn" <<'PY' || fail "--since, --setting or --rule did not filter"
import json, sys
work, urn = sys.argv[1], sys.argv[2]
since = json.load(open(f"{work}/since.json"))
assert [r["time"] for r in since["runs"]] == ["2026-11-22T02:30:00Z", "2026-11-23T02:30:00Z"]
assert all(len(s["runs"]) == 2 for s in since["settings"])
one = json.load(open(f"{work}/one.json"))
assert [s["urn"] for s in one["settings"]] == [urn]
assert all([r["rule"] for r in p["rules"]] == ["RATIO-ROOM"] for p in one["settings"][0]["runs"])
assert one["filter"]["rule"] == "RATIO-ROOM"
two = json.load(open(f"{work}/two.json"))
assert [s["path"].split("/")[-1] for s in two["settings"]] == ["setting-002"]
assert [p["status"] for p in two["settings"][0]["runs"]] == ["checked"] * 3 + ["input_error"]
# Shown alone, setting-002's broken night has no counts (null), never zero errors.
assert [r["summary"] is None for r in two["runs"]] == [False, False, False, True], two["runs"]
assert two["group"][3]["summary"] is None and two["group"][3]["breach_minutes"] is None
PY
"$attune" history "$db" --setting "$group/setting-002/" > "$work/two.txt"
python3 - "$work/two.txt" <<'PY' || fail "the text runs table shows counts for a night with nothing checked"
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.startswith("     4  ")]
assert len(rows) == 1 and rows[0][-5:] == ["1", "·", "·", "·", "1"], rows
PY

# 4. Text: the runs and a sparkline per series.
"$attune" history "$db" > "$work/history.txt" || fail "attune history (text) exited $?"
grep -q "^History in .*: 4 runs, 2026-11-20 02:30 to 2026-11-23 02:30" "$work/history.txt" \
  || fail "no header line: $(head -2 "$work/history.txt")"
grep -Eq "^  errors +[▁▂▃▄▅▆▇█]{3}· " "$work/history.txt" || fail "no errors sparkline with a gap for the broken night"
grep -Eq "^  under-2 key person, average +[▁▂▃▄▅▆▇█·]{4} " "$work/history.txt" || fail "no coverage sparkline"
[ "$(grep -c 'input errors: ·' "$work/history.txt")" = 1 ] || fail "the broken night is not marked"
grep -q "^Since the previous run (run 3 to run 4)" "$work/history.txt" || fail "no changes since the previous run"
grep -Eq "^  .*: not checked \(input errors\); the previous run found [0-9]+ errors?, " "$work/history.txt" \
  || fail "the broken setting's change is not said"
grep -q "^The group: 3 settings over 4 runs" "$work/history.txt" || fail "no group trend"
grep -Eq "^  settings not checked +▁▁▁█ " "$work/history.txt" || fail "no sparkline of settings not checked"

# 5. CSV: one row per run x setting x rule, the same counts as the JSON.
"$attune" history "$db" --format csv -o "$work/history.csv" || fail "attune history --format csv exited $?"
python3 - "$work" <<'PY' || fail "the CSV does not match the JSON"
import csv, json, sys
work = sys.argv[1]
h = json.load(open(f"{work}/history.json"))
rows = list(csv.DictReader(open(f"{work}/history.csv", newline="")))
expected = []
for run in h["runs"]:
    for s in h["settings"]:
        for p in s["runs"]:
            if p["run"] != run["id"]:
                continue
            if p["status"] == "input_error" or not p["rules"]:
                expected.append((str(run["id"]), s["path"], p["status"], "", "0" if p["status"] == "checked" else "", ""))
            for r in p.get("rules", []):
                expected.append((str(run["id"]), s["path"], "checked", r["rule"], str(r["findings"]), str(r["accepted"])))
got = [(r["run"], r["path"], r["status"], r["rule"], r["findings"], r["accepted"]) for r in rows]
assert got == expected, (got[:5], expected[:5])
print("csv ok")
PY

# 6. HTML: self-contained, three charts for the group and three per setting, what changed
#    since the previous run, and a real browser draws them.
"$attune" history "$db" -o "$work/history.html" || fail "attune history -o history.html exited $?"
html=$work/history.html
grep -qi '<script' "$html" && fail "a <script> element in the page"
grep -Eqi '(src|href)="(https?:|//)' "$html" && fail "a link to another site"
grep -Eqi '@import|url\(' "$html" && fail "CSS that fetches something"
charts=$(grep -o '<svg class="chart history' "$html" | wc -l)
[ "$charts" = 12 ] || fail "expected 12 charts ((the group + 3 settings) x findings, breach minutes, coverage), found $charts"
command -v chromium > /dev/null || fail "chromium is not installed (./dev deps installs it)"
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$work/profile")
timeout 120 chromium "${flags[@]}" --dump-dom "file://$html" > "$work/dom.html" 2> "$work/chromium.log" \
  || fail "chromium --dump-dom failed: $(tail -3 "$work/chromium.log")"
[ "$(grep -o '<svg class="chart history' "$work/dom.html" | wc -l)" = 12 ] || fail "the browser's DOM lost charts"
grep -q '<h2>Since the previous run (run 3 to run 4)</h2>' "$work/dom.html" || fail "no changes section in the page"
grep -q 'not checked (input errors); the previous run found' "$work/dom.html" || fail "the broken setting's change is not in the page"
grep -q '<h2>The group</h2>' "$work/dom.html" || fail "no group section in the page"
grep -q '<polyline class="line errors"' "$work/dom.html" || fail "no line drawn for errors"
grep -q '<polyline class="line average"' "$work/dom.html" || fail "no line drawn for the coverage"
grep -q 'not checked: 1 input errors' "$work/dom.html" || fail "the broken night is not in the page"

# 7. No history, no file: `history` never creates one.
rc=0; "$attune" history "$work/none.db" 2> "$work/none.err" || rc=$?
[ "$rc" = 2 ] || fail "history of a missing file exited $rc"
grep -q "no history yet at $work/none.db" "$work/none.err" || fail "no message: $(cat "$work/none.err")"
[ ! -e "$work/none.db" ] || fail "history created the file"

# 8. Kill-safety: SIGKILL in the middle of storing a run, at its first rows, half-way,
#    and at its last row. The history must be exactly as before, and intact.
"$attune" history "$db" --format json > "$work/before.json"
rows=$(python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(1 + sum(c.execute(f'SELECT count(*) FROM {t} WHERE run = (SELECT max(id) FROM runs)').fetchone()[0]
              for t in ('settings', 'findings', 'child_metrics', 'room_metrics')))" "$db")
[ "$rows" -gt 100 ] || fail "a run stores only $rows rows"
for pause in 2 $((rows / 2)) $((rows - 1)); do
  ATTUNE_HISTORY_PAUSE_AFTER_ROWS=$pause ATTUNE_NOW=2026-11-24T02:30:00Z \
    "$attune" check "$group" --format json -o "$work/killed.json" --history "$db" 2> "$work/killed.err" &
  pid=$!
  for _ in $(seq 1 600); do grep -q "paused after $pause rows" "$work/killed.err" && break; sleep 0.05; done
  grep -q "paused after $pause rows" "$work/killed.err" || { kill -9 $pid; fail "the run never paused: $(cat "$work/killed.err")"; }
  # While it holds the transaction, a reader still sees the four stored runs only.
  python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute('SELECT count(*) FROM runs').fetchone()[0] == 4
" "$db" || fail "a reader saw the unfinished run (pause $pause)"
  kill -9 $pid
  wait $pid 2> /dev/null || true
  [ ! -e "$work/killed.json" ] || fail "the killed run wrote its report"
  python3 - "$db" <<'PY' || fail "the history is damaged after a kill at row $pause"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
assert c.execute("PRAGMA foreign_key_check").fetchall() == []
assert c.execute("SELECT count(*) FROM runs").fetchone()[0] == 4
assert c.execute("SELECT count(*) FROM settings").fetchone()[0] == 12
PY
  "$attune" history "$db" --format json > "$work/after.json"
  cmp -s "$work/before.json" "$work/after.json" || fail "the history changed after a kill at row $pause"
done
# And the next night stores normally.
[ "$(night 5 2026-11-24T02:30:00Z)" -le 1 ] || fail "night 5 failed"
"$attune" history "$db" --format json | python3 -c "
import json, sys
assert len(json.load(sys.stdin)['runs']) == 5" || fail "the night after the kills was not stored"
echo "ok: 5 nights, killed 3 times mid-write ($rows rows a run)"
