// attune allocate, case by case (numbers worked out by hand), and the round trip: the
// allocations.csv it writes, read back by check, gives exactly the coverage it predicted.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "attune/allocate.hpp"
#include "attune/document.hpp"
#include "allocate/formulation.hpp"
#include "allocate/problem.hpp"
#include "allocate/tie_check.hpp"
#include "attune/render.hpp"
#include "test_support.hpp"

using namespace attune;
namespace fs = std::filesystem;

namespace {

const char* kTwoStaff = R"(staff:
  - { id: s1, name: Sam, date_of_birth: 1990-01-01, role: practitioner, qualification: level3, pfa_expiry: 2029-01-31, baby_training: "yes" }
  - { id: s2, name: Sue, date_of_birth: 1990-01-01, role: practitioner, qualification: level3, pfa_expiry: 2029-01-31, baby_training: "yes" }
)";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Writes allocations.csv into a copy of the setting's folder, names it in [data], and
/// checks the copy: every child's key person and minutes must be the proposal's.
void round_trip(const fs::path& folder) {
  INFO(folder.string());
  LoadResult loaded = load_setting(folder, LoadOptions{});
  REQUIRE(loaded.setting.has_value());
  const Setting& s = *loaded.setting;
  const AllocationProposal p = allocate(s, AllocateOptions{});
  REQUIRE(p.status == AllocationStatus::optimal);
  const fs::path copy = fs::temp_directory_path() / ("attune-allocate-" + std::to_string(getpid()) + "-" + folder.filename().string());
  fs::remove_all(copy);
  fs::copy(folder, copy, fs::copy_options::recursive);
  std::ofstream(copy / "allocations.csv") << render_allocations_csv(s, p, s.period.from);
  std::string toml = read_file(copy / "setting.toml");
  const auto data = toml.find("[data]\n");
  REQUIRE(data != std::string::npos);
  REQUIRE(toml.find("allocations =") == std::string::npos);
  toml.insert(data + 7, "allocations = \"allocations.csv\"\n");
  std::ofstream(copy / "setting.toml") << toml;

  LoadResult again = load_setting(copy, LoadOptions{});
  std::string problems;
  for (const auto& d : again.diagnostics.sorted()) problems += format_diagnostic(d) + "\n";
  INFO(problems);
  REQUIRE(again.setting.has_value());
  Diagnostics d;
  const auto profile = load_profile(std::string(ATTUNE_TEMPLATES_DIR) + "/profiles/" + s.profile + ".toml", d);
  REQUIRE(profile.has_value());
  const CheckResult checked = check_setting(*again.setting, *profile);
  for (const ChildAllocation& c : p.children) {
    const ChildMetrics& m = checked.metrics.children.at(c.child);
    CHECK(m.key_person == c.proposed.key_person);
    CHECK(m.attended_minutes == c.attended_minutes);
    CHECK(m.key_person_minutes == c.proposed.key_person_minutes);
    CHECK(m.key_or_buddy_minutes == c.proposed.key_or_buddy_minutes);
  }
  // And the caps the proposal kept are the caps check counts.
  CHECK(test::findings_of(checked, "KP-CASELOAD").empty());
  fs::remove_all(copy);
}

}  // namespace

TEST_CASE("allocate: check reads the written allocations.csv back with exactly the predicted coverage") {
  int settings = 0;
  for (const fs::path& setting : find_settings(ATTUNE_EXAMPLES_DIR)) {
    const fs::path folder = fs::is_directory(setting) ? setting : setting.parent_path();
    if (!fs::exists(folder / "setting.toml")) continue;  // setting.yaml: one file, no allocations.csv to name
    round_trip(folder);
    ++settings;
  }
  CHECK(settings >= 3);  // sunflower and the two imports
}

