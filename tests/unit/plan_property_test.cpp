// attune plan against enumeration: on random tiny weeks (one day of 4 or 5 slots of an
// hour, 1 or 2 rooms, 2 or 3 staff, up to 4 children booked off the grid), every rota is
// enumerated: each person off, or one shift within their availability and the shift
// bounds, a room per slot, and the break where the rules ask for one (the setting's, or
// the law's: 30 minutes over 4.5 hours under 18). A rota counts when every contract plus
// overtime holds and `attune check` finds no breach of a statutory rule; its objective
// is read from check's own metrics. The best rota by the lexicographic objective must
// have exactly plan's objective values, and plan's rota must itself count. In most weeks
// the first person could staff a room alone (level 3, first aid, baby training, under-2
// experience, available all day), so that most weeks have a rota to compare.
// ATTUNE_PLAN_CASES=200 runs more.

#include <random>

#include <fmt/format.h>

#include "attune/plan.hpp"
#include "plan/requirements.hpp"
#include "test_support.hpp"

using namespace attune;

namespace {

constexpr Minute kOpen = 8 * 60;
constexpr RoomIndex kOff = kNone, kBreak = kNone - 1;

struct Instance {
  Setting setting;
  RuleProfile profile;
  int slots = 4;
  std::string story;
};

Instance random_instance(std::mt19937& rng, const RuleProfile& base) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Instance x;
  x.profile = base.on(test::day("2026-11-02"));  // the version in force on the day planned, on its own
  x.profile.versions.clear();
  x.profile.mixed_age_method = std::array{MixedAgeMethod::fractional, MixedAgeMethod::per_band}[pick(0, 1)];
  Setting& s = x.setting;
  const int rooms = pick(0, 2) == 0 ? 2 : 1;
  const int staff = rooms == 2 ? 2 : pick(2, 3);
  x.slots = rooms == 2 ? 4 : pick(4, 5);
  s.name = "Tiny";
  s.period = Period{test::day("2026-11-02"), test::day("2026-11-02")};
  s.opening = TimeWindow{kOpen, kOpen + 60 * x.slots};
  s.recorded = Recorded{true, true, true, true, false, false, false, true};
  s.plan.slot_minutes = 60;
  s.plan.break_after_minutes = std::array{120, 180, 240, 360}[pick(0, 3)];
  s.plan.break_minutes = std::array{30, 60}[pick(0, 1)];
  s.plan.break_window = pick(0, 1) == 0 ? TimeWindow{9 * 60, 12 * 60} : TimeWindow{kOpen, kOpen + 60 * x.slots};
  s.plan.min_shift_minutes = std::array{60, 120, 180}[pick(0, 2)];
  s.plan.max_shift_minutes = std::max(s.plan.min_shift_minutes, std::array{180, 240, 300}[pick(0, 2)]);
  s.plan.overtime_minutes = std::array{0, 60}[pick(0, 1)];
  s.plan.time_limit_seconds = 30;
  for (int r = 0; r < rooms; ++r) {
    Room room;
    room.id = fmt::format("r{}", r);
    room.name = room.id;
    if (pick(0, 2) == 0) room.meals.push_back(TimeWindow{10 * 60 + 30, 11 * 60});
    s.rooms.push_back(room);
  }
  const std::array roles{Role::practitioner, Role::practitioner, Role::room_leader, Role::bank, Role::apprentice};
  const std::array quals{Qualification::level2, Qualification::level3, Qualification::level3, Qualification::none};
  Day day;
  day.date = s.period.from;
  for (int i = 0; i < staff; ++i) {
    Staff st;
    st.id = fmt::format("s{}", i);
    st.name = st.id;
    st.role = roles[static_cast<std::size_t>(pick(0, 4))];
    st.qualification = quals[static_cast<std::size_t>(pick(0, 3))];
    if (st.role == Role::apprentice) st.studying = Qualification::level3;
    st.date_of_birth = test::day(pick(0, 3) == 0 ? "2010-02-01" : "1990-01-01");
    st.pfa_expiry = test::day(pick(0, 4) == 0 ? "2026-01-01" : "2029-01-31");
    st.baby_training = pick(0, 3) != 0;
    st.under_2_experience = pick(0, 3) != 0;
    if (st.role != Role::bank && pick(0, 3) != 0) st.contracted_minutes_per_week = std::array{120, 180, 240, 300}[pick(0, 3)];
    const bool anchor = i == 0 && pick(0, 4) != 0;  // most weeks have one person who could staff a room alone
    if (anchor) {
      st.role = Role::practitioner;
      st.qualification = Qualification::level3;
      st.studying.reset();
      st.date_of_birth = test::day("1990-01-01");
      st.pfa_expiry = test::day("2029-01-31");
      st.baby_training = true;
      st.under_2_experience = true;
      if (st.contracted_minutes_per_week) st.contracted_minutes_per_week = 300;
    }
    s.staff.push_back(st);
    int a = pick(0, 1) == 0 ? 0 : pick(0, x.slots - 1), b = pick(0, 1) == 0 ? x.slots : pick(a + 1, x.slots);
    if (anchor) a = 0, b = x.slots;
    day.available.push_back(Availability{static_cast<StaffIndex>(i), {kOpen + 60 * a, kOpen + 60 * b}});
    x.story += fmt::format("{} {} {} dob {} pfa {} bt {} u2 {} contract {} available {}\n", st.id, role_id(st.role),
                           qualification_id(st.qualification), format_iso_date(*st.date_of_birth),
                           format_iso_date(*st.pfa_expiry), st.baby_training, *st.under_2_experience,
                           st.contracted_minutes_per_week.value_or(-1), format_window(day.available.back().time));
  }
  const char* births[] = {"2025-06-01", "2025-01-01", "2024-03-01", "2022-05-01"};
  const int children = pick(1, 4);
  for (int c = 0; c < children; ++c) {
    Child child;
    child.id = fmt::format("c{}", c);
    child.name = child.id;
    child.date_of_birth = test::day(births[pick(0, 3)]);
    child.room = static_cast<RoomIndex>(pick(0, rooms - 1));
    child.key_person = static_cast<StaffIndex>(pick(0, staff - 1));
    if (pick(0, 1) == 0) child.buddy = static_cast<StaffIndex>((child.key_person + 1) % static_cast<StaffIndex>(staff));
    s.children.push_back(child);
    const int quarters = 4 * x.slots;
    const int a = pick(0, quarters - 2), b = pick(a + 1, quarters);
    day.children.push_back(ChildSpell{static_cast<ChildIndex>(c), child.room, {kOpen + 15 * a, kOpen + 15 * b}});
    x.story += fmt::format("{} born {} in {} key {} buddy {} {}\n", child.id, births[0], child.room, child.key_person,
                           child.buddy == kNone ? -1 : static_cast<int>(child.buddy), format_window(day.children.back().time));
  }
  std::sort(day.children.begin(), day.children.end(), [](auto& a, auto& b) { return a.child < b.child; });
  s.days.push_back(std::move(day));
  x.story += fmt::format("slots {} break after {} of {} in {}, shifts {}-{}, overtime {}\n", x.slots,
                         s.plan.break_after_minutes, s.plan.break_minutes, format_window(s.plan.break_window),
                         s.plan.min_shift_minutes, s.plan.max_shift_minutes, s.plan.overtime_minutes);
  return x;
}

