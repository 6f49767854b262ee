#!/usr/bin/env bash
# Regressions from the first-use review (a new user's account, December 2026): each
# function guards one thing the user hit, and runs as its own ctest.
#   regressions.sh ATTUNE WORKDIR TEST
set -euo pipefail
attune=$1 work=$2 test=$3
rm -rf "$work" && mkdir -p "$work"
cd "$work"
fail() { echo "FAIL ($test): $*" >&2; exit 1; }

# B1. generate's future joiners (and any waiting-list baby) are born after early weeks of
# the year: a date of birth is wrong only after the start date or a day attended, so
# every week of a generated year validates, and the daily register of any day works.
generated_weeks_validate() {
  "$attune" generate group --settings 3 --weeks 52 --seed 42 > /dev/null
  local monday
  for week in 0 4 8 12 16 20 24 28 32 36 40 44 48 51; do
    monday=$(date -u -d "2026-01-05 + $((week * 7)) days" +%F)
    friday=$(date -u -d "$monday + 4 days" +%F)
    "$attune" validate group --from "$monday" --to "$friday" > out 2> err ||
      fail "the week of $monday does not validate: $(head -5 err)"
    [ ! -s err ] || fail "the week of $monday printed problems: $(head -5 err)"
  done
  "$attune" register group/setting-001 --date 2026-03-10 > out 2> err ||
    fail "the register of 2026-03-10 fails: $(head -5 err)"
}

# B2. The group report's advice to see a broken setting's errors is a command that
# fails as the run did: it carries the period options.
group_report_advice_keeps_period() {
  "$attune" generate group --settings 2 --weeks 2 --seed 3 > /dev/null
  printf 'c999,Broken Row,not-a-date,babies,,,,\n' >> group/setting-002/children.csv
  "$attune" report group --from 2026-01-05 --to 2026-01-09 -o group.html 2> err && fail "a broken setting exited 0"
  grep -q 'attune validate group/setting-002 --from 2026-01-05 --to 2026-01-09' group.html ||
    fail "the advice drops --from/--to: $(grep -o 'attune validate[^<]*' group.html)"
  "$attune" report group --from 2026-01-05 --to 2026-01-09 --format markdown -o group.md 2> err || true
  grep -q 'attune validate group/setting-002 --from 2026-01-05 --to 2026-01-09' group.md ||
    fail "the Markdown advice drops --from/--to"
  # ... and the command it gives does fail, as the report said.
  "$attune" validate group/setting-002 --from 2026-01-05 --to 2026-01-09 > /dev/null 2>&1 && fail "the advice passes"
  return 0
}

# B3. A reversed --from/--to is one usage error about the command line, before any
# setting is read; not one error per setting.toml.
reversed_period_is_one_usage_error() {
  "$attune" generate group --settings 3 --weeks 2 --seed 3 > /dev/null
  for command in check validate report; do
    rc=0
    "$attune" $command group --from 2026-01-09 --to 2026-01-05 > out 2> err || rc=$?
    [ "$rc" = 2 ] || fail "$command exited $rc, not 2"
    [ ! -s out ] || fail "$command wrote a report"
    [ "$(grep -c . err)" = 2 ] || fail "$command said $(grep -c . err) lines: $(cat err)"
    grep -q '^--from/--to: the period ends (2026-01-05) before it starts (2026-01-09); swap --from and --to$' err ||
      fail "$command: $(cat err)"
    grep -q 'setting.toml' err && fail "$command blames a setting.toml"
  done
  # An impossible date is a usage error too.
  rc=0; "$attune" check group --from 2026-02-30 > out 2> err || rc=$?
  [ "$rc" = 2 ] && grep -q '"2026-02-30" is not a date' err || fail "2026-02-30: exit $rc, $(cat err)"
  # One end given, after the setting's [period]: said in the words of the option.
  rc=0; "$attune" check group/setting-001 --from 2027-01-01 > out 2> err || rc=$?
  [ "$rc" = 2 ] && grep -q -- '--from 2027-01-01 is after the end of \[period\] (2026-01-18); give --to as well' err ||
    fail "--from after [period]: exit $rc, $(cat err)"
}

