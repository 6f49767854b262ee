#include "attune/daily_register.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "attune/document.hpp"
#include "../util/markdown.hpp"

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

std::size_t staff_on_duty(const DailyRegister& reg) {
  std::vector<StaffIndex> ids;
  for (const auto& r : reg.staff) ids.push_back(r.staff);
  std::sort(ids.begin(), ids.end());
  return static_cast<std::size_t>(std::unique(ids.begin(), ids.end()) - ids.begin());
}

std::string title(const Setting& s, const DailyRegister& reg) {
  const std::chrono::year_month_day ymd{reg.date};
  return fmt::format("Daily register: {}, {} {}", s.name, format_day_label(reg.date), static_cast<int>(ymd.year()));
}

}  // namespace

std::string windows(const std::vector<TimeWindow>& list) {
  std::vector<std::string> parts;
  for (TimeWindow w : list) parts.push_back(format_window(w));
  return fmt::format("{}", fmt::join(parts, ", "));
}

/// The shifts as rostered, breaks inside them: "08:00–16:00, break 12:00–12:30", or
/// "non-contact 10:00–12:00".
std::string duty_of(const RegisterStaff& r) {
  std::vector<TimeWindow> shifts(r.work);
  shifts.insert(shifts.end(), r.breaks.begin(), r.breaks.end());
  std::sort(shifts.begin(), shifts.end(), [](TimeWindow a, TimeWindow b) { return a.start < b.start; });
  std::vector<TimeWindow> merged;
  for (TimeWindow w : shifts) {
    if (!merged.empty() && merged.back().end >= w.start) merged.back().end = std::max(merged.back().end, w.end);
    else merged.push_back(w);
  }
  std::string out = windows(merged);
  if (!r.breaks.empty()) out += fmt::format(", break {}", windows(r.breaks));
  if (!r.non_contact.empty()) out += fmt::format("{}non-contact {}", out.empty() ? "" : "; ", windows(r.non_contact));
  return out;
}

std::string in_ratio_of(const Setting& s, const RegisterStaff& r) {
  if (r.standing.in_ratio) return "yes";
  if (r.standing.under_age) return "no: under age";
  const Staff& staff = s.staff[r.staff];
  if (staff.in_ratio && !*staff.in_ratio) return "no";
  return fmt::format("no: {}", role_id(staff.role));
}

std::string level_of(const RegisterStaff& r) {
  switch (r.standing.counts_as) {
    case Qualification::none: return "-";
    case Qualification::level2: return "2";
    case Qualification::level3: return "3";
    default: return "6";
  }
}

std::string first_aid_of(const Setting& s, const RegisterStaff& r) {
  if (!s.recorded.pfa_expiry) return "not recorded";
  return r.standing.pfa ? "yes" : "no";
}