/// The rooms someone on duty may be in during a slot: those with children then; with
/// none anywhere, any room used that day (the model's rule).
std::vector<std::vector<RoomIndex>> room_domains(const Instance& x) {
  const Setting& s = x.setting;
  std::vector<std::vector<RoomIndex>> out(static_cast<std::size_t>(x.slots));
  std::vector<RoomIndex> used;
  for (const ChildSpell& c : s.days[0].children) used.push_back(c.room);
  std::sort(used.begin(), used.end());
  used.erase(std::unique(used.begin(), used.end()), used.end());
  for (int t = 0; t < x.slots; ++t) {
    const TimeWindow slot{kOpen + 60 * t, kOpen + 60 * (t + 1)};
    for (RoomIndex r = 0; r < s.rooms.size(); ++r)
      for (const ChildSpell& c : s.days[0].children)
        if (c.room == r && overlap_minutes(c.time, slot) > 0) {
          out[static_cast<std::size_t>(t)].push_back(r);
          break;
        }
    if (out[static_cast<std::size_t>(t)].empty()) out[static_cast<std::size_t>(t)] = used;
  }
  return out;
}

/// Break slots a shift of `minutes` needs: the setting's rule and the law's.
int break_slots(const Instance& x, const Staff& st, int minutes) {
  int need = 0;
  if (minutes > x.setting.plan.break_after_minutes) need = std::max(need, x.setting.plan.break_minutes);
  if (minutes > 360) need = std::max(need, 20);
  if (minutes > 270 && age_in_years(*st.date_of_birth, x.setting.period.from) < 18) need = std::max(need, 30);
  return (need + 59) / 60;
}

