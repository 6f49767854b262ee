// attune cover: the absence removed, the stages solved, the changes read back, and the
// amended rota checked by check_setting (see attune/cover.hpp).

#include "attune/cover.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "attune/rules.hpp"
#include "attune/timeline.hpp"
#include "day_plan.hpp"
#include "formulation.hpp"
#include "outcome.hpp"
#include "stages.hpp"
#include "week.hpp"

namespace attune {

std::string_view cover_status_id(CoverStatus status) {
  switch (status) {
    case CoverStatus::covered: return "covered";
    case CoverStatus::partial: return "partial";
    case CoverStatus::infeasible: return "infeasible";
  }
  return "partial";
}

std::string_view cover_change_kind_id(CoverChangeKind kind) {
  switch (kind) {
    case CoverChangeKind::move: return "move";
    case CoverChangeKind::contact: return "contact";
    case CoverChangeKind::extend: return "extend";
    case CoverChangeKind::break_move: return "break_move";
    case CoverChangeKind::call_in: return "call_in";
  }
  return "move";
}

void remove_absent(Setting& setting, const std::vector<StaffIndex>& absent) {
  auto gone = [&](StaffIndex s) { return std::find(absent.begin(), absent.end(), s) != absent.end(); };
  for (Day& day : setting.days) {
    std::erase_if(day.staff, [&](const StaffSpell& s) { return gone(s.staff); });
    std::erase_if(day.available, [&](const Availability& a) { return gone(a.staff); });
  }
}

namespace {

using covering::Amended;
using covering::DayPlan;

bool among(const std::vector<std::string_view>& rules, std::string_view rule) {
  return std::find(rules.begin(), rules.end(), rule) != rules.end();
}

/// Breach minutes of check's findings: the statutory errors of the rules the rota
/// decides (planned, or not yet planned), each over its time. The key-person rules are
/// not about the rota, and PFA-EXPIRY's time is the first gap PFA-ON-SITE already counts.
long breach_minutes(const std::vector<Finding>& findings, const plan::RulePlan& rules, bool planned_only) {
  long total = 0;
  for (const Finding& f : findings) {
    if (f.severity != Severity::error || !f.time) continue;
    if (!among(rules.planned, f.rule) && (planned_only || !among(rules.not_planned, f.rule))) continue;
    total += f.time->length();
  }
  return total;
}

CoverSummary summarise(const CheckResult& r, const plan::RulePlan& rules) {
  CoverSummary s;
  s.counts = r.counts;
  for (const Finding& f : r.findings) {
    const RuleInfo* info = find_rule(f.rule);
    if (f.severity == Severity::error && info != nullptr && info->family == RuleFamily::statutory) s.statutory.push_back(f);
  }
  s.breach_minutes = breach_minutes(s.statutory, rules, false);
  return s;
}

/// Child-minutes of the under-2s, and those with an adult they know working in their room.
void familiar_minutes(const std::vector<DayPlan>& days, const std::vector<std::vector<Amended>>* outcome, CoverSummary& s) {
  for (std::size_t d = 0; d < days.size(); ++d) {
    const DayPlan& day = days[d];
    for (std::size_t t = 0; t < day.pieces.size(); ++t) {
      const long len = day.pieces[t].time.length();
      for (const covering::Babies& b : day.pieces[t].babies) {
        s.under_2_minutes += len * b.children;
        for (std::size_t k = 0; k < day.people.size(); ++k) {
          const covering::Slot& slot = outcome != nullptr ? (*outcome)[d][k].slots[t] : day.people[k].original[t];
          if (slot.state == covering::State::work && slot.room == b.room &&
              std::binary_search(b.familiar.begin(), b.familiar.end(), day.people[k].staff)) {
            s.under_2_familiar_minutes += len * b.children;
            break;
          }
        }
      }
    }
  }
}

/// The same finding (rule, day, time, room, child, staff) is among `findings`.
bool found_in(const std::vector<Finding>& findings, const Finding& f) {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& g) {
    return g.rule == f.rule && g.severity == f.severity && g.date == f.date && g.time == f.time && g.room == f.room &&
           g.child == f.child && g.staff == f.staff;
  });
}

