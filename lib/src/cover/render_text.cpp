// attune cover's terminal report: the breaches the absence leaves, the changes in time
// order with what each keeps, and what is left.

#include <fmt/format.h>

#include "attune/cover.hpp"
#include "attune/render.hpp"

namespace attune {
namespace {

std::string hyphen(TimeWindow w) { return fmt::format("{}-{}", format_clock_time(w.start), format_clock_time(w.end)); }

std::string weekday(Date d) { return std::string(weekday_short_name(weekday_index(d))); }

/// "1:8", "1:3.5"; "no one in ratio".
std::string ratio(int children, int staff) {
  if (staff == 0) return "no one in ratio";
  if (children % staff == 0) return fmt::format("1:{}", children / staff);
  return fmt::format("1:{:.1f}", static_cast<double>(children) / staff);
}

std::string pct(long part, long whole) {
  return whole == 0 ? std::string("-") : fmt::format("{:.0f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

std::string keeps(const Setting& s, const CoverChange& c) {
  std::string out;
  if (c.kind == CoverChangeKind::move) {
    out += c.left_children == 0 ? fmt::format("; {} has no children then", room_label(s, c.from_room))
                                : fmt::format("; {} keeps {}", room_label(s, c.from_room), ratio(c.left_children, c.left_staff));
  } else if (c.room_children > 0) {
    out += fmt::format("; {} at {}", room_label(s, c.to_room), ratio(c.room_children, c.room_staff));
  }
  if (c.babies_minutes > 0) out += fmt::format("; babies with a familiar adult {}", pct(c.babies_familiar_minutes, c.babies_minutes));
  return out;
}

std::string change_line(const Setting& s, const CoverChange& c, bool redact) {
  const std::string who = staff_label(s, c.staff, redact);
  const std::string when = fmt::format("{} {}", weekday(c.date), hyphen(c.time));
  std::string what;
  switch (c.kind) {
    case CoverChangeKind::move:
      what = fmt::format("move {} from {} to {}", who, room_label(s, c.from_room), room_label(s, c.to_room));
      break;
    case CoverChangeKind::contact:
      what = fmt::format("{} works in {} instead of non-contact time", who, room_label(s, c.to_room));
      break;
    case CoverChangeKind::extend:
      what = fmt::format("{} stays on (shift extended) in {}", who, room_label(s, c.to_room));
      break;
    case CoverChangeKind::call_in:
      what = fmt::format("call in {} to {}", who, room_label(s, c.to_room));
      break;
    case CoverChangeKind::break_move:
      return fmt::format("  {} {} takes their break at {} (planned {})\n", when, who, hyphen(c.time),
                         c.planned ? hyphen(*c.planned) : std::string("-"));
  }
  return fmt::format("  {} {}{}\n", when, what, keeps(s, c));
}

std::string finding_line(const Setting& s, const std::string& rule, const std::optional<Date>& date,
                         const std::optional<TimeWindow>& time, RoomIndex room, const std::string& message) {
  return fmt::format("  {} {} {} {}: {}\n", date ? format_day_label(*date) : std::string(),
                     time ? hyphen(*time) : "", room_label(s, room), rule, message);
}

std::string days_of(const Setting& s) {
  if (s.period.from == s.period.to) return format_day_label(s.period.from);
  return fmt::format("{} to {}", format_day_label(s.period.from), format_day_label(s.period.to));
}

}  // namespace

std::string render_cover_text(const Setting& s, const CoverProposal& p, bool redact) {
  std::string absent;
  for (StaffIndex i : p.absent) absent += (absent.empty() ? "" : ", ") + staff_label(s, i, redact);
  std::string out = fmt::format("{}: cover for {}, absent {}\n", s.name, absent, days_of(s));
  for (const std::string& rule : p.not_planned)
    out += fmt::format("Note: attune cover does not plan for {} yet; the proposal may break it (shown below if so)\n", rule);

  const CoverSummary& b = p.before;
  if (b.statutory.empty()) {
    out += "Without cover: no statutory breach.\n";
  } else {
    out += fmt::format("Without cover: {} statutory {}, {} breach-minutes\n", b.statutory.size(),
                       b.statutory.size() == 1 ? "breach" : "breaches", b.breach_minutes);
    for (const Finding& f : b.statutory) out += finding_line(s, f.rule, f.date, f.time, f.room, f.message);
  }

  const std::string how = p.optimal ? "optimal" : "not proved optimal: the time limit stopped the solver";
  if (p.changes.empty()) {
    out += fmt::format("No change proposed ({}).\n", how);
  } else {
    out += fmt::format("Proposed changes ({}):\n", how);
    for (const CoverChange& c : p.changes) out += change_line(s, c, redact);
  }
  const CoverObjective& o = p.objective;
  out += fmt::format("People changed: {}; extra paid minutes: {}", o.people_changed, o.extra_paid_minutes);
  if (p.after.under_2_minutes > 0)
    out += fmt::format("; babies' minutes with an adult they know: {} ({} of {}; without cover {})",
                       pct(p.after.under_2_familiar_minutes, p.after.under_2_minutes), p.after.under_2_familiar_minutes,
                       p.after.under_2_minutes, pct(b.under_2_familiar_minutes, b.under_2_minutes));
  out += "\n";

  const std::size_t there = p.already_there.size();
  if (p.status == CoverStatus::covered && there == 0) {
    out += fmt::format("Covered: no statutory breach on {}.\n", days_of(s));
  } else if (p.status == CoverStatus::covered) {
    out += fmt::format("Covered: no statutory breach on {} but {} already there.\n", days_of(s),
                       there == 1 ? "the one" : fmt::format("the {}", there));
  } else {
    const std::string_view verdict = p.status == CoverStatus::infeasible ? "Cannot be covered"
                                     : p.after.breach_minutes == 0       ? "Covered as far as the rota goes"
                                                                         : "Partly covered";
    out += fmt::format("{}: {} statutory {} left, {} breach-minutes:\n", verdict, p.uncovered.size(),
                       p.uncovered.size() == 1 ? "breach" : "breaches", p.after.breach_minutes);
    for (const Uncovered& u : p.uncovered) {
      out += finding_line(s, u.rule, u.date, u.time, u.room, u.message);
      out += fmt::format("      why: {}\n", u.why);
    }
  }
  if (there > 0) {
    out += fmt::format("Already there, not caused by the absence: {} statutory {} no change of the rota can mend:\n", there,
                       there == 1 ? "breach" : "breaches");
    for (const Uncovered& u : p.already_there) {
      out += finding_line(s, u.rule, u.date, u.time, u.room, u.message);
      out += fmt::format("      why: {}\n", u.why);
    }
  }
  for (const std::string& note : p.notes) out += fmt::format("Note: {}\n", note);
  return out;
}

}  // namespace attune