# B13. -o chooses the format from the extension, or refuses one it does not write.
output_extension_picks_or_refuses() {
  "$attune" generate group --settings 1 --weeks 1 --seed 3 > /dev/null
  local s=group/setting-001
  rc=0; "$attune" check $s -o week.html 2> err || rc=$?
  [ "$rc" = 2 ] && [ ! -e week.html ] || fail "check -o week.html: exit $rc, file $(ls)"
  grep -q 'attune check does not write HTML (week.html)' err && grep -q 'attune report' err || fail "$(cat err)"
  rc=0; "$attune" report $s -o week.pdf 2> err || rc=$?
  [ "$rc" = 2 ] && [ ! -e week.pdf ] && grep -q 'does not write PDF' err || fail "report -o week.pdf: exit $rc, $(cat err)"
  rc=0; "$attune" policy summary $s -o p.pdf 2> err || rc=$?
  [ "$rc" = 2 ] && [ ! -e p.pdf ] || fail "policy summary -o p.pdf: exit $rc"
  rc=0; "$attune" history nothing.db -o h.md 2> err || rc=$?
  [ "$rc" = 2 ] && grep -q 'does not write Markdown' err || fail "history -o h.md: exit $rc, $(cat err)"
  # Extensions that name a format the command writes choose it.
  "$attune" check $s -o week.md --fail-on never 2> /dev/null && head -c 2 week.md | grep -q '^#' || fail "check -o .md is not Markdown"
  "$attune" check $s -o week.csv --fail-on never 2> /dev/null && head -1 week.csv | grep -q '^setting,' || fail "check -o .csv is not CSV: $(head -1 week.csv)"
  "$attune" report $s -o week.json 2> /dev/null && grep -q '"setting"' week.json || fail "report -o .json is not the template data"
  "$attune" report $s -o week.htm 2> /dev/null && grep -q '<!DOCTYPE html>' week.htm || fail "report -o .htm is not HTML"
  # An extension that names no format gets the default; --format wins over the extension.
  "$attune" check $s -o week.log --fail-on never 2> /dev/null && grep -q 'profile eyfs' week.log || fail "check -o .log is not text"
  "$attune" check $s --format text -o week.html --fail-on never 2> /dev/null || fail "--format text -o week.html refused"
}

# B14. A reader that stops reading (head) ends the run with exit 2, quietly: no SIGPIPE
# death (141) and no message.
closed_pipe_ends_quietly() {
  "$attune" generate group --settings 3 --weeks 26 --seed 3 --mismatch > /dev/null
  # Outputs of several MB: far more than a pipe holds, so the writer meets the closed pipe.
  for command in "check group --limit 0" "check group --format json" "check group --format csv" \
                 "report group/setting-001"; do
    set +o pipefail
    { code=0; $attune $command 2> err || code=$?; echo $code > rc; } | head -c 100 > /dev/null
    set -o pipefail
    [ "$(cat rc)" = 2 ] || fail "$command | head exited $(cat rc), not 2 (141 is death by SIGPIPE)"
    [ ! -s err ] || fail "$command | head said: $(cat err)"
  done
  return 0
}

# B4. Sources are cited so a reader can find them: by title and kind, never by the
# internal file names of the articles attune was written from (000_<hash>.txt).
sources_cited_by_title() {
  local hash='[0-9]\{3\}_[0-9a-f]\{16\}'
  local templates=${ATTUNE_DATA_DIR:?}
  grep -rn "$hash" "$templates" && fail "a template cites a file name"
  for rule in $("$attune" rules | awk '/^  [A-Z0-9-]+ /{print $1}'); do
    "$attune" explain "$rule" > out
    grep -n "$hash" out && fail "explain $rule cites a file name"
  done
  local example=$templates/../examples/sunflower
  "$attune" policy summary "$example" --as-of 2026-11-23 --format json > policy.json
  grep -n "$hash" policy.json && fail "policy JSON cites a file name"
  grep -q "a local authority page for parents and professionals" policy.json || fail "policy JSON lost its sources"
  "$attune" report "$example" -o report.html 2> /dev/null || true
  grep -n "$hash" report.html && fail "the report cites a file name"
  "$attune" explain CARERS-DISTINCT | tr -s '\n ' '  ' | grep -q "'Infant mental health (babies to age two)', a local authority page" ||
    fail "explain CARERS-DISTINCT does not cite the article by title"
  return 0
}

