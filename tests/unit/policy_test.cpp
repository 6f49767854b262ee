// Policy checklists: loading (good and broken), scoring, overdue reviews, roster evidence.

#include "test_support.hpp"
#include "attune/policy_checklist.hpp"

using namespace attune;

namespace {

const char* kChecklist = R"(checklist:
  id: test-list
  title: A test checklist
  version: 2
sections:
  - id: people
    title: People
    items:
      - id: T-01
        title: Every baby has a key person
        question: Does every baby have a key person?
        guidance: Name one.
        roster_rules: [KP-ASSIGNED]
      - id: T-02
        title: Every baby has a buddy
        question: Does every baby have a buddy?
        roster_rules: [BUDDY-ASSIGNED]
      - id: T-03
        title: Care routines by familiar adults
        question: Are nappies changed by the key person?
        roster_rules: [CARE-PRIMARY]
      - id: T-04
        title: Reflective supervision
        question: Is there supervision?
      - id: T-05
        title: Parents told
        question: Are parents told?
)";

Checklist checklist() {
  Diagnostics d;
  auto c = load_checklist_text(kChecklist, "list.yaml", d);
  REQUIRE(c.has_value());
  return *c;
}

std::string errors_of(Diagnostics& d) {
  std::string out;
  for (const auto& x : d.sorted()) out += format_diagnostic(x) + "\n";
  return out;
}

/// A week in which c1 has a key person but no buddy (BUDDY-ASSIGNED fires) and no care log.
CheckResult rosters(Setting& s) {
  s = test::load_yaml(test::header() + R"(staff:
  - { id: s1, name: Ann, date_of_birth: 1990-01-01, role: room_leader, qualification: level3, pfa_expiry: 2028-01-01, baby_training: "yes", under_2_experience: "yes" }
children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: s1 }
shifts:
  - { staff: s1, date: Mon, start: "08:00", end: "17:00", room: babies, kind: work }
attendance:
  - { child: c1, date: Mon, start: "09:00", end: "12:00" }
)");
  return check_setting(s, test::group_profile());
}

}  // namespace

TEST_CASE("a checklist loads with its sections and items") {
  const Checklist c = checklist();
  CHECK(c.id == "test-list");
  CHECK(c.version == 2);
  REQUIRE(c.sections.size() == 1);
  CHECK(c.sections[0].items.size() == 5);
  CHECK(c.find("T-02")->roster_rules == std::vector<std::string>{"BUDDY-ASSIGNED"});
}

TEST_CASE("a broken checklist is reported with places") {
  Diagnostics d;
  const auto c = load_checklist_text(R"(checklist: { id: x, title: X }
sections:
  - id: s
    title: S
    items:
      - { id: A-1, title: One, question: Why, roster_rules: [KP-COVERAG] }
      - { id: A-1, title: Two, question: Why }
      - { id: A-2, question: Why, colour: red }
)", "list.yaml", d);
  CHECK_FALSE(c.has_value());
  const std::string e = errors_of(d);
  INFO(e);
  CHECK(e.find("list.yaml:6:") != std::string::npos);
  CHECK(e.find("unknown rule \"KP-COVERAG\" (did you mean \"KP-COVERAGE\"?)") != std::string::npos);
  CHECK(e.find("item id \"A-1\" is used twice") != std::string::npos);
  CHECK(e.find("missing title") != std::string::npos);
  CHECK(e.find("unknown key \"colour\"") != std::string::npos);
}

