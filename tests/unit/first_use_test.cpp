// Regressions from the first-use review (December 2026), each named after what it guards.

#include "test_support.hpp"

#include "attune/render.hpp"
#include "attune/timeline.hpp"
#include "policy/evidence.hpp"
#include "util/text.hpp"

using namespace attune;

TEST_CASE("shares round half up, as people round: 62.5% is 63%, 87.5% is 88%") {
  CHECK(util::percent(0.625) == "63%");  // "Serve and return" in the example: was 62%
  CHECK(util::percent(0.875) == "88%");
  CHECK(util::percent(0.125) == "13%");
  CHECK(util::percent(0.285) == "29%");  // 28.499999... in binary: still 29
  CHECK(util::percent(1440.0 / 2700.0) == "53%");
  CHECK(util::percent(0.0) == "0%");
  CHECK(util::percent(1.0) == "100%");
  CHECK(util::percent(0.994) == "99%");
  CHECK(util::percent(0.995) == "100%");
}

TEST_CASE("policy evidence counts its findings and minutes in the singular when there is one") {
  Setting setting;
  setting.rooms.push_back(Room{"babies", "Baby Room", 9, {}});
  const RuleProfile profile;
  const CheckResult result;
  const SettingReport report{setting, profile, result};
  Finding f;
  f.rule = "RATIO-ROOM";
  f.date = test::day("2026-11-03");
  f.time = TimeWindow{765, 795};
  std::vector<const Finding*> one{&f};
  CHECK(policy::describe_findings("RATIO-ROOM", one, report, false) == "1 RATIO-ROOM finding, 30 minutes in all");
  Finding g = f;
  g.time = TimeWindow{765, 766};
  std::vector<const Finding*> two{&f, &g};
  CHECK(policy::describe_findings("RATIO-ROOM", two, report, false) == "2 RATIO-ROOM findings, 31 minutes in all");
  std::vector<const Finding*> short_one{&g};
  CHECK(policy::describe_findings("RATIO-ROOM", short_one, report, false) == "1 RATIO-ROOM finding, 1 minute in all");
}

namespace {

const char* kNoOptionalColumns = R"(setting: { name: Little Acorns, opening: { open: "07:30", close: "18:30" } }
period: { from: 2026-11-02, to: 2026-11-02 }
rooms: [ { id: babies, name: Baby Room } ]
staff:
  - { id: s1, name: Jo, role: room_leader, qualification: level3 }
  - { id: s2, name: Al, role: practitioner, qualification: level3 }
children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: s1, buddy: s2 }
shifts:
  - { staff: s1, date: Mon, start: "08:00", end: "17:00", room: babies }
  - { staff: s2, date: Mon, start: "08:00", end: "17:00", room: babies }
attendance:
  - { child: c1, date: Mon, start: "09:00", end: "12:00" }
)";

}  // namespace

TEST_CASE("a one-file setting.yaml's notes name its lists, not CSV files it does not have") {
  const Setting s = test::load_yaml(kNoOptionalColumns);
  const CheckResult r = check_setting(s, test::group_profile());
  std::size_t notes = 0;
  for (const Finding& f : r.findings) {
    if (f.severity != Severity::info) continue;
    ++notes;
    INFO(f.rule << ": " << f.message);
    CHECK(f.message.find(".csv") == std::string::npos);
    CHECK(f.message.find("setting.yaml") != std::string::npos);
  }
  CHECK(notes >= 4);  // date_of_birth, pfa_expiry (twice), baby_training, under_2_experience, care_log
  const auto pfa = test::findings_of(r, "PFA-ON-SITE");
  REQUIRE(pfa.size() == 1);
  CHECK(pfa[0].message.starts_with("not evaluated: the staff list of setting.yaml has no pfa_expiry field; add it"));
  const auto care = test::findings_of(r, "CARE-PRIMARY");
  REQUIRE(care.size() == 1);
  CHECK(care[0].message.starts_with("not evaluated: no care_log list in setting.yaml; record who gave"));
}

TEST_CASE("pfa not recorded: a student still counts at the level below their study") {
  Staff student;
  student.role = Role::student;
  student.studying = Qualification::level3;
  student.in_ratio = true;
  const RuleProfile profile = test::group_profile();
  const Date monday = test::day("2026-11-02");
  student.pfa_recorded = true;  // recorded, and none: counts as unqualified
  CHECK(staff_standing(student, monday, profile).counts_as == Qualification::none);
  student.pfa_recorded = false;  // not recorded: not marked down for it
  CHECK(staff_standing(student, monday, profile).counts_as == Qualification::level2);
  CHECK(staff_standing(student, monday, profile).in_ratio);
}

TEST_CASE("the headline names statutory warnings as statutory, not as the setting's policy") {
  CheckResult r;
  Finding pfa;
  pfa.rule = "PFA-EXPIRY";
  pfa.severity = Severity::warning;
  r.findings.push_back(pfa);
  r.counts = count_findings(r.findings);
  CHECK(verdict(r) == "No statutory breaches; statutory warnings to act on");
  Finding kp;
  kp.rule = "KP-COVERAGE";
  kp.severity = Severity::warning;
  r.findings.push_back(kp);
  r.counts = count_findings(r.findings);
  CHECK(verdict(r) == "No statutory breaches; statutory warnings to act on, and below the setting's own policy");
  r.findings.erase(r.findings.begin());
  r.counts = count_findings(r.findings);
  CHECK(verdict(r) == "No statutory breaches; below the setting's own policy");
  r.findings.front().accepted = true;
  r.counts = count_findings(r.findings);
  CHECK(verdict(r) == "No breaches found");
}

TEST_CASE("every problem of a row at once: a wrong date does not hide wrong times") {
  const std::string errors = test::load_errors(test::header() + R"(staff:
  - { id: s1, name: Ann, role: room_leader, qualification: level3 }
children: []
shifts:
  - { staff: s1, date: 08/12/2026, start: "9:00 am", end: "3:00 pm", room: babies }
attendance: []
)");
  INFO(errors);
  CHECK(errors.find("\"08/12/2026\" is neither a date nor a weekday") != std::string::npos);
  CHECK(errors.find("start \"9:00 am\" is not a time") != std::string::npos);
  CHECK(errors.find("end \"3:00 pm\" is not a time") != std::string::npos);
}
