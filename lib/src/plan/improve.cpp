// An improvement of the lowest coverage of all, one day at a time (see improve.hpp).

#include "improve.hpp"

#include <algorithm>

#include "day_alone.hpp"
#include "polish.hpp"

namespace attune::plan {
namespace {

/// Each pupil's coverage in `values` (the away ones 1: they are left out of the stage).
std::vector<Share> coverages(const std::vector<Pupil>& pupils, const std::vector<std::vector<solver::Term>>& minutes,
                             const std::vector<double>& values) {
  std::vector<Share> out;
  for (std::size_t i = 0; i < pupils.size(); ++i)
    out.push_back(pupils[i].away ? Share{1, 1} : Share{whole_value(minutes[i], values), pupils[i].attended});
  return out;
}

/// Whether coverages `a`, sorted from the lowest, come before `b` (leximin): the lowest
/// is higher, or equal and the next is higher, ...
bool leximin_better(std::vector<Share> a, std::vector<Share> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] > b[i]) return true;
    if (a[i] < b[i]) return false;
  }
  return false;
}

/// The week day of each variable of the person-days (-1: none).
std::vector<int> day_of_variables(const RotaModel& model) {
  std::vector<int> out(model.model().variable_count(), -1);
  for (std::size_t pd = 0; pd < model.week().person_days.size(); ++pd) {
    const auto [from, to] = model.variables_of(pd);
    for (std::uint32_t j = from; j < to; ++j) out[j] = static_cast<int>(model.week().person_days[pd].day);
  }
  return out;
}

/// The day, not yet tried, with the most of the pupils at the lowest coverage who could
/// be with their key person that day; -1 when none has any.
int next_day(const std::vector<Share>& cover, const std::vector<std::vector<solver::Term>>& minutes,
             const std::vector<int>& day_of, const std::vector<unsigned char>& tried) {
  const Share lowest = *std::min_element(cover.begin(), cover.end());
  std::vector<int> count(tried.size(), 0);
  for (std::size_t i = 0; i < cover.size(); ++i) {
    if (!(cover[i] == lowest)) continue;
    std::vector<unsigned char> on(tried.size(), 0);
    for (const solver::Term& t : minutes[i])
      if (day_of[t.variable.index] >= 0) on[static_cast<std::size_t>(day_of[t.variable.index])] = 1;
    for (std::size_t d = 0; d < on.size(); ++d) count[d] += on[d];
  }
  int best = -1;
  for (std::size_t d = 0; d < tried.size(); ++d)
    if (tried[d] == 0 && count[d] > 0 && (best < 0 || count[d] > count[static_cast<std::size_t>(best)]))
      best = static_cast<int>(d);
  return best;
}

}  // namespace

std::vector<double> improve_lowest(const Setting& setting, const Requirements& requirements, const RotaModel& model,
                                   const std::vector<Pupil>& pupils, const std::vector<long>& floors,
                                   std::vector<double> values, Budget& budget, double share, int threads,
                                   const std::function<bool(std::vector<double>&)>& keeps_rows, int& solves) {
  const Week& week = model.week();
  if (pupils.empty() || week.from_rota || week.days.size() < 2) return values;
  const double until = budget.elapsed() + share;
  std::vector<std::vector<solver::Term>> minutes;
  for (const Pupil& p : pupils) minutes.push_back(model.minutes_with(p.child, false));
  const std::vector<int> day_of = day_of_variables(model);
  std::vector<Share> cover = coverages(pupils, minutes, values);
  if (!(*std::min_element(cover.begin(), cover.end()) < Share{1, 1})) return values;  // every child fully covered
  std::vector<unsigned char> tried(week.days.size(), 0);
  const double per_day = std::max(2.0, share / static_cast<double>(week.days.size()));
  std::vector<std::size_t> map;
  while (until - budget.elapsed() > 1.0) {
    const int next = next_day(cover, minutes, day_of, tried);
    if (next < 0) break;
    const auto d = static_cast<std::uint32_t>(next);
    tried[d] = 1;
    // Each contract less the minutes worked on the other days.
    Setting left = setting;
    left.plan.overtime_minutes = 0;
    for (std::size_t pd = 0; pd < week.person_days.size(); ++pd) {
      auto& contract = left.staff[week.person_days[pd].staff].contracted_minutes_per_week;
      if (contract && pd < model.vars().size() && week.person_days[pd].day != d)
        *contract -= static_cast<int>(worked(model, pd, values));
    }
    for (Staff& st : left.staff)
      if (st.contracted_minutes_per_week)
        *st.contracted_minutes_per_week = std::max(0, *st.contracted_minutes_per_week + setting.plan.overtime_minutes);
    const Week day = one_day(week, d, map);
    RotaModel alone(left, day, requirements, false);
    std::vector<double> start = take_day(alone, model, d, map, values);
    if (start.empty()) break;
    solver::Model& m = alone.model();
    m.clear_objective();
    const solver::Variable t = m.add_continuous(0, 1, 1.0);
    start.push_back(0.0);
    polish(alone, start);
    double lowest = 1.0;
    for (std::size_t i = 0; i < pupils.size(); ++i) {
      if (pupils[i].away) continue;
      std::vector<solver::Term> row = alone.minutes_with(pupils[i].child, false);
      if (row.empty()) continue;
      const long here = whole_value(row, start);
      const long other = whole_value(minutes[i], values) - here;
      if (floors[i] > 0) m.add_greater_equal(row, static_cast<double>(floors[i] - other));
      lowest = std::min(lowest, static_cast<double>(here + other) / static_cast<double>(pupils[i].attended));
      row.push_back({t, -static_cast<double>(pupils[i].attended)});
      m.add_greater_equal(row, -static_cast<double>(other));  // (other + here) / attended >= t
    }
    start[t.index] = std::max(0.0, lowest * (1.0 - 1e-12));
    m.set_sense(solver::Sense::maximise);
    solver::SolveOptions o;
    o.threads = threads;
    o.presolve = false;  // as in every plan solve: CglPreProcess has crashed here
    o.time_limit_seconds = std::max(1.0, std::min(per_day, until - budget.elapsed()));
    // CBC's first relaxation is not interrupted by its limit: a day it would not finish
    // in the time left is not started (Budget::first_lp_seconds).
    if (budget.first_lp_seconds(m) > until - budget.elapsed()) continue;
    o.start = start;
    ++solves;
    const solver::Result r = solver::solve(m, o);
    if (!r.has_solution()) continue;
    std::vector<double> v = r.values;
    polish(alone, v);
    std::vector<double> candidate = values;
    if (!lay_day(alone, v, model, d, map, candidate) || !keeps_rows(candidate)) continue;
    const std::vector<Share> now = coverages(pupils, minutes, candidate);
    if (!leximin_better(now, cover)) continue;
    values = std::move(candidate);
    cover = now;
    std::fill(tried.begin(), tried.end(), 0);
    tried[d] = 1;  // the same day again gains nothing until another has changed
  }
  return values;
}

}  // namespace attune::plan
