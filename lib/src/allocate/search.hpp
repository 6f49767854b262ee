#pragma once
// One solve of the allocation programme under a shared time budget, with its answer
// checked exactly; and the reduced-cost test that rules pairs out of every optimum.

#include <algorithm>
#include <chrono>
#include <optional>

#include "formulation.hpp"

namespace attune::alloc {

/// What one solve found. `allocation` is set only when it passed the exact checks.
struct Outcome {
  solver::Status status = solver::Status::stopped;
  std::optional<Assignment> allocation;
  [[nodiscard]] bool proved() const {
    return status == solver::Status::optimal || status == solver::Status::infeasible;
  }
};

/// Whether `a` keeps the hard rules and `limits`, in exact arithmetic.
bool keeps_limits(const Problem& p, const Limits& limits, const Assignment& a);

class Search {
 public:
  /// `time_limit_seconds` (0: none) is shared by every solve made through this object.
  Search(const Problem& problem, double time_limit_seconds);

  /// Solves for `goal` under `limits`, starting from `start` where given. A solution
  /// that fails the exact checks is not returned (the status then says `stopped`).
  Outcome run(const Limits& limits, Goal goal, const Assignment* start = nullptr, const Ranking* ranking = nullptr);

  /// Rules out of `limits` (key_out, buddy_out) every pair that no allocation reaching
  /// `optimum` for `goal` (a whole-number objective, maximised) can use: its linear
  /// relaxation's bound with the pair forced falls short by more than half a unit.
  void rule_out(Limits& limits, Goal goal, long optimum);

  [[nodiscard]] int solves() const { return solves_; }
  /// A solve made without run() (the tie-break's check), counted with the others.
  void count_solve() { ++solves_; }
  /// Solve without cuts and heuristics (solver::SolveOptions::light). Off: without
  /// cuts the max-min stages of a 60-child setting can run past a minute.
  void set_light(bool light) { light_ = light; }
  [[nodiscard]] bool out_of_time() const;
  /// Seconds left of the shared limit (0: no limit), at least 0.01 when there is one.
  [[nodiscard]] double remaining_time() const { return deadline_ ? std::max(0.01, remaining_seconds()) : 0.0; }

 private:
  [[nodiscard]] double remaining_seconds() const;
  Outcome solve(const Limits& limits, Goal goal, const Assignment* start, const Ranking* ranking, Buddies buddies);

  const Problem& p_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  int solves_ = 0;
  bool light_ = false;
};

}  // namespace attune::alloc
