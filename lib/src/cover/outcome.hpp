#pragma once
// From the solver's values back to the nursery's day: what each person does in each
// piece, the changes in words (move, contact, extend, break_move, call_in), and the
// amended spells that `attune check` is run on.

#include <vector>

#include "attune/cover.hpp"
#include "day_plan.hpp"
#include "formulation.hpp"

namespace attune::covering {

/// One person's day after the changes.
struct Amended {
  std::vector<Slot> slots;              ///< by piece
  std::vector<std::size_t> break_choice;  ///< by break: the candidate taken
  [[nodiscard]] bool changed(const Person& p) const;
};

/// By day plan, then person.
std::vector<std::vector<Amended>> read_outcome(const std::vector<DayPlan>& days, const Formulation& f,
                                               const std::vector<double>& values);

/// The changes, in time order (date, start, staff).
std::vector<CoverChange> list_changes(const std::vector<DayPlan>& days, const std::vector<std::vector<Amended>>& outcome);

/// The days of `setting` with each changed person's spells rebuilt from their slots;
/// `rewritten` gets (staff, day index) for each.
std::vector<Day> amend_days(const Setting& setting, const std::vector<DayPlan>& days,
                            const std::vector<std::vector<Amended>>& outcome,
                            std::vector<std::pair<StaffIndex, std::size_t>>& rewritten);

}  // namespace attune::covering
