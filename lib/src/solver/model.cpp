// solver::Model: the planners' programme as plain data, and what does not need a solver.

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "attune/solver.hpp"

namespace attune::solver {

Variable Model::add_variable(double lower, double upper, bool integer, double objective) {
  if (std::isnan(lower) || std::isnan(upper) || std::isnan(objective))
    throw std::invalid_argument("solver::Model: a bound or coefficient is NaN");
  lower_.push_back(lower);
  upper_.push_back(upper);
  objective_.push_back(objective);
  integer_.push_back(integer ? 1 : 0);
  return Variable{static_cast<std::uint32_t>(lower_.size() - 1)};
}

Variable Model::add_continuous(double lower, double upper, double objective) {
  return add_variable(lower, upper, false, objective);
}

Variable Model::add_integer(double lower, double upper, double objective) {
  return add_variable(lower, upper, true, objective);
}

std::uint32_t Model::add_row(std::span<const Term> terms, double lower, double upper) {
  if (std::isnan(lower) || std::isnan(upper)) throw std::invalid_argument("solver::Model: a row bound is NaN");
  const std::size_t first = terms_.size();
  // Where each variable already is in this row: a variable named twice gets one term
  // with the sum. The marks are cleared again below, so each row costs its length.
  if (place_.size() < lower_.size()) place_.resize(lower_.size(), kUnplaced);
  for (const Term& t : terms) {
    if (t.variable.index >= lower_.size() || std::isnan(t.coefficient)) {
      for (std::size_t k = first; k < terms_.size(); ++k) place_[terms_[k].variable.index] = kUnplaced;
      terms_.resize(first);
      if (std::isnan(t.coefficient)) throw std::invalid_argument("solver::Model: a coefficient is NaN");
      throw std::out_of_range("solver::Model: a row names an unknown variable");
    }
    std::uint32_t& place = place_[t.variable.index];
    if (place != kUnplaced) {
      terms_[place].coefficient += t.coefficient;
    } else {
      place = static_cast<std::uint32_t>(terms_.size());
      terms_.push_back(t);
    }
  }
  for (std::size_t k = first; k < terms_.size(); ++k) place_[terms_[k].variable.index] = kUnplaced;
  row_start_.push_back(static_cast<std::uint32_t>(terms_.size()));
  row_lower_.push_back(lower);
  row_upper_.push_back(upper);
  return static_cast<std::uint32_t>(row_lower_.size() - 1);
}

void Model::set_bounds(Variable v, double lower, double upper) {
  lower_.at(v.index) = lower;
  upper_.at(v.index) = upper;
}

void Model::set_row_bounds(std::uint32_t row, double lower, double upper) {
  if (std::isnan(lower) || std::isnan(upper)) throw std::invalid_argument("solver::Model: a row bound is NaN");
  row_lower_.at(row) = lower;
  row_upper_.at(row) = upper;
}

void Model::set_objective(Variable v, double coefficient) { objective_.at(v.index) = coefficient; }

void Model::clear_objective() { std::fill(objective_.begin(), objective_.end(), 0.0); }

double Model::objective_value(std::span<const double> values) const {
  double total = 0.0;
  for (std::size_t j = 0; j < objective_.size() && j < values.size(); ++j) total += objective_[j] * values[j];
  return total;
}

double Model::violation(std::span<const double> values) const {
  if (values.size() != lower_.size()) return kInfinity;
  double worst = 0.0;
  for (std::size_t j = 0; j < values.size(); ++j) {
    worst = std::max({worst, lower_[j] - values[j], values[j] - upper_[j]});
    if (integer_[j] != 0) worst = std::max(worst, std::abs(values[j] - std::round(values[j])));
  }
  for (std::uint32_t r = 0; r < row_count(); ++r) {
    double activity = 0.0;
    for (const Term& t : row(r)) activity += t.coefficient * values[t.variable.index];
    worst = std::max({worst, row_lower_[r] - activity, activity - row_upper_[r]});
  }
  return worst;
}

std::string_view status_id(Status status) {
  switch (status) {
    case Status::optimal: return "optimal";
    case Status::feasible: return "feasible";
    case Status::infeasible: return "infeasible";
    case Status::unbounded: return "unbounded";
    case Status::stopped: return "stopped";
  }
  return "stopped";
}

double Result::gap() const {
  if (status == Status::optimal) return 0.0;
  if (std::isnan(objective) || std::isnan(bound)) return kInfinity;
  return std::abs(bound - objective) / std::max(1.0, std::abs(objective));
}

std::int64_t Result::integer_value(Variable v) const { return std::llround(values[v.index]); }

}  // namespace attune::solver
