// Ratio arithmetic at its exact boundaries, worked out by hand from the EYFS ratios
// (under 2 1:3, aged 2 1:5, 3 and over 1:8, or 1:13 with a graduate).

#include "test_support.hpp"
#include "attune/timeline.hpp"

using namespace attune;

namespace {
Segment children(int under_2, int age_2, int age_3_plus, int graduate = 0) {
  Segment s;
  s.children = {under_2, age_2, age_3_plus};
  s.graduate_ratio_children = graduate;
  return s;
}
}  // namespace

TEST_CASE("single bands at the boundaries") {
  const RuleProfile p = test::group_profile();
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
  RuleProfile p = test::group_profile();
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
  const RuleProfile p = test::group_profile();
  // 13 at 1:13 plus 8 at 1:8 = 1 + 1 = 2
  CHECK(required_staff(children(0, 0, 21, 13), p) == 2);
  // 2 two-year-olds in a graduate-led 3+ room: 2/5 + 13/13 = 1.4 -> 2
  CHECK(required_staff(children(0, 2, 13, 13), p) == 2);
}
