// A solver's answer made exactly feasible (see polish.hpp).

#include "polish.hpp"

#include <algorithm>
#include <cmath>

namespace attune::plan {

using solver::Term;
using solver::Variable;

long whole_value(const std::vector<Term>& terms, const std::vector<double>& values) {
  double total = 0.0;
  for (const Term& t : terms) total += t.coefficient * values[t.variable.index];
  return std::lround(total);
}

void polish(const RotaModel& model, std::vector<double>& values) {
  const solver::Model& m = model.model();
  values.resize(m.variable_count(), 0.0);
  for (std::uint32_t j = 0; j < m.variable_count(); ++j) {
    const Variable v{j};
    if (m.is_integer(v)) values[j] = std::clamp(std::round(values[j]), m.lower(v), m.upper(v));
  }
  const Week& week = model.week();
  for (std::size_t pd = 0; pd < model.vars().size(); ++pd) {
    const PersonDayVars& v = model.vars()[pd];
    const PersonDay& p = week.person_days[pd];
    const std::size_t n = v.w.size();
    std::vector<double> on(n, 0.0), brk(n, 0.0);
    for (const auto& q : v.q)
      for (int i = 0; i < p.breaks[q.level].slots; ++i) brk[q.slot + static_cast<std::size_t>(i)] += values[q.q.index];
    for (std::size_t t = 0; t < n; ++t) {
      if (v.b[t]) values[v.b[t]->index] = brk[t];
      on[t] = brk[t];
      for (const auto& [r, x] : v.w[t]) on[t] += values[x.index];
    }
    for (std::size_t t = 0; t <= n; ++t) {
      const double now = t < n ? on[t] : 0.0, before = t > 0 ? on[t - 1] : 0.0;
      if (t < n && v.start[t]) values[v.start[t]->index] = std::max(0.0, now - before);
      if (v.stop[t]) values[v.stop[t]->index] = std::max(0.0, before - now);
    }
  }
  for (const PersonWeek& pw : model.person_weeks()) {
    if (!pw.contract) continue;
    const double work = static_cast<double>(whole_value(pw.work, values));
    if (pw.over) values[pw.over->index] = std::max(0.0, work - *pw.contract);
    if (pw.short_of) values[pw.short_of->index] = std::max(0.0, *pw.contract - work);
  }
}

}  // namespace attune::plan
