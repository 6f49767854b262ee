// The cover's stages (see stages.hpp).

#include "stages.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <string>

namespace attune::covering {

const char* const kStageNames[kStageCount] = {"breach_minutes", "people_changed", "extra_paid_minutes",
                                              "under_2_familiar_minutes", "changed_minutes"};

namespace {

/// How a stage is solved. Without CBC's preprocessing (CBC 2.10 has crashed in its
/// preprocessing's postProcess when the time limit stopped it) and without its primal
/// heuristics: every stage is solved at or near the root, where the heuristics took half
/// the time (the dives alone three quarters of it before they went: bench/cover.sh, a day,
/// 4.3-5.4 -> 1.6 s of CPU; all of them, 0.94-2.54 -> 0.55-1.20 s, the same answers on the
/// ten days). And without the last stage's solution as a start: with a start,
/// preprocessing off and fewer heuristics, CBC 2.10 has proved wrong optima (a breach
/// stage at 300 minutes where 270 were possible, 1 of 2,000 cover_property_test cases;
/// with all heuristics off, 420 where 360 were); without a start and with all heuristics
/// off, none in 2,000. The last solution is kept when the solver stops with a worse one.
void fast(solver::SolveOptions& options) {
  options.presolve = false;
  options.heuristics = false;
  options.start.clear();
}

solver::Sense sense_of(std::size_t index) { return index == 3 ? solver::Sense::maximise : solver::Sense::minimise; }

}  // namespace

solver::SolveOptions stage_options(const Deadline& deadline) {
  solver::SolveOptions options;
  options.absolute_gap = 0.5;
  options.time_limit_seconds = deadline.remaining();
  fast(options);
  return options;
}

bool proved_at(const solver::Result& r, double value) {
  return r.status == solver::Status::optimal ||
         (r.status == solver::Status::feasible && std::isfinite(r.bound) && std::abs(r.bound - value) < 1.0 - 1e-6);
}

double Deadline::remaining() const {
  if (limit_ <= 0) return 0;
  const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - begun_).count();
  return std::max(0.01, limit_ - spent);
}

const Objective& Stager::objective_of(std::size_t index) const {
  const Objective* all[kStageCount] = {&f_.breach, &f_.people, &f_.extra, &f_.familiar, &f_.changes};
  return *all[index];
}

void Stager::objective(const Objective& o, solver::Sense sense) {
  f_.model.clear_objective();
  for (const solver::Term& t : o.terms) f_.model.set_objective(t.variable, f_.model.objective(t.variable) + t.coefficient);
  f_.model.set_sense(sense);
}

bool Stager::as_rostered() {
  solver::Model held = f_.model;
  for (const auto& [v, value] : f_.as_rostered) held.set_bounds(v, value, value);
  held.clear_objective();
  for (const solver::Term& t : f_.breach.terms) held.set_objective(t.variable, t.coefficient);
  held.set_sense(solver::Sense::minimise);
  solver::SolveOptions options;
  options.absolute_gap = 0.5;
  options.heuristics = false;
  options.time_limit_seconds = deadline_.remaining();
  const solver::Result r = solver::solve(held, options);
  ++out_.solves;
  if (!r.has_solution()) {
    // Every rule may be broken, so the rota as it stands is always a solution.
    if (r.status == solver::Status::infeasible) throw std::logic_error("cover: the rota as it stands does not fit the model");
    out_.proved = false;
    out_.stages.push_back({kStageNames[0], std::string(solver::status_id(r.status))});
    return false;
  }
  out_.values = r.values;
  out_.found = true;
  out_.before_breach = std::lround(evaluate(f_.breach, r.values));
  if (r.status != solver::Status::optimal) out_.proved = false;
  return true;
}

/// Stage 1 of several days, one day at a time. Exact: the days share no row but the
/// `changed` rows of stage 2 (a person counts once over the request), and `changed`
/// is free in stage 1, so the least breach of the request is the sum of each day's
/// least, found with the other days held as rostered; holding each day at its least
/// is the same as holding the sum (no day can go below its least). The days' answers
/// joined, with everyone marked changed, are a solution to start stage 2 from.
void Stager::breach_day_by_day() {
  std::vector<double> joined = out_.values;
  long total = 0;
  bool proved = true;
  std::string status = "optimal";
  std::vector<std::pair<Objective, long>> holds;
  for (std::size_t d = 0; d < f_.day_variables.size(); ++d) {
    Objective day = day_breach(d);
    long best = std::lround(evaluate(day, out_.values));
    const auto [from, to] = f_.day_variables[d];
    if (best > 0) {
      solver::Model alone = f_.model;
      for (const auto& [v, value] : f_.as_rostered)  // the other days as rostered
        if (v.index < from || v.index >= to) alone.set_bounds(v, value, value);
      alone.clear_objective();
      for (const solver::Term& t : day.terms) alone.set_objective(t.variable, alone.objective(t.variable) + t.coefficient);
      alone.set_sense(solver::Sense::minimise);
      solver::SolveOptions options;
      options.absolute_gap = 0.5;
      options.time_limit_seconds = deadline_.remaining();
      fast(options);
      const solver::Result r = solver::solve(alone, options);
      ++out_.solves;
      std::vector<double> values = out_.values;
      if (r.has_solution() && alone.violation(r.values) <= 1e-6 && evaluate(day, r.values) <= evaluate(day, values))
        values = r.values;
      best = std::lround(evaluate(day, values));
      const bool day_proved = proved_at(r, static_cast<double>(best));
      if (!day_proved && proved) status = solver::status_id(r.status);
      proved = proved && day_proved;
      std::copy(values.begin() + from, values.begin() + to, joined.begin() + from);
    }
    holds.push_back({std::move(day), best});
    total += best;
  }
  for (const auto& [day, best] : holds) hold_breach(day, best);  // held once every day is solved
  for (const auto& c : f_.changed)
    if (c) joined[c->index] = 1;
  out_.values = std::move(joined);
  out_.breach = total;
  out_.stages.push_back({kStageNames[0], status});
  out_.proved = out_.proved && proved;
}

