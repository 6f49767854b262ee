// The context of a finding (who was there, who did not count and why, what the rota
// offers) and repeated findings as patterns.

#include "test_support.hpp"

#include "attune/check.hpp"

using namespace attune;

namespace {

// Mon 2 Nov to Fri 6 Nov. Baby Room: six babies 09:00-15:00 (1:3 needs 2).
//
//   s1 room leader  |=====work=====|brk|=====work=====|   babies 08:00-16:00, break 12:00-12:30
//   s2 practitioner |===============work==============|   babies 08:00-16:00
//   s3 apprentice   |===============work==============|   babies, in_ratio not set: not counted
//   s4 practitioner |===============work==============|   pre-school 08:00-16:00
//   s5 practitioner |===============work==============|   pre-school 08:00-16:00
//   s6 manager              |==non-contact==|             11:00-13:00
//   two 4-year-olds in pre-school 09:00-15:00 (1:8 needs 1: s4 or s5 can be lent)
//
// 12:00-12:30, Baby Room: s2 alone counts, 2 required: RATIO-ROOM, every weekday.
std::string setting_yaml(const std::string& pre_staff) {
  std::string y = test::header() + R"(staff:
  - { id: s1, name: Ann Lead, date_of_birth: 1990-01-01, role: room_leader, qualification: level3, pfa_expiry: 2029-01-01, baby_training: "yes", under_2_experience: "yes" }
  - { id: s2, name: Bea Prac, date_of_birth: 1990-01-01, role: practitioner, qualification: level3, pfa_expiry: 2029-01-01, baby_training: "yes", under_2_experience: "yes" }
  - { id: s3, name: Ella Apprentice, date_of_birth: 2007-01-01, role: apprentice, qualification: none, pfa_expiry: 2029-01-01, baby_training: "yes", under_2_experience: "no" }
  - { id: s4, name: Dan Pre, date_of_birth: 1990-01-01, role: practitioner, qualification: level3, pfa_expiry: 2029-01-01, baby_training: "no", under_2_experience: "no" }
  - { id: s5, name: Eve Pre, date_of_birth: 1990-01-01, role: practitioner, qualification: level3, pfa_expiry: 2029-01-01, baby_training: "no", under_2_experience: "no" }
  - { id: s6, name: Helen Manager, date_of_birth: 1980-01-01, role: manager, qualification: level6, pfa_expiry: 2029-01-01, baby_training: "yes", under_2_experience: "yes" }
children:
)";
  for (int i = 1; i <= 6; ++i)
    y += "  - { id: b" + std::to_string(i) + ", name: Baby " + std::to_string(i) +
         ", date_of_birth: 2025-09-01, room: babies, key_person: s1, buddy: s2 }\n";
  y += "  - { id: p1, name: Pre One, date_of_birth: 2022-06-01, room: pre, key_person: s4 }\n";
  y += "  - { id: p2, name: Pre Two, date_of_birth: 2022-06-01, room: pre, key_person: s4 }\nshifts:\n";
  for (const char* day : {"Mon", "Tue", "Wed", "Thu", "Fri"}) {
    const std::string d(day);
    y += "  - { staff: s1, date: " + d + ", start: \"08:00\", end: \"16:00\", room: babies, kind: work }\n";
    y += "  - { staff: s1, date: " + d + ", start: \"12:00\", end: \"12:30\", room: babies, kind: break }\n";
    y += "  - { staff: s2, date: " + d + ", start: \"08:00\", end: \"16:00\", room: babies, kind: work }\n";
    y += "  - { staff: s3, date: " + d + ", start: \"08:00\", end: \"16:00\", room: babies, kind: work }\n";
    y += "  - { staff: s6, date: " + d + ", start: \"11:00\", end: \"13:00\", kind: non_contact }\n";
    for (const std::string& s : {std::string("s4"), pre_staff})
      if (!s.empty()) y += "  - { staff: " + s + ", date: " + d + ", start: \"08:00\", end: \"16:00\", room: pre, kind: work }\n";
  }
  y += "attendance:\n";
  for (const char* c : {"b1", "b2", "b3", "b4", "b5", "b6", "p1", "p2"})
    y += std::string("  - { child: ") + c + ", date: Mon, start: \"09:00\", end: \"15:00\" }\n" +
         "  - { child: " + c + ", date: Tue, start: \"09:00\", end: \"15:00\" }\n" +
         "  - { child: " + c + ", date: Wed, start: \"09:00\", end: \"15:00\" }\n" +
         "  - { child: " + c + ", date: Thu, start: \"09:00\", end: \"15:00\" }\n" +
         "  - { child: " + c + ", date: Fri, start: \"09:00\", end: \"15:00\" }\n";
  return y;
}

