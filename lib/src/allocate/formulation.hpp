#pragma once
// The allocation problem as a mixed-integer programme (solver::Model), for one solve:
// the hard rules, the limits earlier stages fixed, and one goal.
//
//   x(p, s) = 1: s is pupil p's key person     y(p, s) = 1: s is p's buddy
//   sum_s x(p, s) = 1                           sum_s y(p, s) = 1 (pupils with a buddy)
//   x(p, s) + y(p, s) <= 1                      not both key person and buddy
//   sum_p units(p, d) x(p, s) <= full - fixed_key(s, d)     each caseload, every kind of day
//   sum_p units(p, d) y(p, s) <= full - fixed_buddy(s, d)   buddy loads likewise
//   x(f, s) = x(g, s) for siblings f, g         a family shares its key person
//   sum_p x(p, current(p)) >= M - max_changes   at most max_changes changes
//
// Coverage floors are exact: a pair whose coverage w(p, s) / attended(p) is below the
// floor (compared as cross-multiplied integers) gets no variable at all. The goals:
//   max_min_*        maximise t, with t <= sum_s coverage(p, s) x(p, s) for the pupils
//   min_changes      minimise the changes (the sum above)
//   max_key_minutes  maximise sum w(p, s) x(p, s)
//   max_familiar     maximise key-or-buddy minutes: key minutes + sum gain(p, k, b) z(p, k, b),
//                    z(p, k, b) binary for each pair whose buddy adds minutes to the key
//                    person's, gain = w(p, b) - both(p, k, b) > 0 exactly, with
//                    sum_b z(p, k, b) <= x(p, k) and sum_k z(p, k, b) <= y(p, b). A whole
//                    allocation allows z = 1 for its own pair only, so the total is exactly
//                    its key-or-buddy minutes; for one pupil they are a transportation
//                    problem's rows, so the relaxation cannot count a buddy split between key
//                    persons twice (the earlier linearisation of the union, with a gain per
//                    buddy, was looser: stage 5 took one 6 s solve on `--rooms 4` setting-001)
//   min_rank         minimise given costs on x and y (the tie-break's ranks)

#include <optional>
#include <vector>

#include "attune/solver.hpp"
#include "problem.hpp"

namespace attune::alloc {

/// What a solve must hold besides the hard rules.
struct Limits {
  std::optional<Share> baby_floor;  ///< every baby's key-person coverage at least this
  std::optional<Share> floor;       ///< every pupil's
  std::optional<int> max_changes;   ///< on top of the problem's own limit
  std::optional<long> min_key_minutes;
  std::optional<long> min_familiar_minutes;
  /// Per pupil (or empty): the (key person, buddy) held; kNone key person = free.
  std::vector<std::pair<StaffIndex, StaffIndex>> fixed;
  /// Pairs proved to be in no optimal allocation, per pupil * staff + s (or empty).
  std::vector<unsigned char> key_out, buddy_out;
};

enum class Goal : unsigned char {
  feasible, max_min_babies, max_min_all, min_changes, max_key_minutes, max_familiar, min_rank
};

/// Costs of x(p, s) and y(p, s) (pupil * staff + s) for Goal::min_rank.
struct Ranking {
  std::vector<double> key, buddy;
};

/// Whether a programme has the buddies' variables and rows. Without them it is a
/// relaxation (every allocation's key persons keep it) for the goals that do not look
/// at buddies; a solution then needs buddies found for it (buddy_fill.hpp).
enum class Buddies : unsigned char { with, without };

class Formulation {
 public:
  Formulation(const Problem& problem, const Limits& limits, Goal goal, const Ranking* ranking = nullptr,
              Buddies buddies = Buddies::with);

  [[nodiscard]] const solver::Model& model() const { return model_; }
  /// Some pupil has no key person (or buddy) left to choose: no need to ask the solver.
  [[nodiscard]] bool empty_choice() const { return empty_choice_; }
  /// The allocation in a solution (key person: the x(p, s) nearest 1).
  [[nodiscard]] Assignment decode(const solver::Result& result) const;
  /// A solution vector for `a` (a starting point for the solver); empty when `a` uses a
  /// pair this programme has no variable for.
  [[nodiscard]] std::vector<double> encode(const Assignment& a) const;
  /// x(p, s) and y(p, s), or nullopt when the pair has no variable.
  [[nodiscard]] std::optional<solver::Variable> key_variable(std::size_t p, StaffIndex s) const;
  [[nodiscard]] std::optional<solver::Variable> buddy_variable(std::size_t p, StaffIndex s) const;

 private:
  void choose_pairs(const Limits& limits);
  void add_variables(Goal goal, const Ranking* ranking);
  void add_rows(const Limits& limits);
  void add_load_rows(const std::vector<std::int32_t>& vars, bool buddy);
  void add_familiar(Goal goal, const Limits& limits);
  void add_max_min(Goal goal);
  [[nodiscard]] bool allowed(std::size_t p, StaffIndex s, const Limits& limits) const;

  const Problem& p_;
  solver::Model model_;
  std::vector<unsigned char> key_ok_, buddy_ok_;  ///< pupil * staff + s
  std::vector<std::int32_t> x_, y_;               ///< pupil * staff + s -> variable, or -1
  struct Pair {  ///< z(p, k, b): pupil p has key person k and buddy b
    std::uint32_t pupil;
    StaffIndex key, buddy;
    solver::Variable z;
  };
  std::vector<Pair> pairs_;
  std::optional<solver::Variable> t_;
  bool empty_choice_ = false;
  bool buddies_ = true;
};

}  // namespace attune::alloc
