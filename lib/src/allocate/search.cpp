// One checked solve (see search.hpp).

#include "search.hpp"

#include <cmath>

#include "assignment.hpp"
#include "buddy_fill.hpp"

namespace attune::alloc {

bool keeps_limits(const Problem& p, const Limits& limits, const Assignment& a) {
  if (!keeps_rules(p, a)) return false;
  for (std::size_t i = 0; i < p.pupils.size(); ++i) {
    const Share c = p.coverage(i, a.key[i]);
    if (p.pupils[i].baby && limits.baby_floor && c < *limits.baby_floor) return false;
    if (limits.floor && c < *limits.floor) return false;
    if (!limits.fixed.empty() && limits.fixed[i].first != kNone &&
        (limits.fixed[i].first != a.key[i] || limits.fixed[i].second != a.buddy[i]))
      return false;
    if (!limits.key_out.empty() && limits.key_out[i * p.staff_count + a.key[i]] != 0) return false;
    if (!limits.buddy_out.empty() && a.buddy[i] != kNone && limits.buddy_out[i * p.staff_count + a.buddy[i]] != 0)
      return false;
  }
  if (limits.max_changes && count_changes(p, a) > *limits.max_changes) return false;
  if (limits.min_key_minutes && key_person_minutes(p, a) < *limits.min_key_minutes) return false;
  if (limits.min_familiar_minutes && key_or_buddy_minutes(p, a) < *limits.min_familiar_minutes) return false;
  return true;
}

Search::Search(const Problem& problem, double time_limit_seconds) : p_(problem) {
  if (time_limit_seconds > 0)
    deadline_ = std::chrono::steady_clock::now() +
                std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(time_limit_seconds));
}

double Search::remaining_seconds() const {
  if (!deadline_) return 0.0;
  return std::chrono::duration<double>(*deadline_ - std::chrono::steady_clock::now()).count();
}

bool Search::out_of_time() const { return deadline_ && remaining_seconds() <= 0.0; }

namespace {

/// Goals whose programme may leave the buddies out (they look at key persons only).
bool keys_only(Goal goal, const Limits& limits) {
  const bool goal_ok = goal == Goal::feasible || goal == Goal::max_min_babies || goal == Goal::max_min_all || goal == Goal::min_changes ||
                       goal == Goal::max_key_minutes;
  return goal_ok && !limits.min_familiar_minutes && limits.fixed.empty() && limits.buddy_out.empty();
}

}  // namespace

Outcome Search::run(const Limits& limits, Goal goal, const Assignment* start, const Ranking* ranking) {
  if (keys_only(goal, limits)) {
    // The programme without buddies is a relaxation: infeasible means infeasible, and
    // its answer, once given buddies that keep every cap, is the programme's answer.
    Outcome o = solve(limits, goal, start, ranking, Buddies::without);
    if (o.allocation || o.status == solver::Status::infeasible || out_of_time()) return o;
  }
  return solve(limits, goal, start, ranking, Buddies::with);
}

Outcome Search::solve(const Limits& limits, Goal goal, const Assignment* start, const Ranking* ranking,
                      Buddies buddies) {
  Outcome out;
  const Formulation f(p_, limits, goal, ranking, buddies);
  if (f.empty_choice()) {
    out.status = solver::Status::infeasible;
    return out;
  }
  if (out_of_time()) return out;  // stopped
  solver::SolveOptions options;
  if (deadline_) options.time_limit_seconds = std::max(0.01, remaining_seconds());
  // Every goal but the max-min ones has whole-number coefficients: within 1/2 is exact.
  if (goal != Goal::max_min_babies && goal != Goal::max_min_all) options.absolute_gap = 0.5;
  if (start != nullptr) options.start = f.encode(*start);
  options.light = light_;
  // Without CBC's preprocessing, its heuristics and Clp's presolve. On the bench's
  // settings CBC 2.10 has proved wrong answers with any one of them on: key-or-buddy
  // minutes of 556,210, 556,345 or 556,435 (by the start and the options) where 556,450
  // keep every rule (116 children, generate --rooms 6, setting-001); a tie-break block
  // proved infeasible, or at 309,058 where 309,052 was reachable (58 children); with
  // preprocessing off and heuristics on, Clp aborted on an assertion in a 3-child
  // programme of the property test. With all three off every programme dumped from
  // those runs solved to the same optimum with and without a start.
  options.presolve = false;
  options.heuristics = false;
  options.simplex_presolve = false;
  ++solves_;
  const solver::Result r = solver::solve(f.model(), options);
  out.status = r.status;
  if (r.status == solver::Status::unbounded) out.status = solver::Status::stopped;  // cannot happen: all bounded
  if (!r.has_solution()) return out;
  Assignment a = f.decode(r);
  if (buddies == Buddies::without && !fill_buddies(p_, limits, a, start)) {
    out.status = solver::Status::stopped;  // no buddies found for it: the caller solves with them
    return out;
  }
  if (!keeps_limits(p_, limits, a)) {
    out.status = solver::Status::stopped;  // the solver's tolerance let something through
    return out;
  }
  out.allocation = std::move(a);
  return out;
}

void Search::rule_out(Limits& limits, Goal goal, long optimum) {
  const Formulation f(p_, limits, goal);
  if (f.empty_choice() || out_of_time()) return;
  solver::SolveOptions options;
  options.relax_integrality = true;
  options.simplex_presolve = false;
  if (deadline_) options.time_limit_seconds = std::max(0.01, remaining_seconds());
  ++solves_;
  const solver::Result r = solver::solve(f.model(), options);
  if (r.status != solver::Status::optimal || r.reduced_costs.size() != f.model().variable_count()) return;
  const std::size_t n = p_.pupils.size(), staff = p_.staff_count;
  if (limits.key_out.empty()) limits.key_out.assign(n * staff, 0);
  if (limits.buddy_out.empty()) limits.buddy_out.assign(n * staff, 0);
  const double target = static_cast<double>(optimum) - 0.5;
  // Maximising: a variable at 0 forced to 1 gives at most z + d (d <= 0); one at 1
  // forced to 0 at most z - d (d >= 0). Below the optimum, the pair is in no optimum.
  auto never = [&](solver::Variable v, bool at_one) {
    const double d = r.reduced_costs[v.index];
    return at_one ? r.objective - d < target : r.objective + d < target;
  };
  for (std::size_t p = 0; p < n; ++p) {
    for (StaffIndex s = 0; s < staff; ++s) {
      if (auto x = f.key_variable(p, s)) {
        const double v = r.value(*x);
        if (v < 1e-9 && never(*x, false)) limits.key_out[p * staff + s] = 1;
        if (v > 1 - 1e-9 && never(*x, true))  // s in every optimum: the others are out
          for (StaffIndex o = 0; o < staff; ++o) limits.key_out[p * staff + o] = o == s ? 0 : 1;
      }
      if (auto y = f.buddy_variable(p, s)) {
        const double v = r.value(*y);
        if (v < 1e-9 && never(*y, false)) limits.buddy_out[p * staff + s] = 1;
        if (v > 1 - 1e-9 && never(*y, true))
          for (StaffIndex o = 0; o < staff; ++o) limits.buddy_out[p * staff + o] = o == s ? 0 : 1;
      }
    }
  }
}

}  // namespace attune::alloc
