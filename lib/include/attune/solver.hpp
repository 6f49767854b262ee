#pragma once
/// A small interface to a mixed-integer programming solver, for the planners
/// (`allocate`, and later `cover` and `plan`).
///
/// A planner builds a `Model`: variables with bounds (continuous or integer), linear rows
/// `lower <= sum of coefficient x variable <= upper`, and one linear objective to
/// minimise or maximise. `solve()` hands it to the backend (COIN-OR CBC, through its C
/// interface; only lib/src/solver/cbc_backend.cpp knows that) and returns a `Result`
/// whose `status` the caller must look at: a solution is proved optimal only when the
/// status says `optimal`.
///
///     solver::Model m;
///     const auto x = m.add_integer(0, 10, 3.0);   // 0 <= x <= 10, integer, objective 3x
///     const auto y = m.add_continuous(0, 4, 2.0); // 0 <= y <= 4, objective 2y
///     m.add_less_equal({{x, 1.0}, {y, 2.0}}, 14);  // x + 2y <= 14
///     m.set_sense(solver::Sense::maximise);
///     const solver::Result r = solver::solve(m);
///     // r.status == Status::optimal, r.integer_value(x) == 10, r.value(y) == 2, r.objective == 34
///
/// The solver works in floating point, within tolerances of about 1e-7. Planners that
/// need exact answers (attune compares coverages as fractions) keep their data in
/// integers, round integer variables with `integer_value`, and check every solution they
/// use in exact arithmetic. The solver never prints: its log is off.
///
/// `solve` may be called from several threads; the backend runs one solve at a time
/// (CBC's driver keeps global state).

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <span>
#include <string_view>
#include <vector>

namespace attune::solver {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// A variable of a model: its position, in the order the variables were added.
struct Variable {
  std::uint32_t index = 0;
  friend bool operator==(Variable, Variable) = default;
};

/// `coefficient x variable`, one term of a row or of the objective.
struct Term {
  Variable variable;
  double coefficient = 0.0;
};

enum class Sense : unsigned char { minimise, maximise };

/// Variables, rows and one objective. Plain data: building a model never calls the solver.
class Model {
 public:
  /// A variable with `lower <= value <= upper` (either may be infinite) and `objective`
  /// as its coefficient in the objective.
  Variable add_continuous(double lower, double upper, double objective = 0.0);
  /// The same, taking only whole values.
  Variable add_integer(double lower, double upper, double objective = 0.0);
  /// An integer variable in [0, 1].
  Variable add_binary(double objective = 0.0) { return add_integer(0.0, 1.0, objective); }

  /// The row `lower <= sum of terms <= upper`; either side may be infinite. A variable
  /// named twice has its coefficients added. Returns the row's position.
  std::uint32_t add_row(std::span<const Term> terms, double lower, double upper);
  std::uint32_t add_row(std::initializer_list<Term> terms, double lower, double upper) {
    return add_row(std::span<const Term>(terms.begin(), terms.size()), lower, upper);
  }
  std::uint32_t add_less_equal(std::span<const Term> terms, double rhs) { return add_row(terms, -kInfinity, rhs); }
  std::uint32_t add_greater_equal(std::span<const Term> terms, double rhs) { return add_row(terms, rhs, kInfinity); }
  std::uint32_t add_equal(std::span<const Term> terms, double rhs) { return add_row(terms, rhs, rhs); }
  std::uint32_t add_less_equal(std::initializer_list<Term> terms, double rhs) { return add_row(terms, -kInfinity, rhs); }
  std::uint32_t add_greater_equal(std::initializer_list<Term> terms, double rhs) {
    return add_row(terms, rhs, kInfinity);
  }
  std::uint32_t add_equal(std::initializer_list<Term> terms, double rhs) { return add_row(terms, rhs, rhs); }

  void set_bounds(Variable v, double lower, double upper);
  /// A row's sides changed (a planner tightens or relaxes a row between solves).
  void set_row_bounds(std::uint32_t row, double lower, double upper);
  void set_objective(Variable v, double coefficient);
  /// Every objective coefficient back to 0 (to solve the next stage over the same rows).
  void clear_objective();
  void set_sense(Sense sense) { sense_ = sense; }

  [[nodiscard]] Sense sense() const { return sense_; }
  [[nodiscard]] std::size_t variable_count() const { return lower_.size(); }
  [[nodiscard]] std::size_t row_count() const { return row_lower_.size(); }
  [[nodiscard]] double lower(Variable v) const { return lower_[v.index]; }
  [[nodiscard]] double upper(Variable v) const { return upper_[v.index]; }
  [[nodiscard]] double objective(Variable v) const { return objective_[v.index]; }
  [[nodiscard]] bool is_integer(Variable v) const { return integer_[v.index] != 0; }
  [[nodiscard]] double row_lower(std::uint32_t row) const { return row_lower_[row]; }
  [[nodiscard]] double row_upper(std::uint32_t row) const { return row_upper_[row]; }
  /// The terms of a row, one per variable, in the order first named.
  [[nodiscard]] std::span<const Term> row(std::uint32_t row) const {
    return {terms_.data() + row_start_[row], terms_.data() + row_start_[row + 1]};
  }

