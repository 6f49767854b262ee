#!/usr/bin/env bash
# Mutated copies of the example nursery (files cut short, bytes changed, quotes,
# separators, line breaks and bad bytes inserted, lines deleted; the same for the
# one-file setting.yaml): every run must end with exit code 0, 1 or 2, never a crash,
# and every input error must name its file and line. Deterministic (a fixed seed).
#   mutations.sh ATTUNE EXAMPLES_DIR WORKDIR
# More, or other, mutations by hand: MUTATION_SEED=7 MUTATION_ROUNDS=500 mutations.sh ...
# (ROUNDS mutations of each file; the test suite runs 24 with seed 2026, 12 under the sanitizers).
set -euo pipefail
attune=$1 examples=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
RANDOM=${MUTATION_SEED:-2026}
rounds=${MUTATION_ROUNDS:-24}
runs=0

# run_case LABEL PATH: one check of a mutated setting.
run_case() {
  local label=$1 path=$2 rc=0
  "$attune" check "$path" --format json > /dev/null 2> "$work/err.txt" || rc=$?
  runs=$((runs + 1))
  case $rc in
    0 | 1 | 2) ;;
    *) cp -r "$path" "$work/failed-$runs" 2> /dev/null || true
       fail "$label: exit code $rc (kept in $work/failed-$runs): $(head -c 1500 "$work/err.txt")" ;;
  esac
  if grep -Eq 'internal error|terminate called|Aborted|Segmentation|AddressSanitizer|runtime error|LeakSanitizer' "$work/err.txt"; then
    fail "$label: $(head -c 1500 "$work/err.txt")"
  fi
  if [ $rc -eq 2 ]; then
    local unplaced
    unplaced=$(grep ': error: ' "$work/err.txt" | grep -Ev '^[^ ]+:[0-9]+(:[0-9]+)?: error: ' || true)
    [ -z "$unplaced" ] || fail "$label: an error without its line: $unplaced"
    grep -q ': error: ' "$work/err.txt" || fail "$label: exit 2 without an error message: $(head -c 500 "$work/err.txt")"
  fi
}

# mutate FILE: writes a changed copy of FILE over itself, in one of several ways.
mutate() {
  local file=$1 size pos kind
  size=$(stat -c %s "$file")
  [ "$size" -gt 2 ] || return 0
  pos=$(( (RANDOM * 32768 + RANDOM) % size ))
  kind=$((RANDOM % 12))
  local bytes=('"' ',' '\n' '\000' '\377' ';' '\r' '\t')
  case $kind in
    0) head -c "$pos" "$file" > "$file.new" ;;                                    # cut short
    1) { head -c "$pos" "$file"; printf "\\$(printf '%03o' $((RANDOM % 256)))"; tail -c +$((pos + 2)) "$file"; } > "$file.new" ;;
    2) sed "$(( (RANDOM % $(wc -l < "$file")) + 1 ))d" "$file" > "$file.new" ;;  # a line deleted
    3) { head -c "$pos" "$file"; head -c 200000 /dev/zero | tr '\0' 'x'; tail -c +$((pos + 1)) "$file"; } > "$file.new" ;;  # a huge field
    *) { head -c "$pos" "$file"; printf '%b' "${bytes[$((kind - 4))]}"; tail -c +$((pos + 1)) "$file"; } > "$file.new" ;;
  esac
  mv "$file.new" "$file"
}

# 1. The setting folder: one file mutated at a time, a few times each.
for file in setting.toml children.csv staff.csv shifts.csv attendance.csv care_log.csv; do
  for i in $(seq 1 "$rounds"); do
    rm -rf "$work/case" && cp -r "$examples/sunflower" "$work/case"
    mutate "$work/case/$file"
    [ $((i % 4)) -eq 0 ] && mutate "$work/case/$file"   # now and then twice
    run_case "$file mutation $i" "$work/case"
  done
done

# 2. Two files at once.
for i in $(seq 1 $((rounds / 2))); do
  rm -rf "$work/case" && cp -r "$examples/sunflower" "$work/case"
  mutate "$work/case/children.csv"
  mutate "$work/case/shifts.csv"
  run_case "two files, mutation $i" "$work/case"
done

# 3. The one-file form.
for i in $(seq 1 "$rounds"); do
  rm -rf "$work/yaml" && mkdir -p "$work/yaml" && cp "$examples/sunflower-yaml/setting.yaml" "$work/yaml/"
  mutate "$work/yaml/setting.yaml"
  run_case "setting.yaml mutation $i" "$work/yaml"
done
echo "ok: $runs mutated settings, every exit code 0, 1 or 2 and every error placed"