/// Every day a person could have: off, or one shift with a room per slot and its break.
std::vector<std::vector<RoomIndex>> options(const Instance& x, StaffIndex who) {
  const Setting& s = x.setting;
  const Staff& st = s.staff[who];
  const auto domains = room_domains(x);
  const TimeWindow avail = s.days[0].available[who].time;
  std::vector<std::vector<RoomIndex>> out{std::vector<RoomIndex>(static_cast<std::size_t>(x.slots), kOff)};
  for (int a = 0; a < x.slots; ++a) {
    for (int b = a + 1; b <= x.slots; ++b) {
      const int minutes = 60 * (b - a);
      if (minutes < s.plan.min_shift_minutes || minutes > s.plan.max_shift_minutes) continue;
      if (kOpen + 60 * a < avail.start || kOpen + 60 * b > avail.end) continue;
      const int k = break_slots(x, st, minutes);
      std::vector<int> break_at{-1};
      if (k == 1) {
        break_at.clear();
        for (int t = a + 1; t + 1 < b; ++t)
          if (s.plan.break_window.start <= kOpen + 60 * t && kOpen + 60 * (t + 1) <= s.plan.break_window.end) break_at.push_back(t);
      } else if (k > 1) {
        break_at.clear();  // never more than one slot here: shifts are at most 5 hours
      }
      for (int brk : break_at) {
        std::vector<RoomIndex> day(static_cast<std::size_t>(x.slots), kOff);
        // Every room choice for the working slots, as a mixed-radix counter.
        std::vector<std::size_t> digit(static_cast<std::size_t>(x.slots), 0);
        for (;;) {
          for (int t = a; t < b; ++t)
            day[static_cast<std::size_t>(t)] = t == brk ? kBreak : domains[static_cast<std::size_t>(t)][digit[static_cast<std::size_t>(t)]];
          out.push_back(day);
          int t = a;
          for (; t < b; ++t) {
            if (t == brk) continue;
            if (++digit[static_cast<std::size_t>(t)] < domains[static_cast<std::size_t>(t)].size()) break;
            digit[static_cast<std::size_t>(t)] = 0;
          }
          if (t == b) break;
        }
      }
    }
  }
  return out;
}

struct Score {
  bool ok = false;
  std::optional<Share> babies, all;
  long key = 0, familiar = 0, extra = 0, shortfall = 0, moves = 0;
};

/// Lexicographically better: the objective of DESIGN §8 (no current rota), then room changes.
bool better(const Score& a, const Score& b) {
  auto cmp_share = [](const std::optional<Share>& x, const std::optional<Share>& y) {
    if (!x || !y) return 0;
    return *x > *y ? 1 : *x < *y ? -1 : 0;
  };
  if (int c = cmp_share(a.babies, b.babies)) return c > 0;
  if (int c = cmp_share(a.all, b.all)) return c > 0;
  if (a.key != b.key) return a.key > b.key;
  if (a.familiar != b.familiar) return a.familiar > b.familiar;
  if (a.extra != b.extra) return a.extra < b.extra;
  if (a.shortfall != b.shortfall) return a.shortfall < b.shortfall;
  return a.moves < b.moves;
}

Score score(const Instance& x, const std::vector<std::vector<RoomIndex>>& rota, const std::vector<std::string>& planned) {
  Score out;
  Setting s = x.setting;
  Day& day = s.days[0];
  day.staff.clear();
  for (StaffIndex i = 0; i < rota.size(); ++i) {
    long work = 0;
    RoomIndex last = kOff;
    for (int t = 0; t < x.slots; ++t) {
      const RoomIndex place = rota[i][static_cast<std::size_t>(t)];
      if (place == kOff) continue;
      const TimeWindow slot{kOpen + 60 * t, kOpen + 60 * (t + 1)};
      day.staff.push_back(StaffSpell{i, place == kBreak ? kNone : place, slot, place == kBreak ? ShiftKind::on_break : ShiftKind::work});
      if (place == kBreak) continue;
      work += 60;
      if (last != kOff && last != place) ++out.moves;
      last = place;
    }
    const Staff& st = s.staff[i];
    if (st.contracted_minutes_per_week) {
      if (work > *st.contracted_minutes_per_week + s.plan.overtime_minutes) return out;
      if (st.role != Role::bank) out.extra += std::max(0L, work - *st.contracted_minutes_per_week);
      out.shortfall += std::max(0L, *st.contracted_minutes_per_week - work);
    }
    if (st.role == Role::bank || !st.contracted_minutes_per_week) out.extra += work;
  }
  CheckOptions only;
  only.only = planned;
  const CheckResult r = check_setting(s, x.profile, only);
  for (const Finding& f : r.findings)
    if (f.severity == Severity::error) return out;
  out.ok = true;
  for (const ChildMetrics& m : r.metrics.children) {
    if (m.attended_minutes == 0) continue;
    out.key += m.key_person_minutes;
    out.familiar += m.key_or_buddy_minutes;
    // Away: the key person is available at no minute of the child's booking.
    const Child& c = s.children[m.child];
    const TimeWindow avail = s.days[0].available[c.key_person].time;
    TimeWindow booked{};
    for (const ChildSpell& cs : s.days[0].children)
      if (cs.child == m.child) booked = cs.time;
    bool away = true;
    for (int t = 0; t < x.slots; ++t) {
      const TimeWindow slot{kOpen + 60 * t, kOpen + 60 * (t + 1)};
      if (avail.start <= slot.start && slot.end <= avail.end && overlap_minutes(slot, booked) > 0) away = false;
    }
    if (away) continue;
    const Share share{m.key_person_minutes, m.attended_minutes};
    if (!out.all || share < *out.all) out.all = share;
    if (age_band_on(c.date_of_birth, s.period.from) == AgeBand::under_2 && (!out.babies || share < *out.babies))
      out.babies = share;
  }
  return out;
}

