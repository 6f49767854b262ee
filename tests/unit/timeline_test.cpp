// The event sweep, case by case, drawn as ASCII (one column = 30 minutes from 08:00).

#include "test_support.hpp"
#include "attune/timeline.hpp"

using namespace attune;

namespace {

std::string staff_rows() {
  return R"(staff:
  - { id: s1, name: Ann, date_of_birth: 1990-01-01, role: room_leader, qualification: level3, pfa_expiry: 2028-01-01, baby_training: "yes", under_2_experience: "yes" }
  - { id: s2, name: Bea, date_of_birth: 1990-01-01, role: practitioner, qualification: level2, pfa_expiry: "", baby_training: "yes", under_2_experience: "no" }
  - { id: s3, name: Cat, date_of_birth: 1990-01-01, role: practitioner, qualification: none, pfa_expiry: "", baby_training: "no", under_2_experience: "no" }
)";
}

std::string children_rows() {
  return R"(children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: s1 }
  - { id: c2, name: Ben, date_of_birth: 2025-06-01, room: babies, key_person: s1 }
  - { id: c3, name: Cal, date_of_birth: 2025-06-01, room: babies, key_person: s2 }
  - { id: c4, name: Dot, date_of_birth: 2022-06-01, room: pre, key_person: s2 }
)";
}

}  // namespace

TEST_CASE("segments change only where someone arrives or leaves") {
  //            08   09   10   11   12   13
  //  c1        |===================|          08:00-12:00
  //  c2                  |=====================| 10:00-14:00
  //  s1        |=============================| 08:00-14:00
  //  segments  [ 1 child ][    2    ][ 1 child ]  (also cut at lunch, 11:30-12:15)
  const Setting s = test::load_yaml(test::header() + staff_rows() + children_rows() + R"(shifts:
  - { staff: s1, date: 2026-11-02, start: "08:00", end: "14:00", room: babies, kind: work }
attendance:
  - { child: c1, date: 2026-11-02, start: "08:00", end: "12:00" }
  - { child: c2, date: 2026-11-02, start: "10:00", end: "14:00" }
)");
  const RuleProfile p = test::group_profile();
  const DayTimeline t = build_day_timeline(s, p, 0);
  REQUIRE(t.rooms.size() == 1);
  const auto& seg = t.rooms[0].segments;
  // Lunch 11:30-12:15 also cuts the segments (so PFA-MEALTIME sees whole meals).
  REQUIRE(seg.size() == 5);
  CHECK(seg[0].time == TimeWindow{480, 600});
  CHECK(seg[0].child_count() == 1);
  CHECK(seg[1].time == TimeWindow{600, 690});
  CHECK(seg[1].child_count() == 2);
  CHECK(seg[2].time == TimeWindow{690, 720});
  CHECK(seg[3].time == TimeWindow{720, 735});
  CHECK(seg[3].child_count() == 1);
  CHECK(seg[4].time == TimeWindow{735, 840});
  for (const auto& x : seg) CHECK(x.staff_in_ratio == 1);
}

TEST_CASE("a break is carved out of the shift and leaves the room short") {
  //            08        12  12:30        17
  //  s1 work   |==========|    |=========|    break 12:00-12:30
  //  s2 work   |=============================|
  //  babies    4 children all day -> 2 required; 1 in ratio 12:00-12:30
  const Setting s = test::load_yaml(test::header() + staff_rows() + children_rows() + R"(shifts:
  - { staff: s1, date: Mon, start: "08:00", end: "17:00", room: babies, kind: work }
  - { staff: s1, date: Mon, start: "12:00", end: "12:30", room: "", kind: break }
  - { staff: s2, date: Mon, start: "08:00", end: "17:00", room: babies, kind: work }
attendance:
  - { child: c1, date: Mon, start: "08:00", end: "17:00" }
  - { child: c2, date: Mon, start: "08:00", end: "17:00" }
  - { child: c3, date: Mon, start: "08:00", end: "17:00" }
  - { child: c4, date: Mon, start: "08:00", end: "17:00", room: babies }
)");
  const RuleProfile p = test::group_profile();
  const CheckResult r = check_setting(s, p);
  const auto ratio = test::findings_of(r, "RATIO-ROOM");
  REQUIRE(ratio.size() == 1);
  CHECK(ratio[0].time == TimeWindow{720, 750});
  CHECK(test::findings_of(r, "QUAL-LEVEL3").size() == 1);  // s1 is the only level 3
  // c4 is 4 years old but in the baby room: 3/3 + 1/8 -> 2 required.
  CHECK(std::get<std::int64_t>(ratio[0].values[2].value) == 2);
}