/// Why a breach is left, in the nursery's words.
std::string why_left(const Finding& f, const plan::RulePlan& rules) {
  auto in = [&](const std::vector<std::string_view>& list) {
    return std::find(list.begin(), list.end(), f.rule) != list.end();
  };
  if (in(rules.not_planned))
    return fmt::format("attune cover does not plan for {} yet: change the rota by hand for it", f.rule);
  if (in(rules.not_rota)) {
    if (f.rule == "PFA-EXPIRY") return "a certificate out of date while no one else with first aid was there: book the renewal";
    return "not a matter of the rota: it is about who the key person is (children.csv, allocations.csv)";
  }
  return "no move, break, extension or call-in that the rota, availability.csv and [cover] allow mends this "
         "without leaving a longer breach elsewhere: find cover outside the rota (an agency, a manager off the "
         "rota), or reduce the children booked then";
}

void objective_values(const std::vector<DayPlan>& days, const std::vector<std::vector<Amended>>& outcome,
                      CoverObjective& o) {
  std::vector<StaffIndex> changed;
  for (std::size_t d = 0; d < days.size(); ++d) {
    for (std::size_t k = 0; k < days[d].people.size(); ++k) {
      const covering::Person& p = days[d].people[k];
      const Amended& a = outcome[d][k];
      if (a.changed(p)) changed.push_back(p.staff);
      for (std::size_t t = 0; t < days[d].pieces.size(); ++t) {
        const long len = days[d].pieces[t].time.length();
        if (a.slots[t] == p.original[t]) continue;
        o.changed_minutes += len;
        if (p.original[t].state == covering::State::off) o.extra_paid_minutes += len;
      }
    }
  }
  std::sort(changed.begin(), changed.end());
  o.people_changed = static_cast<int>(std::unique(changed.begin(), changed.end()) - changed.begin());
}

/// The worst moment of a room during a window: the most children per adult in ratio.
std::pair<int, int> worst_ratio(const DayTimeline& t, RoomIndex room, TimeWindow w) {
  std::pair<int, int> worst{0, 0};
  for (const RoomDay& rd : t.rooms) {
    if (rd.room != room) continue;
    for (const Segment& s : rd.segments) {
      if (overlap_minutes(s.time, w) == 0) continue;
      const long a = static_cast<long>(s.child_count()) * worst.second, b = static_cast<long>(worst.first) * s.staff_in_ratio;
      if (worst.first == 0 || (s.staff_in_ratio == 0 && worst.second != 0) || a > b) worst = {s.child_count(), s.staff_in_ratio};
    }
  }
  return worst;
}

/// What each change keeps, read from the amended rota.
void annotate(std::vector<CoverChange>& changes, const Setting& after, const RuleProfile& profile,
              const std::vector<DayPlan>& days, const std::vector<std::vector<Amended>>& outcome) {
  TimelineBuilder timelines(after, profile);
  for (CoverChange& c : changes) {
    if (c.kind == CoverChangeKind::break_move) continue;
    const auto d = static_cast<std::size_t>((c.date - after.period.from).count());
    const DayTimeline& t = timelines.build(d);
    if (c.kind == CoverChangeKind::move) std::tie(c.left_children, c.left_staff) = worst_ratio(t, c.from_room, c.time);
    std::tie(c.room_children, c.room_staff) = worst_ratio(t, c.to_room, c.time);
    for (std::size_t i = 0; i < days.size(); ++i) {
      if (days[i].day != d) continue;
      for (std::size_t p = 0; p < days[i].pieces.size(); ++p) {
        const covering::Piece& piece = days[i].pieces[p];
        if (overlap_minutes(piece.time, c.time) == 0) continue;
        for (const covering::Babies& b : piece.babies) {
          if (b.room != c.to_room) continue;
          const long n = piece.time.length() * b.children;
          c.babies_minutes += n;
          for (std::size_t k = 0; k < days[i].people.size(); ++k) {
            const covering::Slot& slot = outcome[i][k].slots[p];
            if (slot.state == covering::State::work && slot.room == b.room &&
                std::binary_search(b.familiar.begin(), b.familiar.end(), days[i].people[k].staff)) {
              c.babies_familiar_minutes += n;
              break;
            }
          }
        }
      }
    }
  }
}

}  // namespace

