#!/usr/bin/env bash
# The outputs the docs show are the program's: README's extract of `attune check
# examples/sunflower` (every line of it, "..." aside, is in the real output), and
# docs/formats.md's worked example, whose files are taken from the doc itself and whose
# `attune validate` and `attune check` outputs must be exactly what the doc prints.
#   outputs_in_docs.sh ATTUNE SOURCE_DIR WORKDIR
set -euo pipefail
attune=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

# README: the extract after "An extract of what it prints:".
"$attune" check "$source/examples/sunflower" > sunflower.txt || [ $? -eq 1 ] || fail "check of the example failed"
python3 - "$source/README.md" sunflower.txt <<'PY' || fail "README's extract is not what attune prints"
import sys
readme = open(sys.argv[1], encoding="utf-8").read()
start = readme.index("An extract of what it prints:")
block = readme[readme.index("```\n", start) + 4:]
block = block[:block.index("```")]
real = open(sys.argv[2], encoding="utf-8").read().splitlines()
missing = [l for l in block.splitlines() if l.strip() and l.strip() != "..." and l not in real]
for l in missing: print("not in the output:", l, file=sys.stderr)
sys.exit(1 if missing or len(block.splitlines()) < 10 else 0)
PY

# formats.md: the worked example's files, then its two outputs.
mkdir little-acorns
python3 - "$source/docs/formats.md" <<'PY'
import re, sys
doc = open(sys.argv[1], encoding="utf-8").read()
part = doc[doc.index("## Worked example: a baby room"):]
names = ["setting.toml", "staff.csv", "children.csv", "shifts.csv", "attendance.csv", "care_log.csv"]
blocks = re.findall(r"```(?:toml)?\n(.*?)```", part, re.S)
for name, text in zip(names, blocks):
    open("little-acorns/" + name, "w", encoding="utf-8").write(text)
for i, command in ((6, "validate"), (7, "check")):
    text = blocks[i]
    assert text.startswith("$ attune " + command + " little-acorns\n"), text[:60]
    open(command + ".expected", "w", encoding="utf-8").write(text.split("\n", 1)[1])
PY
"$attune" validate little-acorns > validate.out 2>&1 || fail "the worked example does not validate"
"$attune" check little-acorns > check.out 2>&1 && fail "the worked example's check exits 0; the doc says 1" || [ $? -eq 1 ] || fail "check exit code"
diff -u validate.expected validate.out || fail "formats.md's validate output is not what attune prints"
diff -u check.expected check.out || fail "formats.md's check output is not what attune prints"
echo "ok: README extract and formats.md worked example match"
