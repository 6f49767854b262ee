// The childminder rules' requirements against `attune check`, as
// requirements_property_test.cpp does for the group rules: on random mornings in a
// childminder's home (09:00-12:00, up to 10 children of every band of the childminder
// profile, up to 6 people: childminders, assistants, a volunteer, some under 17, some
// without first aid), the rows plan::Requirements adds (the per-adult limits,
// CM-WORKING-TOGETHER, PFA-ON-SITE, and CM-ASSISTANT-ALONE's day row) hold exactly when
// check_setting finds no breach of that rule. The morning is 180 minutes, so an
// assistant alone all morning breaks the 120-minute limit.
// ATTUNE_REQUIREMENTS_CASES=20000 runs more.

#include <map>
#include <random>
#include <set>

#include <fmt/format.h>

#include "attune/rules.hpp"
#include "plan/requirements.hpp"
#include "test_support.hpp"

using namespace attune;

namespace {

constexpr Minute kMorningStart = 9 * 60, kMorningEnd = 12 * 60;

RuleProfile morning_profile() {
  Diagnostics d;
  auto p = load_profile(std::string(ATTUNE_TEMPLATES_DIR) + "/profiles/eyfs-2024-childminder.toml", d);
  REQUIRE(p.has_value());
  RuleProfile on = p->on(test::day("2026-11-03"));  // the version in force on the day checked, on its own
  on.versions.clear();
  return on;
}

struct Morning {
  Setting setting;
  std::vector<bool> working;  // by staff
  std::string story;
};

Morning random_morning(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Morning out;
  Setting& s = out.setting;
  s.name = "Random home";
  s.kind = ProvisionKind::childminder;
  s.period = Period{test::day("2026-11-03"), test::day("2026-11-03")};
  s.opening = TimeWindow{7 * 60, 19 * 60};
  s.recorded.staff_date_of_birth = true;
  s.recorded.pfa_expiry = true;
  Room home;
  home.id = "home";
  home.name = "Home";
  s.rooms.push_back(home);
  Day day;
  day.date = s.period.from;
  // under 1, young (3), under 8 but no longer young (6), 8 and over (10)
  const char* births[] = {"2026-03-01", "2023-01-01", "2020-01-01", "2016-01-01"};
  const int children = pick(0, 4) == 0 ? 0 : pick(1, 10);
  for (int c = 0; c < children; ++c) {
    Child child;
    child.id = fmt::format("c{}", c);
    child.date_of_birth = test::day(births[pick(0, 3)]);
    child.room = 0;
    s.children.push_back(child);
    day.children.push_back(ChildSpell{static_cast<ChildIndex>(c), 0, {kMorningStart, kMorningEnd}});
  }
  const int staff = pick(1, 6);
  const std::array roles{Role::childminder, Role::assistant, Role::assistant, Role::volunteer};
  for (int i = 0; i < staff; ++i) {
    Staff st;
    st.id = fmt::format("s{}", i);
    st.role = roles[static_cast<std::size_t>(pick(0, 3))];
    st.qualification = pick(0, 1) == 0 ? Qualification::level3 : Qualification::level2;
    st.date_of_birth = test::day(pick(0, 6) == 0 ? "2010-02-01" : "1990-01-01");
    if (pick(0, 3) != 0) st.pfa_expiry = test::day("2029-01-31");
    st.pfa_recorded = true;
    s.staff.push_back(st);
    const int where = pick(0, 4);  // 0 off, 1-3 work, 4 non-contact
    out.working.push_back(where >= 1 && where <= 3);
    if (where != 0)
      day.staff.push_back(StaffSpell{static_cast<StaffIndex>(i), where == 4 ? kNone : RoomIndex{0}, {kMorningStart, kMorningEnd},
                                     where == 4 ? ShiftKind::non_contact : ShiftKind::work});
    out.story += fmt::format("{}: {} dob {} pfa {} -> {}\n", st.id, role_id(st.role),
                             format_iso_date(*st.date_of_birth), st.pfa_expiry.has_value(), where);
  }
  s.days.push_back(std::move(day));
  return out;
}

/// The planned rules' breaches as check finds them.
std::set<std::string> home_breaches(const Morning& x, const RuleProfile& p, const plan::RulePlan& rules) {
  std::set<std::string> out;
  for (const Finding& f : check_setting(x.setting, p).findings) {
    if (f.severity != Severity::error) continue;
    if (std::find(rules.planned.begin(), rules.planned.end(), f.rule) == rules.planned.end()) continue;
    out.insert(f.rule);
  }
  return out;
}

struct HomeBuilt {
  solver::Model model;
  std::vector<plan::Requirement> requirements;
};

/// The morning as one stretch, everyone's presence fixed (a variable held at 0 or 1).
HomeBuilt build_home(const Morning& x, const RuleProfile& p, const plan::Requirements& req, bool soft) {
  HomeBuilt b;
  const Setting& s = x.setting;
  const DayTimeline timeline = build_day_timeline(s, p, 0);
  plan::Stretch stretch;
  stretch.date = s.days[0].date;
  stretch.time = TimeWindow{kMorningStart, kMorningEnd};
  if (!timeline.premises.segments.empty()) stretch.premises_children = timeline.premises.segments[0];
  plan::RoomStretch room;
  room.room = 0;
  if (!timeline.rooms.empty() && !timeline.rooms[0].segments.empty()) room.children = timeline.rooms[0].segments[0];
  for (StaffIndex i = 0; i < s.staff.size(); ++i) {
    const plan::StaffCounts counts = plan::staff_counts(s.staff[i], stretch.date, p);
    const solver::Variable v = b.model.add_binary();
    const double on = x.working[i] ? 1.0 : 0.0;
    b.model.set_bounds(v, on, on);
    room.workers.push_back({i, counts, plan::Presence::of(v)});
    stretch.on_work.push_back({i, counts, plan::Presence::of(v)});
    const bool present = std::any_of(s.days[0].staff.begin(), s.days[0].staff.end(),
                                     [&](const StaffSpell& sp) { return sp.staff == i; });
    stretch.on_premises.push_back({i, counts, plan::Presence{present ? 1.0 : 0.0, {}}});
  }
  if (room.children.child_count() > 0) stretch.rooms.push_back(room);
  req.add(b.model, stretch, soft, b.requirements);
  std::vector<solver::Term> alone;
  if (stretch.premises_children.child_count() > 0)
    if (const auto t = req.sole_charge(b.model, stretch, kMorningEnd - kMorningStart)) alone.push_back(*t);
  req.add_day(b.model, stretch.date, s.opening, alone, soft, b.requirements);
  return b;
}

}  // namespace

