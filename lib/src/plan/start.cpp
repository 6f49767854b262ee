// A first rota, day by day (see start.hpp).

#include "start.hpp"

#include <algorithm>
#include <span>

#include "attune/age_band.hpp"
#include "construct.hpp"
#include "day_alone.hpp"
#include "polish.hpp"

namespace attune::plan {
namespace {

/// Each person-day's home rooms: the rooms where their key children are that day (more
/// than one when their key children are in several); empty for someone with no key
/// child that day.
std::vector<std::vector<bool>> home_rooms(const Setting& setting, const Week& day) {
  std::vector<std::vector<bool>> out(day.person_days.size());
  const PlanDay& d = day.days[0];
  std::vector<std::vector<bool>> rooms(setting.staff.size());
  for (const ChildMinutes& cm : d.child_minutes) {
    const StaffIndex key = setting.key_people_on(cm.child, d.date).first;
    if (key >= setting.staff.size() || cm.room >= setting.rooms.size()) continue;
    if (rooms[key].empty()) rooms[key].assign(setting.rooms.size(), false);
    rooms[key][cm.room] = true;
  }
  for (std::size_t pd = 0; pd < day.person_days.size(); ++pd) out[pd] = rooms[day.person_days[pd].staff];
  return out;
}

/// Keeps (`on`) or lifts the heuristic's restriction: in a slot where one of their home
/// rooms can be worked in, a person works in a home room or nowhere.
void keep_home(RotaModel& alone, const std::vector<std::vector<bool>>& home, bool on) {
  for (std::size_t pd = 0; pd < home.size(); ++pd) {
    if (home[pd].empty()) continue;
    const auto is_home = [&](RoomIndex r) { return r < home[pd].size() && home[pd][r]; };
    for (const auto& slot : alone.vars()[pd].w) {
      const bool here = std::any_of(slot.begin(), slot.end(), [&](const auto& rx) { return is_home(rx.first); });
      if (!here) continue;
      for (const auto& [room, x] : slot)
        if (!is_home(room)) alone.model().set_bounds(x, 0, on ? 0 : 1);
    }
  }
}

/// Each minute a child spends with their key person in their room is worth more than a
/// minute of work (3 for a baby, 2 for an older child), so the day's solve puts key
/// persons with their key children wherever availability and the rules allow, and the
/// coverage stages start from a rota that gives each child time with theirs, not from
/// the fewest minutes (which left some babies none: bench/plan.sh, stage 1 from 0).
void reward_key_persons(const Setting& setting, const Week& day, RotaModel& alone) {
  solver::Model& m = alone.model();
  const PlanDay& d = day.days[0];
  ChildIndex last = kNone;
  for (const ChildMinutes& cm : d.child_minutes) {
    if (cm.child == last) continue;  // child_minutes are in child order
    last = cm.child;
    const double worth =
        age_band_on(setting.children[cm.child].date_of_birth, d.date) == AgeBand::under_2 ? 3.0 : 2.0;
    for (const solver::Term& t : alone.minutes_with(cm.child, false))
      m.set_objective(t.variable, m.objective(t.variable) - worth * t.coefficient);
  }
}

/// The first part of each child's day with their key person is worth more again, in
/// tiers: up to kTiers[i].share of the child's minutes that day, each minute with the
/// key person earns kTiers[i].worth more. A concave reward: the day's solve raises the
/// least-covered children first (a key person whose key children are in two rooms at
/// once shares their time between them, where the plain reward sent them to the room
/// with more minutes and left the others low: bench/plan.sh, stage 2 at 31.25%).
/// A heuristic for the start only; the max-min stage judges the rota exactly.
struct Tier {
  double share, worth;
};
constexpr Tier kTiers[] = {{0.25, 12.0}, {0.5, 6.0}, {0.6, 2.0}};
/// Babies first (stage 1 before stage 2): a baby's minutes up to 85% of the day are
/// worth more than any older child's.
constexpr Tier kBabyTiers[] = {{0.5, 30.0}, {0.85, 25.0}};

void reward_low_coverage(const Setting& setting, const Week& day, RotaModel& alone, const std::vector<double>& boost) {
  solver::Model& m = alone.model();
  const PlanDay& d = day.days[0];
  std::vector<long> minutes(day.attended.size(), 0);
  for (const ChildMinutes& cm : d.child_minutes) minutes[cm.child] += cm.minutes;
  for (ChildIndex c = 0; c < minutes.size(); ++c) {
    if (minutes[c] == 0) continue;
    const std::vector<solver::Term> with = alone.minutes_with(c, false);
    if (with.empty()) continue;
    const bool baby = age_band_on(setting.children[c].date_of_birth, d.date) == AgeBand::under_2;
    for (const Tier& tier : baby ? std::span<const Tier>(kBabyTiers) : std::span<const Tier>(kTiers)) {
      const double worth = tier.worth * (c < boost.size() ? boost[c] : 1.0);
      const solver::Variable y = m.add_continuous(0, tier.share * static_cast<double>(minutes[c]), -worth);
      std::vector<solver::Term> row = with;
      row.push_back({y, -1.0});
      m.add_greater_equal(row, 0);  // y <= minutes with the key person
    }
  }
}

/// A fair share of what each contract has left, as rows of the day's model: at most
/// kShareSlack x (minutes left / days left this week, this one included) of work today.
/// Without it the first days took the most of each contract (a long day pays where key
/// children are), and the key persons of children booked late in the week had little
/// left for them (bench/plan.sh: stage 2's lowest children). Returns the rows.
constexpr double kShareSlack = 1.25;

std::vector<std::uint32_t> share_contracts(const Setting& left, const Week& week, std::uint32_t d, RotaModel& alone) {
  std::vector<std::uint32_t> rows;
  for (const PersonWeek& pw : alone.person_weeks()) {
    const auto& contract = left.staff[pw.staff].contracted_minutes_per_week;
    if (!contract) continue;
    const auto days_left = std::count_if(week.person_days.begin(), week.person_days.end(),
                                         [&](const PersonDay& p) { return p.staff == pw.staff && p.day >= d; });
    if (days_left <= 1) continue;
    const double share = kShareSlack * static_cast<double>(*contract) / static_cast<double>(days_left);
    rows.push_back(alone.model().add_less_equal(pw.work, share));
  }
  return rows;
}

/// The fallback for a day the tries above found no rota for (or every day, in tests:
/// StartOptions::fallback_only), a heuristic too: the day as a feasibility solve, the
/// first rota CBC finds ending it (no cuts, a gap of 100%); the fewest work minutes as
/// the only objective, so that rota leaves the contracts for the days after (with no
/// objective at all, a day's first rota used so much that the next day had none:
/// bench/plan.sh); first with the home rooms and fair shares of the first try, then the
/// shares lifted, then everyone free. It has its own time, whatever the start's share: the most of kFallbackSeconds,
/// a tenth of the limit, the day's share, and half the time left over the days left
/// (bench/plan.sh under load: 1 run in 18 found no rota in the tries above, and the week
/// then had none at all). Stopping at the first rota, it takes only what it needs.
/// Its answer is checked like every other: polished, then against every row of the week.
constexpr double kFallbackSeconds = 2.0;

solver::Result feasible_day(RotaModel& alone, const std::vector<std::vector<bool>>& home,
                            const std::vector<std::uint32_t>& shares, const std::vector<double>& caps,
                            const Budget& budget, double share_of_day, double days_left, int threads) {
  solver::Model& m = alone.model();
  m.clear_objective();
  for (std::size_t pd = 0; pd < alone.vars().size(); ++pd)
    for (std::size_t t = 0; t < alone.vars()[pd].w.size(); ++t)
      for (const auto& [room, x] : alone.vars()[pd].w[t])
        m.set_objective(x, static_cast<double>(alone.week().days[0].slots[t].time.length()));
  m.set_sense(solver::Sense::minimise);
  solver::SolveOptions o;
  o.threads = threads;
  o.presolve = false;    // as in every plan solve: CglPreProcess has crashed here
  o.cuts = false;        // no proof wanted: straight from the relaxation to the search
  o.relative_gap = 1.0;  // the first rota found ends the solve (its minutes are within 100% of the bound)
  const double began = budget.elapsed();
  const double own = std::max({kFallbackSeconds, 0.1 * budget.total(), share_of_day, 0.5 * budget.remaining() / days_left});
  // Home rooms and fair shares kept (the smallest search: CBC found rotas there soonest),
  // then the shares lifted, then everyone free.
  solver::Result r;
  for (int step = 0; step < 3 && !r.has_solution(); ++step) {
    if (step == 1 && shares.empty()) continue;
    for (std::size_t k = 0; k < shares.size(); ++k) m.set_row_bounds(shares[k], -solver::kInfinity, step == 0 ? caps[k] : solver::kInfinity);
    keep_home(alone, home, step < 2);
    const double part = step == 2 ? 1.0 : (step == 0 ? 0.5 : 0.75);
    o.time_limit_seconds = std::max(1.0, std::min(part * own - (budget.elapsed() - began), budget.remaining()));
    r = solver::solve(m, o);
  }
  return r;
}

/// The day built by the constructive heuristic (construct.hpp), or empty: first within
/// each contract's fair share of what it has left (minutes left over days left), then
/// 1.25 times that, then all of it. The people's places are fixed in the day's
/// programme and only the rules' helper values are solved for (a node limit, no
/// search for places; its time limit is never under 30 s, as the places need no
/// search: on a loaded machine the solve is slower, not harder), then the values are
/// checked against every row of the day. Where the opening hours need the 11 hours'
/// rest between days as rows, no day is built (the solves below keep that rule).
constexpr double kCompletionSeconds = 30.0;

std::vector<double> constructed_day(const Setting& left, const Week& week, std::uint32_t d, const Week& day,
                                    const Requirements& requirements, const Budget& budget, int threads) {
  if (kMinutesPerDay - left.opening.length() < 11 * 60) return {};
  const SlotRules rules(left, requirements);
  for (const double slack : {1.0, kShareSlack, 0.0}) {
    std::vector<long> caps;
    for (const PersonDay& p : day.person_days) {
      const auto& contract = left.staff[p.staff].contracted_minutes_per_week;
      if (!contract) {
        caps.push_back(-1);
        continue;
      }
      const auto days_left = std::count_if(week.person_days.begin(), week.person_days.end(),
                                           [&](const PersonDay& q) { return q.staff == p.staff && q.day >= d; });
      const double share = slack > 0.0 && days_left > 1 ? slack * *contract / static_cast<double>(days_left) : *contract;
      caps.push_back(static_cast<long>(share));
    }
    const auto places = construct_day(left, day, rules, caps);
    if (!places) continue;
    RotaModel fixed(left, day, requirements, false);
    if (!fix_places(fixed, *places)) continue;
    fixed.model().clear_objective();
    solver::SolveOptions o;
    o.threads = threads;
    o.presolve = false;  // as in every plan solve
    o.node_limit = 1000;
    o.time_limit_seconds = std::max(kCompletionSeconds, budget.remaining());
    const solver::Result r = solver::solve(fixed.model(), o);
    if (!r.has_solution()) continue;
    std::vector<double> v = r.values;
    polish(fixed, v);
    if (fixed.model().violation(v) > 1e-9) continue;
    return v;
  }
  return {};
}

/// The tries with the start's objective (see day_by_day_start); the rows of `shares` and
/// the home rooms may be lifted on the way.
solver::Result rewarded_day(RotaModel& alone, const std::vector<std::vector<bool>>& home,
                            const std::vector<std::uint32_t>& shares, const Budget& budget, double share_of_day,
                            int threads) {
  solver::Model& m = alone.model();
  solver::SolveOptions o;
  o.threads = threads;
  // Without CBC's preprocessing: on these day models it found no rota in the time
  // where without it CBC proved the fewest minutes (bench/plan.sh, 1 December).
  o.presolve = false;
  o.absolute_gap = 0.5;
  o.relative_gap = 0.005;  // a start, not an answer: near the fewest minutes is enough
  // First with everyone who has key children kept in their room (a much smaller
  // search, and the key persons where their children are); then, if that finds no
  // rota, with everyone free.
  // Each contract's fair share of what it has left comes first: if that finds none,
  // the whole of what is left.
  keep_home(alone, home, true);
  const double began = budget.elapsed();
  o.time_limit_seconds = (shares.empty() ? 0.5 : 0.35) * share_of_day;
  solver::Result r = solver::solve(m, o);
  if (!r.has_solution() && !shares.empty()) {
    for (const std::uint32_t row : shares) m.set_row_bounds(row, -solver::kInfinity, solver::kInfinity);
    o.time_limit_seconds = std::max(0.5, 0.6 * share_of_day - (budget.elapsed() - began));
    r = solver::solve(m, o);
  }
  if (!r.has_solution()) {
    keep_home(alone, home, false);
    o.time_limit_seconds = std::max(0.5, share_of_day - (budget.elapsed() - began));
    r = solver::solve(m, o);
  }
  return r;
}

}  // namespace

std::vector<double> day_by_day_start(const Setting& setting, const Week& week, const Requirements& requirements,
                                     const RotaModel& model, Budget& budget, double share, const StartOptions& options,
                                     const std::vector<double>& boost) {
  // What each contract has left (contract plus overtime, less the days planned so far).
  Setting left = setting;
  left.plan.overtime_minutes = 0;
  for (Staff& st : left.staff)
    if (st.contracted_minutes_per_week) *st.contracted_minutes_per_week += setting.plan.overtime_minutes;
  std::vector<double> values(model.model().variable_count(), 0.0);
  const double until = budget.elapsed() + share;
  std::vector<std::size_t> map;
  for (std::uint32_t d = 0; d < week.days.size(); ++d) {
    const Week day = one_day(week, d, map);
    RotaModel alone(left, day, requirements, false);
    solver::Model& m = alone.model();
    m.clear_objective();
    for (std::size_t pd = 0; pd < day.person_days.size(); ++pd)
      for (std::size_t t = 0; t < alone.vars()[pd].w.size(); ++t)
        for (const auto& [room, x] : alone.vars()[pd].w[t])
          m.set_objective(x, m.objective(x) + static_cast<double>(day.days[0].slots[t].time.length()));
    reward_key_persons(setting, day, alone);
    reward_low_coverage(setting, day, alone, boost);
    m.set_sense(solver::Sense::minimise);
    const double share_of_day = std::max(0.5, (until - budget.elapsed()) / static_cast<double>(week.days.size() - d));
    const std::vector<std::vector<bool>> home = home_rooms(left, day);
    const std::vector<std::uint32_t> shares = share_contracts(left, week, d, alone);
    std::vector<double> caps;
    for (const std::uint32_t row : shares) caps.push_back(m.row_upper(row));
    solver::Result r;
    if (options.construct) {
      r.values = constructed_day(left, week, d, day, requirements, budget, options.threads);
      if (r.has_solution() && options.constructed_days != nullptr) ++*options.constructed_days;
      if (!r.has_solution() && options.construct_only) return {};
    }
    if (!options.fallback_only && !r.has_solution())
      r = rewarded_day(alone, home, shares, budget, share_of_day, options.threads);
    if (!r.has_solution() && !options.no_fallback) {
      r = feasible_day(alone, home, shares, caps, budget, share_of_day, static_cast<double>(week.days.size() - d), options.threads);
    }
    if (!r.has_solution()) return {};
    std::vector<double> v = r.values;
    polish(alone, v);
    if (!lay_day(alone, v, model, d, map, values)) return {};
    // Minutes worked this day come off what the contract has left.
    for (std::size_t k = 0; k < map.size(); ++k) {
      auto& contract = left.staff[day.person_days[k].staff].contracted_minutes_per_week;
      if (contract) *contract = std::max(0, *contract - static_cast<int>(worked(alone, k, v)));
    }
  }
  polish(model, values);
  if (model.model().violation(values) > 1e-9) return {};
  return values;
}

}  // namespace attune::plan
