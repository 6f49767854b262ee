// Loading: patterns and dated rows, and every kind of bad input reported with its place.

#include "test_support.hpp"

using namespace attune;

namespace {

const char* kStaff = R"(staff:
  - { id: s1, name: Ann, date_of_birth: 1990-01-01, role: room_leader, qualification: level3, pfa_expiry: 2028-01-01, baby_training: "yes" }
  - { id: s2, name: Bea, date_of_birth: 1990-01-01, role: practitioner, qualification: level2, pfa_expiry: "", baby_training: "yes", leave_date: 2026-11-03 }
)";
const char* kChildren = R"(children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: s1, buddy: s2 }
)";

std::size_t spells_of(const Setting& s, std::size_t day) { return s.days[day].staff.size(); }

}  // namespace

TEST_CASE("a dated row replaces the weekday pattern for that person and date") {
  const Setting s = test::load_yaml(test::header() + kStaff + kChildren + R"(shifts:
  - { staff: s1, date: Mon, start: "08:00", end: "17:00", room: babies, kind: work }
  - { staff: s1, date: Tue, start: "08:00", end: "17:00", room: babies, kind: work }
  - { staff: s1, date: 2026-11-03, start: "10:00", end: "15:00", room: babies, kind: work }
  - { staff: s1, date: 2026-11-09, start: "10:00", end: "15:00", room: babies, kind: work }
attendance:
  - { child: c1, date: Mon, start: "08:00", end: "17:00" }
  - { child: c1, date: Tue, start: "08:00", end: "17:00" }
  - { child: c1, date: 2026-11-02, start: "", end: "" }
)");
  REQUIRE(s.days.size() == 5);
  // Monday: the pattern; Tuesday: the dated row only; Wednesday: no pattern.
  REQUIRE(spells_of(s, 0) == 1);
  CHECK(s.days[0].staff[0].time == TimeWindow{480, 1020});
  REQUIRE(spells_of(s, 1) == 1);
  CHECK(s.days[1].staff[0].time == TimeWindow{600, 900});
  CHECK(spells_of(s, 2) == 0);
  // The child is absent on Monday (dated row with no times) and there on Tuesday.
  CHECK(s.days[0].children.empty());
  CHECK(s.days[1].children.size() == 1);
}

TEST_CASE("pattern rows stop when the person leaves") {
  const Setting s = test::load_yaml(test::header() + kStaff + kChildren + R"(shifts:
  - { staff: s2, date: Mon, start: "08:00", end: "17:00", room: babies, kind: work }
  - { staff: s2, date: Wed, start: "08:00", end: "17:00", room: babies, kind: work }
attendance: []
)");
  CHECK(spells_of(s, 0) == 1);  // Monday: employed
  CHECK(spells_of(s, 2) == 0);  // Wednesday: left on Tuesday
}

TEST_CASE("breaks and non-contact time are carved out of work") {
  //  work        |====================|   08:00-17:00
  //  break              |==|              12:00-12:30
  //  non_contact                |==|      15:00-15:30
  //  work spells |======|  |====|  |==|   08:00-12:00, 12:30-15:00, 15:30-17:00
  const Setting s = test::load_yaml(test::header() + kStaff + kChildren + R"(shifts:
  - { staff: s1, date: Mon, start: "08:00", end: "17:00", room: babies, kind: work }
  - { staff: s1, date: Mon, start: "12:00", end: "12:30", room: "", kind: break }
  - { staff: s1, date: Mon, start: "15:00", end: "15:30", room: "", kind: non_contact }
attendance: []
)");
  std::vector<TimeWindow> work;
  for (const auto& spell : s.days[0].staff) {
    if (spell.kind == ShiftKind::work) work.push_back(spell.time);
  }
  REQUIRE(work.size() == 3);
  CHECK(work[0] == TimeWindow{480, 720});
  CHECK(work[1] == TimeWindow{750, 900});
  CHECK(work[2] == TimeWindow{930, 1020});
}

