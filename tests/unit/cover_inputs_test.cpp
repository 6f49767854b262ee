// What `attune cover` reads besides the rota: availability.csv (patterns and dated rows,
// as shifts), [cover], role `bank`, and every shifts.csv row kept for writing back.

#include "attune/timeline.hpp"
#include "test_support.hpp"

using namespace attune;

namespace {

std::string setting_with(const std::string& extra) {
  return test::header() + extra + R"(
staff:
  - { id: s1, name: Jo, date_of_birth: 1990-05-05, role: practitioner, qualification: level3, pfa_expiry: 2029-01-31, baby_training: "yes" }
  - { id: b1, name: Bank, date_of_birth: 1990-05-05, role: bank, qualification: level3, pfa_expiry: 2029-01-31, baby_training: "yes" }
children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: s1 }
shifts:
  - { staff: s1, date: Mon, start: "08:00", end: "17:00", room: babies, kind: work }
  - { staff: s1, date: 2026-11-03, start: "09:00", end: "17:00", room: babies, kind: work }
  - { staff: s1, date: 2026-10-01, start: "09:00", end: "17:00", room: babies, kind: work }
attendance:
  - { child: c1, date: Mon, start: "08:00", end: "17:00" }
)";
}

}  // namespace

TEST_CASE("availability: weekly patterns, dated rows replace them, touching windows join") {
  const Setting s = test::load_yaml(setting_with(R"(availability:
  - { staff: b1, date: Mon, start: "07:00", end: "12:00" }
  - { staff: b1, date: Mon, start: "12:00", end: "15:00" }
  - { staff: b1, date: 2026-11-04, start: "10:00", end: "14:00" }
  - { staff: b1, date: 2026-11-05, start: "", end: "" }
  - { staff: b1, date: Thu, start: "08:00", end: "18:00" }
)"));
  CHECK(s.recorded.availability);
  REQUIRE(s.days.size() == 5);
  REQUIRE(s.days[0].available.size() == 1);  // Monday: 07:00-12:00 and 12:00-15:00 joined
  CHECK(s.days[0].available[0].time == TimeWindow{7 * 60, 15 * 60});
  CHECK(s.days[1].available.empty());
  REQUIRE(s.days[2].available.size() == 1);
  CHECK(s.days[2].available[0].time == TimeWindow{10 * 60, 14 * 60});
  CHECK(s.days[3].available.empty());  // a dated row with no times: not available
}

TEST_CASE("availability: an unknown staff member is an input error at its row") {
  const std::string errors = test::load_errors(setting_with(R"(availability:
  - { staff: zz, date: Mon, start: "07:00", end: "12:00" }
)"));
  CHECK(errors.find("zz") != std::string::npos);
}

TEST_CASE("[cover]: defaults, values, and an unknown key") {
  CHECK(test::load_yaml(setting_with("")).cover.max_shift_minutes == 600);
  const Setting s = test::load_yaml(setting_with("cover: { max_shift_minutes: 540, break_window_minutes: 45, step_minutes: 5 }\n"));
  CHECK(s.cover.max_shift_minutes == 540);
  CHECK(s.cover.break_window_minutes == 45);
  CHECK(s.cover.step_minutes == 5);
  const std::string errors = test::load_errors(setting_with("cover: { max_shift: 540 }\n"));
  CHECK(errors.find("max_shift") != std::string::npos);
}

TEST_CASE("role bank: in ratio by default, never a valid key person") {
  const Setting s = test::load_yaml(setting_with(""));
  const RuleProfile p = test::group_profile();
  CHECK(s.staff[1].role == Role::bank);
  CHECK(staff_standing(s.staff[1], test::day("2026-11-02"), p).in_ratio);
  Setting keyed = s;
  keyed.children[0].key_person = 1;
  const CheckResult r = check_setting(keyed, p);
  CHECK(test::findings_of(r, "KP-VALID").size() == 1);
}

TEST_CASE("keep_shift_rows: every shifts.csv row as read, whatever its date") {
  LoadOptions options;
  options.keep_shift_rows = true;
  const LoadResult r = load_setting_text(setting_with(""), true, "setting.yaml", ".", options);
  REQUIRE(r.setting.has_value());
  REQUIRE(r.shift_rows.size() == 3);
  CHECK(r.shift_rows[0].weekday == 0);
  CHECK(r.shift_rows[1].date == test::day("2026-11-03"));
  CHECK(r.shift_rows[2].date == test::day("2026-10-01"));  // outside the period, kept
  CHECK(r.shift_rows[2].time == TimeWindow{9 * 60, 17 * 60});
  CHECK(load_setting_text(setting_with(""), true, "setting.yaml", ".", LoadOptions{}).shift_rows.empty());
}
