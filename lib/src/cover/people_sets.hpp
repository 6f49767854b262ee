#pragma once
// Several days whose answers, each alone, change different people: the fewest people
// changed over the request, proved without the request's whole programme when it is the
// most any one day needs.
//
// Each day's fewest is proved (stage 2 of the day alone), and the request changes at
// least K, the most of them: read on one day, an answer for the request is an answer
// for that day. So any set of K people that mends every day as well as it can be mended
// proves that the request's fewest is K. It is sought with a programme of some of the
// days, their people changed held at K: the days that need K first, one of them alone;
// each set its solution changes is tried on each other day with only those people free
// to change (a small programme: everyone else is held to the rota); a day the set does
// not mend joins the programme, which rules the set out.
//
//     programme   Wed                 Wed+Mon            Wed+Mon+Thu
//     its set     {s03 s09 s11 ...}   {s02 s08 ...}      {s00 b01 s03 s06 s15}
//     tried on    Mon: not mended     Thu: not mended    Mon..Fri: every day mended
//
// A programme with no solution proves that the request needs more than K people (it is a
// relaxation of the request's: every row it holds, every answer for the request keeps);
// the request's programme then decides (week.cpp), as it would have without this. At
// worst the programme grows to every day: the request's own, its people held at K.

#include <deque>
#include <optional>
#include <vector>

#include "day_plan.hpp"
#include "formulation.hpp"
#include "stages.hpp"

namespace attune::covering {

/// What the days need: each day's plan (one day each), its least breach minutes and its
/// fewest people changed, both proved.
struct DaysAlone {
  const std::deque<std::vector<DayPlan>>* plans = nullptr;
  std::vector<long> breach;
  std::vector<long> people;
};

/// K people that mend every day, and each day's solution with only them free to change
/// (the fewest extra paid minutes that way), in that day's own programme as `formulate`
/// of its plan alone lays it out.
struct PeopleFound {
  std::vector<StaffIndex> people;  ///< sorted
  std::vector<std::vector<double>> days;
};

/// K people that mend every day, K the most the days need; nothing when a solve was
/// stopped by the limit or no K people do. `solves` counts the solves either way.
std::optional<PeopleFound> people_for_every_day(const DaysAlone& days, const Setting& setting,
                                                const plan::Requirements& requirements, const Deadline& deadline,
                                                int& solves);

}  // namespace attune::covering
