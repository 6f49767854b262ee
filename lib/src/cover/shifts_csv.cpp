// The whole shifts.csv amended by a cover: the data file `attune check` reads back.
//
// Every row is kept as read, except the dated rows of the people cover rewrites on the
// days it covers; their amended day follows as dated rows, which replace any weekly
// pattern on that date. A work row runs over the breaks inside it (a break is carved out
// of a work row); non-contact time has rows of its own; an absent person gets a dated
// row with no times ("not here").
//
//     amended spells   work babies 08:00-12:00, break 12:00-12:30, work pre 12:30-17:00
//     rows             s04,2026-11-03,08:00,12:30,babies,work
//                      s04,2026-11-03,12:00,12:30,,break
//                      s04,2026-11-03,12:30,17:00,pre,work

#include <algorithm>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "../util/text.hpp"
#include "attune/cover.hpp"

namespace attune {
namespace {

using util::csv_field;

std::string room_id(const Setting& s, RoomIndex r) { return r < s.rooms.size() ? s.rooms[r].id : std::string(); }

void row(std::string& out, const Setting& s, StaffIndex staff, const std::string& date, std::optional<TimeWindow> time,
         RoomIndex room, std::string_view kind) {
  out += fmt::format("{},{},{},{},{},{}\n", csv_field(s.staff[staff].id), date,
                     time ? format_clock_time(time->start) : "", time ? format_clock_time(time->end) : "",
                     csv_field(room_id(s, room)), kind);
}

/// One person's amended day as rows.
void day_rows(std::string& out, const Setting& s, StaffIndex staff, Date date, const std::vector<StaffSpell>& spells) {
  const std::string when = format_iso_date(date);
  struct WorkRow {
    RoomIndex room = kNone;
    TimeWindow time;
  };
  std::optional<WorkRow> open;
  std::vector<TimeWindow> breaks, waiting;  // waiting: breaks before the work row they belong to
  auto flush = [&] {
    if (!open) return;
    row(out, s, staff, when, open->time, open->room, "work");
    for (const TimeWindow& b : breaks) row(out, s, staff, when, b, kNone, "break");
    breaks.clear();
    open.reset();
  };
  for (const StaffSpell& sp : spells) {
    if (sp.kind == ShiftKind::work) {
      if (open && open->room == sp.room && open->time.end == sp.time.start) {
        open->time.end = sp.time.end;
        continue;
      }
      flush();
      open = WorkRow{sp.room, sp.time};
      if (!waiting.empty() && waiting.back().end == sp.time.start) {
        open->time.start = waiting.front().start;
        breaks = waiting;
      } else if (!waiting.empty()) {
        throw std::logic_error("cover: a break with no work around it");
      }
      waiting.clear();
    } else if (sp.kind == ShiftKind::on_break) {
      if (open && open->time.end == sp.time.start) {
        open->time.end = sp.time.end;
        breaks.push_back(sp.time);
      } else {
        flush();
        if (!waiting.empty() && waiting.back().end != sp.time.start) throw std::logic_error("cover: a break with no work around it");
        waiting.push_back(sp.time);
      }
    } else {
      flush();
      if (!waiting.empty()) throw std::logic_error("cover: a break with no work around it");
      row(out, s, staff, when, sp.time, sp.room, "non_contact");
    }
  }
  if (!waiting.empty()) throw std::logic_error("cover: a break with no work around it");
  flush();
}

}  // namespace

std::string render_cover_shifts_csv(const Setting& s, const std::vector<ShiftRecord>& rows, const CoverProposal& p) {
  std::set<std::pair<StaffIndex, Date>> rewritten;
  for (const auto& [staff, day] : p.rewritten) rewritten.insert({staff, s.days[day].date});
  std::string out = "staff,date,start,end,room,kind\n";
  for (const ShiftRecord& r : rows) {
    if (!r.weekday && rewritten.count({r.staff, r.date}) != 0) continue;
    const std::string date = r.weekday ? std::string(weekday_short_name(*r.weekday)) : format_iso_date(r.date);
    row(out, s, r.staff, date, r.time, r.room, r.time ? shift_kind_id(r.kind) : "");
  }
  std::vector<std::pair<Date, StaffIndex>> order;
  for (const auto& [staff, date] : rewritten) order.push_back({date, staff});
  std::sort(order.begin(), order.end());
  for (const auto& [date, staff] : order) {
    const auto d = static_cast<std::size_t>((date - s.period.from).count());
    std::vector<StaffSpell> spells;
    for (const StaffSpell& sp : p.amended[d].staff)
      if (sp.staff == staff) spells.push_back(sp);
    if (spells.empty()) row(out, s, staff, format_iso_date(date), std::nullopt, kNone, "");
    else day_rows(out, s, staff, date, spells);
  }
  return out;
}

}  // namespace attune
