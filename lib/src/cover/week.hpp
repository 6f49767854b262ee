#pragma once
// The stages of a cover over several days, solved one day at a time wherever that is
// exact, and over the whole request only where the days must be solved together.
//
// The days share nothing but the people changed: a person counts once however many days
// they change on. So:
//
//     breach minutes   the sum of each day's least                          (always exact)
//     people changed   at least the most any one day needs; proved when the days'
//                      answers together change no more people than that, or when
//                      that many people mend every day (people_sets.hpp)
//     extra minutes,   each day's best with at most that many people changed is a bound
//     familiar, ...    for the request's; proved when the days' answers together still
//                      change no more people than the request's least
//
// When the days' answers together change more people than that, the request is solved
// as one programme from the stage where they do (the week's formulation, `week`).

#include <vector>

#include "day_plan.hpp"
#include "formulation.hpp"
#include "stages.hpp"

namespace attune::covering {

/// Solves the stages of the days of `week` (formulated from `days`), changing its rows.
Solved solve_week(const std::vector<DayPlan>& days, Formulation& week, const Setting& setting,
                  const plan::Requirements& requirements, double time_limit_seconds);

}  // namespace attune::covering