TEST_CASE("allocate: identical babies are shared out by the tie-break, smallest ids first") {
  // Two babies with the same day, two adults there all day, one baby each
  // (under_2 = 1): every allocation has the same value at every stage, so the tie-break
  // decides: c1 (first in children.csv) gets (s1, s2), c2 (s2, s1).
  const Setting s = test::load_yaml(test::header() + kTwoStaff + R"(policy: { max_key_children: { under_2: 1, age_2: 6, age_3_plus: 8 } }
children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: s2, buddy: s1 }
  - { id: c2, name: Ben, date_of_birth: 2025-06-01, room: babies, key_person: s1, buddy: s2 }
shifts:
  - { staff: s1, date: 2026-11-02, start: "08:00", end: "17:00", room: babies, kind: work }
  - { staff: s2, date: 2026-11-02, start: "08:00", end: "17:00", room: babies, kind: work }
attendance:
  - { child: c1, date: 2026-11-02, start: "09:00", end: "15:00" }
  - { child: c2, date: 2026-11-02, start: "09:00", end: "15:00" }
)");
  AllocateOptions reallocate;
  reallocate.reallocate = true;  // a new term: keeping today's (s2, s1) is not worth anything
  const AllocationProposal p = allocate(s, reallocate);
  REQUIRE(p.status == AllocationStatus::optimal);
  CHECK(p.children[0].proposed.key_person == 0);
  CHECK(p.children[0].proposed.buddy == 1);
  CHECK(p.children[1].proposed.key_person == 1);
  CHECK(p.children[1].proposed.buddy == 0);
  CHECK(p.after.changes == 2);
  CHECK(p.stages[2].status == "skipped");
  // Without --reallocate, stage 3 keeps today's allocation (0 changes) instead.
  const AllocationProposal q = allocate(s, AllocateOptions{});
  CHECK(q.after.changes == 0);
  CHECK(q.children[0].proposed.key_person == 1);
}

TEST_CASE("allocate: --keep holds a child's key person, and too few changes is named as the cause") {
  // c1 is best with s1 (08:00-17:00) and has s2 (08:00-10:00) today; c2 has s1.
  // under_2 = 1: only one baby per key person.
  const std::string yaml = test::header() + kTwoStaff + R"(policy: { max_key_children: { under_2: 1, age_2: 6, age_3_plus: 8 } }
children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: s2, buddy: s1 }
  - { id: c2, name: Ben, date_of_birth: 2025-06-01, room: babies, key_person: s1, buddy: s2 }
shifts:
  - { staff: s1, date: 2026-11-02, start: "08:00", end: "17:00", room: babies, kind: work }
  - { staff: s2, date: 2026-11-02, start: "08:00", end: "12:00", room: babies, kind: work }
attendance:
  - { child: c1, date: 2026-11-02, start: "08:00", end: "16:00" }
  - { child: c2, date: 2026-11-02, start: "08:00", end: "12:00" }
)";
  const Setting s = test::load_yaml(yaml);
  // c1: s1 480/480, s2 240/480. c2: s1 240/240, s2 240/240. Best: c1 s1, c2 s2 (both 1.0).
  const AllocationProposal best = allocate(s, AllocateOptions{});
  REQUIRE(best.status == AllocationStatus::optimal);
  CHECK(best.after.min_under_2_coverage == Share{1, 1});
  CHECK(best.after.changes == 2);
  AllocateOptions keep;
  keep.keep = {1};  // c2 keeps s1, so c1 must keep s2: 240/480
  const AllocationProposal kept = allocate(s, keep);
  REQUIRE(kept.status == AllocationStatus::optimal);
  CHECK(kept.after.min_under_2_coverage == Share{1, 2});
  CHECK(kept.children[0].proposed.key_person == 1);
  // A swap needs 2 changes; with at most 1 no allocation keeps the cap.
  AllocateOptions one;
  one.max_changes = 1;
  const AllocationProposal limited = allocate(s, one);
  CHECK(limited.status == AllocationStatus::optimal);  // 0 changes is allowed: today's
  CHECK(limited.after.changes == 0);
  // Make today's allocation break the cap (both with s1): then 1 change is needed, so 0 is infeasible.
  const Setting both = test::load_yaml(test::header() + kTwoStaff + R"(policy: { max_key_children: { under_2: 1, age_2: 6, age_3_plus: 8 } }
children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: s1, buddy: s2 }
  - { id: c2, name: Ben, date_of_birth: 2025-06-01, room: babies, key_person: s1, buddy: s2 }
shifts:
  - { staff: s1, date: 2026-11-02, start: "08:00", end: "17:00", room: babies, kind: work }
  - { staff: s2, date: 2026-11-02, start: "08:00", end: "12:00", room: babies, kind: work }
