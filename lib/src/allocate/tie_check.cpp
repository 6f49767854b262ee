// The tie-break's answer checked (see tie_check.hpp).

#include "tie_check.hpp"

#include <algorithm>

#include "assignment.hpp"

namespace attune::alloc {
namespace {

using solver::Term;
using solver::Variable;

/// After this many corrections the check gives up (not proved). Each one is a smaller
/// allocation, so the loop ends anyway; the tie-break's blocks leave few in practice.
constexpr int kMostCorrections = 40;

/// Branch-and-bound nodes a question over more than one pupil may take before it is
/// split in two. The plain settings' whole question settles at its root (0-8 nodes); on
/// `--reallocate` it did not settle in a minute. Pieces with the early pupils held are
/// smaller, but a piece about an early pupil with the later ones free can be as hard as
/// stage 5 itself, and splitting after 20 nodes made `generate --rooms 3 --seed 1`
/// setting-003's `--reallocate` check 5 times dearer than the whole question's (which
/// settled): so the whole question gets many nodes first (docs/performance.md).
constexpr std::int64_t kNodesBeforeSplit = 2000;

enum class Answer : unsigned char { none, smaller, unknown };

/// Exact reasons, in integers and without a solver, why pupil i cannot take a pair when
/// the pupils before it keep their pairs in `a` (as they do when i is the first pupil
/// that differs): the key person's caseload already full with them on a day i attends;
/// a sibling before i, whose key person i must share; or the minutes held by stages 4
/// and 5 out of reach even if every later pupil had the best pair its variables allow.
class Reach {
 public:
  Reach(const Problem& p, const Limits& held, const Formulation& f, const Assignment& a)
      : p_(p), held_(held), a_(a), n_(p.pupils.size()) {
    best_key_.assign(n_, 0);
    best_familiar_.assign(n_, 0);
    for (std::size_t j = 0; j < n_; ++j) {
      for (StaffIndex k : p.pupils[j].eligible) {
        if (!f.key_variable(j, k)) continue;
        best_key_[j] = std::max(best_key_[j], p.w(j, k));
        best_familiar_[j] = std::max(best_familiar_[j], best_with(f, j, k));
      }
    }
    later_key_.assign(n_ + 1, 0);
    later_familiar_.assign(n_ + 1, 0);
    for (std::size_t j = n_; j-- > 0;) {
      later_key_[j] = later_key_[j + 1] + best_key_[j];
      later_familiar_[j] = later_familiar_[j + 1] + best_familiar_[j];
    }
    used_.reserve(p.loads.size());
    for (const DayLoad& load : p.loads) used_.push_back(load.fixed_key);
  }

  /// Moves on to pupil i (called for i = 0, 1, ... in turn): the pupils before it are
  /// counted with their pairs in `a`.
  void reach(std::size_t i) {
    for (; next_ < i; ++next_) {
      key_before_ += p_.w(next_, a_.key[next_]);
      familiar_before_ += p_.familiar(next_, a_.key[next_], a_.buddy[next_]);
      for (std::size_t d = 0; d < p_.loads.size(); ++d) used_[d][a_.key[next_]] += p_.loads[d].units[next_];
    }
  }

  /// Whether pupil i (the one reached) may have key person k and some buddy of f's.
  [[nodiscard]] bool key_possible(const Formulation& f, std::size_t i, StaffIndex k) const {
    if (sibling_before(i)) return false;
    for (std::size_t d = 0; d < p_.loads.size(); ++d)
      if (used_[d][k] + p_.loads[d].units[i] > p_.full_units) return false;
    return minutes_possible(i, p_.w(i, k), best_with(f, i, k));
  }
  /// Whether pupil i may keep its key person in `a` and have buddy b.
  [[nodiscard]] bool buddy_possible(std::size_t i, StaffIndex b) const {
    return minutes_possible(i, p_.w(i, a_.key[i]), p_.familiar(i, a_.key[i], b));
  }

