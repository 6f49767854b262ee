// The planners' requirements against `attune check`: on random small staffings (up to 3
// rooms, 7 staff, random roles, qualifications, certificates, ages, profiles and mixed-age
// methods), the rows plan::Requirements adds, with everyone's presence fixed, must hold
// exactly when check_setting finds no breach of that rule in that place. Any drift between
// a rule and its requirement (a rule changed in lib/src/rules, a new way of counting in the
// timeline) fails here. ATTUNE_REQUIREMENTS_CASES=20000 runs more.

#include <map>
#include <set>
#include <random>

#include <fmt/format.h>

#include "plan/requirements.hpp"
#include "attune/rules.hpp"
#include "test_support.hpp"

using namespace attune;

namespace {

constexpr Minute kStart = 9 * 60, kEnd = 10 * 60;

enum class Where : unsigned char { off, work, non_contact, on_break };

struct Staffing {
  Setting setting;
  RuleProfile profile;
  std::vector<Where> where;       // by staff
  std::vector<RoomIndex> room;    // by staff, for work
  std::string story;              // for the failure message
};

Staffing random_staffing(std::mt19937& rng, const RuleProfile& base) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Staffing out;
  RuleProfile& p = out.profile;
  p = base.on(test::day("2026-11-03"));  // the version in force on the day checked, on its own
  p.versions.clear();
  p.trainees_need_pfa_to_count = pick(0, 2) == 0;
  p.under_2_lead_needs_level3 = pick(0, 1) == 0;
  p.mixed_age_method = std::array{MixedAgeMethod::fractional, MixedAgeMethod::per_band, MixedAgeMethod::youngest}[pick(0, 2)];
  if (pick(0, 3) == 0) p.graduate_children_per_adult = 0;
  p.graduate_needs_other_level3 = pick(0, 2) != 0;
  if (pick(0, 4) == 0) p.graduate_hours = pick(0, 1) == 0 ? TimeWindow{8 * 60, 16 * 60} : TimeWindow{10 * 60, 16 * 60};
  p.pfa_counts_during_break = pick(0, 2) == 0;
  p.trainees_need_pfa = pick(0, 3) != 0;
  p.trainees_count_level_below = pick(0, 4) != 0;
  p.level2_min_percent = std::array{50, 50, 30, 100, 0}[pick(0, 4)];
  p.baby_training_min_percent = std::array{50, 50, 34, 100}[pick(0, 3)];
  if (pick(0, 5) == 0) p.children_per_adult = {4, 4, 10};
  for (const RuleInfo& r : rule_catalog()) {
    if (pick(0, 14) == 0) p.rules[std::string(r.id)].enabled = false;
  }