/// plan's rota as slot places, from its rows.
std::vector<std::vector<RoomIndex>> places_of(const Instance& x, const RotaPlan& p) {
  std::vector<std::vector<RoomIndex>> out(x.setting.staff.size(), std::vector<RoomIndex>(static_cast<std::size_t>(x.slots), kOff));
  for (const PlannedShift& row : p.shifts) {
    for (int t = 0; t < x.slots; ++t) {
      const TimeWindow slot{kOpen + 60 * t, kOpen + 60 * (t + 1)};
      if (row.time.start <= slot.start && slot.end <= row.time.end)
        out[row.staff][static_cast<std::size_t>(t)] = row.kind == ShiftKind::on_break ? kBreak
                                                      : out[row.staff][static_cast<std::size_t>(t)] == kBreak ? kBreak
                                                                                                               : row.room;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("plan: the optimum equals the best rota by enumeration, on random tiny weeks") {
  const RuleProfile base = test::group_profile();
  std::mt19937 rng(20261102);
  const int n = test::property_cases("ATTUNE_PLAN_CASES", 40);
  int feasible = 0;
  for (int k = 0; k < n; ++k) {
    const Instance x = random_instance(rng, base);
    INFO("case ", k, "\n", x.story);
    const plan::Requirements req(x.setting, x.profile);
    std::vector<std::string> planned(req.rules().planned.begin(), req.rules().planned.end());
    std::vector<std::vector<std::vector<RoomIndex>>> choices;
    for (StaffIndex i = 0; i < x.setting.staff.size(); ++i) choices.push_back(options(x, i));
    Score best;
    std::vector<std::size_t> at(choices.size(), 0);
    for (;;) {
      std::vector<std::vector<RoomIndex>> rota;
      for (std::size_t i = 0; i < choices.size(); ++i) rota.push_back(choices[i][at[i]]);
      const Score sc = score(x, rota, planned);
      if (sc.ok && (!best.ok || better(sc, best))) best = sc;
      std::size_t i = 0;
      for (; i < at.size(); ++i) {
        if (++at[i] < choices[i].size()) break;
        at[i] = 0;
      }
      if (i == at.size()) break;
    }
    PlanOptions options;
    options.threads = 1;
    const RotaPlan p = plan_rota(x.setting, x.profile, options);
    if (!best.ok) {
      CHECK(p.status == PlanStatus::infeasible);
      continue;
    }
    ++feasible;
    std::string why;
    for (const std::string& r : p.reasons) why += r + "\n";
    INFO("plan's reasons:\n", why);
    REQUIRE(p.status == PlanStatus::optimal);
    const Score mine = score(x, places_of(x, p), planned);
    CHECK(mine.ok);
    CHECK(p.objective.min_under_2_coverage.has_value() == best.babies.has_value());
    if (best.babies) CHECK(*p.objective.min_under_2_coverage == *best.babies);
    if (best.all) CHECK(*p.objective.min_coverage == *best.all);
    CHECK(p.objective.key_person_minutes == best.key);
    CHECK(p.objective.key_or_buddy_minutes == best.familiar);
    CHECK(p.objective.extra_minutes == best.extra);
    CHECK(p.objective.shortfall_minutes == best.shortfall);
    CHECK(p.objective.room_changes == best.moves);
    CHECK(mine.key == best.key);
    CHECK(mine.extra == best.extra);
  }
  MESSAGE("checked ", n, " tiny weeks, ", feasible, " with a rota");
  CHECK(feasible > n / 3);
}
