// The terminal report: what a manager reads at a glance. Findings grouped by rule, worst
// severity first; one aligned line each with day, time, room, who, and the numbers.

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "attune/allocate.hpp"
#include "attune/render.hpp"
#include "attune/rules.hpp"
#include "context_text.hpp"
#include "continuity_table.hpp"
#include "text_style.hpp"

namespace attune {
namespace {

struct Line {
  std::string day;
  std::string time;
  std::string where;
  std::string text;
};

std::string who(const Setting& s, const Finding& f, bool redact) {
  std::string out;
  if (f.child != kNone) out = child_label(s, f.child, redact);
  if (f.staff != kNone) {
    const std::string staff = staff_label(s, f.staff, redact);
    out = out.empty() ? staff : fmt::format("{}, key person {}", out, staff);
  }
  return out;
}

Line line_for(const Setting& s, const Finding& f, bool redact) {
  Line line;
  if (f.date) line.day = format_day_label(*f.date);
  if (f.time) line.time = f.time->start == f.time->end ? format_clock_time(f.time->start) : format_window(*f.time);
  if (f.room != kNone) line.where = room_label(s, f.room);
  else if (f.date && f.time && f.child == kNone && f.staff == kNone) line.where = "premises";
  const std::string person = who(s, f, redact);
  line.text = person.empty() ? f.message : fmt::format("{}: {}", person, f.message);
  return line;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string_view severity_heading(Severity s, std::size_t n) {
  switch (s) {
    case Severity::error: return n == 1 ? "error" : "errors";
    case Severity::warning: return n == 1 ? "warning" : "warnings";
    case Severity::info: return n == 1 ? "note" : "notes";
  }
  return "";
}

/// A finding's line, or a pattern's (shown once, for its first finding), with the
/// context below it: who was there, and what could fix it.
struct Entry {
  Line line;
  std::vector<std::string> below;
  std::size_t findings = 1;  ///< how many findings the line stands for
};

Entry entry_for(const Setting& s, const CheckResult& r, const Finding& f, bool redact) {
  Entry e{line_for(s, f, redact), {}, 1};
  const FindingPattern* pattern = f.pattern < r.patterns.size() ? &r.patterns[f.pattern] : nullptr;
  if (pattern != nullptr) {
    const render::PatternWords words = render::pattern_words(s, *pattern);
    e.line.day = words.label;
    e.below.push_back(words.dates);
    e.findings = pattern->findings.size();
  }
  if (const FindingContext* context = context_of(s, r, f); context != nullptr) {
    const std::string on = pattern != nullptr ? fmt::format(" ({})", format_day_label(*f.date)) : std::string{};
    for (const render::ContextLine& c : render::context_lines(s, f, *context, redact)) {
      if (c.label != "could fix") {
        e.below.push_back(fmt::format("{}{}: {}", c.label, on, c.text()));
        continue;
      }
      // One option a line: each is a change to weigh on its own.
      for (std::size_t i = 0; i < c.items.size(); ++i)
        e.below.push_back(fmt::format("{}{}", i == 0 ? "could fix: " : "           ", c.items[i]));
    }
  }
  return e;
}

void render_group(std::string& out, const Setting& s, const CheckResult& r, std::string_view rule, Severity severity,
                  const std::vector<const Finding*>& group, const TextStyle& style, const RenderOptions& options) {
  const bool redact = options.redact;
  const RuleInfo* info = find_rule(rule);
  out += fmt::format("\n{} {} {}\n", style.severity(severity, std::string(rule)),
                     info != nullptr ? info->title : std::string_view{},
                     style.dim(fmt::format("({} {})", group.size(), severity_heading(severity, group.size()))));
  std::vector<Entry> entries;
  std::size_t day_w = 0, time_w = 0, where_w = 0, covered = 0;
  for (const Finding* f : group) {
    if (options.limit_per_rule > 0 && entries.size() == options.limit_per_rule) break;
    if (f->pattern < r.patterns.size() && &r.findings[r.patterns[f->pattern].findings.front()] != f) continue;
    entries.push_back(entry_for(s, r, *f, redact));
    covered += entries.back().findings;
    day_w = std::max(day_w, text_width(entries.back().line.day));
    time_w = std::max(time_w, text_width(entries.back().line.time));
    where_w = std::max(where_w, text_width(entries.back().line.where));
  }
  for (const Entry& e : entries) {
    std::string row = "  ";
    if (day_w > 0) row += pad_right(e.line.day, day_w + 2);
    if (time_w > 0) row += pad_right(e.line.time, time_w + 2);
    if (where_w > 0) row += pad_right(e.line.where, where_w + 2);
    row += e.line.text;
    out += row + "\n";
    for (const std::string& below : e.below) out += style.dim("      " + below) + "\n";
  }
  if (covered < group.size()) {
    out += style.dim(fmt::format("  ... and {} more (--limit 0 shows all; --format json lists every finding)",
                                 group.size() - covered)) + "\n";
  }
}

/// Findings inside an override: listed apart, each with its reason.
void render_accepted(std::string& out, const Setting& s, const CheckResult& r, const TextStyle& style, bool redact) {
  if (r.counts.accepted == 0) return;
  const std::string by_category = exceptions_by_category(r.findings);
  out += fmt::format("\n{} {}\n", style.bold("Accepted under exceptional circumstances"),
                     style.dim(fmt::format("({}{}; overrides.csv)", r.counts.accepted,
                                           by_category.empty() ? "" : ": " + by_category)));
  for (const Finding& f : r.findings) {
    if (!f.accepted) continue;
    const Line l = line_for(s, f, redact);
    out += fmt::format("  {} {}  {}  {}  {} · {}\n", f.rule, l.day, l.time, l.where, l.text,
                       style.dim("accepted: " + accepted_label(s, f, redact)));
  }
}

void render_one(std::string& out, const SettingReport& report, const RenderOptions& options) {
  const Setting& s = report.setting;
  const CheckResult& r = report.result;
  const TextStyle style(options.colour);
  out += style.bold(s.urn.empty() ? s.name : fmt::format("{} ({})", s.name, s.urn)) + "\n";
  const auto year = [](Date d) { return static_cast<int>(std::chrono::year_month_day{d}.year()); };
  out += fmt::format("{} {} to {} {} · profile {} · {}, {}, {} staff\n", format_day_label(r.period.from),
                     year(r.period.from), format_day_label(r.period.to), year(r.period.to), r.profile,
                     plural(s.rooms.size(), "room", "rooms"), plural(s.children.size(), "child", "children"),
                     s.staff.size());
  const auto& c = r.counts;
  std::string counts = fmt::format("{} {}, {} {}, {} {}", c.errors, severity_heading(Severity::error, c.errors),
                                   c.warnings, severity_heading(Severity::warning, c.warnings), c.infos,
                                   severity_heading(Severity::info, c.infos));
  if (c.accepted > 0) counts += fmt::format(" ({} accepted under exceptional circumstances)", c.accepted);
  const std::string headline = verdict(r);
  if (c.errors > 0) out += style.severity(Severity::error, headline) + ": " + counts + "\n";
  else if (c.warnings > 0) out += style.severity(Severity::warning, headline) + ": " + counts + "\n";
  else out += style.ok(headline) + ": " + counts + "\n";

  for (Severity severity : {Severity::error, Severity::warning, Severity::info}) {
    std::map<int, std::vector<const Finding*>> groups;
    for (const Finding& f : r.findings) {
      if (f.severity == severity && !f.accepted) groups[rule_order(f.rule)].push_back(&f);
    }
    for (const auto& [order, group] : groups) {
      render_group(out, s, r, group.front()->rule, severity, group, style, options);
    }
  }
  render_accepted(out, s, r, style, options.redact);
  if (r.allocation_hint) out += "\n" + allocation_hint_text(*r.allocation_hint, false) + ".\n";
  render_continuity_table(out, report, style, options.redact);
  if (!r.findings.empty())
    out += style.dim("\nRun `attune explain RULE` for what a rule checks, why, and its source.") + "\n";
}

}  // namespace

std::string render_text_group(const std::vector<GroupEntry>& entries, const RenderOptions& options) {
  const TextStyle style(options.colour);
  FindingCounts total;
  std::size_t failed = 0;
  for (const auto& e : entries) {
    total += e.counts;
    failed += e.checked ? 0 : 1;
  }
  std::string out = style.bold(fmt::format("{} settings", entries.size()));
  out += fmt::format(": {} {}, {} {}", total.errors, severity_heading(Severity::error, total.errors), total.warnings,
                     severity_heading(Severity::warning, total.warnings));
  if (failed > 0) out += style.severity(Severity::error, fmt::format("; {} not checked (input errors)", failed));
  out += "\n\n";
  std::vector<std::array<std::string, 3>> rows;
  std::size_t w0 = 0, w1 = 0;
  for (const auto& e : entries) {
    std::string result = e.checked ? fmt::format("{} {}, {} {}", e.counts.errors, severity_heading(Severity::error, e.counts.errors),
                                                 e.counts.warnings, severity_heading(Severity::warning, e.counts.warnings))
                                   : "input errors: not checked";
    std::string who = e.checked ? (e.urn.empty() ? e.name : fmt::format("{} ({})", e.name, e.urn)) : "";
    w0 = std::max(w0, text_width(result));
    w1 = std::max(w1, text_width(who));
    rows.push_back({std::move(result), std::move(who), e.path});
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& [result, who, path] = rows[i];
    const std::string cell = entries[i].checked && entries[i].counts.errors == 0 ? result
                             : entries[i].checked ? style.severity(Severity::error, result)
                                                  : style.severity(Severity::error, result);
    out += fmt::format("  {}{}  {}  {}\n", cell, std::string(w0 - text_width(result), ' '), pad_right(who, w1), path);
  }
  for (const auto& e : entries) {
    if (!e.checked) continue;
    out += "\n" + std::string(72, '-') + "\n\n" + e.body;
  }
  return out;
}

std::string render_text(std::span<const SettingReport> reports, const RenderOptions& options) {
  std::string out;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    if (i > 0) out += "\n" + std::string(72, '-') + "\n\n";
    render_one(out, reports[i], options);
  }
  return out;
}

}  // namespace attune
