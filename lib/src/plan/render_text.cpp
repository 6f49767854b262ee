// The terminal report of `attune plan`.

#include <cmath>

#include <fmt/format.h>

#include "../util/text.hpp"
#include "attune/plan.hpp"
#include "attune/render.hpp"
#include "attune/solver.hpp"
#include "plan_view.hpp"
#include "stage_summary.hpp"

namespace attune {
namespace {

using plan::RoomDayView;

std::string hours(long minutes) {
  return minutes % 60 == 0 ? fmt::format("{}h", minutes / 60) : fmt::format("{}h {:02}m", minutes / 60, minutes % 60);
}

std::string coverage(const std::optional<Share>& s) {
  return s ? fmt::format("{} ({}/{} minutes)", util::percent(s->value()), s->part, s->whole) : "no such child";
}

void status_line(std::string& out, const RotaPlan& p) {
  switch (p.status) {
    case PlanStatus::optimal:
      out += fmt::format("Status: optimal. Every stage of the objective was proved optimal ({}, {} solves, {:.1f} s).\n",
                         solver::backend_name(), p.solves, p.seconds);
      break;
    case PlanStatus::feasible:
      out += fmt::format("Status: feasible, not proved optimal. Every rule is met. {} ({} solves, {:.1f} s.)\n",
                         plan::gap_sentence(p), p.solves, p.seconds);
      if (p.start == "constructive heuristic start")
        out += p.solves == 0 ? "The rota is the constructive start's, a heuristic (built without the solver): no stage had "
                               "time to improve on it.\n"
                             : "The stages began from the constructive start, a heuristic (built without the solver).\n";
      break;
    case PlanStatus::infeasible: out += "Status: infeasible. No rota meets every statutory rule this week:\n"; break;
    case PlanStatus::stopped: out += "Status: stopped. No rota was found in the time allowed:\n"; break;
    case PlanStatus::unsupported: out += "Status: unsupported. attune plan cannot plan for this profile yet:\n"; break;
  }
}

/// "  2. min_coverage           feasible  31.25%, bound 57.29%, gap 26.04%  37.5 s"
std::string stage_line(int n, const PlanStage& st) {
  std::string out = fmt::format("  {}. {:<22} {:<9}", n, st.name, st.status);
  if (st.value) out += " " + plan::stage_amount(st.name, *st.value);
  if (st.status == "feasible") {
    if (st.bound && std::isfinite(*st.bound))
      out += fmt::format(", bound {}, gap {:.2f}%", plan::stage_amount(st.name, *st.bound), 100.0 * st.gap);
    else out += ", no bound";
  }
  if (st.status == "stopped") out += st.value ? " (no time: the rota's value)" : " (no time)";
  return out + fmt::format("  {:.1f} s\n", st.seconds);
}

void objective(std::string& out, const RotaPlan& p) {
  const PlanObjective& o = p.objective;
  long attended = 0;
  for (const PlannedChild& c : p.children) attended += c.attended_minutes;
  out += "\nWhat the rota gives\n";
  out += fmt::format("  Lowest key-person coverage, under 2s  {}\n", coverage(o.min_under_2_coverage));
  out += fmt::format("  Lowest key-person coverage, everyone  {}\n", coverage(o.min_coverage));
  out += fmt::format("  Key-person minutes                    {} of {} attended\n", o.key_person_minutes, attended);
  out += fmt::format("  Key-person-or-buddy minutes           {}\n", o.key_or_buddy_minutes);
  out += fmt::format("  Extra minutes                         {} (bank {}, overtime {}, no contract {})\n", o.extra_minutes,
                     o.bank_minutes, o.overtime_minutes, o.uncontracted_minutes);
  out += fmt::format("  Short of contracted minutes           {}\n", o.shortfall_minutes);
  if (o.changed_minutes) out += fmt::format("  Minutes changed from the current rota {}\n", *o.changed_minutes);
  out += fmt::format("  Room changes                          {}\n", o.room_changes);
  out += "\nStages (each held before the next)\n";
  int n = 0;
  for (const PlanStage& st : p.stages) out += stage_line(++n, st);
}

void rooms(std::string& out, const Setting& s, const RotaPlan& p, bool redact) {
  Date last{};
  for (const RoomDayView& view : plan::room_days(s, p)) {
    if (view.date != last) out += fmt::format("\n{}\n", format_day_label(view.date));
    last = view.date;
    out += fmt::format("  {}\n", s.rooms[view.room].name);
    for (const auto& person : view.people) {
      std::string when;
      for (TimeWindow w : person.work) when += (when.empty() ? "" : ", ") + format_window(w);
      for (TimeWindow b : person.breaks) when += fmt::format(" (break {})", format_window(b));
      std::string keys;
      for (const auto& k : person.key_children)
        keys += fmt::format("{}{} {}", keys.empty() ? "" : ", ", child_label(s, k.child, redact),
                            util::percent(static_cast<double>(k.with) / static_cast<double>(k.attended)));
      out += fmt::format("    {:<28} {}{}\n", staff_label(s, person.staff, redact), when,
                         keys.empty() ? "" : "   key children: " + keys);
    }
  }
}

void staff(std::string& out, const Setting& s, const RotaPlan& p, bool redact) {
  out += "\nStaff\n";
  for (const PlannedStaff& st : p.staff) {
    out += fmt::format("  {:<28} {} on {} {}", staff_label(s, st.staff, redact), hours(st.planned_minutes), st.days,
                       st.days == 1 ? "day" : "days");
    if (st.contracted_minutes) {
      out += fmt::format(", contract {}", hours(*st.contracted_minutes));
      if (st.overtime_minutes > 0) out += fmt::format(", {} overtime", hours(st.overtime_minutes));
      if (st.shortfall_minutes > 0) out += fmt::format(", {} short", hours(st.shortfall_minutes));
    }
    out += '\n';
  }
}

}  // namespace

std::string render_plan_text(const Setting& s, const RotaPlan& p, bool redact) {
  std::string out = fmt::format("{}: rota for {} to {}\n", s.name, format_day_label(s.period.from), format_day_label(s.period.to));
  status_line(out, p);
  for (const std::string& r : p.reasons) out += fmt::format("  - {}\n", r);
  if (p.status == PlanStatus::optimal || p.status == PlanStatus::feasible) {
    objective(out, p);
    rooms(out, s, p, redact);
    staff(out, s, p, redact);
  }
  if (!p.notes.empty()) {
    out += "\nNotes\n";
    for (const std::string& n : p.notes) out += fmt::format("  - {}\n", n);
  }
  return out;
}

}  // namespace attune
