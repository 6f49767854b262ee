// attune plan's fallback start: when the start's day solves with its objective get no
// time (PlanOptions::fallback_start_only, as on a loaded machine), every day is planned
// by the fallback, a feasibility solve, and the week still gets a rota that `attune
// check` passes with no statutory breach; the exact stages then improve on it as usual.

#include <string>

#include "attune/check.hpp"
#include "attune/load.hpp"
#include "attune/plan.hpp"
#include "plan/rota.hpp"
#include "plan_test_support.hpp"
#include "test_support.hpp"

using namespace attune;
using attune::test::load_case;
using attune::test::profile_named;
using attune::test::statutory_breaches;

TEST_CASE("plan: with no time for the start's own tries, the fallback still gives a rota (the worked week)") {
  // tests/cli/plan-contracts-limit-coverage (docs/plan.md, "A worked week"): one Baby Room
  // 08:00-14:00, Amy 09:00-12:00 (key Sam), Ben 10:00-13:00 (key Sue), each contracted
  // for 120 minutes, shifts of at least 120. Someone must be in the room 09:00-13:00,
  // 240 minutes: each works one two-hour shift, not overlapping. Sam 09:00-11:00 then Sue
  // 11:00-13:00 gives each baby 120 of 180 minutes (2/3); the other order 60 (1/3).
  const Setting s = load_case(std::string(ATTUNE_EXAMPLES_DIR) + "/../tests/cli/plan-contracts-limit-coverage");
  const RuleProfile profile = test::group_profile();
  PlanOptions options;
  options.fallback_start_only = true;
  options.time_limit_seconds = 20;
  const RotaPlan plan = plan_rota(s, profile, options);
  REQUIRE(plan.status == PlanStatus::optimal);
  CHECK(plan.start == "heuristic start");
  REQUIRE(plan.objective.min_under_2_coverage.has_value());
  CHECK(*plan.objective.min_under_2_coverage == Share{2, 3});
  CHECK(plan.objective.key_person_minutes == 240);
  CHECK(plan.verified_breaches == 0);
  CHECK(statutory_breaches(s, profile, plan) == 0);
}

TEST_CASE("plan: with no time for the start's own tries, the fallback still gives a rota (Rowan Tree)") {
  // examples/rowan-childminder: five young children with Dawn and Sam 09:00-15:00 need a
  // third adult at lunchtime (docs/plan.md), so a rota is tight; one exists (Jo). With
  // a short limit the stages may not prove the optimum, but the rota must keep every
  // statutory rule and the status must say a rota was found.
  const Setting s = load_case(std::string(ATTUNE_EXAMPLES_DIR) + "/rowan-childminder");
  const RuleProfile profile = profile_named("eyfs-2024-childminder");
  PlanOptions options;
  options.fallback_start_only = true;
  options.time_limit_seconds = 4;
  const RotaPlan plan = plan_rota(s, profile, options);
  REQUIRE((plan.status == PlanStatus::optimal || plan.status == PlanStatus::feasible));
  CHECK(plan.start == "heuristic start");
  CHECK_FALSE(plan.shifts.empty());
  CHECK(plan.verified_breaches == 0);
  CHECK(statutory_breaches(s, profile, plan) == 0);
}
