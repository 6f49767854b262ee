#pragma once
// How far the plan's rota can be from the best one, from its stages' results: what a
// manager reads first (the status line, the top-level `gap`), and the proof rule of the
// max-min stages.
//
// Each stage's bound holds with the stages before it held at their values, so its gap
// says how much better that stage could be without giving up anything earlier. The
// top-level gap is the largest of the gaps of the stages the solver worked on, named;
// the stages the time limit left no time for are listed apart: their values are the
// rota's, not optimised, and no bound is known for them.

#include <span>
#include <string>

#include "attune/plan.hpp"

namespace attune::plan {

/// The lowest coverage a rota could have above `value`: a rota whose lowest coverage is
/// above value gives each child c at least floor(value a_c) + 1 of their a_c minutes, so
/// its lowest coverage is at least the least of (floor(value a_c) + 1) / a_c. Exact
/// (integers); `value` itself when value is 1 or no child is given.
Share next_above(Share value, std::span<const long> attended);

/// Whether the solver's bound `bound` on the lowest coverage (a float, within CBC's
/// tolerances of about 1e-7) proves that no rota reaches `next`: bound < next - 1e-6,
/// compared as bound x whole + 1e-6 x whole < part (no division). With next from
/// next_above(v), that proves v the optimum. A bound within one representable step of
/// v proves it exactly when next is more than 1e-6 above v; a NaN or infinite bound
/// proves nothing.
bool bound_proves(double bound, Share next);

/// Sets plan.status (optimal when every stage was proved or skipped, feasible
/// otherwise), plan.gap and plan.gap_stage (the largest gap among the stages the solver
/// worked on: feasible ones; infinite when one has no bound) and plan.unreached_stages
/// (status stopped: no time). Only for a plan with a rota.
void summarise_stages(RotaPlan& plan);

/// The stage in words ("lowest key-person coverage of all children").
std::string stage_title(std::string_view name);
/// A stage's value as a manager reads it: a coverage in per cent to two places
/// (31.25%), minutes as a whole number.
std::string stage_amount(std::string_view name, double value);

/// One or two sentences after "Status: feasible, not proved optimal." for text and HTML.
std::string gap_sentence(const RotaPlan& plan);

}  // namespace attune::plan