# attune init: a new setting that validates and checks at once, never over old files.
init_new_setting_validates() {
  export ATTUNE_NOW=2026-12-01T10:00:00Z  # a Tuesday: [period] is next week, 7-11 Dec
  "$attune" init my-nursery > out 2> err || fail "init failed: $(cat err)"
  [ ! -s err ] || fail "init said: $(cat err)"
  cat > expected <<'OUT'
wrote my-nursery: setting.toml, children.csv, staff.csv, shifts.csv, attendance.csv
my-nursery/setting.toml: ok: 3 rooms, 1 child, 1 staff, 5 days (2026-12-07 to 2026-12-11), profile eyfs-2024-group
Next: replace each file's example row with your own (docs/formats.md), or map your system's exports (docs/import.md); then `attune check my-nursery`.
OUT
  diff expected out || fail "init printed something else"
  "$attune" validate my-nursery > /dev/null 2>&1 || fail "the new setting does not validate"
  rc=0; "$attune" check my-nursery > out 2> err || rc=$?
  [ "$rc" = 0 ] && [ ! -s err ] || fail "check of the new setting: exit $rc, $(cat err)"
  for f in children staff shifts attendance; do
    [ "$(wc -l < my-nursery/$f.csv)" = 2 ] || fail "$f.csv is not a header and one example row"
  done
  head -1 my-nursery/staff.csv | grep -q '^id,name,date_of_birth,role,qualification,pfa_expiry,baby_training,start_date,leave_date,in_ratio,studying,under_2_experience$' ||
    fail "staff.csv lacks the optional columns: $(head -1 my-nursery/staff.csv)"
  grep -q '^# key_person_coverage_min = 0.60' my-nursery/setting.toml || fail "setting.toml does not carry the policy defaults"
  # Never over an existing setting, unless --force.
  echo "changed" >> my-nursery/children.csv
  rc=0; "$attune" init my-nursery > out 2> err || rc=$?
  [ "$rc" = 2 ] && grep -q 'my-nursery/setting.toml already exists; nothing was written' err || fail "init over a setting: $rc $(cat err)"
  tail -1 my-nursery/children.csv | grep -q changed || fail "a refused init changed a file"
  "$attune" init my-nursery --force > /dev/null 2>&1 || fail "--force refused"
  grep -q changed my-nursery/children.csv && fail "--force did not overwrite"
  # Rooms of one's own, a name, another week.
  "$attune" init owls --rooms babies,twos,forest-school --name 'Little "Owls"' --week 2027-01-04 > out 2>&1 ||
    fail "init with rooms: $(cat out)"
  grep -q 'owls/setting.toml: ok: 3 rooms, 1 child, 1 staff, 5 days (2027-01-04 to 2027-01-08)' out || fail "$(cat out)"
  grep -q '^name = "Forest school"$' owls/setting.toml && grep -q '^name = "Little \\"Owls\\""$' owls/setting.toml ||
    fail "room or setting names: $(grep '^name' owls/setting.toml)"
  "$attune" check owls > /dev/null 2>&1 || fail "the owls do not check"
  # A folder name with a space: the suggested command quotes it, and works pasted.
  "$attune" init "my nursery" > out 2>&1 || fail "init with a space: $(cat out)"
  tail -1 out | grep -qF "then \`attune check 'my nursery'\`." || fail "Next line unquoted: $(tail -1 out)"
  # A childminder: the childminder profile, one implicit room, and it checks at once.
  "$attune" init minder --kind childminder > out 2>&1 || fail "init --kind childminder: $(cat out)"
  grep -q 'minder/setting.toml: ok: 1 room, 1 child, 1 staff, 5 days (2026-12-07 to 2026-12-11), profile eyfs-2024-childminder' out ||
    fail "childminder: $(cat out)"
  grep -q '^kind = "childminder"' minder/setting.toml || fail "no kind = childminder: $(head -20 minder/setting.toml)"
  rc=0; "$attune" check minder > out 2> err || rc=$?
  [ "$rc" = 0 ] && [ ! -s err ] || fail "check of the new childminder: exit $rc, $(cat err)"
  # Mistakes are usage errors and write nothing.
  rc=0; "$attune" init bad --rooms 'Baby Room' > out 2> err || rc=$?
  [ "$rc" = 2 ] && [ ! -e bad ] && grep -q 'room id "Baby Room" is not a plain word' err || fail "a room name as id: $rc $(cat err)"
  rc=0; "$attune" init bad --week 2027-01-05 > out 2> err || rc=$?
  [ "$rc" = 2 ] && [ ! -e bad ] && grep -q '2027-01-05 is a Tue, not a Monday' err || fail "a Tuesday week: $rc $(cat err)"
}

