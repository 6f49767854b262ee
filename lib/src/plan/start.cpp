// A first rota, day by day (see start.hpp).

#include "start.hpp"

#include <algorithm>

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
    m.set_sense(solver::Sense::minimise);
    solver::SolveOptions o;
    o.time_limit_seconds = std::max(0.5, (until - budget.elapsed()) / static_cast<double>(week.days.size() - d));
    o.threads = threads;
    o.absolute_gap = 0.5;
    o.relative_gap = 0.02;  // a start, not an answer: near the fewest minutes is enough
    const solver::Result r = solver::solve(m, o);
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
