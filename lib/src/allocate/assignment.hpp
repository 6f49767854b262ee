#pragma once
// An allocation of the pupils judged in exact integer arithmetic: whether it keeps every
// hard rule, and its value at each stage. The solver's answers are decoded into an
// Assignment and judged here, so nothing the solver's tolerances allow slips through.

#include <optional>

#include "problem.hpp"

namespace attune::alloc {

/// The lowest coverage over the babies (`babies_only`) or over every pupil; nullopt when
/// there is nobody to take it over.
std::optional<Share> lowest_coverage(const Problem& p, const Assignment& a, bool babies_only);

/// Pupils whose key person differs from an eligible current one.
int count_changes(const Problem& p, const Assignment& a);

/// Total minutes with the key person, and with the key person or buddy.
long key_person_minutes(const Problem& p, const Assignment& a);
long key_or_buddy_minutes(const Problem& p, const Assignment& a);

/// The stage values of an allocation.
AllocationObjective objective_of(const Problem& p, const Assignment& a);

/// Whether `a` keeps every hard rule: eligibility, a buddy exactly where needed and not
/// the key person, the caps on every day (key and buddy loads), families, --keep and
/// --max-changes.
bool keeps_rules(const Problem& p, const Assignment& a);

}  // namespace attune::alloc