std::string id_of(const Setting& s, std::uint32_t staff) { return s.staff[staff].id; }

}  // namespace

TEST_CASE("a ratio finding says who counted, who did not and why, and what the rota offers") {
  const Setting s = test::load_yaml(setting_yaml("s5"));
  const CheckResult r = check_setting(s, test::group_profile(), CheckOptions{{"RATIO-ROOM"}});
  REQUIRE(r.findings.size() == 5);  // 12:00-12:30 each weekday
  const Finding& f = r.findings[0];
  CHECK(f.time == TimeWindow{720, 750});
  REQUIRE(f.context < r.contexts.size());
  const FindingContext& c = r.contexts[f.context];
  REQUIRE(c.present.size() == 3);
  CHECK(id_of(s, c.present[0].staff) == "s2");
  CHECK(c.present[0].presence == Presence::counted);
  CHECK(c.present[0].counts_as == Qualification::level3);
  CHECK(id_of(s, c.present[1].staff) == "s3");
  CHECK(c.present[1].presence == Presence::not_in_ratio);  // an apprentice without in_ratio
  CHECK(id_of(s, c.present[2].staff) == "s1");
  CHECK(c.present[2].presence == Presence::on_break);
  CHECK(c.present[2].time == TimeWindow{720, 750});
  // Smallest change first: s1's break, the manager's non-contact time, then either of
  // the pre-school's two (it needs one for its two children, so each can be lent).
  REQUIRE(c.options.size() == 4);
  CHECK(c.options[0].kind == FixKind::move_break);
  CHECK(id_of(s, c.options[0].staff) == "s1");
  CHECK(c.options[1].kind == FixKind::from_non_contact);
  CHECK(id_of(s, c.options[1].staff) == "s6");
  CHECK(c.options[1].time == TimeWindow{720, 750});  // within the finding
  CHECK(c.options[2].kind == FixKind::from_room);
  CHECK(id_of(s, c.options[2].staff) == "s4");
  CHECK(s.rooms[c.options[2].from_room].id == "pre");
  CHECK(id_of(s, c.options[3].staff) == "s5");
}

TEST_CASE("a room that needs its only adult is not offered as a fix") {
  const Setting s = test::load_yaml(setting_yaml(""));  // pre-school has s4 alone
  const CheckResult r = check_setting(s, test::group_profile(), CheckOptions{{"RATIO-ROOM"}});
  REQUIRE_FALSE(r.findings.empty());
  const FindingContext& c = r.contexts.at(r.findings[0].context);
  for (const FixOption& o : c.options) CHECK(o.kind != FixKind::from_room);
  CHECK(c.options.size() == 2);
}

TEST_CASE("findings of rules without a context have none; continuity findings neither") {
  const Setting s = test::load_yaml(setting_yaml("s5"));
  const CheckResult r = check_setting(s, test::group_profile());
  for (const Finding& f : r.findings) {
    INFO(f.rule);
    CHECK((f.context < r.contexts.size()) == (rule_has_context(f.rule) && f.time.has_value()));
  }
}

TEST_CASE("the same finding every weekday is one pattern, every weekday") {
  const Setting s = test::load_yaml(setting_yaml("s5"));
  const CheckResult r = check_setting(s, test::group_profile(), CheckOptions{{"RATIO-ROOM"}});
  REQUIRE(r.patterns.size() == 1);
  const FindingPattern& p = r.patterns[0];
  CHECK(p.label == "every weekday");
  CHECK(p.findings == std::vector<std::uint32_t>{0, 1, 2, 3, 4});
  REQUIRE(p.dates.size() == 5);
  CHECK(p.dates.front() == test::day("2026-11-02"));
  for (const Finding& f : r.findings) CHECK(f.pattern == 0);
  CHECK(describe_dates(p.dates, s.days) == "Mon 2 Nov\u2013Fri 6 Nov");
}

