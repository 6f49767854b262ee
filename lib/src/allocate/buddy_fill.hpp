#pragma once
// Buddies for an allocation whose key persons are chosen: the stages before the
// key-or-buddy minutes do not look at buddies, so they are solved without them (a
// relaxation) and their answer is given buddies here, judged exactly afterwards.

#include "formulation.hpp"

namespace attune::alloc {

/// Gives every pupil who needs one a buddy: not the key person, eligible, not ruled out
/// by `limits`, within every buddy caseload. A pupil keeps its buddy in `hint` (may be
/// null) where that still fits; otherwise it takes the adult with the most room left.
/// False when some pupil finds none (the caller then solves with the buddies).
bool fill_buddies(const Problem& p, const Limits& limits, Assignment& a, const Assignment* hint);

}  // namespace attune::alloc
