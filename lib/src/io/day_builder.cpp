// Weekly patterns and dated rows -> one Day per date of the period.
//
// For each person and date: the dated rows for that date if there are any (a dated row
// with no times means "not here"), else the pattern rows for that weekday, but only
// while the person is employed or enrolled. Breaks and non-contact time are carved out
// of work:
//
//     work       |=====================|     08:00-17:00  (room babies)
//     break                |===|             12:00-12:30
//     spells     |=========|   |=======|     work 08:00-12:00, 12:30-17:00
//                          |===|             break 12:00-12:30

#include <algorithm>

#include <fmt/format.h>

#include "../util/counting_sort.hpp"
#include "load_context.hpp"

namespace attune::io {
namespace {

/// Reports each offending row once, however many dates repeat the problem.
class OncePerRow {
 public:
  explicit OncePerRow(std::size_t rows) : seen_(rows, false) {}
  bool first(std::uint32_t row) {
    if (row >= seen_.size() || seen_[row]) return false;
    seen_[row] = true;
    return true;
  }

 private:
  std::vector<bool> seen_;
};

std::string describe_day(const DaySpec& day) {
  return day.weekly ? fmt::format("every {}", weekday_short_name(day.weekday))
                    : format_iso_date(day.date);
}

/// Orders a person's rows: by person, dated rows first (by date), then patterns (by
/// weekday), then by start; rows equal in all of these keep their order in the file.
/// Three stable counting sorts, the least significant key first: every key is small (a
/// minute of the day, a day of the period, a person), so the sort is linear and has
/// none of a comparison sort's mispredicted branches (it was 12% of `validate`).
template <class Row, class PersonOf>
void sort_rows(std::vector<Row>& rows, PersonOf person_of, std::size_t people, const Period& period) {
  const auto days = static_cast<std::size_t>((period.to - period.from).count()) + 1;
  const auto day_key = [&](const Row& r) {
    return r.day.weekly ? days + static_cast<std::size_t>(r.day.weekday)
                        : static_cast<std::size_t>((r.day.date - period.from).count());
  };
  const bool in_range = std::all_of(rows.begin(), rows.end(), [&](const Row& r) {
    return r.time.start >= 0 && r.time.start <= kMinutesPerDay && person_of(r) < people &&
           (r.day.weekly || (period.from <= r.day.date && r.day.date <= period.to));
  });
  if (in_range) {
    std::vector<Row> scratch;
    std::vector<std::uint32_t> counts;
    util::counting_sort(rows, kMinutesPerDay + 1, [](const Row& r) { return static_cast<std::size_t>(r.time.start); },
                        scratch, counts);
    util::counting_sort(rows, days + 7, day_key, scratch, counts);
    util::counting_sort(rows, people, [&](const Row& r) { return static_cast<std::size_t>(person_of(r)); }, scratch,
                        counts);
    return;
  }
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (person_of(a) != person_of(b)) return person_of(a) < person_of(b);
    if (a.day.weekly != b.day.weekly) return !a.day.weekly;  // dated first
    if (a.day.weekly) {
      if (a.day.weekday != b.day.weekday) return a.day.weekday < b.day.weekday;
    } else if (a.day.date != b.day.date) {
      return a.day.date < b.day.date;
    }
    return a.time.start < b.time.start;
  });
}

/// Calls `emit(date, first, last)` for each date of the period on which the person
/// `[begin, end)` has rows, with the rows that apply that day.
template <class Row, class Employed, class Emit>
void resolve_person(const Row* begin, const Row* end, const Period& period, Employed employed,
                    Emit emit) {
  const Row* patterns = std::find_if(begin, end, [](const Row& r) { return r.day.weekly; });
  std::array<std::pair<const Row*, const Row*>, 7> by_weekday{};
  for (const Row* r = patterns; r != end;) {
    const Row* next = r;
    while (next != end && next->day.weekday == r->day.weekday) ++next;
    by_weekday[static_cast<std::size_t>(r->day.weekday)] = {r, next};
    r = next;
  }
  const Row* dated = begin;
  const bool has_patterns = patterns != end;
  for (Date date = period.from; date <= period.to; date += std::chrono::days{1}) {
    if (!has_patterns) {
      // Only dated rows: jump straight to the next one.
      if (dated == patterns) break;
      date = dated->day.date;
    }
    const Row* day_end = dated;
    while (day_end != patterns && day_end->day.date == date) ++day_end;
    if (day_end != dated) {
      emit(date, dated, day_end, true);
      dated = day_end;
    } else if (has_patterns && employed(date)) {
      const auto [first, last] = by_weekday[static_cast<std::size_t>(weekday_index(date))];
      if (first != nullptr) emit(date, first, last, false);
    }
  }
}

