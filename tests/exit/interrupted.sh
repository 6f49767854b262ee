#!/usr/bin/env bash
# An interrupted run (Ctrl-C, kill, a closed terminal) with -o FILE leaves no partial
# output and no temporary file: FILE is the old file or the complete new one.
#   interrupted.sh ATTUNE GOOD_SETTING WORKDIR
set -euo pipefail
attune=$1 good=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

no_temp_files() {
  local left
  left=$(find "$work" -maxdepth 1 -name '.out*' -o -maxdepth 1 -name '.g.json.*')
  [ -z "$left" ] || fail "$1: temporary files left behind: $left"
}

# 1. The signal comes while the complete temporary file waits to be renamed (a test
#    hook holds the run there): the temporary file goes, the old file stays.
for sig in INT TERM HUP; do
  echo "the old report" > "$work/out.json"
  ATTUNE_TEST_PAUSE_BEFORE_RENAME=90 "$attune" check "$good" --format json -o "$work/out.json" 2> "$work/err.txt" &
  pid=$!
  for _ in $(seq 600); do grep -q "test pause before rename" "$work/err.txt" && break; sleep 0.1; done
  grep -q "test pause before rename" "$work/err.txt" || fail "SIG$sig: the run never reached the rename"
  [ -n "$(find "$work" -maxdepth 1 -name '.out.json.*')" ] || fail "SIG$sig: no temporary file while paused"
  kill -s "$sig" "$pid"
  rc=0 && wait "$pid" || rc=$?
  expected=$((128 + $(kill -l "$sig")))
  [ "$rc" -eq "$expected" ] || fail "SIG$sig: exit status $rc, not $expected"
  [ "$(cat "$work/out.json")" = "the old report" ] || fail "SIG$sig: the old output file was changed"
  no_temp_files "SIG$sig"
done

# 2. The same with no old file: none is created.
rm -f "$work/out.json"
ATTUNE_TEST_PAUSE_BEFORE_RENAME=90 "$attune" check "$good" --format json -o "$work/out.json" 2> "$work/err.txt" &
pid=$!
for _ in $(seq 600); do grep -q "test pause before rename" "$work/err.txt" && break; sleep 0.1; done
kill -INT "$pid"
wait "$pid" || true
[ ! -e "$work/out.json" ] || fail "an interrupted run created the output file"
no_temp_files "no old file"

# 3. Signals at any moment of a longer run (a generated group of settings): whenever it
#    comes, the output is the old file or the whole new one, never half, and nothing
#    else is left.
"$attune" generate "$work/group" --settings 4 --weeks 26 --seed 11 > /dev/null
for delay in 0 0.05 0.1 0.2 0.3 0.5 0.8 1.2 2; do
  echo "old" > "$work/g.json"
  "$attune" check "$work/group" --format json -o "$work/g.json" --quiet 2> /dev/null &
  pid=$!
  sleep "$delay"
  kill -INT "$pid" 2> /dev/null || true
  rc=0 && wait "$pid" || rc=$?
  case $rc in
    0 | 1 | 2 | 130) ;;
    *) fail "interrupted after ${delay}s: exit status $rc" ;;
  esac
  if [ "$(cat "$work/g.json")" != "old" ]; then
    head -c 200 "$work/g.json" | grep -q '"schema": "attune.check/1"' || fail "after ${delay}s: the output is not a report"
    [ "$(tail -c 2 "$work/g.json")" = "}" ] || fail "after ${delay}s: the output file is cut short"
  fi
  no_temp_files "after ${delay}s"
done
echo "ok: interrupted runs"