attendance:
  - { child: c1, date: 2026-11-02, start: "08:00", end: "16:00" }
  - { child: c2, date: 2026-11-02, start: "08:00", end: "12:00" }
)");
  AllocateOptions none;
  none.max_changes = 0;
  const AllocationProposal stuck = allocate(both, none);
  CHECK(stuck.status == AllocationStatus::infeasible);
  CHECK(stuck.reason == "with at most 0 changes no allocation keeps the caps: at least 1 child needs a new key person");
  CHECK(stuck.what_to_change == "allow 1 change or more (--max-changes 1)");
  // And the trade-off without a limit starts with "no allocation" at 0 changes.
  const AllocationProposal free = allocate(both, AllocateOptions{});
  REQUIRE(free.tradeoff.size() >= 2);
  CHECK_FALSE(free.tradeoff[0].min_under_2_coverage.has_value());
  CHECK(free.tradeoff[1].min_under_2_coverage == Share{1, 1});
}

TEST_CASE("allocate: no baby attends: stage 1 is skipped and there is no trade-off") {
  const Setting s = test::load_yaml(test::header() + kTwoStaff + R"(children:
  - { id: c1, name: Amy, date_of_birth: 2022-06-01, room: pre, key_person: s2 }
shifts:
  - { staff: s1, date: 2026-11-02, start: "08:00", end: "12:00", room: pre, kind: work }
  - { staff: s2, date: 2026-11-02, start: "08:00", end: "10:00", room: pre, kind: work }
attendance:
  - { child: c1, date: 2026-11-02, start: "08:00", end: "12:00" }
)");
  const AllocationProposal p = allocate(s, AllocateOptions{});
  REQUIRE(p.status == AllocationStatus::optimal);
  CHECK_FALSE(p.after.min_under_2_coverage.has_value());
  CHECK(p.after.min_coverage == Share{1, 1});  // s1 240/240
  CHECK(p.tradeoff.empty());
  CHECK(p.stages[0].status == "skipped");
  CHECK(p.children[0].proposed.buddy == kNone);  // aged 3: no buddy unless buddy_for_all
  AllocateOptions first;
  first.first_stage_only = true;
  CHECK(allocate(s, first).after.min_coverage == Share{1, 1});
}

TEST_CASE("allocate: nobody can be a child's key person, in the nursery's words") {
  const Setting s = test::load_yaml(test::header() + R"(staff:
  - { id: s1, name: Sam, date_of_birth: 2004-01-01, role: student, qualification: none, pfa_expiry: 2029-01-31, baby_training: "yes", studying: level3 }
children:
  - { id: c1, name: Amy, date_of_birth: 2022-06-01, room: pre, key_person: s1 }
shifts:
  - { staff: s1, date: 2026-11-02, start: "08:00", end: "12:00", room: pre, kind: work }
attendance:
  - { child: c1, date: 2026-11-02, start: "08:00", end: "12:00" }
)");
  const AllocationProposal p = allocate(s, AllocateOptions{});
  CHECK(p.status == AllocationStatus::infeasible);
  CHECK(p.reason.starts_with("Amy (c1) attends, but no member of staff can be a key person on every day"));
  AllocateOptions redact;
  redact.redact = true;
  CHECK(allocate(s, redact).reason.starts_with("c1 attends"));
}

TEST_CASE("check's text and HTML reports point to allocate with the computed coverage") {
  // tests/cli/allocate-greedy-worse: Ben has 120 of 240 minutes with his key person s2
  // (50% < 60%: KP-COVERAGE); the best allocation gives every baby at least 390/480 = 81.25%.
  const std::string case_dir = std::string(ATTUNE_EXAMPLES_DIR) + "/../tests/cli/allocate-greedy-worse";
  LoadResult loaded = load_setting(case_dir, LoadOptions{});
  REQUIRE(loaded.setting.has_value());
  const Setting& s = *loaded.setting;
  CheckResult r = check_setting(s, test::group_profile());
  REQUIRE_FALSE(test::findings_of(r, "KP-COVERAGE").empty());
  r.allocation_hint = allocation_hint(s, r);
  REQUIRE(r.allocation_hint.has_value());
  CHECK(r.allocation_hint->babies);
  CHECK(r.allocation_hint->best == doctest::Approx(0.8125));
  CHECK(r.allocation_hint->now == doctest::Approx(0.5));
  const std::string line = "`attune allocate` finds an allocation with the lowest baby coverage at 81% (50% today).";
  const RuleProfile profile = test::group_profile();
  const SettingReport report{s, profile, r};
  CHECK(render_text(std::span<const SettingReport>(&report, 1), RenderOptions{}).find(line) != std::string::npos);
  std::ifstream in(std::string(ATTUNE_TEMPLATES_DIR) + "/report/report.html");
  std::stringstream html;
  html << in.rdbuf();
  std::string error;
  const auto doc = render_document(html.str(), report, DocumentOptions{}, error);
  REQUIRE(doc.has_value());
  CHECK(doc->find("attune allocate finds an allocation with the lowest baby coverage at 81% (50% today).") !=
        std::string::npos);
  // No coverage finding, no pointer (and no solve).
  CheckResult quiet;
  CHECK_FALSE(allocation_hint(s, quiet).has_value());
}