/// Subtracts the carve-outs (sorted, non-overlapping) from one work window.
void carve(const ShiftRow& work, const std::vector<TimeWindow>& holes, std::vector<StaffSpell>& out) {
  Minute cursor = work.time.start;
  for (const TimeWindow& hole : holes) {
    if (hole.end <= cursor || hole.start >= work.time.end) continue;
    if (hole.start > cursor) out.push_back(StaffSpell{work.staff, work.room, {cursor, hole.start}, ShiftKind::work});
    cursor = std::max(cursor, hole.end);
  }
  if (cursor < work.time.end)
    out.push_back(StaffSpell{work.staff, work.room, {cursor, work.time.end}, ShiftKind::work});
}

class DayBuilder {
 public:
  explicit DayBuilder(LoadContext& c)
      : c_(c),
        s_(c.setting()),
        shift_once_(c.table(TableKind::shifts) ? c.table(TableKind::shifts)->rows() : 0),
        attendance_once_(c.table(TableKind::attendance) ? c.table(TableKind::attendance)->rows() : 0) {}

  void run() {
    s_.days.resize(static_cast<std::size_t>(std::max(0, s_.period.days())));
    for (std::size_t i = 0; i < s_.days.size(); ++i)
      s_.days[i].date = s_.period.from + std::chrono::days{static_cast<int>(i)};
    build_staff();
    build_children();
    build_care();
    build_availability();
  }

 private:
  Day& day_of(Date date) { return s_.days[static_cast<std::size_t>((date - s_.period.from).count())]; }

  void report_shift(std::uint32_t row, std::string_view column, std::string message,
                    std::string hint) {
    if (!shift_once_.first(row)) return;
    report(TableKind::shifts, row, column, std::move(message), std::move(hint));
  }

  void report(TableKind kind, std::uint32_t row, std::string_view column, std::string message,
              std::string hint) {
    const RecordTable* table = c_.table(kind);
    const auto col = table->column(column);
    if (col) table->report_cell(c_.diagnostics, row, *col, std::move(message), std::move(hint));
    else table->report_row(c_.diagnostics, row, std::move(message), std::move(hint));
  }

  std::uint32_t line_of(TableKind kind, std::uint32_t row) const {
    return c_.table(kind)->row_line(row);
  }

