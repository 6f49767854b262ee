#include "context_text.hpp"

#include <fmt/format.h>

#include "attune/age_band.hpp"
#include "attune/render.hpp"

namespace attune::render {
namespace {

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? "; " : "") + parts[i];
  return out;
}

/// Why a person with the children did not count: "an apprentice, counted only with in_ratio = yes".
std::string why_not_counted(const Staff& s, const PresentStaff& p, Date date) {
  if (p.presence == Presence::under_age) {
    return s.date_of_birth ? fmt::format("aged {}, under the minimum age to count in ratio",
                                         age_in_years(*s.date_of_birth, date))
                           : std::string("under the minimum age to count in ratio");
  }
  if (s.in_ratio && !*s.in_ratio) return "in_ratio = no in staff.csv";
  switch (s.role) {
    case Role::student: return "a student: counted only with in_ratio = yes in staff.csv";
    case Role::apprentice: return "an apprentice: counted only with in_ratio = yes in staff.csv";
    case Role::volunteer: return "a volunteer: counted only with in_ratio = yes in staff.csv";
    case Role::cook: return "the cook: counted only with in_ratio = yes in staff.csv";
    case Role::admin: return "admin staff: counted only with in_ratio = yes in staff.csv";
    default: return "not counted in ratio";
  }
}

std::string option_text(const Setting& setting, const FixOption& o, Minute from, Minute to, bool redact) {
  const std::string who = fmt::format("{}, {}", staff_label(setting, o.staff, redact), qualification_words(o.counts_as));
  switch (o.kind) {
    case FixKind::move_break: return fmt::format("{}: on a break {} that could move", who, format_window(o.time));
    case FixKind::from_non_contact: return fmt::format("{}: on non-contact time {}", who, format_window(o.time));
    case FixKind::from_room:
      return fmt::format("{}: in {} {}, which keeps its ratio without them", who, room_label(setting, o.from_room),
                         format_window(o.time));
    case FixKind::extend_shift:
      if (o.time.end <= from)
        return fmt::format("{}: could stay until {} (their shift in {} ends at {})", who, format_clock_time(to),
                           room_label(setting, o.from_room), format_clock_time(o.time.end));
      return fmt::format("{}: could start at {} (their shift in {} starts at {})", who, format_clock_time(from),
                         room_label(setting, o.from_room), format_clock_time(o.time.start));
  }
  return who;
}

}  // namespace

std::string qualification_words(Qualification q) {
  switch (q) {
    case Qualification::none: return "unqualified";
    case Qualification::level2: return "level 2";
    case Qualification::level3: return "level 3";
    case Qualification::level6: return "level 6";
    case Qualification::qts: return "QTS";
    case Qualification::eyts: return "EYTS";
    case Qualification::eyps: return "EYPS";
  }
  return "";
}

std::vector<ContextLine> context_lines(const Setting& setting, const Finding& f, const FindingContext& context,
                                       bool redact) {
  std::vector<std::string> counted, not_counted, breaks, non_contact, fixes;
  const Date date = f.date.value_or(Date{});
  for (const PresentStaff& p : context.present) {
    const Staff& s = setting.staff[p.staff];
    const std::string who = staff_label(setting, p.staff, redact);
    const bool whole = f.time && p.time == *f.time;
    const std::string when = whole ? std::string{} : fmt::format(" {}", format_window(p.time));
    switch (p.presence) {
      case Presence::counted: counted.push_back(fmt::format("{}, {}{}", who, qualification_words(p.counts_as), when)); break;
      case Presence::counted_below_level:
        counted.push_back(fmt::format("{}, {}{}: {} studying {} counts at the level below only with in-date "
                                      "paediatric first aid",
                                      who, qualification_words(p.counts_as), when,
                                      s.role == Role::apprentice ? "an apprentice" : "a student",
                                      qualification_words(s.studying.value_or(Qualification::none))));
        break;
      case Presence::not_in_ratio:
      case Presence::under_age: {
        const std::string why = why_not_counted(s, p, date);
        const bool role = why.starts_with("a") || why.starts_with("the");  // "an apprentice: ..."
        not_counted.push_back(fmt::format("{}{}{} {}", who, when, role ? "," : ":", why));
        break;
      }
      case Presence::on_break: breaks.push_back(fmt::format("{} {}", who, format_window(p.time))); break;
      case Presence::non_contact: non_contact.push_back(fmt::format("{} {}", who, format_window(p.time))); break;
    }
  }
  if (context.present_not_shown > 0) non_contact.push_back(fmt::format("and {} more", context.present_not_shown));
  const TimeWindow when = f.time.value_or(TimeWindow{});
  for (const FixOption& o : context.options) fixes.push_back(option_text(setting, o, when.start, when.end, redact));
  if (fixes.empty()) fixes.emplace_back("no one else on that day's rota is free then: call in cover, or move a session");
  const bool first_aid = f.rule.starts_with("PFA-");
  if (f.room != kNone && counted.empty()) counted.emplace_back("no one");
  std::vector<ContextLine> out;
  const auto add = [&](std::string label, std::vector<std::string> parts) {
    if (!parts.empty()) out.push_back(ContextLine{std::move(label), std::move(parts)});
  };
  add(first_aid ? "there, without in-date first aid" : "counted", std::move(counted));
  add("not counted", std::move(not_counted));
  add("on a break", std::move(breaks));
  add("on non-contact time", std::move(non_contact));
  add("could fix", std::move(fixes));
  return out;
}

std::string ContextLine::text() const { return join(items); }

PatternWords pattern_words(const Setting& setting, const FindingPattern& pattern) {
  const std::size_t n = pattern.dates.size();
  return PatternWords{pattern.label, fmt::format("{} days: {}", n, describe_dates(pattern.dates, setting.days))};
}

}  // namespace attune::render