 private:
  [[nodiscard]] long best_with(const Formulation& f, std::size_t j, StaffIndex k) const {
    if (!p_.pupils[j].needs_buddy) return p_.w(j, k);
    long best = 0;
    for (StaffIndex b : p_.pupils[j].eligible)
      if (b != k && f.buddy_variable(j, b)) best = std::max(best, p_.familiar(j, k, b));
    return best;
  }
  [[nodiscard]] bool minutes_possible(std::size_t i, long key, long familiar) const {
    if (held_.min_key_minutes && key_before_ + key + later_key_[i + 1] < *held_.min_key_minutes) return false;
    return !held_.min_familiar_minutes || familiar_before_ + familiar + later_familiar_[i + 1] >= *held_.min_familiar_minutes;
  }
  [[nodiscard]] bool sibling_before(std::size_t i) const {
    for (const auto& family : p_.families)
      if (std::binary_search(family.begin(), family.end(), static_cast<std::uint32_t>(i)) && family.front() < i)
        return true;
    return false;
  }

  const Problem& p_;
  const Limits& held_;
  const Assignment& a_;
  std::size_t n_;
  std::vector<long> best_key_, best_familiar_, later_key_, later_familiar_;
  std::vector<std::vector<int>> used_;  ///< key units per kind of day and adult, of the pupils before `next_`
  std::size_t next_ = 0;
  long key_before_ = 0, familiar_before_ = 0;
};

class Question {
 public:
  /// Pupils [0, first) hold their pairs in `a`; the first difference is sought in [first, end).
  Question(const Problem& p, const Limits& held, const Assignment& a, std::size_t first, std::size_t end)
      : p_(p), held_(held), a_(a), first_(first), end_(end) {
    held_.fixed.assign(p.pupils.size(), {kNone, kNone});
    for (std::size_t j = 0; j < first; ++j) held_.fixed[j] = {a.key[j], a.buddy[j]};
  }

