#!/usr/bin/env bash
# The HTML report is one self-contained file that a real browser renders, with the charts
# there and every name shown as text.
#   report_in_browser.sh ATTUNE FIXTURE WORKDIR
set -euo pipefail
attune=$1 fixture=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$attune" report "$fixture" -o "$work/report.html" || fail "attune report exited $?"
html="$work/report.html"

# Self-contained: no script, nothing fetched from elsewhere.
grep -qi '<script' "$html" && fail "a <script> element in the report"
grep -Eqi '(src|href)="(https?:|//)' "$html" && fail "a link to another site"
grep -Eqi '@import|url\(' "$html" && fail "CSS that fetches something"
grep -Eqi '<[^>]+ src=' "$html" && fail "an element that loads something (src=)"
# Names escaped, not interpreted.
grep -q '&lt;script&gt;alert(&apos;Zephyrine&apos;)&lt;/script&gt;\|&lt;script&gt;alert(&#39;Zephyrine&#39;)&lt;/script&gt;' "$html" \
  || fail "the child named <script>... is not shown escaped"
grep -q '&lt;img src=x' "$html" || fail "the staff name with <img> is not escaped"
grep -q 'Little &lt;Acorns&gt; &amp; &quot;Oaks&quot; Nursery' "$html" || fail "the setting name is not escaped"
charts=$(grep -o '<svg class="chart' "$html" | wc -l)
[ "$charts" -ge 3 ] || fail "expected at least 3 charts (2 timelines and a caseload chart), found $charts"

command -v chromium >/dev/null || fail "chromium is not installed (./dev deps installs it)"
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$work/profile")
timeout 120 chromium "${flags[@]}" --dump-dom "file://$html" > "$work/dom.html" 2> "$work/chromium.log" \
  || fail "chromium --dump-dom failed: $(tail -3 "$work/chromium.log")"
dom_charts=$(grep -o '<svg class="chart' "$work/dom.html" | wc -l)
[ "$dom_charts" -eq "$charts" ] || fail "the browser's DOM has $dom_charts charts, the file $charts"
grep -qi '<script' "$work/dom.html" && fail "the browser's DOM has a <script> element"
grep -q '<img' "$work/dom.html" && fail "a name became an <img> element in the browser"
grep -q 'Zephyrine' "$work/dom.html" || fail "the child's name is not in the page text"
grep -q '<polyline class="staff"' "$work/dom.html" || fail "no staff line in the charts"
grep -q 'class="breach"' "$work/dom.html" || fail "the ratio breach is not shaded"

timeout 120 chromium "${flags[@]}" --window-size=1000,1400 --screenshot="$work/report.png" "file://$html" \
  2>> "$work/chromium.log" >/dev/null || fail "chromium --screenshot failed"
size=$(stat -c %s "$work/report.png")
# A blank 1000x1400 page compresses to a few kilobytes; this one has text and charts.
[ "$size" -gt 40000 ] || fail "the screenshot is $size bytes: the page looks blank"

timeout 120 chromium "${flags[@]}" --print-to-pdf="$work/report.pdf" --no-pdf-header-footer "file://$html" \
  2>> "$work/chromium.log" >/dev/null || fail "chromium --print-to-pdf failed"
head -c 4 "$work/report.pdf" | grep -q '%PDF' || fail "printing gave no PDF"
grep -aq 'MediaBox \[0 0 594.9' "$work/report.pdf" || fail "the printed pages are not A4"
echo "ok: $charts charts, screenshot $size bytes"
