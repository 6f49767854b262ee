#!/usr/bin/env bash
# The .deb: built by cpack from this build folder, unpacked into a scratch root with
# dpkg -x (nothing is installed on the machine), and the example nursery checked with
# the unpacked binary, which must find its profiles in the unpacked /usr/share/attune.
#   deb_install.sh BUILD_DIR SOURCE_DIR SCRATCH
set -euo pipefail
build=$1
source=$2
scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/pkg" >"$scratch/cpack.log" 2>&1 \
  || { cat "$scratch/cpack.log" >&2; fail "cpack -G DEB failed"; }
deb=$(ls "$scratch"/pkg/attune_*.deb)

# The control file: the package, and dependencies found from the binary's libraries.
dpkg-deb -f "$deb" Package | grep -qx attune || fail "Package is not attune"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libfmt9 libsqlite3-0 coinor-libcbc3 libstdc++6; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done

root=$scratch/root
dpkg -x "$deb" "$root"
attune=$root/usr/bin/attune
[[ -x $attune ]] || fail "no usr/bin/attune in the package"
for f in share/attune/profiles/eyfs-2024-group.toml share/attune/checklists/key-person.yaml \
         share/attune/checklists/infant-mental-health.yaml share/attune/report/report.html \
         share/attune/setting/setting.toml share/bash-completion/completions/attune \
         share/man/man1/attune.1.gz share/doc/attune/README.md share/doc/attune/docs/formats.md \
         share/doc/attune/docs/cli.md; do
  [[ -f $root/usr/$f ]] || fail "the package lacks usr/$f"
done

# A man page for every command the program lists, each naming its own options.
commands=$("$attune" --help | sed -n '/^Subcommands:/,$p' | sed '1d' | awk '/^  [a-z]/ {print $1}')
[[ $(wc -w <<<"$commands") -ge 10 ]] || fail "attune --help lists too few commands: $commands"
for c in $commands; do
  page=$root/usr/share/man/man1/attune-$c.1.gz
  [[ -f $page ]] || fail "no man page for attune $c"
  zcat "$page" | grep -q "^\.TH ATTUNE-$(tr a-z A-Z <<<"$c") " || fail "attune-$c.1 has the wrong title"
  zcat "$page" | grep -q '^\.SH "EXIT STATUS"' || fail "attune-$c.1 has no EXIT STATUS"
done
zcat "$root/usr/share/man/man1/attune-check.1.gz" | grep -q 'fail\\-on' || fail "attune-check.1 lacks --fail-on"

# The unpacked binary finds the unpacked data: a profile that exists only there.
cp "$root/usr/share/attune/profiles/eyfs-2024-group.toml" \
   "$root/usr/share/attune/profiles/only-in-the-package.toml"
cd "$scratch"
set +e
env -u ATTUNE_DATA_DIR "$attune" check "$source/examples/sunflower" --format json \
  --profile only-in-the-package -o from-package.json
rc=$?
env -u ATTUNE_DATA_DIR "$build/cli/attune" check "$source/examples/sunflower" --format json \
  -o from-build.json
rc_build=$?
set -e
[[ $rc == "$rc_build" ]] || fail "exit $rc from the package, $rc_build from the build"
[[ $rc == 0 || $rc == 1 ]] || fail "the packaged attune exited $rc on the example"
# The same findings as the built binary (the profile is the same file under another name).
count_findings() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$1"; }
[[ $(count_findings from-package.json) == $(count_findings from-build.json) ]] || fail "the packaged binary's findings differ"
[[ $(count_findings from-package.json) -gt 0 ]] || fail "no findings on the example"

# Bash completion from the package completes commands and options from --help.
completion=$root/usr/share/bash-completion/completions/attune
out=$(PATH="$root/usr/bin:$PATH" bash -c '
  source "$1"
  try() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _attune; echo "${COMPREPLY[*]}"; }
  try attune ch
  try attune check --fail
  try attune policy ""
  try attune check --format ""
  try attune report --format ""
  try attune init --kind ""' _ "$completion")
# Each command's own values, as its --help lists them (check writes no HTML; report does).
expected=$'check\n--fail-on\nsummary template\ntext json markdown csv\nhtml markdown data\ngroup childminder'
[[ $out == "$expected" ]] || fail "completion gave:
$out"
echo "ok: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) unpacks, checks the example, has $(wc -w <<<"$commands") man pages"