  void check_overlaps(const std::vector<const ShiftRow*>& rows, std::string_view what) {
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const ShiftRow& a = *rows[i - 1];
      const ShiftRow& b = *rows[i];
      if (b.time.start < a.time.end) {
        report_shift(b.row, "start",
                     fmt::format("this {} ({}) overlaps another of {} on {} ({}, line {})", what,
                                 format_window(b.time), s_.staff[b.staff].id, describe_day(b.day),
                                 format_window(a.time), line_of(TableKind::shifts, a.row)),
                     b.kind == ShiftKind::work && b.time.end <= a.time.end
                         ? "one person works one shift at a time: correct the times, or split the shift; "
                           "if this row is a break, write break in its kind column"
                         : "one person works one shift at a time: correct the times, or split the shift");
      }
    }
  }

  void staff_day(Date date, const ShiftRow* first, const ShiftRow* last, bool dated) {
    const Staff& staff = s_.staff[first->staff];
    std::vector<const ShiftRow*> work;
    std::vector<const ShiftRow*> carved;
    for (const ShiftRow* r = first; r != last; ++r) {
      if (r->off) continue;
      if (dated && !staff.employed_on(date)) {
        report_shift(r->row, "date",
                     fmt::format("{} is not employed on {}", staff.id, format_iso_date(date)),
                     "check the shift's date, or start_date and leave_date in staff.csv");
        return;
      }
      (r->kind == ShiftKind::work ? work : carved).push_back(r);
    }
    check_overlaps(work, "shift");
    check_overlaps(carved, "break or non-contact time");
    std::vector<TimeWindow> holes;
    Day& day = day_of(date);
    for (const ShiftRow* r : carved) {
      holes.push_back(r->time);
      RoomIndex room = r->room;
      bool inside = r->kind != ShiftKind::on_break;
      for (const ShiftRow* w : work) {
        if (w->time.start <= r->time.start && r->time.end <= w->time.end) {
          inside = true;
          if (room == kNone) room = w->room;
        }
      }
      if (!inside) {
        report_shift(r->row, "start",
                     fmt::format("this break ({}) is not inside a work shift of {} on {}",
                                 format_window(r->time), staff.id, describe_day(r->day)),
                     "a break is carved out of a work shift: give the shift, or correct the times");
      }
      day.staff.push_back(StaffSpell{r->staff, room, r->time, r->kind});
    }
    for (const ShiftRow* w : work) carve(*w, holes, day.staff);
  }

  void build_staff() {
    auto& rows = c_.shifts;
    sort_rows(rows, [](const ShiftRow& r) { return r.staff; }, s_.staff.size(), s_.period);
    for (std::size_t i = 0; i < rows.size();) {
      std::size_t j = i;
      while (j < rows.size() && rows[j].staff == rows[i].staff) ++j;
      const Staff& staff = s_.staff[rows[i].staff];
      resolve_person(rows.data() + i, rows.data() + j, s_.period,
                     [&](Date d) { return staff.employed_on(d); },
                     [&](Date d, const ShiftRow* f, const ShiftRow* l, bool dated) {
                       staff_day(d, f, l, dated);
                     });
      i = j;
    }
    for (Day& day : s_.days) {
      std::sort(day.staff.begin(), day.staff.end(), [](const StaffSpell& a, const StaffSpell& b) {
        return a.staff != b.staff ? a.staff < b.staff : a.time.start < b.time.start;
      });
    }
  }

  void report_attendance(std::uint32_t row, std::string_view column, std::string message,
                         std::string hint) {
    if (!attendance_once_.first(row)) return;
    report(TableKind::attendance, row, column, std::move(message), std::move(hint));
  }

  void child_day(Date date, const AttendanceRow* first, const AttendanceRow* last, bool dated) {
    const Child& child = s_.children[first->child];
    Day& day = day_of(date);
    const AttendanceRow* previous = nullptr;
    for (const AttendanceRow* r = first; r != last; ++r) {
      if (r->off) continue;
      if (date < child.date_of_birth) {
        report_attendance(r->row, "date",
                          fmt::format("{} attends on {}, before their date of birth {}", child.id,
                                      format_iso_date(date), format_iso_date(child.date_of_birth)),
                          "check the date of birth in children.csv");
        continue;
      }
      if (dated && !child.enrolled_on(date)) {
        report_attendance(r->row, "date",
                          fmt::format("{} is not enrolled on {}", child.id, format_iso_date(date)),
                          "check the date, or start_date and leave_date in children.csv");
        continue;
      }
      if (previous != nullptr && r->time.start < previous->time.end) {
        report_attendance(
            r->row, "start",
            fmt::format("this session ({}) overlaps another of {} on {} ({}, line {})",
                        format_window(r->time), child.id, describe_day(r->day),
                        format_window(previous->time), line_of(TableKind::attendance, previous->row)),
            "a child is in one room at a time: correct the times");
        continue;
      }
      previous = r;
      day.children.push_back(ChildSpell{r->child, r->room, r->time});
    }
  }

  void build_children() {
    auto& rows = c_.attendance;
    sort_rows(rows, [](const AttendanceRow& r) { return r.child; }, s_.children.size(), s_.period);
    for (std::size_t i = 0; i < rows.size();) {
      std::size_t j = i;
      while (j < rows.size() && rows[j].child == rows[i].child) ++j;
      const Child& child = s_.children[rows[i].child];
      resolve_person(rows.data() + i, rows.data() + j, s_.period,
                     [&](Date d) { return child.enrolled_on(d) && d >= child.date_of_birth; },
                     [&](Date d, const AttendanceRow* f, const AttendanceRow* l, bool dated) {
                       child_day(d, f, l, dated);
                     });
      i = j;
    }
  }

  void build_care() {
    for (const CareRow& r : c_.care) day_of(r.date).care.push_back(r.event);
    for (Day& day : s_.days) {
      std::sort(day.care.begin(), day.care.end(), [](const CareEvent& a, const CareEvent& b) {
        return a.child != b.child ? a.child < b.child : a.time < b.time;
      });
    }
  }

  /// availability.csv: patterns and dated rows as for shifts; windows of one person that
  /// overlap or touch are joined (being available twice over is being available).
  void build_availability() {
    auto& rows = c_.availability;
    sort_rows(rows, [](const AvailabilityRow& r) { return r.staff; }, s_.staff.size(), s_.period);
    for (std::size_t i = 0; i < rows.size();) {
      std::size_t j = i;
      while (j < rows.size() && rows[j].staff == rows[i].staff) ++j;
      const Staff& staff = s_.staff[rows[i].staff];
      resolve_person(rows.data() + i, rows.data() + j, s_.period, [&](Date d) { return staff.employed_on(d); },
                     [&](Date d, const AvailabilityRow* f, const AvailabilityRow* l, bool) {
                       if (!staff.employed_on(d)) return;
                       auto& out = day_of(d).available;
                       for (const AvailabilityRow* r = f; r != l; ++r) {
                         if (r->off) continue;
                         if (!out.empty() && out.back().staff == r->staff && r->time.start <= out.back().time.end)
                           out.back().time.end = std::max(out.back().time.end, r->time.end);
                         else
                           out.push_back(Availability{r->staff, r->time});
                       }
                     });
      i = j;
    }
  }

  LoadContext& c_;
  Setting& s_;
  OncePerRow shift_once_;
  OncePerRow attendance_once_;
};

}  // namespace

void build_days(LoadContext& context) { DayBuilder(context).run(); }

}  // namespace attune::io
