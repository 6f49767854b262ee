#!/usr/bin/env bash
# Builds the fuzz targets' seed corpora, fuzz/corpus/<target>/, from the files of
# examples/ and tests/, then (when the targets are built) keeps only the seeds that add
# coverage (libFuzzer's -merge=1), so the committed corpus stays small.
#
#   scripts/fuzz-corpus.sh [BUILD_DIR]     BUILD_DIR defaults to build-fuzz
#
# The fuzz_csv seeds start with one byte naming the table (see fuzz/fuzz_csv.cpp):
# 0 children, 1 staff, 2 shifts, 3 attendance, 4 allocations, 5 care_log, 6 overrides;
# add 7 for the ";" + dd/mm/yyyy + 12-hour layout, 14 for the tab + d/m/yyyy layout.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-fuzz}
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
max_size=16384

# add TARGET FILE [PREFIX_BYTE]: one seed, named by its content's hash.
add() {
  local target=$1 file=$2 prefix=${3:-}
  [ "$(stat -c %s "$file")" -le "$max_size" ] || return 0
  mkdir -p "$seeds/$target"
  local tmp="$seeds/$target/.new"
  if [ -n "$prefix" ]; then
    { printf "\\$(printf '%03o' "$prefix")"; cat "$file"; } > "$tmp"
  else
    cat "$file" > "$tmp"
  fi
  mv "$tmp" "$seeds/$target/$(sha1sum "$tmp" | cut -c1-16)"
}

tables=(children staff shifts attendance allocations care_log overrides)
for i in "${!tables[@]}"; do
  while IFS= read -r -d '' f; do add fuzz_csv "$f" "$i"; done \
    < <(find examples tests -name "${tables[$i]}.csv" -print0)
done
# The other two layouts of fuzz_csv, written out here (no file in the tree uses them).
layout() {  # layout PREFIX_BYTE NAME TEXT
  mkdir -p "$seeds/layouts" && printf '%s' "$3" > "$seeds/layouts/$2" && add fuzz_csv "$seeds/layouts/$2" "$1"
}
layout 7 children $'id;name;date_of_birth;room;key_person;buddy\nc1;"Brown; Amy";01/06/2025;Baby Room;s1;s2\nc2;Sam Lee;10/03/2024;Toddler Room;s3;\n'
layout 8 staff $'id;name;role;qualification;pfa_expiry;baby_training\ns1;Jo Smith;Room Leader;Level 3 NVQ;31/01/2028;Y\ns2;Kim Lee;practitioner;level2;;N\n'
layout 9 shifts $'staff;date;start;end;room;kind\ns1;Mon;8:00 am;5:00 pm;Baby Room;Shift\ns1;02/11/2026;12:00 pm;12:30 pm;Baby Room;Lunch\n'
layout 10 attendance $'child;date;start;end;room\nc1;Mon;8:00 am;4:00 pm;\nc2;03/11/2026;9:15 AM;12:00 PM;Toddler Room\n'
layout 12 care_log $'child;staff;date;time;kind\nc1;s1;02/11/2026;10:00 am;Nappy change\n'
layout 14 children $'\xEF\xBB\xBFRef\tname\tdate_of_birth\troom\tkey_person\r\nc1\tAmy Brown\t1/6/2025\tBaby Room\ts1\r\n'
layout 17 attendance $'Ref\tdate\tstart\tend\troom\nc1\t2/11/2026\t08:00\t16:00\tBaby Room\nc2\tTue\t09:00\t15:00\t\n'
layout 18 allocations $'Ref\tkey_person\tbuddy\tfrom\tto\nc1\tJo\ts2\t1/1/2026\t3/11/2026\n'
layout 20 overrides $'Ref\tstart\tend\troom\trule\treason\n2/11/2026\t12:00\t12:30\tbabies\tRatio\t"Ill, sent home"\n'

while IFS= read -r -d '' f; do add fuzz_setting_toml "$f"; done \
  < <(find examples tests -name 'setting.toml' -print0)
while IFS= read -r -d '' f; do add fuzz_setting_yaml "$f"; done \
  < <(find examples tests -name 'setting.yaml' -print0)
# More setting.yaml seeds: the small TOML settings of tests/cli, converted.
for dir in tests/cli/*/; do
  [ -f "$dir/setting.toml" ] && ! grep -q '^\[import' "$dir/setting.toml" || continue
  mkdir -p "$seeds/yaml"
  out="$seeds/yaml/$(basename "$dir").yaml"
  python3 examples/tools/setting_to_yaml.py "$dir" > "$out" 2>/dev/null && add fuzz_setting_yaml "$out"
done
while IFS= read -r -d '' f; do add fuzz_policy_yaml "$f"; done \
  < <(find examples tests -name '*.yaml' ! -name 'setting.yaml' -print0; find templates/checklists -name '*.yaml' -print0)

for target in fuzz_csv fuzz_setting_toml fuzz_setting_yaml fuzz_policy_yaml; do
  out=fuzz/corpus/$target
  if [ -x "$build/fuzz/$target" ]; then
    rm -rf "$out.new" && mkdir -p "$out.new"
    "$build/fuzz/$target" -merge=1 -max_len=$max_size -timeout=10 -rss_limit_mb=2048 \
      "$out.new" "$seeds/$target" ${KEEP_CORPUS:+"$out"} 2> "$seeds/$target.log" ||
      { cat "$seeds/$target.log" >&2; exit 1; }
    rm -rf "$out" && mv "$out.new" "$out"
  else
    echo "note: $build/fuzz/$target is not built; keeping every seed (run again after scripts/fuzz.sh 0)" >&2
    rm -rf "$out" && mkdir -p "$out" && cp "$seeds/$target"/* "$out/"
  fi
  echo "$out: $(ls "$out" | wc -l) files, $(du -sh "$out" | cut -f1)"
done