  Setting& s = out.setting;
  s.name = "Random";
  s.period = Period{test::day("2026-11-03"), test::day("2026-11-03")};
  s.opening = TimeWindow{7 * 60, 19 * 60};
  s.recorded.staff_date_of_birth = true;
  s.recorded.pfa_expiry = pick(0, 5) != 0;
  s.recorded.baby_training = pick(0, 5) != 0;
  s.recorded.under_2_experience = pick(0, 5) != 0;
  const int rooms = pick(1, 3);
  for (int r = 0; r < rooms; ++r) {
    Room room;
    room.id = fmt::format("r{}", r);
    room.name = room.id;
    const int meal = pick(0, 2);
    if (meal == 0) room.meals.push_back(TimeWindow{kStart, kEnd});
    else if (meal == 1) room.meals.push_back(TimeWindow{8 * 60, 11 * 60});
    else room.meals.push_back(TimeWindow{12 * 60, 12 * 60 + 30});
    s.rooms.push_back(room);
  }
  const Date date = s.period.from;
  Day day;
  day.date = date;
  const char* births[] = {"2025-06-01", "2024-03-01", "2022-05-01", "2021-01-01"};  // under 2, 2, 3+, 3+
  for (int r = 0; r < rooms; ++r) {
    const int children = pick(0, 3) == 0 ? 0 : pick(1, pick(0, 1) == 0 ? 4 : 12);
    for (int c = 0; c < children; ++c) {
      Child child;
      child.id = fmt::format("c{}", s.children.size());
      child.date_of_birth = test::day(births[pick(0, 3)]);
      child.room = static_cast<RoomIndex>(r);
      s.children.push_back(child);
      day.children.push_back(ChildSpell{static_cast<ChildIndex>(s.children.size() - 1), child.room, {kStart, kEnd}});
    }
  }
  const int staff = pick(2, 8);
  const std::array roles{Role::practitioner, Role::practitioner, Role::room_leader, Role::manager, Role::student,
                         Role::apprentice,   Role::volunteer,    Role::bank};
  const std::array quals{Qualification::none,   Qualification::level2, Qualification::level3, Qualification::level3,
                         Qualification::level3, Qualification::qts,    Qualification::eyts};
  for (int i = 0; i < staff; ++i) {
    Staff st;
    st.id = fmt::format("s{}", i);
    st.role = roles[static_cast<std::size_t>(pick(0, 7))];
    st.qualification = quals[static_cast<std::size_t>(pick(0, 6))];
    st.date_of_birth = test::day(pick(0, 6) == 0 ? "2010-02-01" : "1990-01-01");
    const int pfa = pick(0, 3);
    if (pfa == 1 && pick(0, 1) == 0) st.pfa_expiry = test::day("2026-01-01");
    else if (pfa >= 2) st.pfa_expiry = test::day("2029-01-31");
    st.pfa_recorded = s.recorded.pfa_expiry;
    st.baby_training = pick(0, 2) != 0;
    const int u2 = pick(0, 2);
    if (u2 > 0) st.under_2_experience = u2 == 1;
    const int ratio = pick(0, 3);
    if (ratio == 1) st.in_ratio = true;
    else if (ratio == 2) st.in_ratio = false;
    if (st.role == Role::student || st.role == Role::apprentice)
      st.studying = std::array{Qualification::level2, Qualification::level3, Qualification::eyts}[pick(0, 2)];
    s.staff.push_back(st);
    const Where w = std::array{Where::off, Where::work, Where::work, Where::work, Where::non_contact, Where::on_break}[pick(0, 5)];
    const auto room = static_cast<RoomIndex>(pick(0, rooms - 1));
    out.where.push_back(w);
    out.room.push_back(room);
    if (w == Where::off) continue;
    const ShiftKind kind = w == Where::work ? ShiftKind::work : w == Where::non_contact ? ShiftKind::non_contact : ShiftKind::on_break;
    day.staff.push_back(StaffSpell{static_cast<StaffIndex>(i), w == Where::non_contact && pick(0, 1) == 0 ? kNone : room,
                                   {kStart, kEnd}, kind});
    out.story += fmt::format("{}: {} {} pfa {} bt {} u2 {} in_ratio {} -> {} {}\n", st.id, role_id(st.role),
                             qualification_id(st.qualification), pfa, st.baby_training,
                             st.under_2_experience ? (*st.under_2_experience ? "yes" : "no") : "-",
                             st.in_ratio ? (*st.in_ratio ? "yes" : "no") : "-", static_cast<int>(w), room);
  }
  s.days.push_back(std::move(day));
  return out;
}

/// The planned rules' breaches as check finds them: (rule, room) pairs.
std::set<std::pair<std::string, RoomIndex>> check_breaches(const Staffing& x, const plan::RulePlan& rules) {
  std::set<std::pair<std::string, RoomIndex>> out;
  const CheckResult r = check_setting(x.setting, x.profile);
  for (const Finding& f : r.findings) {
    if (f.severity != Severity::error) continue;
    if (std::find(rules.planned.begin(), rules.planned.end(), f.rule) == rules.planned.end()) continue;
    REQUIRE(f.time.has_value());
    CHECK(*f.time == TimeWindow{kStart, kEnd});
    out.insert({f.rule, f.room});
  }
  return out;
}

struct Built {
  solver::Model model;
  std::vector<plan::Requirement> requirements;
};