TEST_CASE("referential errors are input errors with file and line") {
  const std::string errors = test::load_errors(test::header() + kStaff + R"(children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: todlers, key_person: s9 }
  - { id: c1, name: Ann, date_of_birth: 2027-06-01, room: babies, key_person: s1, start_date: 2026-11-02 }
shifts:
  - { staff: s1, date: Mon, start: "17:00", end: "08:00", room: babies, kind: work }
  - { staff: s2, date: Mon, start: "08:00", end: "13:00", room: babies, kind: work }
  - { staff: s2, date: Mon, start: "12:00", end: "17:00", room: babies, kind: work }
attendance:
  - { child: c1, date: Mon, start: "07:00", end: "12:00" }
  - { child: c1, date: 2026-11-31, start: "09:00", end: "12:00" }
)");
  INFO(errors);
  CHECK(errors.find("setting.yaml:10:59: error: unknown room \"todlers\"") != std::string::npos);
  CHECK(errors.find("unknown staff member \"s9\"") != std::string::npos);
  CHECK(errors.find("child id \"c1\" is used twice") != std::string::npos);
  CHECK(errors.find("date of birth 2027-06-01 is after the child's start_date 2026-11-02") != std::string::npos);
  CHECK(errors.find("the shift ends at 08:00, before it starts at 17:00") != std::string::npos);
  CHECK(errors.find("arrives at 07:00, before the setting opens at 07:30") != std::string::npos);
  CHECK(errors.find("\"2026-11-31\" is neither a date nor a weekday") != std::string::npos);
}

TEST_CASE("overlapping shifts of one person are reported once, at the later row") {
  const std::string errors = test::load_errors(test::header() + kStaff + kChildren + R"(shifts:
  - { staff: s1, date: Mon, start: "08:00", end: "13:00", room: babies, kind: work }
  - { staff: s1, date: Mon, start: "12:00", end: "17:00", room: pre, kind: work }
attendance: []
)");
  INFO(errors);
  CHECK(errors.find("setting.yaml:13:") != std::string::npos);
  CHECK(errors.find("overlaps another of s1 on every Mon (08:00\u201313:00, line 12)") != std::string::npos);
}

TEST_CASE("a broken setting file names the place") {
  LoadResult r = load_setting_text("[setting\nname = \"x\"\n", false, "setting.toml", ".", LoadOptions{});
  REQUIRE_FALSE(r.setting.has_value());
  const auto d = r.diagnostics.sorted();
  REQUIRE(!d.empty());
  CHECK(d[0].where.file == "setting.toml");
  CHECK(d[0].where.line == 1);
}

TEST_CASE("a setting.yaml without its lists is an error, not an empty nursery") {
  const std::string errors = test::load_errors(test::header() + kStaff + kChildren);
  CHECK(errors.find("setting.yaml has no shifts list") != std::string::npos);
  CHECK(errors.find("setting.yaml has no attendance list") != std::string::npos);
}

TEST_CASE("without a period, dates of birth are not judged against one") {
  const std::string errors = test::load_errors(R"(setting: { name: X }
rooms: [ { id: babies } ]
staff: []
children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: "" }
shifts: []
attendance: []
)");
  CHECK(errors.find("no audit period") != std::string::npos);
  CHECK(errors.find("in the future") == std::string::npos);
}

TEST_CASE("misspelt keys are reported, not ignored") {
  const std::string errors = test::load_errors(R"(setting: { name: X, opening: { open: "07:30", close: "18:30" } }
period: { from: 2026-11-02, to: 2026-11-06 }
policy: { key_person_coverge_min: 0.5 }
rooms: [ { id: babies } ]
)");
  CHECK(errors.find("unknown key \"key_person_coverge_min\" in [policy] (did you mean \"key_person_coverage_min\"?)") !=
        std::string::npos);
}

TEST_CASE("no period anywhere is an error; --from/--to override the file") {
  CHECK(test::load_errors(R"(setting: { name: X }
rooms: [ { id: babies } ]
)").find("no audit period") != std::string::npos);
  LoadOptions options;
  options.from = test::day("2026-11-03");
  options.to = test::day("2026-11-04");
  LoadResult r = load_setting_text(test::header() + kStaff + kChildren + "shifts: []\nattendance: []\n", true,
                                   "setting.yaml", ".", options);
  REQUIRE(r.setting.has_value());
  CHECK(r.setting->days.size() == 2);
}

TEST_CASE("the diagnostics list is capped but every problem is counted") {
  std::string yaml = test::header() + kStaff + "children:\n";
  for (int i = 0; i < 80; ++i) yaml += "  - { id: c" + std::to_string(i) + ", name: X, date_of_birth: 2025-01-01, room: nowhere, key_person: s1 }\n";
  LoadResult r = load_setting_text(yaml + "shifts: []\nattendance: []\n", true, "setting.yaml", ".", LoadOptions{});
  CHECK(r.diagnostics.total() == 80);
  CHECK(r.diagnostics.items().size() == 50);
  CHECK(r.diagnostics.dropped() == 30);
}