TEST_CASE("childminder requirements hold exactly when check finds no breach, on random mornings") {
  const RuleProfile p = morning_profile();
  std::mt19937 rng(20261104);
  const int n = test::property_cases("ATTUNE_REQUIREMENTS_CASES", 150);
  std::map<std::string, std::pair<int, int>> seen;  // rule -> (held, broken)
  for (int k = 0; k < n; ++k) {
    const Morning x = random_morning(rng);
    const plan::Requirements req(x.setting, p, true);
    REQUIRE(req.rules().not_planned.empty());
    const auto expected = home_breaches(x, p, req.rules());
    INFO("case ", k, "\n", x.story);

    HomeBuilt soft = build_home(x, p, req, true);
    for (const plan::Requirement& r : soft.requirements) soft.model.set_objective(r.breach, 1);
    const solver::Result result = solver::solve(soft.model);
    REQUIRE(result.status == solver::Status::optimal);
    std::set<std::string> found;
    for (const plan::Requirement& r : soft.requirements) {
      const bool broken = result.integer_value(r.breach) == 1;
      if (broken) found.insert(std::string(r.rule));
      auto& counts = seen[std::string(r.rule)];
      ++(broken ? counts.second : counts.first);
    }
    std::string diff;
    for (const auto& rule : found)
      if (!expected.count(rule)) diff += " rows only: " + rule;
    for (const auto& rule : expected)
      if (!found.count(rule)) diff += " check only: " + rule;
    INFO("differences:", diff);
    CHECK(found == expected);

    HomeBuilt hard = build_home(x, p, req, false);
    const solver::Result h = solver::solve(hard.model);
    CHECK((h.status == solver::Status::optimal) == expected.empty());
  }
  for (const char* rule : {"CM-UNDER-8", "CM-YOUNG", "CM-UNDER-1", "CM-WORKING-TOGETHER", "CM-ASSISTANT-ALONE", "PFA-ON-SITE"}) {
    INFO(rule, " held ", seen[rule].first, " broken ", seen[rule].second);
    CHECK(seen[rule].first > n / 50);
    CHECK(seen[rule].second > n / 50);
  }
}

TEST_CASE("requirements: the childminder profile is planned only by a planner that adds each day's rows") {
  Diagnostics d;
  const auto p = load_profile(std::string(ATTUNE_TEMPLATES_DIR) + "/profiles/eyfs-2024-childminder.toml", d);
  REQUIRE(p.has_value());
  Setting s;
  s.period = Period{test::day("2026-11-02"), test::day("2026-11-06")};
  const plan::Requirements by_slot(s, *p);
  CHECK(by_slot.rules().not_planned == std::vector<std::string_view>{"CM-ASSISTANT-ALONE"});
  const plan::Requirements by_day(s, *p, true);
  CHECK(by_day.rules().not_planned.empty());
  const auto& planned = by_day.rules().planned;
  CHECK(std::find(planned.begin(), planned.end(), "CM-WORKING-TOGETHER") != planned.end());
  CHECK(std::find(planned.begin(), planned.end(), "CM-ASSISTANT-ALONE") != planned.end());
}