CoverProposal cover(const Setting& setting, const RuleProfile& profile, const CoverRequest& request,
                    const Setting* history) {
  CoverProposal out;
  out.absent = request.absent;
  Setting without = setting;
  remove_absent(without, request.absent);
  for (std::size_t d = 0; d < setting.days.size(); ++d) {
    for (StaffIndex s : request.absent) {
      const auto& spells = setting.days[d].staff;
      if (std::any_of(spells.begin(), spells.end(), [&](const StaffSpell& x) { return x.staff == s; }))
        out.rewritten.push_back({s, d});
    }
  }
  const plan::Requirements requirements(without, profile);
  for (std::string_view r : requirements.rules().not_planned) out.not_planned.emplace_back(r);
  const covering::Familiarity familiarity(setting, history);
  const std::vector<DayPlan> days = covering::plan_days(without, profile, request.absent, familiarity);
  covering::Formulation f = covering::formulate(days, without, requirements);
  const covering::Solved solved = days.size() > 1
                                      ? covering::solve_week(days, f, without, requirements, request.time_limit_seconds)
                                      : covering::solve_stages(f, request.time_limit_seconds);
  out.stages = solved.stages;
  out.solves = solved.solves;
  out.optimal = solved.proved;

  const CheckResult before = check_setting(without, profile);
  const plan::RulePlan& rules = requirements.rules();
  out.before = summarise(before, rules);
  familiar_minutes(days, nullptr, out.before);
  if (solved.found && solved.before_breach != breach_minutes(before.findings, rules, true))
    throw std::logic_error(fmt::format("cover: the model counts {} breach minutes in the rota as it stands, the check {}",
                                       solved.before_breach, breach_minutes(before.findings, rules, true)));

  std::vector<std::vector<Amended>> outcome;
  if (solved.found) {
    outcome = covering::read_outcome(days, f, solved.values);
    out.changes = covering::list_changes(days, outcome);
    out.amended = covering::amend_days(without, days, outcome, out.rewritten);
    objective_values(days, outcome, out.objective);
  } else {
    out.amended = without.days;
    out.notes.push_back("the solver stopped before it found any cover: the rota is shown without changes");
  }
  std::sort(out.rewritten.begin(), out.rewritten.end());
  out.rewritten.erase(std::unique(out.rewritten.begin(), out.rewritten.end()), out.rewritten.end());

  Setting after = without;
  after.days = out.amended;
  const CheckResult checked = check_setting(after, profile);
  if (solved.found) annotate(out.changes, after, profile, days, outcome);
  out.after = summarise(checked, rules);
  familiar_minutes(days, solved.found ? &outcome : nullptr, out.after);
  out.objective.breach_minutes = out.after.breach_minutes;
  out.objective.under_2_familiar_minutes = out.after.under_2_familiar_minutes;
  const long model_breach = solved.found ? solved.breach : solved.before_breach;
  if (model_breach != breach_minutes(checked.findings, rules, true))
    throw std::logic_error(fmt::format("cover: the model predicts {} breach minutes after the changes, the check finds {}",
                                       model_breach, breach_minutes(checked.findings, rules, true)));

  const CheckResult everyone = check_setting(setting, profile);  // nobody absent
  for (const Finding& finding : out.after.statutory) {
    Uncovered u;
    u.date = finding.date.value_or(setting.period.from);
    u.time = finding.time.value_or(TimeWindow{});
    u.room = finding.room;
    u.rule = finding.rule;
    u.message = finding.message;
    u.why = why_left(finding, requirements.rules());
    if (plan::rota_cannot_touch(finding.rule) && found_in(everyone.findings, finding)) out.already_there.push_back(std::move(u));
    else out.uncovered.push_back(std::move(u));
  }
  const bool any_left = !out.uncovered.empty();
  const bool helped = out.after.breach_minutes < out.before.breach_minutes;
  const bool stage1_proved = !out.stages.empty() && out.stages.front().status == "optimal";
  if (!any_left) out.status = CoverStatus::covered;
  else if (!helped && stage1_proved && out.after.breach_minutes > 0) out.status = CoverStatus::infeasible;
  else out.status = CoverStatus::partial;
  return out;
}

}  // namespace attune