TEST_CASE("answers: unknown items, statuses and dates are errors with places") {
  const Checklist c = checklist();
  Diagnostics d;
  const auto a = load_policy_answers_text(R"(answers:
  T-01: { status: met, last_reviewed: 2026-01-10 }
  T-0I: { status: met }
  T-02: { status: done }
  T-03: { status: partly, last_reviewed: 10/01/2026 }
)", "policy.yaml", {&c}, d);
  CHECK_FALSE(a.has_value());
  const std::string e = errors_of(d);
  INFO(e);
  CHECK(e.find("policy.yaml:3:3: error: unknown checklist item \"T-0I\" (did you mean \"T-01\"?)") != std::string::npos);
  CHECK(e.find("policy.yaml:4:19: error: unknown status \"done\"; use met, partly, not_met or not_applicable") !=
        std::string::npos);
  CHECK(e.find("policy.yaml:5:") != std::string::npos);
  CHECK(e.find("is not a date") != std::string::npos);
}

TEST_CASE("an empty status is unanswered, as in the blank template") {
  const Checklist c = checklist();
  Diagnostics d;
  const auto a = load_policy_answers_text(policy_answers_template(c), "blank.yaml", {&c}, d);
  INFO(errors_of(d));
  REQUIRE(a.has_value());
  CHECK(a->answers.empty());
}

TEST_CASE("scores: met 1, partly a half, not applicable left out, unanswered 0") {
  const Checklist c = checklist();
  Diagnostics d;
  const auto a = load_policy_answers_text(R"(answers:
  T-01: { status: met }
  T-02: { status: partly }
  T-03: { status: not_met }
  T-04: { status: not_applicable }
)", "policy.yaml", {&c}, d);
  REQUIRE(a.has_value());
  const PolicySummary s = summarise_policy(c, &*a, nullptr, test::day("2026-11-23"), false);
  CHECK(s.counts.met == 1);
  CHECK(s.counts.partly == 1);
  CHECK(s.counts.not_met == 1);
  CHECK(s.counts.not_applicable == 1);
  CHECK(s.counts.unanswered == 1);
  // (1 + 0.5) / (1 + 1 + 1 + 1 unanswered) = 0.375
  CHECK(*s.counts.score() == doctest::Approx(0.375));
}

TEST_CASE("a review is overdue when more than 12 months old on the as-of date") {
  const Checklist c = checklist();
  Diagnostics d;
  const auto a = load_policy_answers_text(R"(answers:
  T-01: { status: met, last_reviewed: 2025-11-22 }
  T-02: { status: met, last_reviewed: 2025-11-23 }
  T-03: { status: met }
)", "policy.yaml", {&c}, d);
  REQUIRE(a.has_value());
  const PolicySummary s = summarise_policy(c, &*a, nullptr, test::day("2026-11-23"), false);
  CHECK(s.sections[0].items[0].review_overdue);        // a year and a day
  CHECK_FALSE(s.sections[0].items[1].review_overdue);  // exactly a year
  CHECK_FALSE(s.sections[0].items[2].review_overdue);  // no date: not judged
  CHECK(s.overdue() == 1);
  // As of 29 Feb 2028, a year back is 28 Feb 2027.
  const auto leap = load_policy_answers_text("answers:\n  T-01: { status: met, last_reviewed: 2027-02-27 }\n",
                                             "p.yaml", {&c}, d);
  CHECK(summarise_policy(c, &*leap, nullptr, test::day("2028-02-29"), false).overdue() == 1);
}

TEST_CASE("roster evidence: supported, contradicted, findings, no data") {
  const Checklist c = checklist();
  Setting setting;
  const CheckResult result = rosters(setting);
  const RuleProfile profile = test::group_profile();
  const SettingReport report{setting, profile, result};
  Diagnostics d;
  const auto a = load_policy_answers_text(R"(answers:
  T-01: { status: met }
  T-02: { status: met }
  T-03: { status: met }
)", "policy.yaml", {&c}, d);
  REQUIRE(a.has_value());
  const PolicySummary s = summarise_policy(c, &*a, &report, test::day("2026-11-23"), false);
  const auto& items = s.sections[0].items;
  CHECK(items[0].roster == RosterEvidence::supported);     // c1 has a key person
  CHECK(items[1].roster == RosterEvidence::contradicted);  // "met", but c1 has no buddy
  REQUIRE(items[1].detail.size() == 1);
  CHECK(items[1].detail[0] == "1 child under 2 had no buddy");
  CHECK(items[2].roster == RosterEvidence::no_data);       // no care_log.csv
  CHECK(items[3].roster == RosterEvidence::none);          // no roster rules
  CHECK(s.contradicted() == 1);

  const auto partly = load_policy_answers_text("answers:\n  T-02: { status: partly }\n", "p.yaml", {&c}, d);
  const PolicySummary s2 = summarise_policy(c, &*partly, &report, test::day("2026-11-23"), false);
  CHECK(s2.sections[0].items[1].roster == RosterEvidence::findings);
  const PolicySummary s3 = summarise_policy(c, &*a, nullptr, test::day("2026-11-23"), false);
  CHECK(s3.sections[0].items[1].roster == RosterEvidence::no_data);
}

