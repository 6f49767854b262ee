// attune plan's report of how far its rota can be from the best one, from hand-made stage
// results; and the proof rule of the max-min stages. Numbers worked out by hand.

#include <cmath>
#include <limits>

#include "plan/stage_summary.hpp"
#include "test_support.hpp"

using namespace attune;
using plan::bound_proves;
using plan::next_above;

namespace {

PlanStage stage(const char* name, const char* status, std::optional<double> value, std::optional<double> bound,
                double gap) {
  return PlanStage{name, status, value, bound, gap, 1.0, 1};
}

}  // namespace

TEST_CASE("plan: the next coverage above a value is the least any child could reach") {
  // v = 7/9. Each child needs floor(7 a / 9) + 1 of their a minutes to be above it:
  //   a = 9:  floor(7) + 1 = 8    ->  8/9  = 0.889
  //   a = 10: floor(7.78) + 1 = 8 ->  8/10 = 0.8     (the least)
  //   a = 12: floor(9.33) + 1 = 10 -> 10/12 = 0.833
  const long attended[] = {9, 10, 12};
  const Share next = next_above(Share{7, 9}, attended);
  CHECK(next == Share{8, 10});
  CHECK(next.whole == 10);
  CHECK(next_above(Share{1, 1}, attended) == Share{1, 1});  // nothing above everything
}

TEST_CASE("plan: a max-min stage is proved when the bound is below the next coverage, by more than CBC's tolerance") {
  const Share next{8, 10};
  CHECK(bound_proves(0.7999, next));       // 7.999 + 0.00001 < 8
  CHECK(bound_proves(0.5, next));
  CHECK_FALSE(bound_proves(0.7999995, next));  // within 1e-6 of 0.8: not trusted
  CHECK_FALSE(bound_proves(0.8, next));
  CHECK_FALSE(bound_proves(0.9, next));
  CHECK_FALSE(bound_proves(std::numeric_limits<double>::quiet_NaN(), next));
  CHECK_FALSE(bound_proves(std::numeric_limits<double>::infinity(), next));

  // bench/plan.sh's stage 1: lowest baby coverage 1680/2150 = 78.14%, the solver stopped
  // with a bound one representable step above it. Babies of 2,150 and 2,700 minutes:
  //   2150: 1681/2150 = 0.781860;  2700: floor(2109.77) + 1 = 2110 -> 2110/2700 = 0.781481
  // so no rota has a lowest coverage strictly between 78.1395% and 78.1481%: the bound,
  // 8.6e-5 below 78.1481%, proves 78.1395% the optimum.
  const Share v{1680, 2150};
  const long babies[] = {2150, 2700};
  const Share above = next_above(v, babies);
  CHECK(above == Share{2110, 2700});
  CHECK(bound_proves(std::nextafter(v.value(), 1.0), above));
  CHECK(bound_proves(v.value(), above));

  // A value whose next coverage is closer than 1e-6 (a child of 3,000,000 minutes: 1/3 ->
  // 1,000,001/3,000,000, 3.3e-7 above): a bound at the value proves nothing; a probe must.
  const long huge[] = {3000000};
  CHECK_FALSE(bound_proves(1.0 / 3.0, next_above(Share{1, 3}, huge)));
}

TEST_CASE("plan: the top-level gap is the largest among the stages worked on, and unreached stages are named") {
  // As bench/plan.sh at 60 s: stage 1 one step from its bound, stage 2 31.25% against
  // 57.29% (gap 0.2604), stage 3 63,330 against 65,552 minutes (gap 2,222/63,330 =
  // 0.0351), stages 4 and 5 no time.
  RotaPlan p;
  p.stages = {stage("min_under_2_coverage", "feasible", 0.78139, 0.78139 + 1e-16, 1e-16),
              stage("min_coverage", "feasible", 0.3125, 0.5729, 0.2604),
              stage("key_person_minutes", "feasible", 63330, 65552, 0.0351),
              stage("key_or_buddy_minutes", "stopped", 71190, std::nullopt, 0.0),
              stage("extra_minutes", "stopped", 0, std::nullopt, 0.0)};
  plan::summarise_stages(p);
  CHECK(p.status == PlanStatus::feasible);
  CHECK(p.gap == doctest::Approx(0.2604));
  CHECK(p.gap_stage == "min_coverage");
  CHECK(p.unreached_stages == std::vector<std::string>{"key_or_buddy_minutes", "extra_minutes"});
  const std::string words = plan::gap_sentence(p);
  INFO(words);
  CHECK(words.find("The largest gap is in stage 2, lowest key-person coverage of all children: 31.25% against a best "
                   "possible 57.29% (gap 26.04%).") != std::string::npos);
  CHECK(words.find("Stages 4 and 5 (key-person-or-buddy minutes, extra minutes (bank, overtime, no contract)) had no "
                   "time: their values are this rota's, not optimised.") != std::string::npos);
}

TEST_CASE("plan: every stage proved or skipped is optimal, gap 0; a stage with no bound has an unknown gap") {
  RotaPlan p;
  p.stages = {stage("min_under_2_coverage", "skipped", std::nullopt, std::nullopt, 0.0),
              stage("min_coverage", "optimal", 0.5, 0.5, 0.0), stage("key_person_minutes", "optimal", 100, 100, 0.0)};
  plan::summarise_stages(p);
  CHECK(p.status == PlanStatus::optimal);
  CHECK(p.gap == 0.0);
  CHECK(p.gap_stage.empty());
  CHECK(p.unreached_stages.empty());

  const double inf = std::numeric_limits<double>::infinity();
  p.stages = {stage("min_coverage", "optimal", 0.5, 0.5, 0.0), stage("key_person_minutes", "feasible", 120, inf, inf),
              stage("key_or_buddy_minutes", "feasible", 150, 160, 10.0 / 150.0),
              stage("extra_minutes", "stopped", 0, std::nullopt, 0.0),
              stage("shortfall_minutes", "stopped", 30, std::nullopt, 0.0),
              stage("room_changes", "stopped", 2, std::nullopt, 0.0)};
  plan::summarise_stages(p);
  CHECK(p.status == PlanStatus::feasible);
  CHECK(std::isinf(p.gap));
  CHECK(p.gap_stage == "key_person_minutes");
  const std::string words = plan::gap_sentence(p);
  INFO(words);
  CHECK(words.find("Stage 2, key-person minutes, got to 120 with no bound proved") != std::string::npos);
  CHECK(words.find("Stages 4-6 (") != std::string::npos);
}
