// A first rota, day by day (see start.hpp).

#include "start.hpp"

#include <algorithm>

#include "attune/age_band.hpp"

namespace attune::plan {
namespace {

/// The week cut down to day `d` alone (its person-days renumbered to day 0).
Week one_day(const Week& week, std::uint32_t d, std::vector<std::size_t>& person_days) {
  Week out;
  out.days = {week.days[d]};
  out.people = week.people;
  out.attended = week.attended;
  out.first_day.assign(week.first_day.size(), -1);
  out.slot_minutes = week.slot_minutes;
  person_days.clear();
  for (std::size_t pd = 0; pd < week.person_days.size(); ++pd) {
    if (week.person_days[pd].day != d) continue;
    PersonDay p = week.person_days[pd];
    p.day = 0;
    p.current.clear();
    out.person_days.push_back(std::move(p));
    person_days.push_back(pd);
  }
  return out;
}

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

}  // namespace

std::vector<double> day_by_day_start(const Setting& setting, const Week& week, const Requirements& requirements,
                                     const RotaModel& model, Budget& budget, double share, int threads) {
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
    m.set_sense(solver::Sense::minimise);
    solver::SolveOptions o;
    const double share_of_day = std::max(0.5, (until - budget.elapsed()) / static_cast<double>(week.days.size() - d));
    o.threads = threads;
    // Without CBC's preprocessing: on these day models it found no rota in the time
    // where without it CBC proved the fewest minutes (bench/plan.sh, 1 December).
    o.presolve = false;
    o.absolute_gap = 0.5;
    o.relative_gap = 0.02;  // a start, not an answer: near the fewest minutes is enough
    // First with everyone who has key children kept in their room (a much smaller
    // search, and the key persons where their children are); then, if that finds no
    // rota, with everyone free.
    const std::vector<std::vector<bool>> home = home_rooms(left, day);
    keep_home(alone, home, true);
    const double began = budget.elapsed();
    o.time_limit_seconds = 0.5 * share_of_day;
    solver::Result r = solver::solve(m, o);
    if (!r.has_solution()) {
      keep_home(alone, home, false);
      o.time_limit_seconds = std::max(0.5, share_of_day - (budget.elapsed() - began));
      r = solver::solve(m, o);
    }
    if (!r.has_solution()) return {};
    std::vector<double> v = r.values;
    polish(alone, v);
    const auto [rules_from, rules_to] = alone.rule_variables_of(0);
    const auto [rules_into, rules_end] = model.rule_variables_of(d);
    if (rules_end - rules_into != rules_to - rules_from) return {};
    std::copy(v.begin() + rules_from, v.begin() + rules_to, values.begin() + rules_into);
    for (std::size_t k = 0; k < map.size(); ++k) {
      const auto [from, to] = alone.variables_of(k);
      const auto [into, end] = model.variables_of(map[k]);
      if (end - into != to - from) return {};  // not the same person-day: no start
      std::copy(v.begin() + from, v.begin() + to, values.begin() + into);
      // Minutes worked this day come off what the contract has left.
      long worked = 0;
      for (std::size_t t = 0; t < alone.vars()[k].w.size(); ++t)
        for (const auto& [room, x] : alone.vars()[k].w[t])
          if (v[x.index] > 0.5) worked += day.days[0].slots[t].time.length();
      auto& contract = left.staff[day.person_days[k].staff].contracted_minutes_per_week;
      if (contract) *contract = std::max(0, *contract - static_cast<int>(worked));
    }
  }
  polish(model, values);
  if (model.model().violation(values) > 1e-9) return {};
  return values;
}

}  // namespace attune::plan