# B6. `policy summary` takes a folder of settings, as its help says: the settings ranked
# by answers the rosters contradict, then gaps.
policy_summary_ranks_a_group() {
  local examples=${ATTUNE_DATA_DIR:?}/../examples
  mkdir group && cp -r "$examples/sunflower" group/
  "$attune" generate group/generated --settings 2 --weeks 1 --seed 4 > /dev/null
  "$attune" policy summary group --as-of 2026-11-23 > out 2> err || fail "exit $?: $(cat err)"
  [ ! -s err ] || fail "it said: $(cat err)"
  # Sunflower: 2 answers contradicted (IMH-KP-03, IMH-CC-02; see examples/README.md),
  # 9 partly + 2 not met + 3 unanswered = 14 gaps; the generated settings have no answers
  # file: 0 contradicted, all 38 items unanswered. Contradictions rank first.
  sed -n 5p out | grep -Eq '^ +1  Sunflower Day Nursery \(EY000123\) +2 +14 +3 +75% +72%  group/sunflower/setting.toml$' ||
    fail "rank 1: $(sed -n 5p out)"
  sed -n 6p out | grep -Eq '^ +2  .* +0 +38 +0 +0% +0%  group/generated/setting-001/setting.toml \(no answers file\)$' ||
    fail "rank 2: $(sed -n 6p out)"
  "$attune" policy summary group --as-of 2026-11-23 --format json > g.json || fail "json exit $?"
  grep -q '"schema": "attune.policy-group/1"' g.json || fail "no group schema"
  rc=0; "$attune" policy summary group --answers x.yaml > out 2> err || rc=$?
  [ "$rc" = 2 ] && grep -q -- '--answers: a group' err || fail "--answers with a group: $rc $(cat err)"
  # A setting that cannot be read is named, not left out; the others are still ranked.
  cp -r group/generated/setting-002 group/unreadable
  printf 'not,a,staff,row\n' >> group/unreadable/staff.csv
  rc=0; "$attune" policy summary group --as-of 2026-11-23 > out 2> err || rc=$?
  [ "$rc" = 2 ] || fail "a group with an unreadable setting: exit $rc"
  grep -q '^1 error in the input; group/unreadable was not checked$' err || fail "stderr: $(cat err)"
  [ "$(tail -1 err)" = "attune policy summary: 1 of 4 settings was not checked (its input errors are above); the overview ranks the other 3" ] ||
    fail "last line of stderr: $(tail -1 err)"
  sed -n 1p out | grep -q ': 4 settings, as of 2026-11-23$' || fail "title: $(sed -n 1p out)"
  grep -A1 '^Not checked: 1 setting whose input has errors' out | grep -q '^  group/unreadable/setting.toml$' ||
    fail "the unreadable setting is not named: $(cat out)"
  "$attune" policy summary group --as-of 2026-11-23 --format json > g.json 2> /dev/null || true
  grep -A3 '"not_checked"' g.json | grep -q '"path": "group/unreadable/setting.toml"' || fail "JSON not_checked: $(cat g.json)"
  # --format html is refused for a group before anything is loaded: no setting's errors.
  rc=0; "$attune" policy summary group --format html > out 2> err || rc=$?
  [ "$rc" = 2 ] && ! grep -q 'error in the input' err || fail "html refused only after loading: $rc $(cat err)"
}

# A group checked with --from after every setting's [period]: each setting says it was not
# checked, never that "the other settings were"; the last line says none was.
from_past_every_period_says_none_checked() {
  "$attune" generate group --settings 3 --weeks 1 --seed 2 > /dev/null
  rc=0; "$attune" check group --from 2030-01-07 > out 2> err || rc=$?
  [ "$rc" = 2 ] || fail "exit $rc"
  [ ! -s out ] || fail "something was written: $(head -3 out)"
  ! grep -q 'the other settings were' err || fail "claims the others were checked: $(cat err)"
  [ "$(grep -c 'was not checked$' err)" = 3 ] || fail "not every setting named: $(cat err)"
  [ "$(tail -1 err)" = "attune check: none of the 3 settings could be checked; nothing was written" ] ||
    fail "last line: $(tail -1 err)"
}

"$test"
