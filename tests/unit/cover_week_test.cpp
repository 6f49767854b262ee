// Several days of cover: the fewest people over the request found without the request's
// whole programme (cover/people_sets.hpp), on the hand-worked case
// tests/cli/cover-week-one-person (its NOTES.md works the figures out).

#include <doctest/doctest.h>

#include <cmath>
#include <deque>
#include <string>

#include "attune/cover.hpp"
#include "attune/load.hpp"
#include "cover/day_plan.hpp"
#include "cover/formulation.hpp"
#include "cover/people_sets.hpp"
#include "cover/stages.hpp"
#include "cover/week.hpp"
#include "plan/requirements.hpp"
#include "test_support.hpp"

using namespace attune;

namespace {

struct TwoDays {
  Setting without;
  std::vector<covering::DayPlan> days;
};

TwoDays two_days() {
  const std::string dir = std::string(ATTUNE_EXAMPLES_DIR) + "/../tests/cli/cover-week-one-person";
  LoadResult loaded = load_setting(dir, LoadOptions{});
  REQUIRE(loaded.setting.has_value());
  TwoDays w{*loaded.setting, {}};
  const std::vector<StaffIndex> absent{1};  // s2, Bea Cole
  remove_absent(w.without, absent);
  const covering::Familiarity familiarity(*loaded.setting, nullptr);
  w.days = covering::plan_days(w.without, test::group_profile(), absent, familiarity);
  REQUIRE(w.days.size() == 2);
  return w;
}

/// The people (staff indices) a day's solution changes.
std::vector<StaffIndex> changed_people(const covering::Formulation& f, const std::vector<double>& values) {
  std::vector<StaffIndex> out;
  for (StaffIndex s = 0; s < f.changed.size(); ++s)
    if (f.changed[s] && values[f.changed[s]->index] > 0.5) out.push_back(s);
  return out;
}

}  // namespace

TEST_CASE("cover over two days: one person who can cover both, where each day alone would change another") {
  const TwoDays w = two_days();
  const RuleProfile profile = test::group_profile();
  const plan::Requirements requirements(w.without, profile);
  constexpr StaffIndex s4 = 3, s5 = 4;
  // Each day alone: one person, the fewest. Monday's buddy s5 gives b4-b6 an adult they
  // know (3 x 540 more familiar minutes than s4), so Monday alone moves s5; on Tuesday s5
  // is not on, and s3 cannot leave Pre-school (no level 3 there then): s4.
  std::deque<std::vector<covering::DayPlan>> singles;
  covering::DaysAlone alone{&singles, {}, {}};
  const std::vector<StaffIndex> expected_alone[2] = {{s5}, {s4}};
  for (std::size_t d = 0; d < 2; ++d) {
    singles.push_back({w.days[d]});
    covering::Formulation f = covering::formulate(singles.back(), w.without, requirements);
    const covering::Solved s = covering::solve_stages(f, 0);
    REQUIRE(s.proved);
    CHECK(s.breach == 0);
    CHECK(changed_people(f, s.values) == expected_alone[d]);
    alone.breach.push_back(0);
    alone.people.push_back(1);
  }
  // Over both days the fewest is 1 (the most either day needs): s4, who mends both.
  int solves = 0;
  const covering::Deadline deadline(0);
  const auto found = covering::people_for_every_day(alone, w.without, requirements, deadline, solves);
  REQUIRE(found.has_value());
  CHECK(found->people == std::vector<StaffIndex>{s4});
  CHECK(solves >= 3);  // Monday's programme at least once, then a day with only s4 free each
  REQUIRE(found->days.size() == 2);
  for (std::size_t d = 0; d < 2; ++d) {
    covering::Formulation f = covering::formulate(singles[d], w.without, requirements);
    CHECK(f.model.violation(found->days[d]) <= 1e-6);
    CHECK(std::lround(covering::evaluate(f.breach, found->days[d])) == 0);
    CHECK(std::lround(covering::evaluate(f.extra, found->days[d])) == 0);
  }
  // The request: breach 0 + 0 (the days' least, summed), 1 person, 0 extra minutes; the
  // babies' familiar minutes Monday 3 x 540 (b1-b3 with their key person s1; b4-b6 know
  // only s2 and s5 that day), Tuesday 6 x 540 (s1 worked in the Baby Room on Monday):
  // 4,860; minutes changed 540 + 540.
  covering::Formulation week = covering::formulate(w.days, w.without, requirements);
  const covering::Solved s = covering::solve_week(w.days, week, w.without, requirements, 0);
  REQUIRE(s.proved);
  CHECK(week.model.violation(s.values) <= 1e-6);
  CHECK(std::lround(covering::evaluate(week.breach, s.values)) == 0);
  CHECK(std::lround(covering::evaluate(week.people, s.values)) == 1);
  CHECK(changed_people(week, s.values) == std::vector<StaffIndex>{s4});
  CHECK(std::lround(covering::evaluate(week.extra, s.values)) == 0);
  CHECK(std::lround(covering::evaluate(week.familiar, s.values)) == 4860);
  CHECK(std::lround(covering::evaluate(week.changes, s.values)) == 1080);
}