void Stager::hold_breach(const Objective& day, long best) {
  if (best == 0) {
    for (const solver::Term& t : day.terms) f_.model.set_bounds(t.variable, 0, 0);
  } else {
    f_.model.add_less_equal(day.terms, static_cast<double>(best) + 0.5);
  }
}

Objective Stager::day_breach(std::size_t d) const {
  Objective day;
  for (std::size_t i = 0; i < f_.requirements.size(); ++i)
    if (f_.requirement_day[i] == d) day.terms.push_back(f_.breach.terms[i]);
  return day;
}

/// The most an objective can be: every term at its upper bound (all terms here are
/// non-negative coefficients on variables from 0).
double Stager::ceiling(const Objective& o) const {
  double total = o.constant;
  for (const solver::Term& t : o.terms) total += t.coefficient * f_.model.upper(t.variable);
  return total;
}

bool Stager::improve(const Objective& o, solver::Sense sense) {
  const bool minimising = sense == solver::Sense::minimise;
  objective(o, sense);
  solver::SolveOptions options;
  options.absolute_gap = 0.5;
  options.time_limit_seconds = deadline_.remaining();
  fast(options);
  const solver::Result r = solver::solve(f_.model, options);
  ++out_.solves;
  // The solver's answer, unless it is worse than the last one (a stopped solve).
  const double was = evaluate(o, out_.values);
  if (r.has_solution() && f_.model.violation(r.values) <= 1e-6 &&
      (minimising ? evaluate(o, r.values) <= was : evaluate(o, r.values) >= was))
    out_.values = r.values;
  const bool proved = proved_at(r, evaluate(o, out_.values) - o.constant);
  last_status_ = proved ? "optimal" : std::string(solver::status_id(r.status));
  return proved;
}

/// Optimises one objective from the last solution, then holds its value. A stage whose
/// starting value is already the best any solution could have is not solved again.
void Stager::stage(std::size_t index) {
  const Objective& o = objective_of(index);
  const solver::Sense sense = sense_of(index);
  const char* name = kStageNames[index];
  const double start = evaluate(o, out_.values);
  const bool minimising = sense == solver::Sense::minimise;
  const bool settled = o.terms.empty() || (minimising && index != 4 && std::lround(start) == std::lround(o.constant)) ||
                       (!minimising && std::lround(start) == std::lround(ceiling(o))) || (index >= 2 && people_none_);
  if (settled) {
    out_.stages.push_back({name, "optimal"});
  } else {
    const bool proved = improve(o, sense);
    out_.stages.push_back({name, last_status_});
    out_.proved = out_.proved && proved;
  }
  hold(index, std::lround(evaluate(o, out_.values)));
}

void Stager::hold(std::size_t index, long value) {
  const Objective& o = objective_of(index);
  held_[index] = value;
  const double held = static_cast<double>(value) - o.constant;
  if (index == 0) {
    out_.breach = value;
    if (out_.breach == 0) {
      for (const plan::Requirement& r : f_.requirements) f_.model.set_bounds(r.breach, 0, 0);
      return;
    }
  }
  if (index == 1 && value == 0) people_none_ = true;
  const std::uint32_t row = sense_of(index) == solver::Sense::minimise ? f_.model.add_less_equal(o.terms, held + 0.5)
                                                                      : f_.model.add_greater_equal(o.terms, held - 0.5);
  rows_[index] = row;
}

void Stager::allow_people(long most) {
  if (!rows_[1]) return;  // no people stage held (nothing breached)
  allow(1, most);
  people_none_ = most == 0;
}

void Stager::allow(std::size_t index, long most) {
  if (!rows_[index] || sense_of(index) != solver::Sense::minimise) return;
  f_.model.set_row_bounds(*rows_[index], -solver::kInfinity, static_cast<double>(most) - objective_of(index).constant + 0.5);
}

Solved solve_stages(Formulation& f, double time_limit_seconds) {
  const Deadline deadline(time_limit_seconds);
  Stager s(f, deadline);
  if (!s.as_rostered()) return std::move(s.solved());
  if (s.solved().before_breach == 0) {
    // Nothing breached: the rota as it stands is the answer to every stage.
    for (const char* name : kStageNames) s.solved().stages.push_back({name, "optimal"});
    return std::move(s.solved());
  }
  if (f.vars.size() > 1) s.breach_day_by_day();
  else s.stage(0);
  s.stages_from(1);
  return std::move(s.solved());
}

}  // namespace attune::covering