TEST_CASE("allocate's eligibility and KP-VALID read one list of the roles that may be key persons") {
  // For every role there is: s1 of that role is Amy's key person today, s2 a practitioner.
  // KP-VALID fires exactly when allocate finds the current key person ineligible.
  int roles = 0;
  for (int r = 0; r < 64; ++r) {
    const auto role = static_cast<Role>(r);
    if (parse_role(role_id(role)) != role) break;  // past the last role
    ++roles;
    INFO(role_id(role));
    const Setting s = test::load_yaml(test::header() + fmt::format(R"(staff:
  - {{ id: s1, name: Sam, date_of_birth: 1990-01-01, role: {}, qualification: level3, pfa_expiry: 2029-01-31, baby_training: "yes", in_ratio: "yes" }}
  - {{ id: s2, name: Sue, date_of_birth: 1990-01-01, role: practitioner, qualification: level3, pfa_expiry: 2029-01-31, baby_training: "yes" }}
children:
  - {{ id: c1, name: Amy, date_of_birth: 2022-06-01, room: pre, key_person: s1 }}
shifts:
  - {{ staff: s1, date: 2026-11-02, start: "08:00", end: "12:00", room: pre, kind: work }}
  - {{ staff: s2, date: 2026-11-02, start: "08:00", end: "12:00", room: pre, kind: work }}
attendance:
  - {{ child: c1, date: 2026-11-02, start: "08:00", end: "12:00" }}
)", role_id(role)));
    const bool invalid = !test::findings_of(check_setting(s, test::group_profile()), "KP-VALID").empty();
    const AllocationProposal p = allocate(s, AllocateOptions{});
    REQUIRE(p.status == AllocationStatus::optimal);
    CHECK(invalid == !may_be_key_person(role));
    CHECK(p.children[0].current_ineligible == invalid);
    CHECK(p.children[0].proposed.key_person == (invalid ? 1u : 0u));
  }
  CHECK(roles >= 8);
}

// The check of allocate's tie-break (lib/src/allocate/tie_check.hpp), fed answers that
// are deliberately not the smallest. Worked by hand:
//
//   c1  |========|  08:00-16:00 (480 min)     s1 |====|      08:00-12:00
//   c2  |====|      08:00-12:00 (240 min)     s2 |=========| 08:00-17:00
//
//   w(c1, s1) = 240, w(c1, s2) = 480, w(c2, s1) = w(c2, s2) = 240. One baby each
//   (max_key_children.under_2 = 1), so the allocations are A = c1 (s1, s2), c2 (s2, s1):
//   480 key minutes, and B = c1 (s2, s1), c2 (s1, s2): 720. A is smaller in children.csv
//   order (c1's s1 before s2); B has the most key minutes.

namespace {

Setting tie_check_setting() {
  return test::load_yaml(test::header() + R"(staff:
  - { id: s1, name: Sam, date_of_birth: 1990-01-01, role: practitioner, qualification: level3, pfa_expiry: 2029-01-31, baby_training: "yes" }
  - { id: s2, name: Sue, date_of_birth: 1990-01-01, role: practitioner, qualification: level3, pfa_expiry: 2029-01-31, baby_training: "yes" }
policy: { max_key_children: { under_2: 1, age_2: 6, age_3_plus: 8 } }
children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: s2, buddy: s1 }
  - { id: c2, name: Ben, date_of_birth: 2025-06-01, room: babies, key_person: s1, buddy: s2 }
shifts:
  - { staff: s1, date: 2026-11-02, start: "08:00", end: "12:00", room: babies, kind: work }
  - { staff: s2, date: 2026-11-02, start: "08:00", end: "17:00", room: babies, kind: work }
attendance:
  - { child: c1, date: 2026-11-02, start: "08:00", end: "16:00" }
  - { child: c2, date: 2026-11-02, start: "08:00", end: "12:00" }
)");
}

alloc::Assignment tie_allocation(StaffIndex c1_key, StaffIndex c2_key) {
  return alloc::Assignment{{c1_key, c2_key}, {c2_key, c1_key}};  // each buddy is the other adult
}

}  // namespace

