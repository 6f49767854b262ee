#pragma once
// A first rota for the week, a heuristic: each day planned alone, in order, with the
// fewest minutes of work that keep every statutory rule, within what each contract has
// left after the days before. Not optimal and not claimed so: it is only the start the
// exact stages improve on (a week of four rooms is too big for the solver to find a
// first rota in its time otherwise). Empty when some day cannot be planned so, or the
// days together break a row of the week (the rest between days): the stages then start
// from nothing.

#include <vector>

#include "attune/profile.hpp"
#include "attune/setting.hpp"
#include "requirements.hpp"
#include "rota_model.hpp"
#include "stages.hpp"
#include "week.hpp"

namespace attune::plan {

struct StartOptions {
  int threads = 2;
  /// Tests only: no day's tries with the start's objective, every day straight to the
  /// fallback (a feasibility solve; see start.cpp), as when the tries find no rota in
  /// their time.
  bool fallback_only = false;
  /// Each day is first built by the constructive heuristic (construct.hpp: no solver
  /// search, no clock), checked against the day's rows; only a day it cannot build goes
  /// to the solves below.
  bool construct = false;
  /// Tests only (with `construct`): a day the construction cannot build ends the start
  /// (empty), with no solve.
  bool construct_only = false;
  /// A start is in hand already (the constructive one): a day whose tries find no rota in
  /// their time ends this start (empty) rather than taking the fallback's own time.
  bool no_fallback = false;
  /// When not null: incremented for each day the construction built.
  int* constructed_days = nullptr;
};

/// Values for every variable of `model` (the week), or empty. `boost`, when not empty,
/// multiplies the reward for each child's first minutes with their key person (by
/// ChildIndex): the repair rounds raise the least-covered children so. A day for which
/// the tries with that objective find no rota in their time gets the fallback, a
/// feasibility solve with time of its own (a heuristic: any rota keeping every rule).
std::vector<double> day_by_day_start(const Setting& setting, const Week& week, const Requirements& requirements,
                                     const RotaModel& model, Budget& budget, double share, const StartOptions& options,
                                     const std::vector<double>& boost = {});

/// The same heuristic on a grid of slots twice as long (half the choices), the rota laid
/// onto the week's grid and checked against every row of `model`; empty when it does not
/// fit (or with --from-rota). Its days take at most `share` seconds.
std::vector<double> coarse_start(const Setting& setting, const RuleProfile& profile, const Week& week,
                                 const Requirements& requirements, const RotaModel& model, Budget& budget, double share,
                                 const StartOptions& options, const std::vector<double>& boost = {});

/// Whether start `a` is better than `b` exactly, in the stages' order: the lowest baby
/// coverage, then the lowest coverage of all.
bool better_start(const RotaModel& model, const std::vector<Pupil>& pupils, const std::vector<double>& a,
                  const std::vector<double>& b);

/// Repair rounds, a heuristic: the start made again with the reward for the children
/// left least covered by `start` raised (boosted), kept when the week's lowest baby
/// coverage, then lowest coverage of all, is better; while rounds improve and up to
/// `share` seconds. Returns the best start (`start` itself when none is better).
std::vector<double> repair_start(const Setting& setting, const RuleProfile& profile, const Week& week,
                                 const Requirements& requirements, const RotaModel& model,
                                 const std::vector<Pupil>& pupils, Budget& budget, double share,
                                 const StartOptions& options, std::vector<double> start);

}  // namespace attune::plan
