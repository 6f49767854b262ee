#pragma once
// An improvement of the lowest coverage of all children (stage 2), a heuristic: a large
// neighbourhood search. One day of the rota is planned again with every other day held
// as it is: the day's own programme (day_alone.hpp), with each child's minutes on the
// other days a constant, each contract's minutes on the other days taken off it, the
// stage before held (each baby's minutes at least their floor), and the lowest coverage
// among the day's children maximised, the rota in hand as the solver's start. A day
// planned again is kept only when it keeps every row of the week and the children's
// coverages, sorted from the lowest, are better exactly (the lowest, then the next, ...;
// whole minutes, cross-multiplied). Days with the most of the lowest children come first.
//
// Why: CBC did not improve on the start in stage 2 on bench/plan.sh's week in any run (a
// week is 40,000 variables); a day is a fifth of that and CBC solves it in seconds. The
// stage's bound still comes from the solver's own solve of the whole week, so the gap
// reported stays a proved one; this only finds a better rota.

#include <functional>
#include <vector>

#include "requirements.hpp"
#include "rota_model.hpp"
#include "stages.hpp"

namespace attune::plan {

/// `floors`: per pupil, the minutes the stages before hold (0: none). `keeps_rows` makes
/// a candidate week's values whole (polished, the stages' own variables worked out) and
/// says whether it keeps every row. Returns the best rota found (`values` when none is
/// better); `solves` counts the solver's runs.
std::vector<double> improve_lowest(const Setting& setting, const Requirements& requirements, const RotaModel& model,
                                   const std::vector<Pupil>& pupils, const std::vector<long>& floors,
                                   std::vector<double> values, Budget& budget, double share, int threads,
                                   const std::function<bool(std::vector<double>&)>& keeps_rows, int& solves);

}  // namespace attune::plan