TEST_CASE("allocate's tie-break check finds a smaller allocation it was not given, and none below the smallest") {
  const Setting s = tie_check_setting();
  AllocateOptions options;
  options.reallocate = true;
  const alloc::Problem p = alloc::build_problem(s, options);
  REQUIRE(p.pupils.size() == 2);
  REQUIRE(p.w(0, 0) == 240);
  REQUIRE(p.w(0, 1) == 480);
  alloc::Search search(p, 0.0);
  const alloc::Limits rules_only;

  // B is not the smallest when only the rules are held: A is found, and it is exactly A.
  alloc::Assignment found;
  CHECK(alloc::smaller_allocation_exists(search, p, rules_only, tie_allocation(1, 0), &found) == std::optional<bool>(true));
  CHECK(found == tie_allocation(0, 1));
  // A is the smallest: proved.
  CHECK(alloc::smaller_allocation_exists(search, p, rules_only, tie_allocation(0, 1)) == std::optional<bool>(false));

  // With the key-person minutes held at B's 720, A is not allowed: B is the smallest.
  alloc::Limits most_minutes;
  most_minutes.min_key_minutes = 720;
  CHECK(alloc::smaller_allocation_exists(search, p, most_minutes, tie_allocation(1, 0)) == std::optional<bool>(false));

  // check_ties corrects a wrong answer, and says so.
  alloc::Assignment wrong = tie_allocation(1, 0);
  const alloc::TieCheck c = alloc::check_ties(search, p, rules_only, wrong);
  CHECK(c.proved);
  CHECK(c.corrections == 1);
  CHECK(wrong == tie_allocation(0, 1));
}

TEST_CASE("allocate's tie-break check asked one pupil at a time holds the pupils before it") {
  // The same two babies. Asked about c1 alone: c1's s1 is below B's s2 and A has it, so
  // A is found (1 correction); c1 then has nothing smaller. Asked about c2 with c1 held
  // at (s1, s2): c2's smaller key person s1 already has c1, a full caseload of 1 baby,
  // and with key person s2 c2's buddy s1 is already the smallest: nothing smaller.
  // With B's 720 key minutes held, c1's s1 would give at most 240 + 240 = 480: no
  // question is left for the solver at all.
  const Setting s = tie_check_setting();
  AllocateOptions options;
  options.reallocate = true;
  const alloc::Problem p = alloc::build_problem(s, options);
  alloc::Search search(p, 0.0);

  alloc::Assignment wrong = tie_allocation(1, 0);
  const alloc::TieCheck c = alloc::check_ties(search, p, alloc::Limits{}, wrong, 1);
  CHECK(c.proved);
  CHECK(c.corrections == 1);
  CHECK(wrong == tie_allocation(0, 1));

  alloc::Limits most_minutes;
  most_minutes.min_key_minutes = 720;
  alloc::Assignment b = tie_allocation(1, 0);
  const int solves_before = search.solves();
  const alloc::TieCheck d = alloc::check_ties(search, p, most_minutes, b, 1);
  CHECK(d.proved);
  CHECK(d.corrections == 0);
  CHECK(d.asked == 0);
  CHECK(search.solves() == solves_before);
  CHECK(b == tie_allocation(1, 0));
}

// allocate's stage 5 (key-or-buddy minutes) in its programme: a variable per (key
// person, buddy) pair with the minutes the buddy adds. Worked by hand:
//
//   c1  |================|  08:00-16:00 (480 min), a baby: key person and buddy
//   s1  |========|          08:00-12:00   w(c1, s1) = 240
//   s2      |========|      10:00-14:00   w(c1, s2) = 240, both(s1, s2) = 120 (10-12)
//   s3          |========|  12:00-16:00   w(c1, s3) = 240, both(s2, s3) = 120 (12-14)
//                                          both(s1, s3) = 0
//
//   key-or-buddy minutes = w(k) + w(b) - both(k, b): 480 for (s1, s3) and (s3, s1),
//   360 for the four pairs with s2. So the stage's optimum is 480, and for one child the
//   programme's relaxation (no integrality) is exactly that too: it cannot split c1's
//   key person or buddy to count more than a whole pair gives.

