// The terminal report of `attune allocate`.

#include <chrono>

#include <fmt/format.h>

#include "../render/continuity_table.hpp"
#include "attune/allocate.hpp"
#include "attune/render.hpp"
#include "attune/solver.hpp"

namespace attune {
namespace {

std::string pct(const std::optional<Share>& s) { return s ? fmt::format("{:.0f}%", s->value() * 100.0) : "-"; }
std::string pct(long part, long whole) { return pct(Share{part, whole}); }

int year(Date d) { return static_cast<int>(std::chrono::year_month_day(d).year()); }

std::string band_words(AgeBand band) {
  switch (band) {
    case AgeBand::under_2: return "under 2";
    case AgeBand::age_2: return "aged 2";
    case AgeBand::age_3_plus: return "3 and over";
  }
  return {};
}

std::string who(const Setting& s, StaffIndex staff, bool redact) {
  return staff < s.staff.size() ? staff_label(s, staff, redact) : "none";
}

using Row = std::vector<std::string>;

void table(std::string& out, const std::vector<Row>& rows, const std::vector<bool>& right) {
  std::vector<std::size_t> width(rows.front().size(), 0);
  for (const Row& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], text_width(r[i]));
  for (const Row& r : rows) {
    std::string line;
    for (std::size_t i = 0; i < r.size(); ++i) line += "  " + (right[i] ? pad_left(r[i], width[i]) : pad_right(r[i], width[i]));
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
}

std::string status_line(const AllocationProposal& p) {
  const std::string solver = fmt::format("{}, {} {}", solver::backend_name(), p.solves, p.solves == 1 ? "solve" : "solves");
  switch (p.status) {
    case AllocationStatus::optimal: return fmt::format("optimal: every stage proved ({})", solver);
    case AllocationStatus::feasible: {
      std::string open;
      for (const StageReport& s : p.stages)
        if (s.status != "optimal" && s.status != "skipped") open += (open.empty() ? "" : ", ") + s.name;
      return fmt::format("not proved optimal: the time limit stopped the solver ({}: {})", open, solver);
    }
    case AllocationStatus::infeasible: return fmt::format("no allocation exists ({})", solver);
    case AllocationStatus::stopped: return fmt::format("stopped by the time limit before any allocation ({})", solver);
  }
  return {};
}

void objective_lines(std::string& out, const AllocationProposal& p) {
  const AllocationObjective &b = p.before, &a = p.after;
  if (a.min_under_2_coverage)
    out += fmt::format("Lowest baby coverage {} -> {}; ", pct(b.min_under_2_coverage), pct(a.min_under_2_coverage));
  out += fmt::format("{} {} key person\n", a.changes, a.changes == 1 ? "child changes" : "children change");
  out += fmt::format("Lowest coverage of all children {} -> {}\n", pct(b.min_coverage), pct(a.min_coverage));
  out += fmt::format("Minutes with the key person {} -> {}; with the key person or buddy {} -> {}\n",
                     b.key_person_minutes, a.key_person_minutes, b.key_or_buddy_minutes, a.key_or_buddy_minutes);
}

void room_tables(std::string& out, const Setting& s, const AllocationProposal& p, bool redact) {
  for (RoomIndex room = 0; room < s.rooms.size(); ++room) {
    std::vector<Row> rows{{"child", "band", "key person now", "", "proposed", "", "buddy", "key or buddy", ""}};
    for (const ChildAllocation& c : p.children) {
      if (s.children[c.child].room != room) continue;
      rows.push_back({child_label(s, c.child, redact), band_words(c.band), who(s, c.current.key_person, redact),
                      pct(c.current.key_person_minutes, c.attended_minutes), "-> " + who(s, c.proposed.key_person, redact),
                      pct(c.proposed.key_person_minutes, c.attended_minutes),
                      c.needs_buddy ? who(s, c.proposed.buddy, redact) : "-",
                      pct(c.proposed.key_or_buddy_minutes, c.attended_minutes), c.changed ? "change" : ""});
    }
    if (rows.size() == 1) continue;
    out += fmt::format("\n{}\n", room_label(s, room));
    table(out, rows, {false, false, false, true, false, true, false, true, false});
  }
}

void change_lines(std::string& out, const Setting& s, const AllocationProposal& p, bool redact) {
  std::string lines;
  for (const ChildAllocation& c : p.children) {
    if (c.changed) {
      lines += fmt::format("  {}: key person {} -> {} ({} -> {} of the child's time)\n", child_label(s, c.child, redact),
                           who(s, c.current.key_person, redact), who(s, c.proposed.key_person, redact),
                           pct(c.current.key_person_minutes, c.attended_minutes),
                           pct(c.proposed.key_person_minutes, c.attended_minutes));
    } else if (c.current.key_person == kNone || c.current_ineligible) {
      lines += fmt::format("  {}: {} -> {} (a new key person is needed; not counted as a change)\n",
                           child_label(s, c.child, redact),
                           c.current.key_person == kNone ? "no key person" : who(s, c.current.key_person, redact) + " cannot go on",
                           who(s, c.proposed.key_person, redact));
    }
  }
  out += lines.empty() ? "\nNo child changes key person.\n" : "\nChanges\n" + lines;
}

void tradeoff_lines(std::string& out, const AllocationProposal& p) {
  if (p.tradeoff.empty()) return;
  out += "\nThe best lowest baby coverage with at most N changes of key person (each proved)\n";
  std::vector<Row> rows{{"changes", "lowest baby coverage"}};
  for (const TradeoffRow& r : p.tradeoff)
    rows.push_back({std::to_string(r.changes), r.min_under_2_coverage ? pct(r.min_under_2_coverage) : "no allocation"});
  table(out, rows, {true, true});
}

}  // namespace

std::string render_allocation_text(const Setting& s, const AllocationProposal& p, bool redact) {
  std::string out = s.urn.empty() ? fmt::format("{}: key persons and buddies\n", s.name)
                                  : fmt::format("{} ({}): key persons and buddies\n", s.name, s.urn);
  out += fmt::format("{} {} to {} {} · {} {} attending · {}\n", format_day_label(s.period.from), year(s.period.from),
                     format_day_label(s.period.to), year(s.period.to), p.children.size(),
                     p.children.size() == 1 ? "child" : "children", status_line(p));
  if (p.status == AllocationStatus::infeasible) {
    out += fmt::format("\nNo allocation keeps the setting's rules: {}.\nWhat to change: {}.\n", p.reason, p.what_to_change);
    return out;
  }
  if (p.status == AllocationStatus::stopped) return out + "\nNothing to propose yet: allow more time (--time-limit).\n";
  if (p.children.empty()) return out + "\nNo child attends in the period: nothing to allocate.\n";
  out += "\n";
  objective_lines(out, p);
  room_tables(out, s, p, redact);
  change_lines(out, s, p, redact);
  tradeoff_lines(out, p);
  return out;
}

}  // namespace attune
