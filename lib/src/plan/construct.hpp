#pragma once
// A constructive day rota, a heuristic that does not depend on the clock: people placed
// slot by slot until every statutory rule holds (by SlotRules' reading), each in one
// contiguous shift within the shift bounds, with their break inside the window, within
// what their contract may give that day; key persons preferred, and placed in the room of
// their key children. No solver, no time limit: the same day always gives the same rota.
// It is a start for the exact stages, never called optimal; the caller checks it against
// the programme's own rows before using it (start.cpp). Internal to lib/src/plan.

#include <optional>
#include <vector>

#include "attune/setting.hpp"
#include "rota_model.hpp"
#include "slot_rules.hpp"
#include "week.hpp"

namespace attune::plan {

/// Where everyone of `day` (one week day: one_day()) is in each slot, or nullopt when the
/// construction finds no rota keeping every rule. `caps`: per person-day of `day`, the
/// most work minutes (breaks excluded) they may give (a negative value: no limit).
/// `setting` names the key persons and the shift rules ([plan]).
std::optional<std::vector<std::vector<SlotState>>> construct_day(const Setting& setting, const Week& day,
                                                                 const SlotRules& rules,
                                                                 const std::vector<long>& caps);

}  // namespace attune::plan
