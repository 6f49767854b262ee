// Building the allocation programme for one solve (see formulation.hpp).

#include "formulation.hpp"

#include <algorithm>

namespace attune::alloc {

using solver::Term;
using solver::Variable;

namespace {

bool reaches(Share coverage, Share floor) { return coverage >= floor; }

}  // namespace

Formulation::Formulation(const Problem& problem, const Limits& limits, Goal goal, const Ranking* ranking,
                         Buddies buddies)
    : p_(problem), buddies_(buddies == Buddies::with) {
  choose_pairs(limits);
  if (empty_choice_) return;
  add_variables(goal, ranking);
  add_rows(limits);
  add_familiar(goal, limits);
  add_max_min(goal);
  model_.set_sense(goal == Goal::min_changes || goal == Goal::min_rank || goal == Goal::feasible
                       ? solver::Sense::minimise
                       : solver::Sense::maximise);
}

bool Formulation::allowed(std::size_t p, StaffIndex s, const Limits& limits) const {
  const Pupil& pupil = p_.pupils[p];
  if (!p_.eligible(p, s)) return false;
  if (pupil.keep && pupil.current_eligible && s != pupil.current_key) return false;
  if (!limits.fixed.empty() && limits.fixed[p].first != kNone && limits.fixed[p].first != s) return false;
  if (!limits.key_out.empty() && limits.key_out[p * p_.staff_count + s] != 0) return false;
  const Share coverage = p_.coverage(p, s);
  if (pupil.baby && limits.baby_floor && !reaches(coverage, *limits.baby_floor)) return false;
  if (limits.floor && !reaches(coverage, *limits.floor)) return false;
  return true;
}

void Formulation::choose_pairs(const Limits& limits) {
  const std::size_t n = p_.pupils.size(), staff = p_.staff_count;
  key_ok_.assign(n * staff, 0);
  buddy_ok_.assign(n * staff, 0);
  for (std::size_t p = 0; p < n; ++p) {
    for (StaffIndex s : p_.pupils[p].eligible) {
      key_ok_[p * staff + s] = allowed(p, s, limits) ? 1 : 0;
      if (!p_.pupils[p].needs_buddy || !buddies_) continue;
      const bool held = !limits.fixed.empty() && limits.fixed[p].first != kNone && limits.fixed[p].second != s;
      const bool out = !limits.buddy_out.empty() && limits.buddy_out[p * staff + s] != 0;
      buddy_ok_[p * staff + s] = held || out ? 0 : 1;
    }
  }
  // Siblings can only share someone each of them may have.
  for (const auto& family : p_.families) {
    for (StaffIndex s = 0; s < staff; ++s) {
      bool all = true;
      for (std::uint32_t p : family) all = all && key_ok_[p * staff + s] != 0;
      for (std::uint32_t p : family) key_ok_[p * staff + s] = all ? 1 : 0;
    }
  }
  for (std::size_t p = 0; p < n && !empty_choice_; ++p) {
    const auto first = key_ok_.begin() + static_cast<std::ptrdiff_t>(p * staff);
    empty_choice_ = std::none_of(first, first + static_cast<std::ptrdiff_t>(staff), [](unsigned char c) { return c; });
    if (p_.pupils[p].needs_buddy && buddies_ && !empty_choice_) {
      const auto b = buddy_ok_.begin() + static_cast<std::ptrdiff_t>(p * staff);
      empty_choice_ = std::none_of(b, b + static_cast<std::ptrdiff_t>(staff), [](unsigned char c) { return c; });
    }
  }
}

void Formulation::add_variables(Goal goal, const Ranking* ranking) {
  const std::size_t n = p_.pupils.size(), staff = p_.staff_count;
  x_.assign(n * staff, -1);
  y_.assign(n * staff, -1);
  for (std::size_t p = 0; p < n; ++p) {
    for (StaffIndex s = 0; s < staff; ++s) {
      if (key_ok_[p * staff + s] != 0) {
        double cost = 0.0;
        if (goal == Goal::max_key_minutes || goal == Goal::max_familiar) cost = static_cast<double>(p_.w(p, s));
        if (goal == Goal::min_changes && p_.pupils[p].current_eligible && s == p_.pupils[p].current_key) cost = -1.0;
        if (goal == Goal::min_rank && ranking != nullptr) cost = ranking->key[p * staff + s];
        x_[p * staff + s] = static_cast<std::int32_t>(model_.add_binary(cost).index);
      }
      if (buddy_ok_[p * staff + s] != 0) {
        double cost = 0.0;
        if (goal == Goal::min_rank && ranking != nullptr) cost = ranking->buddy[p * staff + s];
        y_[p * staff + s] = static_cast<std::int32_t>(model_.add_binary(cost).index);
      }
    }
  }
}

void Formulation::add_rows(const Limits& limits) {
  const std::size_t n = p_.pupils.size(), staff = p_.staff_count;
  std::vector<Term> row;
  auto var = [](std::int32_t v) { return Variable{static_cast<std::uint32_t>(v)}; };
  for (std::size_t p = 0; p < n; ++p) {
    row.clear();
    for (StaffIndex s = 0; s < staff; ++s)
      if (x_[p * staff + s] >= 0) row.push_back({var(x_[p * staff + s]), 1.0});
    model_.add_equal(row, 1);
    if (!p_.pupils[p].needs_buddy || !buddies_) continue;
    row.clear();
    for (StaffIndex s = 0; s < staff; ++s)
      if (y_[p * staff + s] >= 0) row.push_back({var(y_[p * staff + s]), 1.0});
    model_.add_equal(row, 1);
    for (StaffIndex s = 0; s < staff; ++s)
      if (x_[p * staff + s] >= 0 && y_[p * staff + s] >= 0)
        model_.add_less_equal({{var(x_[p * staff + s]), 1.0}, {var(y_[p * staff + s]), 1.0}}, 1);
  }
  add_load_rows(x_, false);
  if (buddies_) add_load_rows(y_, true);
  for (const auto& family : p_.families) {
    for (std::size_t k = 1; k < family.size(); ++k) {
      for (StaffIndex s = 0; s < staff; ++s) {
        const std::int32_t a = x_[family[0] * staff + s], b = x_[family[k] * staff + s];
        if (a >= 0 && b >= 0) model_.add_equal({{var(a), 1.0}, {var(b), -1.0}}, 0);
      }
    }
  }
  std::optional<int> most = p_.max_changes;
  if (limits.max_changes) most = most ? std::min(*most, *limits.max_changes) : *limits.max_changes;
  if (most) {
    row.clear();
    int current = 0;
    for (std::size_t p = 0; p < n; ++p) {
      if (!p_.pupils[p].current_eligible) continue;
      ++current;
      const std::int32_t v = x_[p * staff + p_.pupils[p].current_key];
      if (v >= 0) row.push_back({var(v), 1.0});
    }
    model_.add_greater_equal(row, current - *most);
  }
  if (limits.min_key_minutes) {
    row.clear();
    for (std::size_t p = 0; p < n; ++p)
      for (StaffIndex s = 0; s < staff; ++s)
        if (x_[p * staff + s] >= 0 && p_.w(p, s) != 0) row.push_back({var(x_[p * staff + s]), static_cast<double>(p_.w(p, s))});
    // Held half a minute below: the same for whole allocations (whole minutes), and not
    // a face of the polytope exactly, where the solver's presolve has declared a
    // programme with a known solution infeasible (a tie-break block, 121 children).
    model_.add_greater_equal(row, static_cast<double>(*limits.min_key_minutes) - 0.5);
  }
}

void Formulation::add_load_rows(const std::vector<std::int32_t>& vars, bool buddy) {
  const std::size_t n = p_.pupils.size(), staff = p_.staff_count;
  std::vector<Term> row;
  for (const DayLoad& load : p_.loads) {
    for (StaffIndex s = 0; s < staff; ++s) {
      row.clear();
      long most = 0;
      for (std::size_t p = 0; p < n; ++p) {
        const std::int32_t v = vars[p * staff + s];
        if (v < 0 || load.units[p] == 0) continue;
        row.push_back({Variable{static_cast<std::uint32_t>(v)}, static_cast<double>(load.units[p])});
        most += load.units[p];
      }
      const long room = p_.full_units - (buddy ? load.fixed_buddy[s] : load.fixed_key[s]);
      if (most <= room && room >= 0) continue;  // cannot be broken: no row needed
      model_.add_less_equal(row, static_cast<double>(room));
    }
  }
}

void Formulation::add_familiar(Goal goal, const Limits& limits) {
  if (goal != Goal::max_familiar && !limits.min_familiar_minutes) return;
  const std::size_t n = p_.pupils.size(), staff = p_.staff_count;
  const bool objective = goal == Goal::max_familiar;
  auto var = [](std::int32_t v) { return Variable{static_cast<std::uint32_t>(v)}; };
  std::vector<Term> total;
  std::vector<std::vector<Term>> by_key(staff), by_buddy(staff);
  for (std::size_t p = 0; p < n; ++p) {
    for (StaffIndex s = 0; s < staff; ++s)
      if (x_[p * staff + s] >= 0 && p_.w(p, s) != 0) total.push_back({var(x_[p * staff + s]), static_cast<double>(p_.w(p, s))});
    if (!p_.pupils[p].needs_buddy || !buddies_) continue;
    // z(p, k, b) for each pair that adds minutes: what buddy b adds to key person k's,
    // exactly w(p, b) - both(p, k, b). Each key person's pairs share x(p, k) and each
    // buddy's share y(p, b); a pair with nothing to add needs no variable.
    for (auto& row : by_key) row.clear();
    for (auto& row : by_buddy) row.clear();
    for (StaffIndex k = 0; k < staff; ++k) {
      if (x_[p * staff + k] < 0) continue;
      for (StaffIndex b = 0; b < staff; ++b) {
        if (b == k || y_[p * staff + b] < 0) continue;
        const long gain = p_.w(p, b) - p_.together(p, k, b);
        if (gain <= 0) continue;
        // Binary, though whole x and y make it whole: continuous, Clp 1.17 aborted on an
        // assertion (ClpNonLinearCost, lowerValue <= upperValue) in a tie-break block of
        // `generate --rooms 3 --seed 1` setting-003 with --max-changes 1.
        const Variable z = model_.add_binary(objective ? static_cast<double>(gain) : 0.0);
        pairs_.push_back(Pair{static_cast<std::uint32_t>(p), k, b, z});
        total.push_back({z, static_cast<double>(gain)});
        by_key[k].push_back({z, 1.0});
        by_buddy[b].push_back({z, 1.0});
      }
    }
    for (StaffIndex s = 0; s < staff; ++s) {
      if (!by_key[s].empty()) {
        by_key[s].push_back({var(x_[p * staff + s]), -1.0});
        model_.add_less_equal(by_key[s], 0.0);
      }
      if (!by_buddy[s].empty()) {
        by_buddy[s].push_back({var(y_[p * staff + s]), -1.0});
        model_.add_less_equal(by_buddy[s], 0.0);
      }
    }
  }
  if (limits.min_familiar_minutes)  // half a minute below, as the key-person minutes
    model_.add_greater_equal(total, static_cast<double>(*limits.min_familiar_minutes) - 0.5);
}

void Formulation::add_max_min(Goal goal) {
  if (goal != Goal::max_min_babies && goal != Goal::max_min_all) return;
  const std::size_t n = p_.pupils.size(), staff = p_.staff_count;
  t_ = model_.add_continuous(0.0, 1.0, 1.0);
  std::vector<Term> row;
  for (std::size_t p = 0; p < n; ++p) {
    if (goal == Goal::max_min_babies && !p_.pupils[p].baby) continue;
    row.clear();
    row.push_back({*t_, -1.0});
    for (StaffIndex s = 0; s < staff; ++s)
      if (x_[p * staff + s] >= 0 && p_.w(p, s) != 0)
        row.push_back({Variable{static_cast<std::uint32_t>(x_[p * staff + s])}, p_.coverage(p, s).value()});
    model_.add_greater_equal(row, 0.0);
  }
}

Assignment Formulation::decode(const solver::Result& result) const {
  const std::size_t n = p_.pupils.size(), staff = p_.staff_count;
  Assignment a;
  a.key.assign(n, kNone);
  a.buddy.assign(n, kNone);
  if (!result.has_solution()) return a;
  for (std::size_t p = 0; p < n; ++p) {
    double best_key = 0.5, best_buddy = 0.5;
    for (StaffIndex s = 0; s < staff; ++s) {
      if (x_[p * staff + s] >= 0 && result.values[static_cast<std::size_t>(x_[p * staff + s])] > best_key) {
        best_key = result.values[static_cast<std::size_t>(x_[p * staff + s])];
        a.key[p] = s;
      }
      if (y_[p * staff + s] >= 0 && result.values[static_cast<std::size_t>(y_[p * staff + s])] > best_buddy) {
        best_buddy = result.values[static_cast<std::size_t>(y_[p * staff + s])];
        a.buddy[p] = s;
      }
    }
  }
  return a;
}

std::vector<double> Formulation::encode(const Assignment& a) const {
  const std::size_t n = p_.pupils.size(), staff = p_.staff_count;
  std::vector<double> v(model_.variable_count(), 0.0);
  if (empty_choice_ || a.key.size() != n) return {};
  for (std::size_t p = 0; p < n; ++p) {
    const std::int32_t x = a.key[p] < staff ? x_[p * staff + a.key[p]] : -1;
    if (x < 0) return {};
    v[static_cast<std::size_t>(x)] = 1.0;
    if (!p_.pupils[p].needs_buddy || !buddies_) continue;
    const std::int32_t y = a.buddy[p] < staff ? y_[p * staff + a.buddy[p]] : -1;
    if (y < 0) return {};
    v[static_cast<std::size_t>(y)] = 1.0;
  }
  for (const Pair& z : pairs_) v[z.z.index] = a.key[z.pupil] == z.key && a.buddy[z.pupil] == z.buddy ? 1.0 : 0.0;
  if (t_) v[t_->index] = 0.0;  // t = 0 always keeps its rows; the solver raises it
  return v;
}

std::optional<Variable> Formulation::key_variable(std::size_t p, StaffIndex s) const {
  if (x_.empty() || x_[p * p_.staff_count + s] < 0) return std::nullopt;
  return Variable{static_cast<std::uint32_t>(x_[p * p_.staff_count + s])};
}

std::optional<Variable> Formulation::buddy_variable(std::size_t p, StaffIndex s) const {
  if (y_.empty() || y_[p * p_.staff_count + s] < 0) return std::nullopt;
  return Variable{static_cast<std::uint32_t>(y_[p * p_.staff_count + s])};
}

}  // namespace attune::alloc
