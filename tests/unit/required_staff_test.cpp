// Ratio arithmetic at its exact boundaries, worked out by hand from the EYFS ratios
// (under 2 1:3, aged 2 1:5, 3 and over 1:8, or 1:13 with a graduate): the version of
// the group profile in force in November 2026 (2-year-olds were 1:4 before 4 Sept 2023).

#include "test_support.hpp"
#include "attune/timeline.hpp"

using namespace attune;

namespace {
Segment children(std::int16_t under_2, std::int16_t age_2, std::int16_t age_3_plus, int graduate = 0) {
  Segment s;
  s.children = {under_2, age_2, age_3_plus};
  s.children_total = under_2 + age_2 + age_3_plus;
  s.graduate_ratio_children = graduate;
  return s;
}
/// The group profile's version in force on 2 November 2026.
RuleProfile current_group_profile() { return test::group_profile().on(test::day("2026-11-02")); }
}  // namespace

TEST_CASE("single bands at the boundaries") {
  const RuleProfile p = current_group_profile();
  CHECK(required_staff(children(1, 0, 0), p) == 1);
  CHECK(required_staff(children(3, 0, 0), p) == 1);
  CHECK(required_staff(children(4, 0, 0), p) == 2);
  CHECK(required_staff(children(6, 0, 0), p) == 2);  // 6 babies with 2 staff is compliant
  CHECK(required_staff(children(7, 0, 0), p) == 3);
  CHECK(required_staff(children(0, 10, 0), p) == 2);  // 10 two-year-olds with 2 staff
  CHECK(required_staff(children(0, 11, 0), p) == 3);
  CHECK(required_staff(children(0, 0, 16), p) == 2);
  CHECK(required_staff(children(0, 0, 17), p) == 3);
  CHECK(required_staff(children(0, 0, 26, 26), p) == 2);  // 1:13 with a graduate
  CHECK(required_staff(children(0, 0, 27, 27), p) == 3);
  CHECK(required_staff(children(0, 0, 0), p) == 0);
}

TEST_CASE("mixed ages: fractional is exact, not floating point") {
  RuleProfile p = current_group_profile();
  // 2/3 + 3/5 = 19/15 -> 2
  CHECK(required_staff(children(2, 3, 0), p) == 2);
  // 3/3 + 5/5 = 2 exactly -> 2 (a float sum could give 2.0000001 -> 3)
  CHECK(required_staff(children(3, 5, 0), p) == 2);
  // 1/3 + 1/5 + 1/8 = 79/120 -> 1
  CHECK(required_staff(children(1, 1, 1), p) == 1);
  // 3/5 + 16/8 = 2.6 -> 3
  CHECK(required_staff(children(0, 3, 16), p) == 3);

  p.mixed_age_method = MixedAgeMethod::per_band;
  CHECK(required_staff(children(2, 3, 0), p) == 2);   // 1 + 1
  CHECK(required_staff(children(1, 1, 1), p) == 3);   // 1 + 1 + 1
  CHECK(required_staff(children(3, 5, 0), p) == 2);

  p.mixed_age_method = MixedAgeMethod::youngest;
  CHECK(required_staff(children(1, 5, 0), p) == 2);   // 6 children at 1:3
  CHECK(required_staff(children(0, 5, 8), p) == 3);   // 13 at 1:5
  CHECK(required_staff(children(0, 0, 9), p) == 2);   // 9 at 1:8
}

TEST_CASE("graduate ratio applies only to the children it covers") {
  const RuleProfile p = current_group_profile();
  // 13 at 1:13 plus 8 at 1:8 = 1 + 1 = 2
  CHECK(required_staff(children(0, 0, 21, 13), p) == 2);
  // 2 two-year-olds in a graduate-led 3+ room: 2/5 + 13/13 = 1.4 -> 2
  CHECK(required_staff(children(0, 2, 13, 13), p) == 2);
}

TEST_CASE("dated versions: 2-year-olds at 1:4 before 4 September 2023") {
  const RuleProfile all = test::group_profile();
  const RuleProfile& before = all.on(test::day("2023-09-03"));
  const RuleProfile& after = all.on(test::day("2023-09-04"));
  CHECK(required_staff(children(0, 8, 0), before) == 2);   // 8 / 4
  CHECK(required_staff(children(0, 9, 0), before) == 3);   // 9 / 4 = 2.25
  CHECK(required_staff(children(0, 9, 0), after) == 2);    // 9 / 5 = 1.8
  CHECK(required_staff(children(0, 10, 0), after) == 2);
}

TEST_CASE("most_common: every child at the ratio of the band with the most children") {
  RuleProfile p = current_group_profile();
  p.mixed_age_method = MixedAgeMethod::most_common;
  CHECK(required_staff(children(1, 5, 0), p) == 2);   // 6 at 1:5 (twos the most) = 1.2 -> 2
  CHECK(required_staff(children(0, 5, 8), p) == 2);   // 13 at 1:8 = 1.625 -> 2
  CHECK(required_staff(children(0, 5, 11), p) == 2);  // 16 at 1:8 = 2
  CHECK(required_staff(children(0, 6, 11), p) == 3);  // 17 at 1:8 = 2.125 -> 3
  CHECK(required_staff(children(2, 2, 0), p) == 2);   // a tie goes to the younger: 4 at 1:3 -> 2
  CHECK(required_staff(children(0, 0, 9), p) == 2);   // one band: 9 at 1:8
}

TEST_CASE("a short-session ratio counts only the short-session children") {
  // Scotland's shape: 3 and over at 1:8, or 1:10 for a session under 4 hours.
  RuleProfile p = current_group_profile();
  p.short_session = ShortSessionRatio{.band = 2, .under_minutes = 240, .children_per_adult = 10};
  Segment s = children(0, 0, 20);
  s.short_session_children = 20;
  CHECK(required_staff(s, p) == 2);   // 20 / 10
  s.children[2] = 21, s.children_total = 21, s.short_session_children = 21;
  CHECK(required_staff(s, p) == 3);   // 21 / 10 = 2.1
  s.short_session_children = 10;
  CHECK(required_staff(s, p) == 3);   // 10/10 + 11/8 = 2.375 -> 3
  s.children[2] = 18, s.children_total = 18, s.short_session_children = 10;
  CHECK(required_staff(s, p) == 2);   // 10/10 + 8/8 = 2 exactly
}

TEST_CASE("a ratio window only ever allows more children per adult") {
  RuleProfile p = current_group_profile();
  p.windows.push_back(RatioWindow{.after_opening_minutes = 45, .before_closing_minutes = 45,
                                  .children_per_adult = 16, .bands = {1, 2}, .min_children_present = 13});
  Segment s = children(3, 0, 16);
  s.window = 0;
  CHECK(required_staff(s, p) == 2);   // 3/3 + 16/16: babies keep 1:3
  s.children[2] = 17, s.children_total = 20;
  CHECK(required_staff(s, p) == 3);   // 3/3 + 17/16 = 2.06 -> 3
  s.window = -1;
  CHECK(required_staff(s, p) == 4);   // outside the window: 3/3 + 17/8 = 3.125 -> 4
}
