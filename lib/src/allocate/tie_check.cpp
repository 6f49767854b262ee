// The tie-break's answer checked (see tie_check.hpp).

#include "tie_check.hpp"

#include <algorithm>

#include "assignment.hpp"

namespace attune::alloc {
namespace {

using Pair = std::pair<StaffIndex, StaffIndex>;
using solver::Term;
using solver::Variable;

/// After this many corrections the check gives up (not proved). Each one is a smaller
/// allocation, so the loop ends anyway; the tie-break's blocks leave none in practice.
constexpr int kMostCorrections = 20;

class Question {
 public:
  Question(const Problem& p, const Limits& held, const Assignment& a) : p_(p), held_(held), a_(a) {}

  /// One programme: is there an allocation keeping `held` that is smaller than `a`?
  /// z_i = 1 picks the first pupil i where it differs:
  ///   sum z_i = 1;   x(j, key_j) >= sum_{i > j} z_i, and y(j, buddy_j) likewise;
  ///   z_i <= sum_{k < key_i} x(i, k) + v_i,  v_i <= x(i, key_i),  v_i <= sum_{b < buddy_i} y(i, b)
  /// (z_i only for pupils with a smaller pair that has variables).
  std::optional<bool> ask(Search& search, Assignment* found, int& asked) {
    if (!keeps_limits(p_, held_, a_)) return std::nullopt;  // not a question about an answer
    const Formulation f(p_, held_, Goal::feasible);
    if (f.empty_choice()) return std::nullopt;  // cannot be: `a` keeps `held`
    solver::Model m = f.model();
    const std::size_t n = p_.pupils.size();
    std::vector<std::optional<Variable>> z(n);
    std::vector<Term> pick;
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<StaffIndex> keys, buddies;
      smaller_choices(f, i, keys, buddies);
      if (keys.empty() && buddies.empty()) continue;
      z[i] = m.add_binary();
      pick.push_back({*z[i], 1.0});
      std::vector<Term> row{{*z[i], 1.0}};
      for (StaffIndex k : keys) row.push_back({*f.key_variable(i, k), -1.0});
      if (!buddies.empty()) {
        const Variable v = m.add_continuous(0.0, 1.0);
        row.push_back({v, -1.0});
        m.add_less_equal({{v, 1.0}, {*f.key_variable(i, a_.key[i]), -1.0}}, 0.0);
        std::vector<Term> some{{v, 1.0}};
        for (StaffIndex b : buddies) some.push_back({*f.buddy_variable(i, b), -1.0});
        m.add_less_equal(some, 0.0);
      }
      m.add_less_equal(row, 0.0);
    }
    asked = static_cast<int>(pick.size());
    if (pick.empty()) return false;  // every pupil has its smallest pair: proved without a solver
    m.add_equal(pick, 1.0);
    std::vector<Term> later;  // sum_{i > j} z_i, built from the end
    for (std::size_t j = n; j-- > 0;) {
      if (!later.empty()) {
        std::vector<Term> row{{*f.key_variable(j, a_.key[j]), 1.0}};
        for (const Term& t : later) row.push_back({t.variable, -1.0});
        m.add_greater_equal(row, 0.0);
        if (a_.buddy[j] != kNone) {
          row[0] = {*f.buddy_variable(j, a_.buddy[j]), 1.0};
          m.add_greater_equal(row, 0.0);
        }
      }
      if (z[j]) later.push_back({*z[j], 1.0});
    }
    solver::SolveOptions options;  // as every solve of allocate (search.cpp says why)
    options.time_limit_seconds = search.remaining_time();
    options.presolve = false;
    options.heuristics = false;
    options.simplex_presolve = false;
    search.count_solve();
    const solver::Result r = solver::solve(m, options);
    if (r.status == solver::Status::infeasible) return false;
    if (!r.has_solution()) return std::nullopt;
    const Assignment b = f.decode(r);
    if (!keeps_limits(p_, held_, b) || !is_smaller(b)) return std::nullopt;  // the tolerance let it through
    if (found != nullptr) *found = b;
    return true;
  }

 private:
  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> rank(StaffIndex key, StaffIndex buddy) const {
    return {p_.staff_rank[key], buddy == kNone ? 0u : p_.staff_rank[buddy]};
  }

  /// Pupil i's key persons below its answer's, and (with its answer's key person) its
  /// buddies below its answer's, that the programme has variables for.
  void smaller_choices(const Formulation& f, std::size_t i, std::vector<StaffIndex>& keys,
                       std::vector<StaffIndex>& buddies) const {
    const StaffIndex key = a_.key[i], buddy = a_.buddy[i];
    for (StaffIndex k : p_.pupils[i].eligible) {
      if (!f.key_variable(i, k) || p_.staff_rank[k] >= p_.staff_rank[key]) continue;
      // A smaller key person needs some buddy other than itself (when a buddy is needed).
      bool some_buddy = !p_.pupils[i].needs_buddy;
      for (StaffIndex b : p_.pupils[i].eligible) some_buddy = some_buddy || (b != k && f.buddy_variable(i, b));
      if (some_buddy) keys.push_back(k);
    }
    if (buddy == kNone) return;
    for (StaffIndex b : p_.pupils[i].eligible)
      if (b != key && f.buddy_variable(i, b) && p_.staff_rank[b] < p_.staff_rank[buddy]) buddies.push_back(b);
  }

  [[nodiscard]] bool is_smaller(const Assignment& b) const {
    for (std::size_t i = 0; i < p_.pupils.size(); ++i) {
      const auto x = rank(b.key[i], b.buddy[i]), y = rank(a_.key[i], a_.buddy[i]);
      if (x != y) return x < y;
    }
    return false;
  }

  const Problem& p_;
  const Limits& held_;
  const Assignment& a_;
};

}  // namespace

std::optional<bool> smaller_allocation_exists(Search& search, const Problem& p, const Limits& held,
                                              const Assignment& a, Assignment* smaller) {
  int asked = 0;
  return Question(p, held, a).ask(search, smaller, asked);
}

TieCheck check_ties(Search& search, const Problem& p, const Limits& held, Assignment& a) {
  TieCheck out;
  if (!keeps_limits(p, held, a)) {  // cannot be (the answer keeps every stage): not proved
    out.proved = false;
    return out;
  }
  for (;;) {
    Assignment found;
    const std::optional<bool> exists = Question(p, held, a).ask(search, &found, out.asked);
    ++out.solves;
    if (exists && !*exists) return out;  // proved: nothing smaller
    if (!exists || out.corrections == kMostCorrections) {
      out.proved = false;
      return out;
    }
    a = found;
    ++out.corrections;
  }
}

}  // namespace attune::alloc
