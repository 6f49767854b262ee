#!/usr/bin/env bash
# Every way a run can fail ends with the documented exit code and a message that names
# the problem: never a crash, a raw exception or a stack trace (docs/cli.md, exit codes).
#   exit_paths.sh ATTUNE GOOD_SETTING WORKDIR
set -euo pipefail
attune=$1 good=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
chmod 755 "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
umask 022

# expect CODE PATTERN -- COMMAND...: runs the command, checks its exit code, that stderr
# holds PATTERN (a grep -E pattern), and that nothing looks like a crash.
expect() {
  local code=$1 pattern=$2
  shift 3
  local rc=0
  "$@" > "$work/out.txt" 2> "$work/err.txt" || rc=$?
  [ "$rc" -eq "$code" ] || fail "$* exited $rc, not $code; stderr: $(cat "$work/err.txt")"
  [ -z "$pattern" ] || grep -Eq -- "$pattern" "$work/err.txt" || fail "$*: stderr lacks /$pattern/: $(cat "$work/err.txt")"
  if grep -Eq 'internal error|terminate called|what\(\)|Aborted|Segmentation|AddressSanitizer|runtime error' "$work/err.txt"; then
    fail "$*: looks like a crash: $(cat "$work/err.txt")"
  fi
}

# 1. A path that does not exist; a folder with no setting; a setting file that is a folder.
expect 2 'no/such/place: error: no such file or folder' -- "$attune" check "$work/no/such/place"
expect 2 'no such file or folder' -- "$attune" validate "$work/missing.toml"
mkdir -p "$work/empty"
expect 2 'no setting.toml or setting.yaml' -- "$attune" check "$work/empty"
expect 2 'no setting.toml or setting.yaml' -- "$attune" report "$work/empty"

# 2. A data file that is missing, or a folder, or a device, where a file is expected.
cp -r "$good" "$work/nochildren" && rm "$work/nochildren/children.csv"
expect 2 'children.csv: error: file not found' -- "$attune" check "$work/nochildren"
cp -r "$good" "$work/folder" && rm "$work/folder/children.csv" && mkdir "$work/folder/children.csv"
expect 2 'children.csv: error: is a folder, not a file' -- "$attune" check "$work/folder"
mkdir -p "$work/settingdir/setting.toml"
expect 2 "settingdir/setting.toml: error: is a folder, not a file" -- "$attune" validate "$work/settingdir"
cp -r "$good" "$work/device"
sed -i 's|^\[\[rooms\]\]|[data]\nchildren = "/dev/zero"\n\n[[rooms]]|' "$work/device/setting.toml"
expect 2 'dev/zero: error: is not a regular file' -- timeout 20 "$attune" validate "$work/device"

# 3. A file attune may not read: run as an unprivileged user (the tests run as root,
#    who may read anything).
as_nobody=()
if [ "$(id -u)" -ne 0 ]; then
  as_nobody=(env)
elif command -v setpriv > /dev/null && setpriv --reuid=nobody --regid=nogroup --clear-groups true 2> /dev/null; then
  as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
elif command -v runuser > /dev/null && runuser -u nobody -- true 2> /dev/null; then
  as_nobody=(runuser -u nobody --)
fi
if [ ${#as_nobody[@]} -eq 0 ]; then
  echo "SKIPPED: unreadable files (running as root, and neither setpriv nor runuser can switch to nobody)"
elif ! "${as_nobody[@]}" test -x "$attune" || ! "${as_nobody[@]}" test -r "$good/setting.toml"; then
  echo "SKIPPED: unreadable files (nobody cannot reach $attune or $good)"
else
  cp -r "$good" "$work/private" && chmod 755 "$work/private" && chmod 644 "$work/private"/*
  chmod 000 "$work/private/children.csv"
  expect 2 'children.csv: error: cannot be read: Permission denied' -- "${as_nobody[@]}" "$attune" validate "$work/private"
  chmod 644 "$work/private/children.csv" && chmod 000 "$work/private/setting.toml"
  expect 2 'setting.toml: error: cannot be read: Permission denied' -- "${as_nobody[@]}" "$attune" check "$work/private"
  chmod 644 "$work/private/setting.toml"
  # An output folder nobody may write in: exit 2, nothing left behind.
  mkdir -p "$work/locked" && chmod 555 "$work/locked"
  expect 2 'cannot write .*Permission denied' -- "${as_nobody[@]}" "$attune" check "$good" -o "$work/locked/out.txt"
  [ -z "$(ls -A "$work/locked")" ] || fail "a failed write left files in $work/locked"
fi

# 4. Bad option values and usage: exit 2 and a message, never a stack trace.
expect 2 'not a date' -- "$attune" check "$good" --from 2026-13-01
expect 2 'not a date' -- "$attune" check "$good" --to tomorrow
expect 2 'format' -- "$attune" check "$good" --format xml
expect 2 'fail-on' -- "$attune" check "$good" --fail-on sometimes
expect 2 'color' -- "$attune" check "$good" --color maybe
expect 2 'jobs' -- "$attune" check "$good" --jobs many
expect 2 'jobs' -- "$attune" check "$good" --jobs -1
expect 2 'limit' -- "$attune" check "$good" --limit -5
expect 2 'unknown rule "RATIO-ROM" .did you mean "RATIO-ROOM"' -- "$attune" check "$good" --only RATIO-ROM
expect 2 'frm' -- "$attune" check "$good" --frm 2026-11-02
expect 2 'PATH' -- "$attune" check
expect 2 'unknown command "chek"' -- "$attune" chek "$good"
expect 2 'A subcommand is required|subcommand' -- "$attune"
expect 2 'date' -- "$attune" register "$good" --date 3/11/2026
expect 2 'profile "no-such-profile" not found' -- "$attune" check "$good" --profile no-such-profile
expect 2 'unknown rule' -- "$attune" explain NO-SUCH-RULE
expect 2 'template' -- "$attune" check "$good" --format markdown --template "$work/no-templates"
expect 2 'format' -- "$attune" report "$good" --format pdf
expect 2 'date' -- "$attune" register "$good"
expect 2 'weeks must be from 1 to 520' -- "$attune" generate "$work/gen" --settings 1 --weeks 0 --seed 1
expect 2 'checklist "nope" not found' -- "$attune" policy summary "$good" --checklist nope
expect 2 'no history yet' -- "$attune" history "$work/no-history.db"

# 5. The exit codes of a good run (the fixture's one baby room is left alone over lunch):
#    1 with an error finding, 0 with --fail-on never; validate 0.
expect 1 '' -- "$attune" check "$good"
expect 0 '' -- "$attune" check "$good" --fail-on never
expect 0 '' -- "$attune" validate "$good"
echo "ok: exit paths"
