#pragma once
// A solver's answer made exactly feasible: what the planner hands the solver as a start
// and reads its values from.

#include <vector>

#include "rota_model.hpp"

namespace attune::plan {

/// The value of `terms` at `values`, which are whole numbers there (polished).
long whole_value(const std::vector<solver::Term>& terms, const std::vector<double>& values);

/// Integer variables rounded, and the continuous ones (shift starts and stops, breaks,
/// overtime, shortfall, coverage floors) worked out again from them: a solution exactly
/// feasible, to hand the solver as a start.
void polish(const RotaModel& model, std::vector<double>& values);

}  // namespace attune::plan