  /// One programme: is there an allocation keeping `held`, the same as `a` on the pupils
  /// before `first`, and smaller than `a` at some pupil in [first, end)? z_i = 1 picks the
  /// first pupil i where it differs:
  ///   sum z_i = 1;   x(j, key_j) >= sum_{i > j} z_i, and y(j, buddy_j) likewise;
  ///   z_i <= sum_{k < key_i} x(i, k) + v_i,  v_i <= x(i, key_i),  v_i <= sum_{b < buddy_i} y(i, b)
  /// (z_i only for pupils with a smaller pair that has variables). The pupils before
  /// `first` held is exact (they are `a`'s pairs), not anything a solver proved.
  Answer ask(Search& search, Assignment* found, int& asked, std::int64_t node_limit) {
    if (!keeps_limits(p_, held_, a_)) return Answer::unknown;  // not a question about an answer
    const Formulation f(p_, held_, Goal::feasible);
    if (f.empty_choice()) return Answer::unknown;  // cannot be: `a` keeps `held`
    solver::Model m = f.model();
    std::vector<std::optional<Variable>> z(end_);
    std::vector<Term> pick;
    Reach reach(p_, held_, f, a_);
    for (std::size_t i = first_; i < end_; ++i) {
      std::vector<StaffIndex> keys, buddies;
      reach.reach(i);
      smaller_choices(f, reach, i, keys, buddies);
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
    asked += static_cast<int>(pick.size());
    if (pick.empty()) return Answer::none;  // every pupil has its smallest pair: proved without a solver
    m.add_equal(pick, 1.0);
    std::vector<Term> later;  // sum_{i > j} z_i, built from the end
    for (std::size_t j = end_; j-- > first_;) {
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
    options.node_limit = node_limit;
    options.presolve = false;
    options.heuristics = false;
    options.simplex_presolve = false;
    search.count_solve();
    const solver::Result r = solver::solve(m, options);
    if (r.status == solver::Status::infeasible) return Answer::none;
    if (!r.has_solution()) return Answer::unknown;
    const Assignment b = f.decode(r);
    if (!keeps_limits(p_, held_, b) || !is_smaller(b)) return Answer::unknown;  // the tolerance let it through
    if (found != nullptr) *found = b;
    return Answer::smaller;
  }

 private:
  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> rank(StaffIndex key, StaffIndex buddy) const {
    return {p_.staff_rank[key], buddy == kNone ? 0u : p_.staff_rank[buddy]};
  }

  /// Pupil i's key persons below its answer's, and (with its answer's key person) its
  /// buddies below its answer's, that the programme has variables for and that `reach`
  /// does not rule out exactly.
  void smaller_choices(const Formulation& f, const Reach& reach, std::size_t i, std::vector<StaffIndex>& keys,
                       std::vector<StaffIndex>& buddies) const {
    const StaffIndex key = a_.key[i], buddy = a_.buddy[i];
    for (StaffIndex k : p_.pupils[i].eligible) {
      if (!f.key_variable(i, k) || p_.staff_rank[k] >= p_.staff_rank[key]) continue;
      // A smaller key person needs some buddy other than itself (when a buddy is needed).
      bool some_buddy = !p_.pupils[i].needs_buddy;
      for (StaffIndex b : p_.pupils[i].eligible) some_buddy = some_buddy || (b != k && f.buddy_variable(i, b));
      if (some_buddy && reach.key_possible(f, i, k)) keys.push_back(k);
    }
    if (buddy == kNone) return;
    for (StaffIndex b : p_.pupils[i].eligible)
      if (b != key && f.buddy_variable(i, b) && p_.staff_rank[b] < p_.staff_rank[buddy] && reach.buddy_possible(i, b))
        buddies.push_back(b);
  }

  /// Smaller than `a` in children.csv order, at a pupil of [first, end).
  [[nodiscard]] bool is_smaller(const Assignment& b) const {
    for (std::size_t i = 0; i < p_.pupils.size(); ++i) {
      const auto x = rank(b.key[i], b.buddy[i]), y = rank(a_.key[i], a_.buddy[i]);
      if (x != y) return x < y && i >= first_ && i < end_;
    }
    return false;
  }

  const Problem& p_;
  Limits held_;
  const Assignment& a_;
  std::size_t first_, end_;
};

}  // namespace

std::optional<bool> smaller_allocation_exists(Search& search, const Problem& p, const Limits& held,
                                              const Assignment& a, Assignment* smaller) {
  int asked = 0;
  const Answer r = Question(p, held, a, 0, p.pupils.size()).ask(search, smaller, asked, 0);
  if (r == Answer::unknown) return std::nullopt;
  return r == Answer::smaller;
}

TieCheck check_ties(Search& search, const Problem& p, const Limits& held, Assignment& a, std::size_t widest) {
  TieCheck out;
  if (!keeps_limits(p, held, a)) {  // cannot be (the answer keeps every stage): not proved
    out.proved = false;
    return out;
  }
  // Proved so far: no allocation keeping `held` is smaller than `a` with its first
  // difference before `first`. A correction differs first at or after `first`, so what
  // is proved stays proved. A question the node limit stops is split in two: the first
  // half, then the second with the first half held as in `a` (together, exactly the
  // question); a question about one pupil is given the time left.
  const std::size_t n = p.pupils.size();
  if (widest == 0) widest = n;
  std::size_t first = 0, width = widest;
  while (first < n) {
    const std::size_t end = std::min(n, first + width);
    Assignment found;
    const std::int64_t nodes = end - first > 1 ? kNodesBeforeSplit : 0;
    const Answer r = Question(p, held, a, first, end).ask(search, &found, out.asked, nodes);
    ++out.solves;
    if (r == Answer::none) {
      first = end;
      width = std::min(widest, 2 * width);  // the next pupils, with more held, may settle together
      continue;
    }
    if (r == Answer::smaller) {
      if (out.corrections == kMostCorrections) break;
      a = found;
      ++out.corrections;
      continue;
    }
    if (end - first == 1 || search.out_of_time()) break;
    width = (end - first + 1) / 2;
  }
  out.proved = first >= n;
  return out;
}

}  // namespace attune::alloc
