#pragma once
// Why no rota exists, in the nursery's words: which day and time, which room, how many
// adults short, and who is not available then.
//
// First by counting (no solver): at some minute the rooms need more adults in ratio, or
// more at level 3, than are available at all. That proves it. Otherwise the programme
// with the statutory rows made soft finds the rota with the fewest breach-minutes, and
// `attune check` names its breaches; the people available but not on then are named
// with what holds them back (their contract, the shift bounds).

#include <optional>
#include <string>
#include <vector>

#include "attune/plan.hpp"
#include "requirements.hpp"
#include "stages.hpp"
#include "week.hpp"

namespace attune::plan {

/// Reasons the week cannot be staffed, found by counting; empty when counting finds none.
std::vector<std::string> count_shortages(const Setting& setting, const Week& week, const Requirements& requirements,
                                         bool redact);

/// Explains a week the solver proved infeasible: the least-breach rota's breaches.
std::vector<std::string> explain_infeasible(const Setting& setting, const RuleProfile& profile, const Week& week,
                                            const Requirements& requirements, const std::vector<Pupil>& pupils,
                                            Budget& budget, int threads, bool redact);

/// "available 08:00–17:00", "not available that day", for a person-day or a person.
std::string availability_words(const Setting& setting, StaffIndex staff, Date date);

}  // namespace attune::plan
