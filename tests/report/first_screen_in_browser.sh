#!/usr/bin/env bash
# What a manager sees first, in headless Chromium: the problems to fix, in time order,
# with what the rota offers, before any chart; the continuity table of a week fits a
# 1280 px screen and the A4 printable width; a year gets monthly columns, not hundreds of
# day columns. Screenshots are left in WORKDIR (first-screen.png, continuity-1280.png,
# continuity-a4.png, year-continuity.png) for a person to look at.
#   first_screen_in_browser.sh ATTUNE EXAMPLES WORKDIR
set -euo pipefail
attune=$1 examples=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v chromium >/dev/null || fail "chromium is not installed (./dev deps installs it)"
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$work/profile")

"$attune" report "$examples/sunflower" -o "$work/week.html" 2> /dev/null || true
[ -s "$work/week.html" ] || fail "no report"
html="$work/week.html"

# 1. The first section is "What to fix", before any chart, in time order, with options.
first_h2=$(grep -m1 -o '<h2>[^<]*</h2>' "$html")
[ "$first_h2" = "<h2>What to fix, in time order</h2>" ] || fail "the first section is $first_h2"
fix_at=$(grep -n 'id="to-fix"' "$html" | cut -d: -f1)
chart_at=$(grep -m1 -n '<svg class="chart' "$html" | cut -d: -f1)
[ "$fix_at" -lt "$chart_at" ] || fail "a chart comes before the problems"
section=$(sed -n '/id="to-fix"/,/<\/section>/p' "$html")
days=$(grep -o '<td class="when"><strong>[^<]*' <<< "$section" | sed 's/.*<strong>//')
[ "$(head -1 <<< "$days")" = "every Mon, Tue and Thu" ] || fail "first problem: $(head -1 <<< "$days")"
grep -q 'Tue 3 Nov' <<< "$days" && grep -q 'Fri 6 Nov' <<< "$days" || fail "problems: $days"
grep -q 'Megan Lloyd (s04), level 2: on a break 12:45–13:15 that could move' <<< "$section" ||
  fail "the ratio problem does not offer Megan's break"

# 2. Layout, measured in the browser: a copy of the report with a script that writes
# the table's width and its box's into the page title (the report itself has no script).
measure() {  # measure WIDTH PRINT? FILE OUT
  local width=$1 print=$2 in=$3 out=$4 style=""
  if [ "$print" = print ]; then
    # The print CSS, applied on screen at the A4 printable width (210 mm - 2 x 12 mm = 703 px).
    style='<style>@media all { body { max-width: none; padding: 0; font-size: 10.5pt; } table { font-size: 8pt; } table.heat { font-size: 7.5pt; } .scroll { overflow: visible; } }</style>'
  fi
  local script='<script>window.onload=function(){var t=document.querySelector("table.heat");document.title="W "+t.offsetWidth+" "+t.parentElement.clientWidth+" "+t.rows[0].cells.length;};</script>'
  sed "s|</head>|$style$script</head>|" "$in" > "$out.html"
  timeout 120 chromium "${flags[@]}" --window-size="$width,900" --dump-dom "file://$out.html" 2>> "$work/chromium.log" |
    grep -o '<title>W [^<]*' | sed 's/<title>W //'
}
read -r table box columns <<< "$(measure 1280 screen "$html" "$work/m1280")"
awk -v t="$table" -v b="$box" 'BEGIN { exit !(t <= b) }' || fail "at 1280 px the continuity table is $table px wide, its box $box: it scrolls"
read -r table box columns <<< "$(measure 703 print "$html" "$work/ma4")"
awk -v t="$table" -v b="$box" 'BEGIN { exit !(t <= b) }' || fail "on A4 the continuity table is $table px wide, the page $box: columns are lost"
[ "$columns" = 12 ] || fail "a week's table has $columns columns, not 3 + 5 days + 4"

# 3. A year: monthly columns.
"$attune" generate "$work/year" --settings 1 --weeks 52 --seed 42 > /dev/null
"$attune" report "$work/year/setting-001" -o "$work/year.html" 2> /dev/null || true
read -r table box columns <<< "$(measure 1280 screen "$work/year.html" "$work/myear")"
[ "$columns" = 19 ] || fail "a year's table has $columns columns, not 3 + 12 months + 4"
grep -q 'each column is a month' "$work/year.html" || fail "the year's table does not say its columns are months"
awk -v t="$table" -v b="$box" 'BEGIN { exit !(t <= b) }' || fail "a year's table is $table px wide, its box $box"

# 4. Screenshots to look at (blank pages are a few kilobytes).
shot() {  # shot FILE.html OUT.png WIDTH HEIGHT
  timeout 120 chromium "${flags[@]}" --window-size="$3,$4" --screenshot="$2" "file://$1" 2>> "$work/chromium.log" >/dev/null
  [ "$(stat -c %s "$2")" -gt 30000 ] || fail "$2 looks blank"
}
only_continuity='<style>header, section:not(#continuity), footer { display: none }</style>'
shot "$html" "$work/first-screen.png" 1280 1000
sed "s|</head>|$only_continuity</head>|" "$html" > "$work/continuity.html"
shot "$work/continuity.html" "$work/continuity-1280.png" 1280 900
sed "s|</head>|$only_continuity</head>|" "$work/ma4.html" > "$work/continuity-a4.html"
shot "$work/continuity-a4.html" "$work/continuity-a4.png" 703 1000
sed "s|</head>|$only_continuity</head>|" "$work/year.html" > "$work/year-continuity.html"
shot "$work/year-continuity.html" "$work/year-continuity.png" 1280 700
echo "ok: screenshots in $work"
