#pragma once
// Where attune runs: its data directories, the terminal, NO_COLOR.

#include <string_view>

#include "command.hpp"

namespace attune::cli {

/// Data directories in order: $ATTUNE_DATA_DIR, <binary>/../share/attune (installed),
/// then the source tree's templates/ (a build that was not installed).
Environment detect_environment();

}  // namespace attune::cli
