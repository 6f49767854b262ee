// The solver backend: COIN-OR CBC (EPL-2.0) through its C interface. This is the only
// file that includes CBC's header; everything else sees attune/solver.hpp.

#include <Cbc_C_Interface.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>
#include <string>

#include "attune/solver.hpp"

namespace attune::solver {
namespace {

/// CBC's driver (CbcMain1, behind Cbc_solve) keeps global state: one solve at a time.
std::mutex& solve_mutex() {
  static std::mutex m;
  return m;
}

struct ModelDeleter {
  void operator()(Cbc_Model* m) const { Cbc_deleteModel(m); }
};
using CbcModelPtr = std::unique_ptr<Cbc_Model, ModelDeleter>;

/// CBC's infinity is DBL_MAX.
double to_cbc(double bound) {
  if (bound == kInfinity) return DBL_MAX;
  if (bound == -kInfinity) return -DBL_MAX;
  return bound;
}

/// The model in CBC's column-major form, loaded in one call. With `singletons_as_bounds`,
/// a row of one term is loaded as bounds on its variable and a row of none is left out
/// (the caller has checked it): CBC 2.10 without Clp's presolve aborts on an assertion
/// (OsiClpSolverInterface::crunch) in a programme with a row x = 1. False when the bounds
/// contradict each other: no solution.
bool load(Cbc_Model* cbc, const Model& model, bool singletons_as_bounds) {
  const std::size_t columns = model.variable_count(), rows = model.row_count();
  std::vector<double> col_lower(columns), col_upper(columns), objective(columns);
  for (std::uint32_t j = 0; j < columns; ++j) {
    col_lower[j] = model.lower(Variable{j});
    col_upper[j] = model.upper(Variable{j});
    objective[j] = model.objective(Variable{j});
  }
  std::vector<std::int32_t> place(rows, -1);  // the row's position in CBC's model, or -1
  int kept = 0;
  for (std::uint32_t r = 0; r < rows; ++r) {
    const auto terms = model.row(r);
    if (!singletons_as_bounds || terms.size() > 1) {
      place[r] = kept++;
      continue;
    }
    if (terms.empty() || terms[0].coefficient == 0.0) continue;
    const Term& t = terms[0];
    double lo = model.row_lower(r) / t.coefficient, hi = model.row_upper(r) / t.coefficient;
    if (t.coefficient < 0) std::swap(lo, hi);
    if (std::isnan(lo)) lo = -kInfinity;
    if (std::isnan(hi)) hi = kInfinity;
    col_lower[t.variable.index] = std::max(col_lower[t.variable.index], lo);
    col_upper[t.variable.index] = std::min(col_upper[t.variable.index], hi);
  }
  for (std::uint32_t j = 0; j < columns; ++j) {
    if (col_lower[j] > col_upper[j] + 1e-9) return false;
    col_lower[j] = to_cbc(std::min(col_lower[j], col_upper[j]));
    col_upper[j] = to_cbc(col_upper[j]);
  }
  std::vector<CoinBigIndex> start(columns + 1, 0);
  for (std::uint32_t r = 0; r < rows; ++r)
    if (place[r] >= 0)
      for (const Term& t : model.row(r)) ++start[t.variable.index + 1];
  for (std::size_t j = 0; j < columns; ++j) start[j + 1] += start[j];
  std::vector<int> index(static_cast<std::size_t>(start[columns]));
  std::vector<double> value(index.size());
  std::vector<CoinBigIndex> next(start.begin(), start.end() - 1);
  std::vector<double> row_lower(static_cast<std::size_t>(kept)), row_upper(static_cast<std::size_t>(kept));
  for (std::uint32_t r = 0; r < rows; ++r) {
    if (place[r] < 0) continue;
    for (const Term& t : model.row(r)) {
      const auto k = static_cast<std::size_t>(next[t.variable.index]++);
      index[k] = place[r];
      value[k] = t.coefficient;
    }
    row_lower[static_cast<std::size_t>(place[r])] = to_cbc(model.row_lower(r));
    row_upper[static_cast<std::size_t>(place[r])] = to_cbc(model.row_upper(r));
  }
  Cbc_loadProblem(cbc, static_cast<int>(columns), kept, start.data(), index.data(), value.data(), col_lower.data(),
                  col_upper.data(), objective.data(), row_lower.data(), row_upper.data());
  return true;
}

void configure(Cbc_Model* cbc, const Model& model, const SolveOptions& options, bool integer) {
  Cbc_setLogLevel(cbc, 0);  // silent: attune's library never prints
  Cbc_setObjSense(cbc, model.sense() == Sense::maximise ? -1.0 : 1.0);
  if (integer) {
    for (std::uint32_t j = 0; j < model.variable_count(); ++j)
      if (model.is_integer(Variable{j})) Cbc_setInteger(cbc, static_cast<int>(j));
  }
  if (integer && !options.presolve) Cbc_setParameter(cbc, "preprocess", "off");
  if (!options.simplex_presolve) Cbc_setParameter(cbc, "presolve", "off");
  if (integer && !options.heuristics) Cbc_setParameter(cbc, "heuristicsOnOff", "off");
  if (integer && options.heuristics && !options.diving) Cbc_setParameter(cbc, "diveOpt", "0");
  if (options.time_limit_seconds > 0) {
    Cbc_setMaximumSeconds(cbc, options.time_limit_seconds);
    Cbc_setParameter(cbc, "timeMode", "elapsed");  // the limit is wall-clock time, not CPU time
  }
  if (integer && options.node_limit > 0)
    Cbc_setMaximumNodes(cbc, static_cast<int>(std::min<std::int64_t>(options.node_limit, 1 << 30)));
  if (integer && options.threads > 1) {
    // 100 + n: n threads, and the search is deterministic (CBC's "threads" parameter).
    const std::string threads = std::to_string(100 + std::min(options.threads, 64));
    Cbc_setParameter(cbc, "threads", threads.c_str());
  }
  Cbc_setAllowableGap(cbc, std::max(0.0, options.absolute_gap));
  Cbc_setAllowableFractionGap(cbc, std::max(0.0, options.relative_gap));
  if (integer && !options.cuts) Cbc_setParameter(cbc, "cuts", "off");
  if (integer && options.light) {
    Cbc_setParameter(cbc, "cuts", "off");
    Cbc_setParameter(cbc, "heuristics", "off");
  }
  if (integer && options.start.size() == model.variable_count()) {
    std::vector<int> columns(model.variable_count());
    for (std::size_t j = 0; j < columns.size(); ++j) columns[j] = static_cast<int>(j);
    Cbc_setMIPStartI(cbc, static_cast<int>(columns.size()), columns.data(), options.start.data());
  }
}

/// A model without variables: its rows are constants.
Result solve_empty(const Model& model) {
  Result r;
  for (std::uint32_t row = 0; row < model.row_count(); ++row) {
    if (model.row_lower(row) > 0.0 || model.row_upper(row) < 0.0) {
      r.status = Status::infeasible;
      return r;
    }
  }
  r.status = Status::optimal;
  r.objective = r.bound = 0.0;
  return r;
}

/// A solution CBC reports must keep the model (up to its tolerances, which are relative:
/// a row of 300,000 minutes may miss by a few thousandths), or it is not one.
bool acceptable(const Model& model, const std::vector<double>& values, bool integer) {
  constexpr double kTolerance = 1e-6;
  auto scale = [](double a, double b) {
    return std::max({1.0, std::isfinite(a) ? std::abs(a) : 0.0, std::isfinite(b) ? std::abs(b) : 0.0});
  };
  for (std::uint32_t j = 0; j < model.variable_count(); ++j) {
    const Variable v{j};
    const double x = values[j], lo = model.lower(v), hi = model.upper(v);
    if (lo - x > kTolerance * scale(lo, hi) || x - hi > kTolerance * scale(lo, hi)) return false;
    if (integer && model.is_integer(v) && std::abs(x - std::round(x)) > 1e-5) return false;
  }
  for (std::uint32_t r = 0; r < model.row_count(); ++r) {
    double activity = 0.0, size = 0.0;
    for (const Term& t : model.row(r)) {
      activity += t.coefficient * values[t.variable.index];
      size = std::max(size, std::abs(t.coefficient * values[t.variable.index]));
    }
    const double lo = model.row_lower(r), hi = model.row_upper(r);
    const double tolerance = kTolerance * std::max(scale(lo, hi), size);
    if (lo - activity > tolerance || activity - hi > tolerance) return false;
  }
  return true;
}

/// Whether CBC stopped before finishing its search (time or node limit, or numerical trouble).
/// CBC 2.10 has then reported "proved infeasible" for a model with solutions: attune
/// plan's 60-child week, when the time limit stopped the first stage inside CBC's
/// preprocessing (the same week, given time, has a rota). Such an answer is no proof.
bool cut_short(Cbc_Model* cbc, double seconds, const SolveOptions& options) {
  if (Cbc_isAbandoned(cbc) != 0 || Cbc_isSecondsLimitReached(cbc) != 0 || Cbc_isNodeLimitReached(cbc) != 0 ||
      Cbc_status(cbc) == 1)
    return true;
  return options.time_limit_seconds > 0 && seconds >= options.time_limit_seconds;
}

Result read_result(Cbc_Model* cbc, const Model& model, bool integer, bool short_of_time) {
  Result r;
  const std::size_t n = model.variable_count();
  r.nodes = integer ? Cbc_getNodeCount(cbc) : 0;
  const double* best = integer ? Cbc_bestSolution(cbc) : nullptr;
  if (!integer && Cbc_isProvenOptimal(cbc) != 0) best = Cbc_getColSolution(cbc);
  if (best != nullptr) {
    r.values.assign(best, best + n);
    if (!acceptable(model, r.values, integer)) r.values.clear();
  }
  // An unbounded relaxation is also reported as "proved infeasible": ask that first. A
  // linear programme (no integers) says which only through its initial solve.
  const bool unbounded = integer ? Cbc_isContinuousUnbounded(cbc) != 0
                                 : Cbc_isProvenInfeasible(cbc) != 0 && Cbc_isInitialSolveProvenPrimalInfeasible(cbc) == 0;
  if (unbounded) {
    r.status = Status::unbounded;
    r.values.clear();
  } else if (Cbc_isProvenInfeasible(cbc) != 0 && short_of_time) {
    r.status = r.has_solution() ? Status::feasible : Status::stopped;  // cut short: not a proof
  } else if (Cbc_isProvenInfeasible(cbc) != 0) {
    r.status = Status::infeasible;
    r.values.clear();
  } else if (Cbc_isProvenOptimal(cbc) != 0 && r.has_solution()) {
    r.status = Status::optimal;
  } else {
    r.status = r.has_solution() ? Status::feasible : Status::stopped;
  }
  if (r.has_solution()) r.objective = model.objective_value(r.values);
  if (r.status == Status::optimal) {
    r.bound = r.objective;
  } else if (integer && r.status == Status::feasible) {
    // CbcModel::getBestPossibleObjValue() is already in the objective's own sense (it
    // multiplies its minimising bound by the sense): negating it again made a
    // maximisation's bound look below its solution.
    const double b = Cbc_getBestPossibleObjValue(cbc);
    if (std::isfinite(b) && std::abs(b) < 1e300) r.bound = b;
  }
  if (!integer && r.status == Status::optimal) {
    const double* d = Cbc_getReducedCost(cbc);
    if (d != nullptr) {
      r.reduced_costs.assign(d, d + n);  // d(objective as written)/dx, in either sense (the tests pin it)
    }
  }
  return r;
}

}  // namespace

Result solve(const Model& model, const SolveOptions& options) {
  if (model.variable_count() == 0) return solve_empty(model);
  bool integer = false;
  for (std::uint32_t j = 0; j < model.variable_count() && !integer; ++j) integer = model.is_integer(Variable{j});
  integer = integer && !options.relax_integrality;

  // Rows without terms are constants: a broken one means no solution. (Left out of
  // CBC's model only with singletons_as_bounds; CBC judges them itself otherwise.)
  const bool singletons_as_bounds = !options.simplex_presolve;
  if (singletons_as_bounds) {
    for (std::uint32_t row = 0; row < model.row_count(); ++row) {
      const auto terms = model.row(row);
      const bool constant = terms.empty() || (terms.size() == 1 && terms[0].coefficient == 0.0);
      if (constant && (model.row_lower(row) > 1e-9 || model.row_upper(row) < -1e-9)) {
        Result r;
        r.status = Status::infeasible;
        return r;
      }
    }
  }
  const std::lock_guard lock(solve_mutex());
  CbcModelPtr cbc(Cbc_newModel());
  if (!load(cbc.get(), model, singletons_as_bounds)) {
    Result r;
    r.status = Status::infeasible;
    return r;
  }
  configure(cbc.get(), model, options, integer);
  const auto began = std::chrono::steady_clock::now();
  Cbc_solve(cbc.get());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  return read_result(cbc.get(), model, integer, integer && cut_short(cbc.get(), seconds, options));
}

std::string_view backend_name() {
  static const std::string name = std::string("COIN-OR CBC ") + Cbc_getVersion();
  return name;
}

}  // namespace attune::solver
