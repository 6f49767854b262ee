// Weak duality in attune's own arithmetic (see safe_bound.hpp).

#include "safe_bound.hpp"

#include <cmath>
#include <limits>

namespace attune::alloc {

using solver::Model;
using solver::Term;
using solver::Variable;

namespace {

/// Row prices from the linear relaxation, read as the reduced costs of a slack per row:
/// with each row written A_r x - s_r = 0, lo_r <= s_r <= hi_r, the reduced cost of s_r
/// is its row's price (the interface gives reduced costs, not row prices).
std::vector<double> row_prices(const Model& m, double time_limit_seconds, bool& ok) {
  Model slacked;
  const std::size_t rows = m.row_count(), cols = m.variable_count();
  for (std::uint32_t j = 0; j < cols; ++j) {
    const Variable v{j};
    slacked.add_continuous(m.lower(v), m.upper(v), m.objective(v));
  }
  std::vector<Variable> slack(rows);
  for (std::uint32_t r = 0; r < rows; ++r) slack[r] = slacked.add_continuous(m.row_lower(r), m.row_upper(r), 0.0);
  std::vector<Term> row;
  for (std::uint32_t r = 0; r < rows; ++r) {
    const auto terms = m.row(r);
    row.assign(terms.begin(), terms.end());
    row.push_back({slack[r], -1.0});
    slacked.add_equal(row, 0.0);
  }
  slacked.set_sense(m.sense());
  solver::SolveOptions options;
  options.relax_integrality = true;
  // Any prices give a true bound, so the simplex's presolve may not make it wrong, only
  // less tight: it stays on.
  options.time_limit_seconds = time_limit_seconds;
  const solver::Result r = solver::solve(slacked, options);
  ok = r.status == solver::Status::optimal && r.reduced_costs.size() == slacked.variable_count();
  std::vector<double> y(rows, 0.0);
  if (!ok) return y;
  for (std::uint32_t r2 = 0; r2 < rows; ++r2) {
    const double d = r.reduced_costs[slack[r2].index];
    if (std::isfinite(d)) y[r2] = d;
  }
  return y;
}

}  // namespace

SafeBound::SafeBound(const Model& m, double time_limit_seconds) {
  const std::size_t rows = m.row_count(), cols = m.variable_count();
  d_.assign(cols, 0.0L);
  free_.assign(cols, 0.0L);
  if (m.sense() != solver::Sense::maximise) return;
  std::vector<double> y = row_prices(m, time_limit_seconds, ok_);
  if (!ok_) return;
  long double size = 0.0L;  // the sum of the magnitudes of every product summed below
  for (std::uint32_t j = 0; j < cols; ++j) {
    d_[j] = m.objective(Variable{j});
    size += std::fabs(d_[j]);
  }
  for (std::uint32_t r = 0; r < rows; ++r) {
    // Any price is allowed, but not on a side that does not exist.
    if (!std::isfinite(m.row_upper(r)) && y[r] > 0) y[r] = 0.0;
    if (!std::isfinite(m.row_lower(r)) && y[r] < 0) y[r] = 0.0;
    if (y[r] == 0.0) continue;
    const long double price = y[r];
    const long double side = price > 0 ? m.row_upper(r) : m.row_lower(r);
    base_ += price * side;
    size += std::fabs(price * side);
    for (const Term& t : m.row(r)) {
      d_[t.variable.index] -= price * static_cast<long double>(t.coefficient);
      size += std::fabs(price * static_cast<long double>(t.coefficient));
    }
  }
  for (std::uint32_t j = 0; j < cols; ++j) {
    const Variable v{j};
    const long double lo = m.lower(v), hi = m.upper(v);
    if ((d_[j] > 0 && !std::isfinite(hi)) || (d_[j] < 0 && !std::isfinite(lo))) {
      ok_ = false;  // unbounded in this direction: no bound
      return;
    }
    free_[j] = d_[j] > 0 ? d_[j] * hi : (d_[j] < 0 ? d_[j] * lo : 0.0L);
    base_ += free_[j];
    size += std::fabs(free_[j]) + std::fabs(d_[j]);
  }
  // Each long double operation rounds by at most 2^-64 of its size; a bound is made of
  // fewer than 4 (rows + cols) + 8 of them, each at most `size`: 1e-15 of size is far more.
  slack_ = size * 1e-15L * static_cast<long double>(4 * (rows + cols) + 8) + 1e-9L;
}

}  // namespace attune::alloc
