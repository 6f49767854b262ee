#pragma once
// The lexicographic objective of `attune plan`, stage by stage (DESIGN §8):
//
//   1. the lowest key-person coverage of the children under 2   (max-min, exact)
//   2. the lowest coverage of all children, babies held          (max-min, exact)
//   3. the most key-person minutes
//   4. the most key-or-buddy minutes
//   5. the fewest extra minutes: bank staff, overtime, staff without a contract
//   6. the smallest shortfall from contracted minutes
//   7. the fewest minutes changed from the current rota (with --from-rota)
//   8. tie-break: the fewest room changes
//
// Each stage is solved, its value worked out exactly from the rota (whole minutes; a
// coverage as a fraction), and held as rows before the next. A max-min stage maximises
// t with t <= minutes(c) / attended(c); its answer's lowest coverage v is exact, and v is
// proved the optimum when the solver's bound is below the next coverage any child could
// reach above v, or when asking every child for more than v is proved infeasible. Held,
// v is minutes(c) >= ceil(v attended(c)) for every child: whole numbers, no tolerance.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "attune/plan.hpp"
#include "rota_model.hpp"

namespace attune::plan {

/// Who the coverage stages are about.
struct Pupil {
  ChildIndex child = kNone;
  bool baby = false;
  bool away = false;  ///< the key person can give no minute this week
  long attended = 0;
};
std::vector<Pupil> pupils(const Setting& setting, const Week& week, const RotaModel& model);

struct Chain {
  bool found = false;       ///< `values` is a rota keeping every hard row
  bool infeasible = false;  ///< proved: no rota
  std::vector<double> values;
  std::vector<PlanStage> stages;
  int solves = 0;
};

/// A wall-clock budget shared by every solve.
class Budget {
 public:
  explicit Budget(double seconds);
  [[nodiscard]] double remaining() const;
  [[nodiscard]] double elapsed() const;
  /// The whole budget, in seconds.
  [[nodiscard]] double total() const;
  /// Wall seconds per CPU second of this process since the budget began (at least 1): how
  /// busy the machine is, as this run has felt it.
  [[nodiscard]] double slowdown() const;
  /// Wall seconds CBC's first relaxation of `model` is expected to take on this machine
  /// now: its CPU cost by the programme's size (variables x rows, measured on
  /// bench/plan.sh's week) times the slowdown. That relaxation is not interrupted by
  /// CBC's time limit, so a solve is started only when what is left covers it.
  [[nodiscard]] double first_lp_seconds(const solver::Model& model) const;

 private:
  double cpu_start_ = 0.0;
  std::chrono::steady_clock::time_point start_, end_;
};

/// Runs the stages over `model` (which grows: stage 4 and 8 add their variables).
/// `start`, when not empty, is a rota to begin from (a heuristic one).
/// Stage 2 first improves the rota day by day (improve.hpp, a heuristic) with the
/// `requirements` the model was built from.
Chain optimise(const Setting& setting, const Requirements& requirements, RotaModel& model,
               const std::vector<Pupil>& pupils, Budget& budget, int threads, std::vector<double> start);

}  // namespace attune::plan
