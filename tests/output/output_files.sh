#!/usr/bin/env bash
# -o FILE: written only when the run succeeds, atomically, 0600 when it holds names; a
# failed run leaves an existing file exactly as it was and no temporary file behind.
#   output_files.sh ATTUNE GOOD_SETTING WORKDIR
set -euo pipefail
attune=$1 good=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
umask 022

# A broken copy of the good setting: an unknown room.
cp -r "$good" "$work/broken"
sed -i '2s/,babies,/,nowhere,/' "$work/broken/children.csv"

# 1. A text report holds names: mode 0600. JSON holds ids only: the usual 0644.
"$attune" check "$good" -o "$work/out.txt" && rc=0 || rc=$?
[ $rc -le 1 ] || fail "check -o out.txt exited $rc"
[ "$(stat -c %a "$work/out.txt")" = 600 ] || fail "out.txt has mode $(stat -c %a "$work/out.txt"), not 600"
"$attune" check "$good" --format json -o "$work/out.json" || true
[ "$(stat -c %a "$work/out.json")" = 644 ] || fail "out.json has mode $(stat -c %a "$work/out.json"), not 644"
"$attune" report "$good" -o "$work/report.html"
[ "$(stat -c %a "$work/report.html")" = 600 ] || fail "report.html is not 0600"
"$attune" report "$good" --redact -o "$work/redacted.html"
[ "$(stat -c %a "$work/redacted.html")" = 644 ] || fail "a redacted report should be 0644"

# 2. A failed run (exit 2) leaves the old file as it was.
echo "the old report" > "$work/keep.json"
"$attune" check "$work/broken" --format json -o "$work/keep.json" 2>/dev/null && rc=0 || rc=$?
[ $rc -eq 2 ] || fail "a broken setting should exit 2, got $rc"
[ "$(cat "$work/keep.json")" = "the old report" ] || fail "a failed run changed the existing output file"
mkdir -p "$work/templates" && echo "{{#not-closed}}" > "$work/templates/check.md"
echo "the old report" > "$work/keep.md"
"$attune" check "$good" --format markdown --template "$work/templates" -o "$work/keep.md" 2>/dev/null && rc=0 || rc=$?
[ $rc -eq 2 ] || fail "a broken template should exit 2, got $rc"
[ "$(cat "$work/keep.md")" = "the old report" ] || fail "a failed markdown run changed the output file"

# 3. A successful run replaces it.
"$attune" check "$good" --format json -o "$work/keep.json" || true
grep -q '"schema": "attune.check/1"' "$work/keep.json" || fail "a good run did not replace the file"

# 4. No temporary file is left behind.
leftover=$(find "$work" -maxdepth 1 -type f -name '.*')
[ -z "$leftover" ] || fail "temporary files left behind: $leftover"

# 5. Output into a folder that does not exist, or a folder itself: exit 2, a clear message.
"$attune" check "$good" -o "$work/no/such/folder/out.txt" 2> "$work/err.txt" && rc=0 || rc=$?
[ $rc -eq 2 ] || fail "-o into a missing folder exited $rc"
grep -q "folder does not exist" "$work/err.txt" || fail "no clear message for a missing folder: $(cat "$work/err.txt")"
"$attune" check "$good" -o "$work" 2> "$work/err.txt" && rc=0 || rc=$?
[ $rc -eq 2 ] || fail "-o onto a folder exited $rc"

# 6. A full disk: exit 2, and the device is not replaced.
"$attune" check "$good" -o /dev/full 2> "$work/err.txt" && rc=0 || rc=$?
[ $rc -eq 2 ] || fail "-o /dev/full exited $rc"
grep -q "No space left" "$work/err.txt" || fail "no message for a full disk"
[ -c /dev/full ] || fail "/dev/full is no longer a device"
"$attune" check "$good" > /dev/full 2> "$work/err.txt" && rc=0 || rc=$?
[ $rc -eq 2 ] || fail "stdout to /dev/full exited $rc"
echo "ok: atomic output files"