TEST_CASE("a pattern's label names the weekdays it holds on, or counts its days") {
  // Wednesday's break moves to 14:00-14:30: a finding of its own, not in the pattern.
  std::string y = setting_yaml("s5");
  const std::string wed_break = "  - { staff: s1, date: Wed, start: \"12:00\", end: \"12:30\", room: babies, kind: break }\n";
  y.replace(y.find(wed_break), wed_break.size(),
            "  - { staff: s1, date: Wed, start: \"14:00\", end: \"14:30\", room: babies, kind: break }\n");
  const Setting s = test::load_yaml(y);
  const CheckResult r = check_setting(s, test::group_profile(), CheckOptions{{"RATIO-ROOM"}});
  REQUIRE(r.findings.size() == 5);
  REQUIRE(r.patterns.size() == 1);
  CHECK(r.patterns[0].label == "every Mon, Tue, Thu and Fri");
  CHECK(describe_dates(r.patterns[0].dates, s.days) == "Mon 2 Nov\u2013Tue 3 Nov, Thu 5 Nov\u2013Fri 6 Nov");
  CHECK(r.findings[2].pattern == 0xFFFFFFFFu);  // Wed 14:00-14:30
  CHECK(r.findings[2].time == TimeWindow{840, 870});
}

TEST_CASE("a day whose numbers differ is not in the pattern: no day is shown with another day's numbers") {
  const Setting s = test::load_yaml(setting_yaml("s5"));
  const CheckResult r = check_setting(s, test::group_profile(), CheckOptions{{"RATIO-ROOM"}});
  REQUIRE(r.findings.size() == 5);
  std::vector<Finding> findings = r.findings;
  for (Finding& f : findings) f.pattern = 0xFFFFFFFFu;
  findings[2].message = "at worst 12:00-12:15: 5 children, 0 staff in ratio, 2 required";  // Wednesday worse
  const std::vector<FindingPattern> patterns = find_patterns(findings, s.days);
  REQUIRE(patterns.size() == 1);
  CHECK(patterns[0].findings == std::vector<std::uint32_t>{0, 1, 3, 4});
  CHECK(patterns[0].label == "every Mon, Tue, Thu and Fri");
  CHECK(findings[2].pattern == 0xFFFFFFFFu);
}

TEST_CASE("a context left until it is shown is the one the check would have worked out") {
  const Setting s = test::load_yaml(setting_yaml("s5"));
  const CheckResult now = check_setting(s, test::group_profile());
  CheckOptions later_options;
  later_options.finding_context_on_demand = true;
  const CheckResult later = check_setting(s, test::group_profile(), later_options);
  CHECK(later.contexts.empty());
  REQUIRE(later.findings.size() == now.findings.size());
  std::size_t compared = 0;
  for (std::size_t i = 0; i < now.findings.size(); ++i) {
    INFO(now.findings[i].rule);
    const FindingContext* a = context_of(s, now, now.findings[i]);
    const FindingContext* b = context_of(s, later, later.findings[i]);
    REQUIRE((a == nullptr) == (b == nullptr));
    if (a == nullptr) continue;
    ++compared;
    REQUIRE(a->present.size() == b->present.size());
    for (std::size_t k = 0; k < a->present.size(); ++k) {
      CHECK(a->present[k].staff == b->present[k].staff);
      CHECK(a->present[k].presence == b->present[k].presence);
      CHECK(a->present[k].time == b->present[k].time);
    }
    REQUIRE(a->options.size() == b->options.size());
    for (std::size_t k = 0; k < a->options.size(); ++k) {
      CHECK(a->options[k].kind == b->options[k].kind);
      CHECK(a->options[k].staff == b->options[k].staff);
      CHECK(a->options[k].time == b->options[k].time);
      CHECK(a->options[k].from_room == b->options[k].from_room);
    }
  }
  CHECK(compared >= 5);  // RATIO-ROOM every weekday, at least
  // Asked again: the same context, not worked out twice.
  CHECK(context_of(s, later, later.findings[0]) == context_of(s, later, later.findings[0]));
}
