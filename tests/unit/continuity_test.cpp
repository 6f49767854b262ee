// The continuity ledger and rules, case by case. Numbers are worked out by hand.

#include "test_support.hpp"

using namespace attune;

namespace {

const char* kStaff = R"(staff:
  - { id: k, name: Kay, date_of_birth: 1990-01-01, role: practitioner, qualification: level3, pfa_expiry: 2028-01-01, baby_training: "yes" }
  - { id: b, name: Bo, date_of_birth: 1990-01-01, role: practitioner, qualification: level3, pfa_expiry: 2028-01-01, baby_training: "yes" }
  - { id: x, name: Xi, date_of_birth: 1990-01-01, role: practitioner, qualification: level3, pfa_expiry: 2028-01-01, baby_training: "yes" }
)";

const ChildMetrics& child0(const CheckResult& r) { return r.metrics.children.at(0); }

CheckResult check(const std::string& yaml) {
  const Setting s = test::load_yaml(yaml);
  return check_setting(s, test::group_profile());
}

}  // namespace

TEST_CASE("coverage: a lunch break comes off the key person's time, the buddy fills it") {
  //            08:00          12:00 12:30          17:00
  //  child     |==============================|           540 min
  //  key k     |==============|     |=========|           510 min (break 12:00-12:30)
  //  buddy b                  |=====|                      12:00-12:30 only
  //  key person coverage 510/540; key or buddy 540/540
  const auto r = check(test::header() + kStaff + R"(children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: k, buddy: b }
shifts:
  - { staff: k, date: 2026-11-02, start: "08:00", end: "17:00", room: babies, kind: work }
  - { staff: k, date: 2026-11-02, start: "12:00", end: "12:30", room: "", kind: break }
  - { staff: b, date: 2026-11-02, start: "12:00", end: "12:30", room: babies, kind: work }
attendance:
  - { child: c1, date: 2026-11-02, start: "08:00", end: "17:00" }
)");
  const ChildMetrics& m = child0(r);
  CHECK(m.attended_minutes == 540);
  CHECK(m.key_person_minutes == 510);
  CHECK(m.key_or_buddy_minutes == 540);
  CHECK(*m.key_person_coverage() == doctest::Approx(510.0 / 540.0));
  CHECK(test::findings_of(r, "KP-COVERAGE").empty());
}

TEST_CASE("coverage counts only the key person in the child's room") {
  //  child     babies 08:00-12:00 | pre 12:00-14:00   (a room change, not a departure)
  //  key k     pre    08:00-14:00
  //  with key: only 12:00-14:00 = 120 of 360
  const auto r = check(test::header() + kStaff + R"(children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: k, buddy: b }
shifts:
  - { staff: k, date: 2026-11-02, start: "08:00", end: "14:00", room: pre, kind: work }
  - { staff: x, date: 2026-11-02, start: "08:00", end: "12:00", room: babies, kind: work }
attendance:
  - { child: c1, date: 2026-11-02, start: "08:00", end: "12:00", room: babies }
  - { child: c1, date: 2026-11-02, start: "12:00", end: "14:00", room: pre }
)");
  const ChildMetrics& m = child0(r);
  CHECK(m.attended_minutes == 360);
  CHECK(m.key_person_minutes == 120);
  CHECK(m.arrivals == 1);
  CHECK(m.departures == 1);
  // Arrival 08:00 in babies: k is in pre, b absent -> not covered. Departure 14:00 in
  // pre: k's shift ends 14:00 -> covered.
  CHECK(m.arrivals_with_key_or_buddy == 0);
  CHECK(m.departures_with_key_or_buddy == 1);
  const auto low = test::findings_of(r, "KP-COVERAGE");
  REQUIRE(low.size() == 1);
  CHECK(std::get<double>(low[0].values[0].value) == doctest::Approx(1.0 / 3.0));
  CHECK(test::findings_of(r, "KP-HANDOVER").size() == 1);
}

TEST_CASE("handover windows at their exact edges (window 15 minutes)") {
  //  arrival 08:00: k starts 08:15 -> 15 minutes after: covered
  //  departure 17:00: k ends 16:45 -> 15 minutes before: covered
  //  Tuesday: k starts 08:16 and ends 16:44 -> both 16 minutes away: not covered
  const auto r = check(test::header() + kStaff + R"(children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: k, buddy: b }
shifts:
  - { staff: k, date: 2026-11-02, start: "08:15", end: "16:45", room: babies, kind: work }
  - { staff: k, date: 2026-11-03, start: "08:16", end: "16:44", room: babies, kind: work }
  - { staff: x, date: Mon, start: "07:30", end: "18:00", room: babies, kind: work }
  - { staff: x, date: Tue, start: "07:30", end: "18:00", room: babies, kind: work }
attendance:
  - { child: c1, date: Mon, start: "08:00", end: "17:00" }
  - { child: c1, date: Tue, start: "08:00", end: "17:00" }
)");
  const ChildMetrics& m = child0(r);
  CHECK(m.arrivals == 2);
  CHECK(m.arrivals_with_key_or_buddy == 1);
  CHECK(m.departures == 2);
  CHECK(m.departures_with_key_or_buddy == 1);
  const auto h = test::findings_of(r, "KP-HANDOVER");
  REQUIRE(h.size() == 2);
  CHECK(h[0].date == test::day("2026-11-03"));
  CHECK(h[0].time == TimeWindow{480, 480});
  CHECK(h[1].time == TimeWindow{1020, 1020});
}

