// A first rota on a coarser grid (see start.hpp): the week planned day by day with slots
// twice as long, then laid onto the real grid.
//
//     fine    |07:30|07:45|08:00|08:15|...     15-minute slots
//     coarse  |07:30      |08:00      |...     30-minute slots: half the choices
//     Sam     |== babies =|== babies =|        a coarse slot's place, in both halves
//
// A rota on the coarse grid is one on the fine grid: the same people at the same places
// over the same minutes, so every rule that held over a coarse slot holds over each of
// its pieces, and shifts, contracts and breaks (whose length is a whole number of coarse
// slots) are the same. Where a fine half-slot has no children in the coarse slot's room
// the person's room there is left to the completion below. Nothing is trusted: the
// values are completed by the solver with everyone's place fixed (the rule's own
// helper variables) and then checked against every row of the week.

#include <algorithm>

#include "day_alone.hpp"
#include "polish.hpp"
#include "start.hpp"

namespace attune::plan {
namespace {

/// Where everyone is on the fine grid, from a coarse rota: per fine person-day, per slot.
std::vector<std::vector<SlotState>> refine(const Week& fine, const Week& coarse, const RotaModel& coarse_model,
                                          const std::vector<double>& coarse_values) {
  const auto places = coarse_model.decode(coarse_values);
  std::vector<std::vector<SlotState>> out(fine.person_days.size());
  for (std::size_t pd = 0; pd < fine.person_days.size(); ++pd) {
    const PersonDay& p = fine.person_days[pd];
    out[pd].resize(fine.days[p.day].slots.size());
    const std::int32_t c = coarse_model.person_day(p.staff, p.day);
    if (c < 0) continue;  // not available for a whole coarse slot: off
    const auto& from = places[static_cast<std::size_t>(c)];
    for (std::size_t t = 0; t < out[pd].size(); ++t) {
      const std::size_t k = t * static_cast<std::size_t>(fine.slot_minutes) / static_cast<std::size_t>(coarse.slot_minutes);
      if (k < from.size()) out[pd][t] = from[k];
    }
  }
  return out;
}

}  // namespace

std::vector<double> coarse_start(const Setting& setting, const RuleProfile& profile, const Week& week,
                                 const Requirements& requirements, const RotaModel& model, Budget& budget, double share,
                                 const StartOptions& options, const std::vector<double>& boost) {
  const int coarse_minutes = 2 * week.slot_minutes;
  const Minute open = setting.opening.length();
  if (week.from_rota || open < coarse_minutes) return {};
  const double until = budget.elapsed() + share;
  Setting coarse = setting;
  coarse.plan.slot_minutes = coarse_minutes;
  const Week cw = build_week(coarse, profile, false);
  if (cw.days.size() != week.days.size()) return {};
  const RotaModel coarse_model(coarse, cw, requirements, false);
  const std::vector<double> rough =
      day_by_day_start(coarse, cw, requirements, coarse_model, budget, 0.8 * share, options, boost);
  if (rough.empty()) return {};
  // The fine week with everyone's place fixed: only the rules' helper variables (and the
  // shift's own) are left to the solver.
  RotaModel fixed(setting, week, requirements, false);
  if (!fix_places(fixed, refine(week, cw, coarse_model, rough))) return {};
  fixed.model().clear_objective();
  solver::SolveOptions o;
  // No objective: the first completion found ends the solve, so a day that took the
  // fallback's own time (start.cpp) still leaves this one enough.
  o.time_limit_seconds = std::max(1.0, std::min(budget.remaining(), std::max(0.1 * budget.total(), until - budget.elapsed())));
  o.threads = options.threads;
  const solver::Result r = solver::solve(fixed.model(), o);
  if (!r.has_solution()) return {};
  std::vector<double> values = r.values;
  polish(model, values);
  if (values.size() != model.model().variable_count() || model.model().violation(values) > 1e-9) return {};
  return values;
}

}  // namespace attune::plan
