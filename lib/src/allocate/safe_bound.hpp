#pragma once
// A bound on a maximising programme that does not trust the solver: weak duality,
// worked out in attune's own arithmetic from any row prices y (the solver's dual
// solution is only a good guess of them).
//
//   for every x with lo <= A x <= hi and l <= x <= u:
//     c x <= sum_r (y_r > 0 ? y_r hi_r : y_r lo_r) + sum_j max(d_j l_j, d_j u_j),
//     d = c - A^T y
//
// whatever y is (a price on a side that is infinite is taken as 0). The prices are read
// from the relaxation solved by the solver, but nothing of its answer is trusted: a poor
// y only gives a looser bound. Fixing some
// variables replaces their max() by d_j times the value. Summed in long double; the
// bound is used only with a margin larger than the rounding that summing can make
// (`slack()`), so "below the optimum" is a proof, not a tolerance.

#include <cstdint>
#include <vector>

#include "attune/solver.hpp"

namespace attune::alloc {

class SafeBound {
 public:
  /// Prices the rows of `model` (maximising) by solving its linear relaxation.
  explicit SafeBound(const solver::Model& model, double time_limit_seconds = 0.0);

  /// False when no prices were found (the bound is then +infinity).
  [[nodiscard]] bool ok() const { return ok_; }
  /// The bound with every variable free in its box.
  [[nodiscard]] long double base() const { return base_; }
  /// A variable's part of base() (its max over its box), and its part when fixed at 1
  /// (at 0 it adds nothing).
  [[nodiscard]] long double free_part(solver::Variable v) const { return free_[v.index]; }
  [[nodiscard]] long double at_one(solver::Variable v) const { return d_[v.index]; }
  /// More than the rounding error of any bound made from these parts.
  [[nodiscard]] long double slack() const { return slack_; }

 private:
  bool ok_ = false;
  std::vector<long double> d_, free_;
  long double base_ = 0.0L, slack_ = 0.0L;
};

}  // namespace attune::alloc