namespace {

Setting staggered_setting() {
  return test::load_yaml(test::header() + R"(staff:
  - { id: s1, name: Sam, date_of_birth: 1990-01-01, role: practitioner, qualification: level3, pfa_expiry: 2029-01-31, baby_training: "yes" }
  - { id: s2, name: Sue, date_of_birth: 1990-01-01, role: practitioner, qualification: level3, pfa_expiry: 2029-01-31, baby_training: "yes" }
  - { id: s3, name: Sid, date_of_birth: 1990-01-01, role: practitioner, qualification: level3, pfa_expiry: 2029-01-31, baby_training: "yes" }
children:
  - { id: c1, name: Amy, date_of_birth: 2025-06-01, room: babies, key_person: s2, buddy: s1 }
shifts:
  - { staff: s1, date: 2026-11-02, start: "08:00", end: "12:00", room: babies, kind: work }
  - { staff: s2, date: 2026-11-02, start: "10:00", end: "14:00", room: babies, kind: work }
  - { staff: s3, date: 2026-11-02, start: "12:00", end: "16:00", room: babies, kind: work }
attendance:
  - { child: c1, date: 2026-11-02, start: "08:00", end: "16:00" }
)");
}

alloc::Assignment one_pair(StaffIndex key, StaffIndex buddy) { return alloc::Assignment{{key}, {buddy}}; }

}  // namespace

TEST_CASE("allocate's key-or-buddy programme counts exactly each pair's minutes, and its relaxation no more") {
  const Setting s = staggered_setting();
  const alloc::Problem p = alloc::build_problem(s, AllocateOptions{});
  REQUIRE(p.pupils.size() == 1);
  REQUIRE(p.pupils[0].needs_buddy);
  REQUIRE(p.w(0, 0) == 240);
  REQUIRE(p.w(0, 1) == 240);
  REQUIRE(p.w(0, 2) == 240);
  CHECK(p.together(0, 0, 1) == 120);
  CHECK(p.together(0, 1, 2) == 120);
  CHECK(p.together(0, 0, 2) == 0);

  const alloc::Formulation f(p, alloc::Limits{}, alloc::Goal::max_familiar);
  REQUIRE_FALSE(f.empty_choice());
  // A whole allocation's objective is its key-or-buddy minutes.
  const auto minutes_of = [&](StaffIndex key, StaffIndex buddy) {
    const std::vector<double> v = f.encode(one_pair(key, buddy));
    REQUIRE(v.size() == f.model().variable_count());
    CHECK(f.model().violation(v) == 0.0);
    return f.model().objective_value(v);
  };
  CHECK(minutes_of(0, 2) == 480.0);
  CHECK(minutes_of(2, 0) == 480.0);
  CHECK(minutes_of(0, 1) == 360.0);
  CHECK(minutes_of(1, 0) == 360.0);
  CHECK(minutes_of(1, 2) == 360.0);
  CHECK(minutes_of(2, 1) == 360.0);

  solver::SolveOptions relaxed;
  relaxed.relax_integrality = true;
  const solver::Result lp = solver::solve(f.model(), relaxed);
  REQUIRE(lp.status == solver::Status::optimal);
  CHECK(lp.objective == doctest::Approx(480.0).epsilon(1e-9));

  const solver::Result mip = solver::solve(f.model());
  REQUIRE(mip.status == solver::Status::optimal);
  const alloc::Assignment best = f.decode(mip);
  CHECK(p.familiar(0, best.key[0], best.buddy[0]) == 480);

  // And held as a limit, 480 leaves only the two pairs without s2.
  alloc::Limits held;
  held.min_familiar_minutes = 480;
  const alloc::Formulation g(p, held, alloc::Goal::feasible);
  CHECK(g.encode(one_pair(0, 2)).size() == g.model().variable_count());
  CHECK(g.model().violation(g.encode(one_pair(0, 2))) == 0.0);
  CHECK(g.model().violation(g.encode(one_pair(0, 1))) > 0.0);
}
