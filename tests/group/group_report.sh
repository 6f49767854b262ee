#!/usr/bin/env bash
# The group overview (`attune report GROUP/`): one self-contained HTML file that a real
# browser renders with both rankings and the chart, setting names shown as text, no child
# or staff name anywhere; a broken setting named as not checked (exit 1; 2 with
# --strict-inputs).
#   group_report.sh ATTUNE HOSTILE_FIXTURE WORKDIR
set -euo pipefail
attune=$1 hostile=$2 work=$3
rm -rf "$work" && mkdir -p "$work/group"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$attune" generate "$work/group" --settings 3 --weeks 2 --seed 21 > /dev/null
cp -r "$hostile" "$work/group/hostile"
html="$work/group.html"
"$attune" report "$work/group" -o "$html" --quiet || fail "attune report GROUP exited $?"

grep -qi '<script' "$html" && fail "a <script> element in the overview"
grep -Eqi '(src|href)="(https?:|//)|@import|url\(' "$html" && fail "something fetched from elsewhere"
grep -q 'Little &lt;Acorns&gt; &amp; &quot;Oaks&quot; Nursery' "$html" || fail "the setting name is not escaped"
# No child's or staff member's name: take every name from the CSV files and look for it.
python3 - "$work/group" "$html" <<'PY' || fail "a person's name is in the overview"
import csv, pathlib, sys
root, html = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]).read_text()
import html as h
for f in list(root.glob("*/children.csv")) + list(root.glob("*/staff.csv")):
    for row in csv.DictReader(f.open(encoding="utf-8-sig")):
        for form in {row["name"], h.escape(row["name"]), h.escape(row["name"], quote=False)}:
            if len(form) > 3 and form in html:
                sys.exit(f"{row['name']!r} from {f} is in the overview")
PY

command -v chromium >/dev/null || fail "chromium is not installed (./dev deps installs it)"
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$work/profile")
timeout 120 chromium "${flags[@]}" --dump-dom "file://$html" > "$work/dom.html" 2> "$work/chromium.log" \
  || fail "chromium --dump-dom failed: $(tail -3 "$work/chromium.log")"
python3 - "$work/dom.html" <<'PY' || fail "the rendered overview is not as expected"
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
assert "Ranked by statutory breaches" in dom and "Ranked by babies" in dom, "a ranking is missing"
tables = re.findall(r"<tbody>(.*?)</tbody>", dom, re.S)
assert len(tables) == 2, f"{len(tables)} tables"
for t in tables:
    rows = re.findall(r"<tr>", t)
    assert len(rows) == 4, f"{len(rows)} rows, expected the 4 settings"
assert dom.count('<rect class="bar') >= 3, "the coverage chart has no bars"
assert 'Little &lt;Acorns&gt; &amp; "Oaks" Nursery' in dom, "the hostile name did not render as text"
PY
timeout 120 chromium "${flags[@]}" --screenshot="$work/group.png" --window-size=1000,1400 "file://$html" \
  > /dev/null 2>&1 || fail "no screenshot"
[ "$(stat -c %s "$work/group.png")" -gt 20000 ] || fail "the screenshot is nearly empty: a blank page?"

# --each: the overview in DIR/index.html and each setting's own report beside it, every
# name in the overview linked to its report (relative links: the folder can be moved).
"$attune" report "$work/group" --each "$work/each" --quiet || fail "report --each exited $?"
python3 - "$work/each" <<'PY' || fail "--each did not write the linked reports"
import pathlib, re, sys
d = pathlib.Path(sys.argv[1])
index = (d / "index.html").read_text()
names = sorted(p.name for p in d.glob("*.html") if p.name != "index.html")
assert names == ["hostile.html", "setting-001.html", "setting-002.html", "setting-003.html"], names
links = re.findall(r'<a href="([^"]+)">', index)
assert sorted(links) == sorted(names * 2), links  # each setting in both rankings
for n in names:
    page = (d / n).read_text()
    assert page.lstrip().lower().startswith("<!doctype html"), n
assert "Little &lt;Acorns&gt;" in (d / "hostile.html").read_text()
PY
[ "$(stat -c %a "$work/each/setting-001.html")" = 600 ] || fail "a setting's report (names) is not 0600"
"$attune" report "$work/group" --each "$work/each-md" --format markdown -o "$work/overview.md" --quiet \
  || fail "report --each --format markdown exited $?"
grep -q '](each-md/setting-001.md)' "$work/overview.md" || fail "the Markdown overview does not link its reports"
[ -s "$work/each-md/setting-002.md" ] || fail "no Markdown report for setting-002"
rc=0; "$attune" report "$work/group/setting-001" --each "$work/each-one" 2> "$work/each-one.err" || rc=$?
[ "$rc" = 2 ] && grep -q "needs\|name a folder of settings" "$work/each-one.err" || fail "--each on one setting: exit $rc"

# A broken setting: named as not checked, the others still ranked, exit 1 (2 with
# --strict-inputs, the overview written all the same).
sed -i '2s/,babies,/,nowhere,/' "$work/group/hostile/children.csv"
rc=0
"$attune" report "$work/group" --format markdown -o "$work/group.md" --quiet 2> "$work/broken.err" || rc=$?
[ "$rc" = 1 ] || fail "a group with a broken setting should exit 1, got $rc"
rc=0
"$attune" report "$work/group" --format markdown -o "$work/group-strict.md" --quiet --strict-inputs 2> /dev/null || rc=$?
[ "$rc" = 2 ] || fail "--strict-inputs: a group with a broken setting should exit 2, got $rc"
cmp -s "$work/group.md" "$work/group-strict.md" || fail "--strict-inputs changed the overview"
grep -q "hostile: 1 input error" "$work/group.md" || fail "the broken setting is not named: $(cat "$work/group.md")"
[ "$(grep -c '^| [0-9]' "$work/group.md")" = 6 ] || fail "expected 3 ranked settings in each table"
echo ok
