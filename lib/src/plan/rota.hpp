#pragma once
// A solution of the rota programme as a rota: the shifts.csv rows, each person's and each
// child's week, and the objective's values, all worked out exactly from where everyone is
// in each slot (never from the solver's floating-point values).

#include <vector>

#include "attune/plan.hpp"
#include "rota_model.hpp"
#include "stages.hpp"

namespace attune::plan {

/// Where everyone is: per person-day of the week, per slot.
using Places = std::vector<std::vector<SlotState>>;

/// The shifts.csv rows: per person and day, a work row per stint in one room (a break
/// belongs to the stint before it, so it lies inside a work row), and the break row.
std::vector<PlannedShift> shifts_of(const Week& week, const Places& places);

/// Fills `out`'s shifts, children, staff and objective from `places`.
void describe(const Setting& setting, const Week& week, const std::vector<Pupil>& pupils, const Places& places,
              RotaPlan& out);

/// The setting with the planned shifts as its rota (breaks carved out of work), for
/// `check_setting`.
Setting with_rota(const Setting& setting, const std::vector<PlannedShift>& shifts);

}  // namespace attune::plan
