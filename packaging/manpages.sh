#!/usr/bin/env bash
# Man pages from the program's own --help, so they are never written twice:
#   packaging/manpages.sh ATTUNE_BINARY OUTDIR
# writes OUTDIR/attune.1.gz and OUTDIR/attune-COMMAND.1.gz for every subcommand that
# `attune --help` lists, each page made by help2man from `attune COMMAND --help`.
# The sections help2man cannot know (exit status, environment, files, see also) come
# from packaging/attune.h2m. The date is SOURCE_DATE_EPOCH's when that is set
# (reproducible builds), else today's.
set -euo pipefail
attune=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Subcommands: the lines of the "Subcommands:" section, "  name   description".
mapfile -t lines < <("$attune" --help | sed -n '/^Subcommands:/,$p' | sed '1d' | grep -E '^  [a-z]')
commands=()
see_also=()
for line in "${lines[@]}"; do
  name=$(awk '{print $1}' <<<"$line")
  commands+=("$name")
  see_also+=("\\fBattune-$name\\fR(1)")
done

# A page: NAME is "attune-COMMAND", the title ATTUNE-COMMAND.
page() {
  local name=$1 help_option=$2 description=$3 include=$4
  help2man --no-info --no-discard-stderr --section=1 \
    --name="$description" --help-option="$help_option" --version-option=--version \
    --include="$include" "$attune" >"$tmp/$name.1"
  local upper
  upper=$(tr '[:lower:]' '[:upper:]' <<<"$name")
  sed -i -e "s/^\\.TH ATTUNE /.TH $upper /" -e "/^\\.SH NAME/{n;s/^attune /$name /}" "$tmp/$name.1"
  gzip -9n <"$tmp/$name.1" >"$out/$name.1.gz"
}

# Every page gets the common sections; the list of pages goes under SEE ALSO.
{
  cat "$here/attune.h2m"
  printf '\n[see also]\n'
  joined="\\fBattune\\fR(1)"
  for item in "${see_also[@]}"; do joined+=", $item"; done
  printf '%s\n.PP\nThe full manual is the docs/ folder of attune'"'"'s source, starting with docs/cli.md.\n' "$joined"
} >"$tmp/common.h2m"

summary=$("$attune" --help | head -1 | sed 's/^attune: //')
page attune --help "$summary" "$tmp/common.h2m"
for line in "${lines[@]}"; do
  name=$(awk '{print $1}' <<<"$line")
  description=$(sed -E 's/^  [a-z-]+ +//' <<<"$line")
  page "attune-$name" "$name --help" "$description" "$tmp/common.h2m"
done
