#!/usr/bin/env bash
# With --redact, no child's or staff member's name appears in any output, in any format.
#   redaction.sh ATTUNE FIXTURE WORKDIR   (FIXTURE/names.txt: one distinctive name per line)
set -euo pipefail
attune=$1 fixture=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
run() {  # run NAME ARGS...: output to $work/NAME; exit 0 or 1 are both fine
  local name=$1; shift
  set +e; "$attune" "$@" --redact > "$work/$name" 2> "$work/$name.err"; local rc=$?; set -e
  [ $rc -le 1 ] || { echo "FAIL: attune $* --redact exited $rc: $(cat "$work/$name.err")" >&2; exit 1; }
}
run check.txt check "$fixture" --limit 0
run check.json check "$fixture" --format json
run check.md check "$fixture" --format markdown
run check.csv check "$fixture" --format csv
run report.html report "$fixture"
run report.md report "$fixture" --format markdown
run report.data report "$fixture" --format data
run register.txt register "$fixture" --date 2026-11-02
run register.csv register "$fixture" --date 2026-11-02 --format csv
run register.md register "$fixture" --date 2026-11-02 --format markdown
leaks=0
while IFS= read -r name; do
  [ -n "$name" ] || continue
  if grep -rlF -- "$name" "$work" >/dev/null; then
    echo "FAIL: \"$name\" appears in: $(grep -rlF -- "$name" "$work" | xargs -n1 basename | tr '\n' ' ')" >&2
    leaks=$((leaks + 1))
  fi
done < "$fixture/names.txt"
[ $leaks -eq 0 ] || exit 1
# And without --redact the names are there (so this test can see a leak).
"$attune" check "$fixture" --limit 0 > "$work/plain.txt" || true
grep -qF Zephyrine "$work/plain.txt" || { echo "FAIL: names missing even without --redact" >&2; exit 1; }
echo "ok: no name in 10 redacted outputs"
