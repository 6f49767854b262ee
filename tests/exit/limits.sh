#!/usr/bin/env bash
# Input limits: the first 50 problems in file order then "... and N more"; a 10 MB field
# and files of 100,000 rows read in linear time (each run is timed and must finish well
# inside a bound that quadratic work would blow through).
#   limits.sh ATTUNE GOOD_SETTING WORKDIR [SECONDS_PER_RUN]
set -euo pipefail
attune=$1 good=$2 work=$3 bound=${4:-30}
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

# timed EXPECTED_CODE NAME COMMAND...: runs it, checks the exit code and the time.
timed() {
  local code=$1 name=$2
  shift 2
  local start rc=0
  start=$(date +%s%N)
  "$@" > "$work/$name.out" 2> "$work/$name.err" || rc=$?
  local ms=$((($(date +%s%N) - start) / 1000000))
  echo "$name: exit $rc in ${ms} ms"
  [ "$rc" -eq "$code" ] || fail "$name: exit $rc, not $code: $(head -c 2000 "$work/$name.err")"
  [ "$ms" -lt $((bound * 1000)) ] || fail "$name took ${ms} ms (bound ${bound} s)"
}

# 1. 120 bad rows: odd rows have a field too many (found while reading the file), even
#    rows an unknown room (found later, while decoding): the 50 shown are lines 2 to 51,
#    in order, then the count of the rest.
mkdir -p "$work/bad120" && cp "$good"/{setting.toml,staff.csv,shifts.csv} "$work/bad120/"
{
  echo "id,name,date_of_birth,room,key_person,buddy"
  for i in $(seq 1 120); do
    if [ $((i % 2)) -eq 1 ]; then echo "c$i,Child $i,2025-01-01,babies,s1,,extra"
    else echo "c$i,Child $i,2025-01-01,nowhere,s1,"; fi
  done
} > "$work/bad120/children.csv"
echo "child,date,start,end,room" > "$work/bad120/attendance.csv"
timed 2 bad120 "$attune" validate "$work/bad120"
grep -E '^[^ ].*children\.csv:[0-9]+' "$work/bad120.err" | sed -E 's/.*children\.csv:([0-9]+).*/\1/' > "$work/lines.txt"
[ "$(wc -l < "$work/lines.txt")" -eq 50 ] || fail "bad120: $(wc -l < "$work/lines.txt") problems shown, not 50"
[ "$(seq 2 51)" = "$(cat "$work/lines.txt")" ] || fail "bad120: not lines 2 to 51 in order: $(tr '\n' ' ' < "$work/lines.txt")"
grep -q '^\.\.\. and 70 more problems not shown$' "$work/bad120.err" || fail "bad120: no '... and 70 more'"
grep -q '^120 errors in the input; nothing was checked$' "$work/bad120.err" || fail "bad120: no count of 120 errors"

# 2. A 10 MB field: read, and when it is wrong, a message of reasonable size.
mkdir -p "$work/field" && cp "$good"/* "$work/field/"
big=$(head -c 10000000 /dev/zero | tr '\0' 'x')
printf 'id,name,date_of_birth,room,key_person,buddy\nc1,"%s",2025-06-01,babies,s1,\nc2,Bo,2025-05-01,babies,s1,\n' "$big" \
  > "$work/field/children.csv"
timed 0 field10mb "$attune" validate "$work/field"
printf 'id,name,date_of_birth,room,key_person,buddy\nc1,Amy,2025-06-01,%s,s1,\nc2,Bo,2025-05-01,babies,s1,\n' "$big" \
  > "$work/field/children.csv"
timed 2 field10mb-bad "$attune" validate "$work/field"
grep -q 'children.csv:2:' "$work/field10mb-bad.err" || fail "field10mb-bad: the bad field's place is not named"
[ "$(wc -c < "$work/field10mb-bad.err")" -lt 5000 ] || fail "field10mb-bad: $(wc -c < "$work/field10mb-bad.err") bytes of messages"
unset big

# 3. 100,000 rows: 400 children booked every weekday of 50 weeks; then the same file
#    naming children that do not exist (each a problem, each counted).
mkdir -p "$work/rows" && cp "$good"/{staff.csv,shifts.csv} "$work/rows/"
sed -e 's/^from = .*/from = 2026-01-05/' -e 's/^to = .*/to = 2026-12-18/' "$good/setting.toml" > "$work/rows/setting.toml"
awk 'BEGIN { print "id,name,date_of_birth,room,key_person,buddy";
             for (c = 1; c <= 400; c++) printf "c%d,Child %d,2025-01-01,babies,s1,\n", c, c }' > "$work/rows/children.csv"
awk 'BEGIN { print "child,date,start,end,room";
             split("31 28 31 30 31 30 31 31 30 31 30 31", len, " ");
             n = 0; wd = 3;   # 1 Jan 2026 is a Thursday (0 = Monday)
             for (m = 1; m <= 12; m++) for (d = 1; d <= len[m]; d++) {
               if (wd < 5 && n < 250 && (m > 1 || d >= 5)) { days[n++] = sprintf("2026-%02d-%02d", m, d) }
               wd = (wd + 1) % 7 }
             for (i = 0; i < 250; i++) for (c = 1; c <= 400; c++) printf "c%d,%s,08:00,12:00,\n", c, days[i] }' \
  > "$work/rows/attendance.csv"
[ "$(wc -l < "$work/rows/attendance.csv")" -eq 100001 ] || fail "the generator wrote $(wc -l < "$work/rows/attendance.csv") lines"
timed 0 rows100k "$attune" validate "$work/rows"
grep -q '100402 rows read' "$work/rows100k.out" || fail "rows100k: $(cat "$work/rows100k.out")"
sed -i 's/^c\([0-9]*\),2026/x\1,2026/' "$work/rows/attendance.csv"
timed 2 rows100k-bad "$attune" validate "$work/rows"
grep -q '^100000 errors in the input' "$work/rows100k-bad.err" || fail "rows100k-bad: $(tail -3 "$work/rows100k-bad.err")"
echo "ok: input limits"