/// The stretch 09:00-10:00 with everyone's presence fixed: as variables held at 0 or 1,
/// or (at random) as constants.
Built build(const Staffing& x, const plan::Requirements& req, bool soft, std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Built b;
  const Setting& s = x.setting;
  const DayTimeline timeline = build_day_timeline(s, x.profile, 0);
  plan::Stretch stretch;
  stretch.date = s.days[0].date;
  stretch.time = TimeWindow{kStart, kEnd};
  if (!timeline.premises.segments.empty()) stretch.premises_children = timeline.premises.segments[0];
  auto fixed = [&](bool on) {
    if (pick(0, 2) == 0) return plan::Presence{on ? 1.0 : 0.0, {}};
    const solver::Variable v = b.model.add_binary();
    b.model.set_bounds(v, on ? 1 : 0, on ? 1 : 0);
    return plan::Presence::of(v);
  };
  for (const RoomDay& rd : timeline.rooms) {
    plan::RoomStretch room;
    room.room = rd.room;
    room.children = rd.segments.at(0);
    stretch.rooms.push_back(room);
  }
  for (StaffIndex i = 0; i < s.staff.size(); ++i) {
    const plan::StaffCounts counts = plan::staff_counts(s.staff[i], stretch.date, x.profile);
    plan::Presence anywhere;
    for (plan::RoomStretch& room : stretch.rooms) {
      const bool here = x.where[i] == Where::work && x.room[i] == room.room;
      if (!here && pick(0, 1) == 0) continue;  // someone who cannot be there need not be listed
      const plan::Presence p = fixed(here);
      room.workers.push_back({i, counts, p});
      anywhere.constant += p.constant;
      anywhere.terms.insert(anywhere.terms.end(), p.terms.begin(), p.terms.end());
    }
    const bool working = x.where[i] == Where::work;
    const bool in_room_with_children = std::any_of(stretch.rooms.begin(), stretch.rooms.end(),
                                                   [&](const plan::RoomStretch& r) { return r.room == x.room[i]; });
    if (working && !in_room_with_children) {
      const plan::Presence p = fixed(true);  // working in a room without children
      anywhere.constant += p.constant;
      anywhere.terms.insert(anywhere.terms.end(), p.terms.begin(), p.terms.end());
    }
    stretch.on_work.push_back({i, counts, anywhere});
    const bool available = working || x.where[i] == Where::non_contact ||
                           (x.where[i] == Where::on_break && x.profile.pfa_counts_during_break);
    stretch.on_premises.push_back({i, counts, fixed(available)});
  }
  req.add(b.model, stretch, soft, b.requirements);
  return b;
}

}  // namespace

TEST_CASE("requirements hold exactly when check finds no breach, on random staffings") {
  const RuleProfile base = test::group_profile();
  std::mt19937 rng(20261103);
  const int n = test::property_cases("ATTUNE_REQUIREMENTS_CASES", 600);
  int breaching = 0;
  std::map<std::string, std::pair<int, int>> seen;  // rule -> (held, broken) requirements
  for (int k = 0; k < n; ++k) {
    const Staffing x = random_staffing(rng, base);
    const plan::Requirements req(x.setting, x.profile);
    const auto expected = check_breaches(x, req.rules());
    INFO("case ", k, "\n", x.story);

    // Soft: the fewest breaches the rows allow are exactly check's breaches.
    Built soft = build(x, req, true, rng);
    std::vector<solver::Term> objective;
    for (const plan::Requirement& r : soft.requirements) soft.model.set_objective(r.breach, 1);
    const solver::Result result = solver::solve(soft.model);
    REQUIRE(result.status == solver::Status::optimal);
    std::set<std::pair<std::string, RoomIndex>> found;
    for (const plan::Requirement& r : soft.requirements) {
      const bool broken = result.integer_value(r.breach) == 1;
      if (broken) found.insert({std::string(r.rule), r.room});
      auto& counts = seen[std::string(r.rule)];
      ++(broken ? counts.second : counts.first);
    }
    std::string diff;
    for (const auto& [rule, room] : found)
      if (!expected.count({rule, room})) diff += fmt::format(" rows only: {} room {}", rule, static_cast<int>(room));
    for (const auto& [rule, room] : expected)
      if (!found.count({rule, room})) diff += fmt::format(" check only: {} room {}", rule, static_cast<int>(room));
    INFO("differences:", diff);
    CHECK(found == expected);

    // Hard: the rows can all hold exactly when check finds nothing.
    Built hard = build(x, req, false, rng);
    const solver::Result h = solver::solve(hard.model);
    CHECK((h.status == solver::Status::optimal) == expected.empty());
    CHECK((h.status == solver::Status::infeasible) == !expected.empty());
    if (!expected.empty()) ++breaching;
  }
  // The random staffings must exercise both sides, of every rule.
  CHECK(breaching > n / 5);
  CHECK(breaching < n * 19 / 20);
  CHECK(seen.size() == 8);
  for (const auto& [rule, counts] : seen) {
    INFO(rule, " held ", counts.first, " broken ", counts.second);
    CHECK(counts.first > n / 50);
    CHECK(counts.second > n / 50);
  }
}

TEST_CASE("requirements: the rules of the England group profile are all planned, or said not to be") {
  const RuleProfile p = test::group_profile();
  Setting s;
  s.period = Period{test::day("2026-11-02"), test::day("2026-11-06")};  // every rule in force
  const plan::Requirements req(s, p);
  const auto& r = req.rules();
  CHECK(r.planned.size() == 8);
  CHECK(r.not_planned.empty());
  CHECK(std::find(r.not_rota.begin(), r.not_rota.end(), "KP-ASSIGNED") != r.not_rota.end());
  CHECK(std::find(r.not_rota.begin(), r.not_rota.end(), "PFA-EXPIRY") != r.not_rota.end());
}
