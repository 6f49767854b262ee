// attune plan's constructive start (lib/src/plan/construct.cpp), a heuristic that uses no
// solver search and no clock: alone (PlanOptions::constructive_start_only) and with a
// limit too short for any stage to run, it must still give a rota that `attune check`
// passes with no statutory breach, within every contract, and say it is a heuristic's
// (status feasible, never optimal unless the stages proved it).

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

namespace constructive_test {

std::string cli_case(const char* name) { return std::string(ATTUNE_EXAMPLES_DIR) + "/../tests/cli/" + name; }

/// The constructive start alone, with `seconds` for the stages after it.
RotaPlan constructed(const Setting& s, const RuleProfile& profile, double seconds) {
  PlanOptions options;
  options.constructive_start_only = true;
  options.time_limit_seconds = seconds;
  return plan_rota(s, profile, options);
}

/// Everyone's planned minutes within their contract (overtime 0 in these settings).
void within_contracts(const RotaPlan& plan) {
  for (const PlannedStaff& st : plan.staff)
    if (st.contracted_minutes) CHECK(st.planned_minutes <= *st.contracted_minutes);
}

}  // namespace constructive_test

namespace ct = constructive_test;

TEST_CASE("plan: the constructive start alone keeps every rule (the worked week), and the stages improve on it") {
  // tests/cli/plan-contracts-limit-coverage (docs/plan.md, "A worked week"): one Baby Room
  // 08:00-14:00 at 60-minute slots, Amy 09:00-12:00 (key Sam), Ben 10:00-13:00 (key Sue),
  // each contracted for 120 minutes, shifts of at least 120. Someone in ratio must be in
  // the room 09:00-13:00, 240 minutes = both contracts: two two-hour shifts, end to end.
  const Setting s = load_case(ct::cli_case("plan-contracts-limit-coverage"));
  const RuleProfile profile = test::group_profile();
  SUBCASE("no time for any stage: the start is the rota") {
    const RotaPlan plan = ct::constructed(s, profile, 0.01);
    REQUIRE(plan.status == PlanStatus::feasible);  // nothing proved
    CHECK(plan.start == "constructive heuristic start");
    REQUIRE(plan.shifts.size() == 2);
    long worked = 0;
    for (const PlannedShift& sh : plan.shifts) worked += sh.time.length();
    CHECK(worked == 240);
    CHECK(plan.verified_breaches == 0);
    CHECK(statutory_breaches(s, profile, plan) == 0);
    ct::within_contracts(plan);
  }
  SUBCASE("with time: the stages prove Sam first, then Sue (2/3 for each baby)") {
    const RotaPlan plan = ct::constructed(s, profile, 20);
    REQUIRE(plan.status == PlanStatus::optimal);
    CHECK(plan.start == "constructive heuristic start");
    REQUIRE(plan.objective.min_under_2_coverage.has_value());
    CHECK(*plan.objective.min_under_2_coverage == Share{2, 3});
    CHECK(statutory_breaches(s, profile, plan) == 0);
  }
}

TEST_CASE("plan: the constructive start alone keeps every rule on the tiny hand-worked weeks") {
  const RuleProfile group = test::group_profile();
  for (const char* name : {"plan-one-room-two-staff", "plan-break-covered-by-buddy"}) {
    CAPTURE(name);
    const Setting s = load_case(ct::cli_case(name));
    const RotaPlan plan = ct::constructed(s, group, 0.01);
    REQUIRE(plan.status == PlanStatus::feasible);
    CHECK(plan.start == "constructive heuristic start");
    CHECK_FALSE(plan.shifts.empty());
    CHECK(plan.verified_breaches == 0);
    CHECK(statutory_breaches(s, group, plan) == 0);
    ct::within_contracts(plan);
  }
}

TEST_CASE("plan: the constructive start alone keeps every rule on a childminder's week (Rowan Tree)") {
  // examples/rowan-childminder: five young children 09:00-15:00 need both Dawn and Sam,
  // and their lunch breaks need Jo (docs/plan.md): the construction must bring Jo in.
  const Setting s = load_case(std::string(ATTUNE_EXAMPLES_DIR) + "/rowan-childminder");
  const RuleProfile profile = profile_named("eyfs-2024-childminder");
  const RotaPlan plan = ct::constructed(s, profile, 0.01);
  REQUIRE(plan.status == PlanStatus::feasible);
  CHECK(plan.start == "constructive heuristic start");
  CHECK(plan.verified_breaches == 0);
  CHECK(statutory_breaches(s, profile, plan) == 0);
}

TEST_CASE("plan: the constructive start alone keeps every rule on the bench week (4 rooms, 60 children, 15 staff)") {
  // tests/cli/plan-bench-week-one-second: bench/plan.sh's generated week. Every contract
  // is the minutes the generated rota gave, so the week is tight; no stage has time.
  const Setting s = load_case(ct::cli_case("plan-bench-week-one-second"));
  const RuleProfile profile = test::group_profile();
  const RotaPlan plan = ct::constructed(s, profile, 0.01);
  REQUIRE(plan.status == PlanStatus::feasible);
  CHECK(plan.start == "constructive heuristic start");
  CHECK(plan.verified_breaches == 0);
  CHECK(statutory_breaches(s, profile, plan) == 0);
  ct::within_contracts(plan);
  CHECK_FALSE(plan.shifts.empty());
}