/// Rooms in order, then "on the premises" (kNone): those with children or staff that day.
std::vector<RoomIndex> rooms_of(const DailyRegister& reg) {
  std::vector<RoomIndex> out;
  for (const auto& e : reg.entries) out.push_back(e.room);
  for (const auto& st : reg.staff) out.push_back(st.room);
  std::sort(out.begin(), out.end());  // kNone (0xFFFFFFFF) sorts last
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string room_title(const Setting& s, RoomIndex room) {
  return room == kNone ? std::string("On the premises, in no room") : s.rooms[room].name;
}

DailyRegister daily_register(const Setting& setting, const RuleProfile& profile, Date date) {
  DailyRegister reg;
  reg.date = date;
  if (!setting.period.contains(date)) return reg;
  const Day& day = setting.days[static_cast<std::size_t>((date - setting.period.from).count())];
  for (const StaffSpell& spell : day.staff) {  // by staff, then start
    auto it = std::find_if(reg.staff.begin(), reg.staff.end(), [&](const RegisterStaff& r) {
      return r.staff == spell.staff && r.room == spell.room;
    });
    if (it == reg.staff.end()) {
      reg.staff.push_back(RegisterStaff{spell.staff, spell.room, {}, {}, {},
                                        staff_standing(setting.staff[spell.staff], date, profile)});
      it = reg.staff.end() - 1;
    }
    (spell.kind == ShiftKind::work ? it->work : spell.kind == ShiftKind::on_break ? it->breaks : it->non_contact)
        .push_back(spell.time);
  }
  const auto first_start = [](const RegisterStaff& r) {
    Minute m = kMinutesPerDay;
    for (const auto* list : {&r.work, &r.breaks, &r.non_contact})
      if (!list->empty()) m = std::min(m, list->front().start);
    return m;
  };
  std::stable_sort(reg.staff.begin(), reg.staff.end(), [&](const RegisterStaff& a, const RegisterStaff& b) {
    return std::make_tuple(a.room, first_start(a), setting.staff[a.staff].id) <
           std::make_tuple(b.room, first_start(b), setting.staff[b.staff].id);
  });
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
  out += fmt::format("{} children present, {} child-hours; {} staff on duty\n", reg.entries.size(),
                     hours(reg.child_minutes), staff_on_duty(reg));
  // Columns are measured in characters, not bytes (an en dash is 3 bytes, one column).
  const auto width = [](const std::string& t) {
    return t.size() - 2 * static_cast<std::size_t>(std::count(t.begin(), t.end(), '\xe2'));
  };
  const auto pad = [&](const std::string& t, std::size_t w) { return t + std::string(w > width(t) ? w - width(t) : 0, ' '); };
  std::size_t w_who = 5, w_times = 5, w_duty = 7;
  for (const auto& e : reg.entries) {
    w_who = std::max(w_who, width(child_label(s, e.child, options.redact)));
    w_times = std::max(w_times, width(times_of(e, s)));
  }
  for (const auto& r : reg.staff) {
    w_who = std::max(w_who, width(staff_label(s, r.staff, options.redact)));
    w_duty = std::max(w_duty, width(duty_of(r)));
  }
  for (RoomIndex room : rooms_of(reg)) {
    out += fmt::format("\n{}\n", room_title(s, room));
    bool header = false;
    for (const auto& e : reg.entries) {
      if (e.room != room) continue;
      if (!header) out += fmt::format("  {}  {}  {:>5}  {}\n", pad("child", w_who), pad("times", w_times), "hours", "key person");
      header = true;
      out += fmt::format("  {}  {}  {:>5}  {}\n", pad(child_label(s, e.child, options.redact), w_who),
                         pad(times_of(e, s), w_times), hours(e.minutes), key_person_of(s, e, options.redact));
    }
    header = false;
    for (const auto& r : reg.staff) {
      if (r.room != room) continue;
      if (!header) out += fmt::format("  {}  {}  {:<5}  {:<9}  {}\n", pad("staff", w_who), pad("on duty", w_duty), "level", "first aid", "in ratio");
      header = true;
      out += fmt::format("  {}  {}  {:<5}  {:<9}  {}\n", pad(staff_label(s, r.staff, options.redact), w_who),
                         pad(duty_of(r), w_duty), level_of(r), first_aid_of(s, r), in_ratio_of(s, r));
    }
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
  const auto md = [](std::string_view text) { return util::markdown_escape(text); };
  std::string out = "# " + md(title(s, reg)) + "\n\n";
  out += fmt::format("{} children present, {} child-hours; {} staff on duty.\n", reg.entries.size(),
                     hours(reg.child_minutes), staff_on_duty(reg));
  for (RoomIndex room : rooms_of(reg)) {
    out += fmt::format("\n## {}\n", md(room_title(s, room)));
    bool header = false;
    for (const auto& e : reg.entries) {
      if (e.room != room) continue;
      if (!header) out += "\n| Child | Times | Hours | Key person |\n| --- | --- | ---: | --- |\n";
      header = true;
      out += fmt::format("| {} | {} | {} | {} |\n", md(child_label(s, e.child, options.redact)), md(times_of(e, s)),
                         hours(e.minutes), md(key_person_of(s, e, options.redact)));
    }
    header = false;
    for (const auto& r : reg.staff) {
      if (r.room != room) continue;
      if (!header) out += "\n| Staff | On duty | Level | First aid | In ratio |\n| --- | --- | --- | --- | --- |\n";
      header = true;
      out += fmt::format("| {} | {} | {} | {} | {} |\n", md(staff_label(s, r.staff, options.redact)), md(duty_of(r)),
                         level_of(r), first_aid_of(s, r), md(in_ratio_of(s, r)));
    }
  }
  return out;
}

}  // namespace attune
