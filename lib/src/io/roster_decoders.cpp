// shifts.csv, attendance.csv and care_log.csv rows, before patterns are resolved.

#include <array>

#include <fmt/format.h>

#include "../model/names.hpp"
#include "../util/text.hpp"
#include "load_context.hpp"
#include "table_schema.hpp"

namespace attune::io {
namespace {

/// Start and end of a row. A dated row with neither means "not here that day";
/// otherwise both are needed and the end must come after the start.
struct RowTimes {
  bool ok = false;
  bool off = false;
  TimeWindow time;
};

/// The start and end columns, found once per file.
struct TimeColumns {
  Column start, end;
  explicit TimeColumns(const FieldReader& f) : start(f.column("start")), end(f.column("end")) {}
};

RowTimes read_times(const FieldReader& f, const TimeColumns& columns, std::size_t row, const DaySpec& day,
                    std::string_view what) {
  RowTimes out;
  const std::string_view start_text = f.text(row, columns.start);
  const std::string_view end_text = f.text(row, columns.end);
  if (start_text.empty() && end_text.empty() && !day.weekly) {
    out.ok = out.off = true;
    return out;
  }
  const auto start = f.time(row, columns.start, start_text, true);
  const auto end = f.time(row, columns.end, end_text, true);
  if (!start || !end) return out;
  if (*end <= *start) {
    // An afternoon start with an earlier end is most likely the two times swapped; a
    // morning start with an earlier end, an end on the 12-hour clock (5:30 for 17:30).
    const bool swapped = *end < *start && *start >= 12 * 60;
    f.report(row, columns.end,
             fmt::format("the {} ends at {}, {} it starts at {}", what, format_clock_time(*end),
                         *end == *start ? "when" : "before", format_clock_time(*start)),
             swapped ? "if the start and end were swapped, swap them back; a row cannot run past midnight"
                     : "times are on the 24-hour clock (17:30, not 5:30); a row cannot run past midnight");
    return out;
  }
  out.ok = true;
  out.time = TimeWindow{*start, *end};
  return out;
}

/// What a row of shifts.csv is, in messages: "the break ends at ...".
std::string_view shift_word(ShiftKind kind) {
  switch (kind) {
    case ShiftKind::on_break: return "break";
    case ShiftKind::non_contact: return "non-contact time";
    default: return "shift";
  }
}

/// " (did you mean ...?)" for a kind that is not one: a lunch is a break; a typo is
/// close to a kind.
std::string kind_suggestion(std::string_view text) {
  const std::string lower = util::to_lower(text);
  for (std::string_view rest : {"lunch", "lunch break", "dinner", "tea", "tea break", "rest", "rest break"}) {
    if (lower == rest) return " (a lunch or rest is a break: did you mean \"break\"?)";
  }
  const auto close = util::closest(lower, {"work", "break", "non_contact"}, 2);
  return close.empty() ? std::string{} : fmt::format(" (did you mean \"{}\"?)", close.front());
}

bool in_period(const DaySpec& day, const Period& period) {
  return day.weekly || period.contains(day.date);
}

}  // namespace

void decode_shifts(LoadContext& c) {
  const RecordTable* table = c.table(TableKind::shifts);
  if (table == nullptr) return;
  const TableSource& source = c.config.table(TableKind::shifts);
  ColumnMap columns;
  if (!columns.resolve(*table, table_schema(TableKind::shifts), source.spec, c.diagnostics)) return;
  const FieldReader f(*table, columns, source.spec, c.diagnostics);
  const std::string staff_file = c.config.table(TableKind::staff).display;
  const Period period = c.setting().period;
  c.shifts.reserve(table->rows());
  const Column staff_column = f.column("staff"), date_column = f.column("date"), kind_column = f.column("kind"),
               room_column = f.column("room");
  const TimeColumns time_columns(f);

  for (std::size_t row = 0; row < table->rows(); ++row) {
    ShiftRow shift;
    shift.row = static_cast<std::uint32_t>(row);
    const auto staff = f.reference(row, staff_column, c.staff_ids, "staff member", staff_file, true);
    const auto day = f.day(row, date_column);
    bool ok = staff && day;
    const auto kind_text = f.text(row, kind_column);
    if (!kind_text.empty()) {
      const auto kind = detail::parse_shift_kind(util::to_lower(kind_text));
      if (kind) shift.kind = *kind;
      else {
        f.report(row, kind_column, fmt::format("unknown kind {}{}", util::quoted(kind_text), kind_suggestion(kind_text)),
                 fmt::format("use one of: {}", detail::shift_kind_choices()));
        ok = false;
      }
    }
    auto room = f.reference(row, room_column, c.room_ids, "room", "the [[rooms]] of the setting", false);
    if (!room) ok = false;
    // A childminder's one room (the home) may be left empty.
    if (room && *room == kNone && c.setting().kind == ProvisionKind::childminder && c.setting().rooms.size() == 1)
      room = 0;
    // The times are read even when the date is wrong, so a row's problems all come at once.
    const RowTimes times = read_times(f, time_columns, row, day.value_or(DaySpec{}), shift_word(shift.kind));
    if (!day || !times.ok || !ok) continue;
    if (!times.off && shift.kind == ShiftKind::work && *room == kNone) {
      f.report(row, room_column, "a work shift needs a room",
               "name the room the person works in; use kind non_contact for time away from "
               "the children");
      continue;
    }
    if (c.shift_records != nullptr) {
      ShiftRecord record;
      record.staff = *staff;
      if (day->weekly) record.weekday = day->weekday;
      else record.date = day->date;
      if (!times.off) record.time = times.time;
      record.room = *room;
      record.kind = shift.kind;
      record.line = table->row_line(row);
      c.shift_records->push_back(record);
    }
    if (!in_period(*day, period)) continue;
    shift.staff = *staff;
    shift.day = *day;
    shift.time = times.time;
    shift.off = times.off;
    shift.room = *room;
    c.shifts.push_back(shift);
  }
  c.rows_read += table->rows();
}

void decode_attendance(LoadContext& c) {
  const RecordTable* table = c.table(TableKind::attendance);
  if (table == nullptr) return;
  const TableSource& source = c.config.table(TableKind::attendance);
  ColumnMap columns;
  if (!columns.resolve(*table, table_schema(TableKind::attendance), source.spec, c.diagnostics)) return;
  const FieldReader f(*table, columns, source.spec, c.diagnostics);
  const Setting& s = c.setting();
  const std::string children_file = c.config.table(TableKind::children).display;
  c.attendance.reserve(table->rows());
  const Column child_column = f.column("child"), date_column = f.column("date"), room_column = f.column("room");
  const TimeColumns time_columns(f);

  for (std::size_t row = 0; row < table->rows(); ++row) {
    const auto child = f.reference(row, child_column, c.child_ids, "child", children_file, true);
    const auto day = f.day(row, date_column);
    const auto room = f.reference(row, room_column, c.room_ids, "room", "the [[rooms]] of the setting", false);
    const RowTimes times = read_times(f, time_columns, row, day.value_or(DaySpec{}), "session");
    if (!day || !times.ok || !child || !room) continue;
    const bool check_opening = c.config.opening_ok;
    if (check_opening && !times.off && times.time.start < s.opening.start) {
      f.report(row, time_columns.start,
               fmt::format("arrives at {}, before the setting opens at {}",
                           format_clock_time(times.time.start), format_clock_time(s.opening.start)),
               "correct the time, or the opening hours in setting.toml");
      continue;
    }
    if (check_opening && !times.off && times.time.end > s.opening.end) {
      f.report(row, time_columns.end,
               fmt::format("leaves at {}, after the setting closes at {}",
                           format_clock_time(times.time.end), format_clock_time(s.opening.end)),
               "correct the time, or the opening hours in setting.toml");
      continue;
    }
    if (!in_period(*day, s.period)) continue;
    AttendanceRow a;
    a.child = *child;
    a.day = *day;
    a.time = times.time;
    a.off = times.off;
    a.room = *room == kNone ? s.children[*child].room : *room;
    a.row = static_cast<std::uint32_t>(row);
    c.attendance.push_back(a);
  }
  c.rows_read += table->rows();
}

void decode_availability(LoadContext& c) {
  const RecordTable* table = c.table(TableKind::availability);
  if (table == nullptr) return;
  const TableSource& source = c.config.table(TableKind::availability);
  ColumnMap columns;
  if (!columns.resolve(*table, table_schema(TableKind::availability), source.spec, c.diagnostics)) return;
  const FieldReader f(*table, columns, source.spec, c.diagnostics);
  c.setting().recorded.availability = true;
  const std::string staff_file = c.config.table(TableKind::staff).display;
  const Period period = c.setting().period;
  const Column staff_column = f.column("staff"), date_column = f.column("date");
  const TimeColumns time_columns(f);
  for (std::size_t row = 0; row < table->rows(); ++row) {
    const auto staff = f.reference(row, staff_column, c.staff_ids, "staff member", staff_file, true);
    const auto day = f.day(row, date_column);
    const RowTimes times = read_times(f, time_columns, row, day.value_or(DaySpec{}), "availability");
    if (!staff || !day || !times.ok || !in_period(*day, period)) continue;
    c.availability.push_back(AvailabilityRow{*staff, *day, times.time, times.off, static_cast<std::uint32_t>(row)});
  }
  c.rows_read += table->rows();
}

void decode_care_log(LoadContext& c) {
  const RecordTable* table = c.table(TableKind::care_log);
  if (table == nullptr) return;
  const TableSource& source = c.config.table(TableKind::care_log);
  ColumnMap columns;
  if (!columns.resolve(*table, table_schema(TableKind::care_log), source.spec, c.diagnostics)) return;
  const FieldReader f(*table, columns, source.spec, c.diagnostics);
  c.setting().recorded.care_log = true;
  const std::string children_file = c.config.table(TableKind::children).display;
  const std::string staff_file = c.config.table(TableKind::staff).display;

  for (std::size_t row = 0; row < table->rows(); ++row) {
    const auto child = f.reference(row, "child", c.child_ids, "child", children_file, true);
    const auto staff = f.reference(row, "staff", c.staff_ids, "staff member", staff_file, true);
    const auto date = f.date(row, "date", true);
    const auto time = f.time(row, "time", true);
    const auto kind_text = f.text(row, "kind");
    const auto kind = detail::parse_care_kind(util::to_lower(kind_text));
    if (!kind) {
      f.report(row, "kind", fmt::format("unknown kind of care {}", util::quoted(kind_text)),
               fmt::format("use one of: {}", detail::care_kind_choices()));
    }
    if (!child || !staff || !date || !time || !kind) continue;
    if (!c.setting().period.contains(*date)) continue;
    c.care.push_back(CareRow{*date, CareEvent{*child, *staff, *time, *kind}});
  }
  c.rows_read += table->rows();
}

}  // namespace attune::io