TEST_CASE("the premises count staff in every room, the room only its own") {
  //  babies: 3 children, nobody deployed;  pre: 1 child, s1 and s2 deployed
  const Setting s = test::load_yaml(test::header() + staff_rows() + children_rows() + R"(shifts:
  - { staff: s1, date: Mon, start: "08:00", end: "12:00", room: pre, kind: work }
  - { staff: s2, date: Mon, start: "08:00", end: "12:00", room: pre, kind: work }
attendance:
  - { child: c1, date: Mon, start: "09:00", end: "10:00" }
  - { child: c2, date: Mon, start: "09:00", end: "10:00" }
  - { child: c3, date: Mon, start: "09:00", end: "10:00" }
  - { child: c4, date: Mon, start: "09:00", end: "10:00" }
)");
  const CheckResult r = check_setting(s, test::group_profile());
  // Premises: 3/3 + 1/8 -> 2 required, 2 in ratio: fine. Babies room: 0 of 1.
  CHECK(test::findings_of(r, "RATIO-SETTING").empty());
  const auto room = test::findings_of(r, "RATIO-ROOM");
  REQUIRE(room.size() == 1);
  CHECK(room[0].room == 0);
}

TEST_CASE("staff standing: trainees count at the level below their study, with first aid") {
  const RuleProfile p = test::group_profile();
  Staff student;
  student.role = Role::student;
  student.studying = Qualification::level3;
  student.in_ratio = true;
  student.date_of_birth = test::day("2005-01-01");
  student.pfa_expiry = test::day("2027-01-01");
  StaffStanding st = staff_standing(student, test::day("2026-11-02"), p);
  CHECK(st.in_ratio);
  CHECK(st.counts_as == Qualification::level2);
  student.pfa_expiry = test::day("2026-10-31");  // expired: not in ratio at all (September 2025)
  st = staff_standing(student, test::day("2026-11-02"), p);
  CHECK_FALSE(st.in_ratio);
  CHECK(st.counts_as == Qualification::none);
  // Before 1 September 2025 (January 2024 version) no first aid was asked of trainees:
  // counted, at the level below their study.
  st = staff_standing(student, test::day("2025-08-31"), p);
  CHECK(st.in_ratio);
  CHECK(st.counts_as == Qualification::level2);
  student.studying = Qualification::eyts;
  student.pfa_expiry = test::day("2027-01-01");
  CHECK(staff_standing(student, test::day("2026-11-02"), p).counts_as == Qualification::level3);
  student.in_ratio.reset();  // students count only when marked in_ratio
  CHECK_FALSE(staff_standing(student, test::day("2026-11-02"), p).in_ratio);

  Staff apprentice;
  apprentice.role = Role::apprentice;
  apprentice.in_ratio = true;
  apprentice.date_of_birth = test::day("2009-06-01");  // 16 on 2025-08-31
  // From 1 September 2025 a trainee counts in ratio only with in-date first aid:
  // without it they are extra staff (the September 2025 version of the profile).
  CHECK(staff_standing(apprentice, test::day("2025-08-31"), p).in_ratio);
  st = staff_standing(apprentice, test::day("2025-09-01"), p);
  CHECK_FALSE(st.in_ratio);
  CHECK(st.trainee_without_pfa);
  apprentice.pfa_expiry = test::day("2027-01-01");
  CHECK(staff_standing(apprentice, test::day("2026-11-02"), p).in_ratio);
  apprentice.pfa_recorded = false;  // no pfa_expiry column: nothing known, still counted
  apprentice.pfa_expiry.reset();
  CHECK(staff_standing(apprentice, test::day("2026-11-02"), p).in_ratio);
  Staff volunteer;
  volunteer.role = Role::volunteer;
  volunteer.in_ratio = true;
  volunteer.date_of_birth = test::day("2010-06-01");
  CHECK(staff_standing(volunteer, test::day("2026-11-02"), p).under_age);
  CHECK_FALSE(staff_standing(volunteer, test::day("2026-11-02"), p).in_ratio);
}

