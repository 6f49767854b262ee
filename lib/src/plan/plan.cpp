// attune plan: the week's rota (see attune/plan.hpp).

#include "attune/plan.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "attune/check.hpp"
#include "attune/render.hpp"
#include "attune/rule_catalog.hpp"
#include "diagnose.hpp"
#include "requirements.hpp"
#include "rota.hpp"
#include "rota_model.hpp"
#include "stage_summary.hpp"
#include "stages.hpp"
#include "start.hpp"
#include "week.hpp"

namespace attune {
namespace {

using namespace attune::plan;

void note_people(const Setting& s, const Week& week, bool redact, std::vector<std::string>& notes) {
  std::vector<std::string> unknown_age, no_contract;
  for (StaffIndex st : week.people) {
    const Staff& staff = s.staff[st];
    if (!staff.date_of_birth) unknown_age.push_back(staff_label(s, st, redact));
    if (!staff.contracted_minutes_per_week && staff.role != Role::bank) no_contract.push_back(staff_label(s, st, redact));
  }
  if (!unknown_age.empty())
    notes.push_back(fmt::format("no date of birth for {}: their breaks follow the rule for workers under 18 "
                                "(30 minutes in a shift over 4 hours 30 minutes)",
                                fmt::join(unknown_age, ", ")));
  if (!no_contract.empty())
    notes.push_back(fmt::format("no contracted_minutes_per_week for {}: no weekly limit but their availability, and every "
                                "minute they work counts as extra (stage 5)",
                                fmt::join(no_contract, ", ")));
}

/// Statutory findings of `attune check` on the rota: those of rules no rota can mend are
/// notes; any other is a fault in the planner.
void verify(const Setting& s, const RuleProfile& profile, const Requirements& req, RotaPlan& out, bool redact) {
  const CheckResult check = check_setting(with_rota(s, out.shifts), profile);
  std::size_t faults = 0;
  std::vector<std::string> outside;
  for (const Finding& f : check.findings) {
    if (f.severity != Severity::error || f.accepted) continue;
    const auto& not_rota = req.rules().not_rota;
    if (std::find(not_rota.begin(), not_rota.end(), f.rule) != not_rota.end()) {
      const std::string who = f.child < s.children.size() ? child_label(s, f.child, redact) : std::string("a child");
      outside.push_back(fmt::format("{} {}", f.rule, who));
      continue;
    }
    ++faults;
  }
  if (!outside.empty()) {
    std::sort(outside.begin(), outside.end());
    outside.erase(std::unique(outside.begin(), outside.end()), outside.end());
    out.notes.push_back(fmt::format("attune check will still find {}: no rota can mend these (children.csv, "
                                    "allocations.csv)",
                                    fmt::join(outside, "; ")));
  }
  if (faults > 0) {
    out.verified_breaches = static_cast<long>(faults);
    out.notes.push_back(fmt::format("attune check finds {} statutory breaches in this rota: a fault in attune plan, "
                                    "please report it",
                                    faults));
  }
}

}  // namespace

std::string_view plan_status_id(PlanStatus status) {
  switch (status) {
    case PlanStatus::optimal: return "optimal";
    case PlanStatus::feasible: return "feasible";
    case PlanStatus::infeasible: return "infeasible";
    case PlanStatus::stopped: return "stopped";
    case PlanStatus::unsupported: return "unsupported";
  }
  return "stopped";
}

RotaPlan plan_rota(const Setting& setting, const RuleProfile& profile, const PlanOptions& options) {
  RotaPlan out;
  out.slot_minutes = setting.plan.slot_minutes;
  const double limit = options.time_limit_seconds > 0 ? options.time_limit_seconds : setting.plan.time_limit_seconds;
  Budget budget(limit);
  const Requirements req(setting, profile, true);  // plan adds the day rows (CM-ASSISTANT-ALONE)
  if (!req.rules().not_planned.empty()) {
    out.status = PlanStatus::unsupported;
    for (std::string_view rule : req.rules().not_planned) {
      out.unplanned_rules.emplace_back(rule);
      const RuleInfo* info = find_rule(rule);
      out.reasons.push_back(fmt::format("{} ({}) is a statutory rule of profile {} that attune plan cannot plan for yet; "
                                        "a rota from it could breach that rule",
                                        rule, info != nullptr ? info->title : "", profile.id));
    }
    return out;
  }
  const Week week = build_week(setting, profile, options.from_rota);
  if (week.days.empty()) {
    out.notes.push_back("no child is booked in the period: nobody needs to work");
    return out;
  }
  note_people(setting, week, options.redact, out.notes);
  out.reasons = count_shortages(setting, week, req, options.redact);
  if (!out.reasons.empty()) {
    out.status = PlanStatus::infeasible;
    out.seconds = budget.elapsed();
    return out;
  }
  RotaModel model(setting, week, req, false);
  out.variables = model.model().variable_count();
  out.rows = model.model().row_count();
  const std::vector<Pupil> who = pupils(setting, week, model);
  // The first rota. First the constructive heuristic (construct.hpp): day by day, no
  // solver search and no clock, so a loaded machine still gets a rota; a day it cannot
  // build is solved instead (start.cpp). Then the solver-made start (a heuristic, on a
  // coarser grid first, up to 30% of the time), kept when it is better exactly.
  StartOptions start_options{options.threads, options.fallback_start_only};
  StartOptions built_options = start_options;
  built_options.construct = true;
  built_options.construct_only = options.constructive_start_only;
  int constructed = 0;
  built_options.constructed_days = &constructed;
  std::vector<double> built;
  if (!options.fallback_start_only)
    built = day_by_day_start(setting, week, req, model, budget, 0.3 * budget.remaining(), built_options);
  std::vector<double> start;
  if (!options.constructive_start_only) {
    // With the constructive start in hand, the solver-made ones get only their share (no
    // fallback with time of its own), and none when that share is under a tenth of the
    // limit (at least a second), as for the stages' solves.
    start_options.no_fallback = !built.empty();
    const bool time_for_more = built.empty() || 0.3 * budget.remaining() >= std::max(1.0, 0.1 * budget.total());
    if (time_for_more)
      start = coarse_start(setting, profile, week, req, model, budget, 0.3 * budget.remaining(), start_options);
    if (start.empty() && built.empty())
      start = day_by_day_start(setting, week, req, model, budget, 0.3 * budget.remaining(), start_options);
    if (!built.empty() && (start.empty() || !better_start(model, who, start, built))) start = built;
    // Then repair rounds for the children it left least covered (a heuristic too): CBC
    // did not improve on the start in stage 2 on bench/plan.sh's week, so time spent
    // here is time stage 2 did not use.
    start_options.no_fallback = true;  // a round's rota is only kept when better: no time of its own
    if (time_for_more)
      start = repair_start(setting, profile, week, req, model, who, budget, 0.45 * budget.remaining(), start_options,
                           std::move(start));
  } else {
    start = built;
  }
  const bool all_built = !start.empty() && start == built && constructed == static_cast<int>(week.days.size());
  out.start = start.empty() ? "solver" : (all_built ? "constructive heuristic start" : "heuristic start");
  Chain chain = optimise(setting, req, model, who, budget, options.threads, std::move(start));
  out.stages = chain.stages;
  out.solves = chain.solves;
  if (!chain.found) {
    if (chain.infeasible) {
      out.status = PlanStatus::infeasible;
      out.reasons = explain_infeasible(setting, profile, week, req, who, budget, options.threads, options.redact);
    } else {
      out.status = PlanStatus::stopped;
      out.reasons.push_back(fmt::format("no rota was found within the time limit ({} s); there may be none. Allow more time "
                                        "(--time-limit, or [plan] time_limit_seconds)",
                                        limit));
    }
    out.seconds = budget.elapsed();
    return out;
  }
  describe(setting, week, who, model.decode(chain.values), out);
  summarise_stages(out);
  for (const PlannedChild& c : out.children)
    if (c.key_person_away)
      out.notes.push_back(fmt::format("{}: {} cannot be with them this week (not available, or none named); left out of "
                                      "the lowest coverage",
                                      child_label(setting, c.child, options.redact),
                                      c.key_person < setting.staff.size() ? staff_label(setting, c.key_person, options.redact)
                                                                          : std::string("no key person")));
  verify(setting, profile, req, out, options.redact);
  out.seconds = budget.elapsed();
  return out;
}

}  // namespace attune
