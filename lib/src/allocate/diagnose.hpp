#pragma once
// Why no allocation exists, in the nursery's words: which child, room or band, how many
// children and how many places, and what to change.

#include <string>

#include "problem.hpp"

namespace attune::alloc {

struct Explanation {
  std::string reason;
  std::string what_to_change;
};

/// Looked for in order: a child nobody can be key person (or buddy) to; a key person
/// already over the cap with children who do not attend; more children than places on
/// some day, setting-wide, for key persons and for buddies; siblings who cannot share;
/// then, solving again without them, whether --keep or --max-changes is the cause.
Explanation explain_infeasible(const Problem& problem, double time_limit_seconds, bool redact);

}  // namespace attune::alloc
