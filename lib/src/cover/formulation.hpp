#pragma once
// The cover as a mixed-integer programme over the pieces of the days (day_plan.hpp).
//
// For each person and piece where they could work: x[room] = 1 when they work in that
// room (contact time, in ratio if they count). A person on shift as rostered works
// somewhere or is on one of their breaks; one on non-contact time works or stays off the
// floor; an extension (before their first piece or after their last, joined to the shift,
// within the budget) or a call-in (one block, inside availability) works or does not.
// Each break takes exactly one of its candidate windows. The statutory rules come from
// plan::Requirements, one stretch per piece with children.
//
//     objective terms   breach     sum over requirements of minutes x breach
//                       people     sum over staff of changed[s]  (changed >= every deviation)
//                       extra      sum over extension and call-in pieces of minutes x work
//                       familiar   sum over babies' groups of child-minutes x f (f <= familiar adults there)
//                       changes    sum over pieces of minutes x deviation

#include <optional>
#include <vector>

#include "../plan/requirements.hpp"
#include "attune/solver.hpp"
#include "day_plan.hpp"

namespace attune::covering {

/// The variables of one person on one day.
struct PersonVars {
  /// By piece: (room, x) for each room they could work in then; empty when their piece is fixed.
  std::vector<std::vector<std::pair<RoomIndex, solver::Variable>>> work;
  /// By break: one binary per candidate window.
  std::vector<std::vector<solver::Variable>> breaks;
};

/// One linear objective with a constant: value = constant + sum of terms.
struct Objective {
  double constant = 0.0;
  std::vector<solver::Term> terms;
};

struct Formulation {
  solver::Model model;
  std::vector<std::vector<PersonVars>> vars;  ///< by day plan, then person (as in DayPlan::people)
  std::vector<std::optional<solver::Variable>> changed;  ///< by staff index
  std::vector<plan::Requirement> requirements;
  std::vector<std::size_t> requirement_day;  ///< the day plan of each requirement
  /// By day plan: its variables, [first, last) (all but `changed`, which come first).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> day_variables;
  Objective breach, people, extra, familiar, changes;
  /// Bounds that hold everyone to the rota as planned: (variable, value).
  std::vector<std::pair<solver::Variable, double>> as_rostered;
};

Formulation formulate(const std::vector<DayPlan>& days, const Setting& setting, const plan::Requirements& requirements);

/// The value of an objective at `values`.
double evaluate(const Objective& objective, const std::vector<double>& values);

}  // namespace attune::covering
