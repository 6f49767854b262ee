#!/usr/bin/env bash
# The findings-heavy workload: groups made with `attune generate --mismatch` (rotas that
# match the bookings badly, as real exports do: about 850,000 findings for 100 settings
# a year), timed beside validate in every format, written with -o and to standard output.
# Figures, not a test.
#
#   bench/mismatch.sh [ATTUNE] [SIZES...]    default: build/cli/attune, 10 100 1000
#
# The same environment as bench/scale.sh (WORK, JOBS, RUNS); FORMATS defaults to all
# four, OUTPUTS to "-o stdout" (add "pipe" for `| wc -c`).
set -euo pipefail
export MISMATCH=1
export FORMATS=${FORMATS:-json text csv markdown}
export OUTPUTS=${OUTPUTS:--o stdout}
exec "$(dirname "$0")/scale.sh" "$@"