namespace {

void check_same(const DayTimeline& a, const DayTimeline& b) {
  CHECK(a.day == b.day);
  REQUIRE(a.rooms.size() == b.rooms.size());
  const auto same_segments = [](const RoomDay& x, const RoomDay& y) {
    CHECK(x.room == y.room);
    CHECK(x.day == y.day);
    REQUIRE(x.segments.size() == y.segments.size());
    for (std::size_t i = 0; i < x.segments.size(); ++i) {
      const Segment& p = x.segments[i];
      const Segment& q = y.segments[i];
      CHECK(p.time == q.time);
      CHECK(p.children == q.children);
      CHECK(p.staff_in_ratio == q.staff_in_ratio);
      CHECK(p.staff_present == q.staff_present);
      CHECK(p.pfa_on_premises == q.pfa_on_premises);
    }
  };
  for (std::size_t r = 0; r < a.rooms.size(); ++r) same_segments(a.rooms[r], b.rooms[r]);
  same_segments(a.premises, b.premises);
}

}  // namespace

TEST_CASE("a reused timeline builder gives each date what a fresh one gives") {
  //  Mon: both rooms;  Tue: babies only;  Wed: nobody;  Thu: pre only;  Fri: both again
  const Setting s = test::load_yaml(test::header() + staff_rows() + children_rows() + R"(shifts:
  - { staff: s1, date: Mon, start: "08:00", end: "12:00", room: babies, kind: work }
  - { staff: s2, date: Mon, start: "08:00", end: "12:00", room: pre, kind: work }
  - { staff: s1, date: Tue, start: "09:00", end: "11:00", room: babies, kind: work }
  - { staff: s2, date: Thu, start: "08:00", end: "10:00", room: pre, kind: work }
  - { staff: s1, date: Fri, start: "08:00", end: "12:00", room: babies, kind: work }
  - { staff: s2, date: Fri, start: "08:00", end: "12:00", room: pre, kind: work }
attendance:
  - { child: c1, date: Mon, start: "08:00", end: "12:00" }
  - { child: c4, date: Mon, start: "09:00", end: "11:00" }
  - { child: c2, date: Tue, start: "09:00", end: "10:00" }
  - { child: c4, date: Thu, start: "08:00", end: "09:30" }
  - { child: c1, date: Fri, start: "08:00", end: "10:00" }
  - { child: c4, date: Fri, start: "10:00", end: "12:00" }
)");
  const RuleProfile p = test::group_profile();
  REQUIRE(s.days.size() == 5);
  TimelineBuilder builder(s, p);
  // Fri, Mon, Tue, Wed, Thu, Mon again: the buffers shrink and grow between dates.
  for (std::size_t d : {4, 0, 1, 2, 3, 0}) {
    CAPTURE(d);
    check_same(builder.build(d), build_day_timeline(s, p, d));
  }
  // Worked out by hand for Tuesday: the babies room only, one child 09:00-10:00 with s1.
  const DayTimeline& tue = builder.build(1);
  REQUIRE(tue.rooms.size() == 1);
  CHECK(tue.rooms[0].room == 0);
  REQUIRE(tue.rooms[0].segments.size() == 1);
  CHECK(tue.rooms[0].segments[0].time == TimeWindow{540, 600});
  CHECK(tue.rooms[0].segments[0].staff_in_ratio == 1);
  CHECK(builder.build(2).rooms.empty());
}