TEST_CASE("a key-person change mid-period: each day uses the allocation in force") {
  //  Mon-Tue key k (works Mon-Tue), Wed-Fri key b (works Wed only)
  //  child attends Mon-Wed 09:00-12:00 (180/day): with key 180+180+180 = 540 of 540
  const std::string yaml = test::header() + kStaff + R"(children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: k, buddy: "" }
allocations:
  - { child: c1, key_person: k, buddy: b, from: 2026-10-01, to: 2026-11-03 }
  - { child: c1, key_person: b, buddy: k, from: 2026-11-04 }
shifts:
  - { staff: k, date: Mon, start: "09:00", end: "12:00", room: babies, kind: work }
  - { staff: k, date: Tue, start: "09:00", end: "12:00", room: babies, kind: work }
  - { staff: b, date: Wed, start: "09:00", end: "12:00", room: babies, kind: work }
attendance:
  - { child: c1, date: Mon, start: "09:00", end: "12:00" }
  - { child: c1, date: Tue, start: "09:00", end: "12:00" }
  - { child: c1, date: Wed, start: "09:00", end: "12:00" }
)";
  const auto r = check(yaml);
  const ChildMetrics& m = child0(r);
  CHECK(m.attended_minutes == 540);
  CHECK(m.key_person_minutes == 540);
  CHECK(r.metrics.children[0].key_person == 0);  // k on the first day attended
  // The change on Wednesday to b, who was never with the child before: TRANSITION.
  const auto t = test::findings_of(r, "TRANSITION");
  REQUIRE(t.size() == 1);
  CHECK(t[0].date == test::day("2026-11-04"));
  CHECK(t[0].staff == 1);
}

TEST_CASE("distinct adults are counted per ISO week, across a month boundary") {
  //  Period Mon 30 Nov - Fri 4 Dec 2026 is one ISO week (2026-W49): k, b, x = 3 adults.
  const std::string yaml = R"(setting: { name: T, opening: { open: "07:30", close: "18:30" } }
period: { from: 2026-11-30, to: 2026-12-04 }
rooms: [ { id: babies, name: Baby Room } ]
policy: { max_distinct_carers_per_week: { under_2: 2 } }
)" + std::string(kStaff) + R"(children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: k, buddy: b }
shifts:
  - { staff: k, date: 2026-11-30, start: "09:00", end: "12:00", room: babies, kind: work }
  - { staff: b, date: 2026-12-01, start: "09:00", end: "12:00", room: babies, kind: work }
  - { staff: x, date: 2026-12-02, start: "11:59", end: "12:30", room: babies, kind: work }
  - { staff: x, date: 2026-12-03, start: "12:00", end: "12:30", room: babies, kind: work }
attendance:
  - { child: c1, date: Mon, start: "09:00", end: "12:00" }
  - { child: c1, date: Tue, start: "09:00", end: "12:00" }
  - { child: c1, date: Wed, start: "09:00", end: "12:00" }
)";
  const auto r = check(yaml);
  // x overlaps the child by one minute on Wednesday; Thursday's shift is after the child left.
  CHECK(child0(r).max_distinct_carers_per_week == 3);
  const auto f = test::findings_of(r, "CARERS-DISTINCT");
  REQUIRE(f.size() == 1);
  CHECK(std::get<std::string>(f[0].values[2].value) == "2026-W49");
}

TEST_CASE("caseload: five babies are over a limit of four; mixed bands add up") {
  std::string yaml = test::header() + kStaff + "children:\n";
  for (int i = 1; i <= 5; ++i)
    yaml += "  - { id: c" + std::to_string(i) + ", name: C, date_of_birth: 2025-06-01, room: babies, key_person: k, buddy: b }\n";
  // b: 3 babies (3/4) and 2 two-year-olds (2/6): 13/12 > 1
  for (int i = 6; i <= 8; ++i)
    yaml += "  - { id: c" + std::to_string(i) + ", name: C, date_of_birth: 2025-06-01, room: babies, key_person: b, buddy: k }\n";
  for (int i = 9; i <= 10; ++i)
    yaml += "  - { id: c" + std::to_string(i) + ", name: C, date_of_birth: 2024-06-01, room: babies, key_person: b, buddy: k }\n";
  // x: 4 babies exactly: full, not over.
  for (int i = 11; i <= 14; ++i)
    yaml += "  - { id: c" + std::to_string(i) + ", name: C, date_of_birth: 2025-06-01, room: babies, key_person: x, buddy: k }\n";
  const auto r = check(yaml + "shifts: []\nattendance: []\n");
  const auto f = test::findings_of(r, "KP-CASELOAD");
  REQUIRE(f.size() == 2);
  CHECK(f[0].staff == 0);
  CHECK(std::get<std::int64_t>(f[0].values[0].value) == 5);
  CHECK(f[1].staff == 1);
  CHECK(std::get<double>(f[1].values[4].value) == doctest::Approx(13.0 / 12.0));
}