TEST_CASE("no data in this period, not supported, when the rules had nothing to examine") {
  Diagnostics d;
  const auto c = load_checklist_text(R"(checklist:
  id: periods
  title: Period evidence
  version: 1
sections:
  - id: s
    title: Settling and moves
    items:
      - id: P-01
        title: Settling in
        question: Does the key person settle new babies?
        roster_rules: [SETTLING-IN]
      - id: P-02
        title: Moves
        question: Are moves prepared?
        roster_rules: [TRANSITION]
      - id: P-03
        title: Key person
        question: Does every baby have one?
        roster_rules: [KP-ASSIGNED, SETTLING-IN]
)", "c.yaml", d);
  INFO(errors_of(d));
  REQUIRE(c.has_value());
  Setting setting;
  const CheckResult result = rosters(setting);  // c1 started before the period; no moves
  const RuleProfile profile = test::group_profile();
  const SettingReport report{setting, profile, result};
  const auto a = load_policy_answers_text("answers:\n  P-01: { status: met }\n  P-02: { status: met }\n  P-03: { status: met }\n",
                                          "p.yaml", {&*c}, d);
  REQUIRE(a.has_value());
  const PolicySummary s = summarise_policy(*c, &*a, &report, test::day("2026-11-23"), false);
  const auto& items = s.sections[0].items;
  CHECK(items[0].roster == RosterEvidence::no_data);
  CHECK(items[0].no_data_reason == "no child started in this period");
  CHECK(items[1].roster == RosterEvidence::no_data);
  CHECK(items[1].no_data_reason == "no child changed key person or room in this period");
  // One of its rules had something to examine (a child attended) and found nothing.
  CHECK(items[2].roster == RosterEvidence::supported);
}

TEST_CASE("section scores count contradictions: a contradicted met counts as partly with the rosters") {
  StatusCounts c;
  c.met = 3;
  c.partly = 1;
  c.contradicted = 1;
  // (3 + 0.5) / 4 = 0.875; with the rosters (2 + 0.5 * 2) / 4 = 0.75.
  CHECK(*c.score() == doctest::Approx(0.875));
  CHECK(*c.score_with_rosters() == doctest::Approx(0.75));
  CHECK(c.gaps() == 1);
}

TEST_CASE("the blank answers file carries each item's guidance and the evidence expected") {
  Diagnostics d;
  auto c = load_checklist_text(R"(checklist: { id: g, title: G, version: 1 }
sections:
  - id: s
    title: S
    items:
      - id: G-01
        title: Buddies
        question: Does every baby have a buddy?
        guidance: Name a second familiar adult for every baby, who knows their routines and covers the key person's breaks and days off.
        evidence: The key person board; the rota.
)", "g.yaml", d);
  REQUIRE(c.has_value());
  const std::string t = policy_answers_template(*c);
  CHECK(t.find("  # Good practice: Name a second familiar adult for every baby, who knows their routines\n"
               "  # and covers the key person's breaks and days off.\n") != std::string::npos);
  CHECK(t.find("  # Evidence an inspector looks for: The key person board; the rota.\n") != std::string::npos);
}
