#include "attune/daily_register.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "attune/document.hpp"

namespace attune {
namespace {

std::string hours(long minutes) { return fmt::format("{}:{:02}", minutes / 60, minutes % 60); }

std::string times_of(const RegisterEntry& e, const Setting& s) {
  std::vector<std::string> parts;
  for (const ChildSpell& spell : e.spells) {
    std::string part = format_window(spell.time);
    if (spell.room != e.room) part += fmt::format(" ({})", s.rooms[spell.room].name);
    parts.push_back(std::move(part));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string key_person_of(const Setting& s, const RegisterEntry& e, bool redact) {
  return e.key_person == kNone ? std::string("none recorded") : staff_label(s, e.key_person, redact);
}

std::string title(const Setting& s, const DailyRegister& reg) {
  const std::chrono::year_month_day ymd{reg.date};
  return fmt::format("Daily register: {}, {} {}", s.name, format_day_label(reg.date), static_cast<int>(ymd.year()));
}

}  // namespace

DailyRegister daily_register(const Setting& setting, Date date) {
  DailyRegister reg;
  reg.date = date;
  if (!setting.period.contains(date)) return reg;
  const Day& day = setting.days[static_cast<std::size_t>((date - setting.period.from).count())];
  for (const ChildSpell& spell : day.children) {
    if (reg.entries.empty() || reg.entries.back().child != spell.child) {
      RegisterEntry e;
      e.child = spell.child;
      e.room = spell.room;
      std::tie(e.key_person, e.buddy) = setting.key_people_on(spell.child, date);
      reg.entries.push_back(std::move(e));
    }
    reg.entries.back().spells.push_back(spell);
    reg.entries.back().minutes += spell.time.length();
    reg.child_minutes += spell.time.length();
  }
  std::stable_sort(reg.entries.begin(), reg.entries.end(), [&](const RegisterEntry& a, const RegisterEntry& b) {
    return std::make_tuple(a.room, a.spells.front().time.start, setting.children[a.child].id) <
           std::make_tuple(b.room, b.spells.front().time.start, setting.children[b.child].id);
  });
  return reg;
}

std::string render_register_text(const Setting& s, const DailyRegister& reg, const RenderOptions& options) {
  std::string out = title(s, reg) + "\n";
  out += fmt::format("{} children present, {} child-hours\n", reg.entries.size(), hours(reg.child_minutes));
  RoomIndex room = kNone;
  std::size_t w_child = 5, w_times = 5;
  for (const auto& e : reg.entries) {
    w_child = std::max(w_child, child_label(s, e.child, options.redact).size());
    w_times = std::max(w_times, times_of(e, s).size());
  }
  for (const auto& e : reg.entries) {
    if (e.room != room) {
      room = e.room;
      out += fmt::format("\n{}\n  {:<{}}  {:<{}}  {:>5}  {}\n", s.rooms[room].name, "child", w_child, "times", w_times,
                         "hours", "key person");
    }
    const std::string times = times_of(e, s);
    // The en dash is 3 bytes but one column: pad by characters.
    const std::size_t pad = w_times - times.size() + 2 * static_cast<std::size_t>(std::count(times.begin(), times.end(), '\xe2'));
    out += fmt::format("  {:<{}}  {}{}  {:>5}  {}\n", child_label(s, e.child, options.redact), w_child, times,
                       std::string(pad, ' '), hours(e.minutes), key_person_of(s, e, options.redact));
  }
  if (reg.entries.empty()) out += "\nNo children are booked on this date.\n";
  return out;
}

std::string render_register_csv(const Setting& s, const DailyRegister& reg, const RenderOptions& options) {
  std::string out = "date,room,child,child_name,arrived,left,minutes,key_person,key_person_name\r\n";
  for (const auto& e : reg.entries) {
    const Child& c = s.children[e.child];
    const std::string key_name =
        e.key_person == kNone ? "" : (options.redact ? s.staff[e.key_person].id : s.staff[e.key_person].name);
    const std::string cells[] = {format_iso_date(reg.date), s.rooms[e.room].id, c.id, options.redact ? c.id : c.name,
                                 format_clock_time(e.spells.front().time.start),
                                 format_clock_time(e.spells.back().time.end), fmt::format("{}", e.minutes),
                                 e.key_person == kNone ? "" : s.staff[e.key_person].id, key_name};
    std::string line;
    for (const auto& cell : cells) {
      if (!line.empty()) line += ',';
      line += csv_cell(cell);
    }
    out += line + "\r\n";
  }
  return out;
}

std::string render_register_markdown(const Setting& s, const DailyRegister& reg, const RenderOptions& options) {
  const auto md = [](std::string text) {
    std::string out;
    for (char c : text) {
      if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']') out += '\\';
      if (c == '<') out += "&lt;";
      else if (c == '>') out += "&gt;";
      else if (c == '&') out += "&amp;";
      else out += c;
    }
    return out;
  };
  std::string out = "# " + md(title(s, reg)) + "\n\n";
  out += fmt::format("{} children present, {} child-hours.\n", reg.entries.size(), hours(reg.child_minutes));
  RoomIndex room = kNone;
  for (const auto& e : reg.entries) {
    if (e.room != room) {
      room = e.room;
      out += fmt::format("\n## {}\n\n| Child | Times | Hours | Key person |\n| --- | --- | ---: | --- |\n",
                         md(s.rooms[room].name));
    }
    out += fmt::format("| {} | {} | {} | {} |\n", md(child_label(s, e.child, options.redact)), md(times_of(e, s)),
                       hours(e.minutes), md(key_person_of(s, e, options.redact)));
  }
  return out;
}

}  // namespace attune