  /// The objective at `values` (one per variable).
  [[nodiscard]] double objective_value(std::span<const double> values) const;
  /// The largest amount by which `values` break a bound, a row, or (integer variables)
  /// wholeness: 0 when they keep everything.
  [[nodiscard]] double violation(std::span<const double> values) const;

 private:
  Variable add_variable(double lower, double upper, bool integer, double objective);

  std::vector<double> lower_, upper_, objective_;
  std::vector<unsigned char> integer_;
  std::vector<Term> terms_;
  std::vector<std::uint32_t> row_start_{0};
  std::vector<double> row_lower_, row_upper_;
  static constexpr std::uint32_t kUnplaced = 0xFFFFFFFFu;
  std::vector<std::uint32_t> place_;  ///< scratch for add_row: a variable's term in the row being added
  Sense sense_ = Sense::minimise;
};

/// What the solver could say about a model.
enum class Status : unsigned char {
  optimal,     ///< a solution, proved optimal (within `SolveOptions::absolute_gap`/`relative_gap`)
  feasible,    ///< a solution, not proved optimal: stopped by a limit; see `Result::gap()`
  infeasible,  ///< proved to have no solution (never said of a solve a limit cut short: that is `stopped`)
  unbounded,   ///< the objective can improve without end (the relaxation is unbounded)
  stopped,     ///< stopped by a limit (or numerical trouble) before any solution or proof
};

/// "optimal", "feasible", "infeasible", "unbounded", "stopped".
std::string_view status_id(Status status);

struct SolveOptions {
  /// Wall-clock limit for this solve in seconds; 0 = none.
  double time_limit_seconds = 0.0;
  /// Stop, and call the solution optimal, once it is within this much of the proved
  /// bound. With whole-number objective coefficients on integer variables, any value
  /// below 1 (say 0.5) still proves the optimum exactly.
  double absolute_gap = 1e-9;
  /// The same as a fraction of the objective's size.
  double relative_gap = 0.0;
  /// Solve the linear relaxation: integer marks are ignored, reduced costs are returned.
  bool relax_integrality = false;
  /// A solution to start from (one value per variable), or empty. The solver checks it.
  std::vector<double> start;
  /// No cutting planes and no primal heuristics: for programmes whose relaxation is
  /// nearly whole already (assignments), where they cost more than they save. The
  /// answers and their proofs are the same; only the time differs.
  bool light = false;
  /// Cutting planes at all (`light` turns them off too). Off, the search goes from the
  /// first relaxation straight to the heuristics and branching: for a solve that wants
  /// any solution soon, not a proof.
  bool cuts = true;
  /// Let the solver first tighten and shrink the model (its presolve). A model with
  /// few rows per variable and a good `start` is often solved faster without.
  bool presolve = true;
  /// Let the simplex solver presolve each relaxation it solves (CBC: Clp's presolve,
  /// besides the preprocessing above). CBC 2.10's has declared feasible programmes
  /// infeasible (allocate's tie-break, where rows hold an earlier optimum exactly).
  bool simplex_presolve = true;
  /// Let the solver search for solutions by its heuristics (rounding, diving, ...) as
  /// well as by branching. A caller that always passes a good `start` may turn them
  /// off: the answer is the same, the proof often quicker.
  bool heuristics = true;
  /// Among the heuristics, the diving ones (CBC's diveOpt). On a programme solved at
  /// its root with a good `start` they can cost most of the time; turning them off
  /// keeps the other heuristics, so the answer and its proof are the same.
  bool diving = true;
  /// Branch-and-bound nodes the solver may explore; 0 = no limit. A solve the limit stops
  /// is reported as stopped (or feasible, with a solution), never as a proof.
  std::int64_t node_limit = 0;
  /// Threads for the branch and bound (1: none). The search is repeatable whatever the
  /// number: the same model and options give the same answer (time limits aside).
  int threads = 1;
};

struct Result {
  Status status = Status::stopped;
  /// The objective of `values` (NaN without a solution).
  double objective = std::numeric_limits<double>::quiet_NaN();
  /// The best bound proved on the objective: >= the optimum when maximising, <= when
  /// minimising; equal to `objective` within the gaps when optimal (NaN when unknown).
  double bound = std::numeric_limits<double>::quiet_NaN();
  /// One value per variable, when there is a solution (optimal or feasible).
  std::vector<double> values;
  /// Relaxations only (`relax_integrality`, optimal): for each variable, d(objective)/dx,
  /// the objective as written, at the optimum. A variable held at its lower bound has a
  /// reduced cost <= 0 when maximising (>= 0 when minimising): moving it up by one makes
  /// the objective worse by at least that much.
  std::vector<double> reduced_costs;
  std::int64_t nodes = 0;  ///< branch-and-bound nodes explored

  [[nodiscard]] bool has_solution() const { return !values.empty(); }
  /// |bound - objective| / max(1, |objective|): 0 when optimal, what is left to prove otherwise.
  [[nodiscard]] double gap() const;
  [[nodiscard]] double value(Variable v) const { return values[v.index]; }
  /// The value rounded to the nearest whole number (for integer variables).
  [[nodiscard]] std::int64_t integer_value(Variable v) const;
};

/// Solves `model`. Never throws for a model that is infeasible or hard: the status says.
Result solve(const Model& model, const SolveOptions& options = {});

/// The backend's name and version, e.g. "COIN-OR CBC 2.10.8" (for reports and docs).
std::string_view backend_name();

}  // namespace attune::solver