TEST_CASE("caseload: a dated allocation and a leaving date change it on their days") {
  //  limit 4 babies (24 units, 6 a baby); Mon 2 - Fri 6 Nov
  //  x: c1-c4 all week (24, full) + c5 by allocation Wed-Thu only -> 30 Wed, Thu: over,
  //     first heaviest day Wed 4 Nov, 5 key children, load 30/24 = 1.25
  //  k: c6-c10, c10 leaves Mon 2 Nov -> 5 babies Monday (over), 4 from Tuesday
  //  b: c5 Mon, Tue and Fri only (its own key person outside the allocation): 1 baby
  std::string yaml = test::header() + kStaff + "children:\n";
  for (int i = 1; i <= 4; ++i)
    yaml += "  - { id: c" + std::to_string(i) + ", name: C, date_of_birth: 2025-06-01, room: babies, key_person: x, buddy: k }\n";
  yaml += "  - { id: c5, name: C, date_of_birth: 2025-06-01, room: babies, key_person: b, buddy: k }\n";
  for (int i = 6; i <= 9; ++i)
    yaml += "  - { id: c" + std::to_string(i) + ", name: C, date_of_birth: 2025-06-01, room: babies, key_person: k, buddy: b }\n";
  yaml += "  - { id: c10, name: C, date_of_birth: 2025-06-01, room: babies, key_person: k, buddy: b, leave_date: 2026-11-02 }\n";
  yaml += "allocations:\n  - { child: c5, key_person: x, buddy: k, from: 2026-11-04, to: 2026-11-05 }\n";
  const auto r = check(yaml + "shifts: []\nattendance: []\n");
  const auto f = test::findings_of(r, "KP-CASELOAD");
  REQUIRE(f.size() == 2);
  CHECK(f[0].staff == 0);  // k, Monday
  CHECK(f[0].date == test::day("2026-11-02"));
  CHECK(std::get<std::int64_t>(f[0].values[0].value) == 5);
  CHECK(f[1].staff == 2);  // x, from Wednesday
  CHECK(f[1].date == test::day("2026-11-04"));
  CHECK(std::get<std::int64_t>(f[1].values[0].value) == 5);
  CHECK(std::get<double>(f[1].values[4].value) == doctest::Approx(1.25));
}

TEST_CASE("settling in: the key person throughout each of the first sessions") {
  //  start_date Wed 4 Nov; sessions Wed, Thu (key there 09:00-12:00 each), Fri (key leaves 11:00)
  const auto r = check(test::header() + kStaff + R"(policy: { settling_in_sessions: 5 }
children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: k, buddy: b, start_date: 2026-11-04 }
shifts:
  - { staff: k, date: Wed, start: "09:00", end: "12:00", room: babies, kind: work }
  - { staff: k, date: Thu, start: "09:00", end: "12:00", room: babies, kind: work }
  - { staff: k, date: Fri, start: "09:00", end: "11:00", room: babies, kind: work }
attendance:
  - { child: c1, date: Wed, start: "09:00", end: "12:00" }
  - { child: c1, date: Thu, start: "09:00", end: "12:00" }
  - { child: c1, date: Fri, start: "09:00", end: "12:00" }
)");
  const auto f = test::findings_of(r, "SETTLING-IN");
  REQUIRE(f.size() == 1);
  CHECK(f[0].date == test::day("2026-11-06"));
  CHECK(std::get<std::int64_t>(f[0].values[0].value) == 3);   // session 3
  CHECK(std::get<std::int64_t>(f[0].values[3].value) == 120);  // 120 of 180 minutes
}

TEST_CASE("care by someone other than the key person or buddy is listed") {
  const auto r = check(test::header() + kStaff + R"(children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: k, buddy: b }
shifts: []
attendance: []
care_log:
  - { child: c1, staff: k, date: 2026-11-02, time: "10:00", kind: nappy }
  - { child: c1, staff: x, date: 2026-11-02, time: "12:00", kind: feed }
  - { child: c1, staff: b, date: 2026-11-02, time: "13:00", kind: sleep }
)");
  const auto f = test::findings_of(r, "CARE-PRIMARY");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.find("1 of 3 care moments") != std::string::npos);
  CHECK(f[0].message.find("feed 12:00 by x") != std::string::npos);
}
