// staff.csv, children.csv and allocations.csv into the model.

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "../model/names.hpp"
#include "../util/text.hpp"
#include "load_context.hpp"
#include "table_schema.hpp"

namespace attune::io {
namespace {

/// Claims an id for row `row`; reports a duplicate at its cell.
bool claim_id(const FieldReader& f, std::size_t row, std::string_view id, IdIndex& ids,
              std::uint32_t index, std::string_view what) {
  const auto [it, inserted] = ids.ids.emplace(std::string(id), index);
  if (!inserted) {
    f.report(row, "id", fmt::format("{} id {} is used twice", what, util::quoted(id)),
             "give each row its own id");
  }
  return inserted;
}

void check_dates_in_order(const FieldReader& f, std::size_t row, const std::optional<Date>& start,
                          const std::optional<Date>& leave) {
  if (start && leave && *leave < *start) {
    f.report(row, "leave_date",
             fmt::format("leave_date {} is before start_date {}", format_iso_date(*leave),
                         format_iso_date(*start)),
             "swap them, or correct the year");
  }
}

/// A member of staff born after the period they are checked in cannot be right.
void check_born_before(const FieldReader& f, std::size_t row, const std::optional<Date>& birth,
                       const Period& period, bool period_known) {
  if (period_known && birth && *birth > period.to) {
    f.report(row, "date_of_birth",
             fmt::format("date of birth {} is in the future (after the audit period ends on {})",
                         format_iso_date(*birth), format_iso_date(period.to)),
             "check the year; dates are YYYY-MM-DD");
  }
}

/// A child may be registered before birth (a waiting-list baby, a sibling booked before
/// they are born): the date of birth is wrong only when it is after their start date.
/// One after a day they attend is reported with that attendance row (day_builder).
void check_born_before_start(const FieldReader& f, std::size_t row, const std::optional<Date>& birth,
                             const std::optional<Date>& start) {
  if (birth && start && *birth > *start) {
    f.report(row, "date_of_birth",
             fmt::format("date of birth {} is after the child's start_date {}", format_iso_date(*birth),
                         format_iso_date(*start)),
             "check the year of both; dates are YYYY-MM-DD");
  }
}

std::optional<Qualification> read_qualification(const FieldReader& f, std::size_t row,
                                                std::string_view column) {
  const auto text = f.text(row, column);
  if (text.empty()) return Qualification::none;
  auto q = parse_qualification(util::to_lower(text));
  if (!q) {
    // "Level 3", "level-3", "L3": the system's words for a level attune knows.
    std::string squeezed;
    for (char ch : util::to_lower(text)) {
      if (ch != ' ' && ch != '-' && ch != '_') squeezed += ch;
    }
    if (squeezed.size() == 2 && squeezed[0] == 'l') squeezed = "level" + squeezed.substr(1);
    const auto meant = parse_qualification(squeezed);
    const std::string section = f.spec().table.empty() ? "" : fmt::format(" in [import.{}]", f.spec().table);
    const std::string map = fmt::format("values = {{ {} = {{ {} = \"{}\" }} }}{}", column, util::quoted(text),
                                        meant ? squeezed : "level3", section);
    f.report(row, column,
             fmt::format("unknown {} {}{}", column, util::quoted(text),
                         meant ? fmt::format(" (did you mean \"{}\"?)", squeezed) : std::string{}),
             fmt::format("use one of: {}; or, if the file has its own words, map them with {}",
                         detail::qualification_choices(), map),
             meant && !section.empty()
                 ? fmt::format("the file writes {} for {}: map it with {}", util::quoted(text), squeezed, map)
                 : std::string{});
  }
  return q;
}

}  // namespace

void decode_staff(LoadContext& c) {
  const RecordTable* table = c.table(TableKind::staff);
  c.staff_ids.complete = false;
  if (table == nullptr) return;
  const TableSource& source = c.config.table(TableKind::staff);
  ColumnMap columns;
  if (!columns.resolve(*table, table_schema(TableKind::staff), source.spec, c.diagnostics)) return;
  c.staff_ids.complete = table->rejected_rows() == 0;
  const FieldReader f(*table, columns, source.spec, c.diagnostics);
  Setting& s = c.setting();
  s.recorded.staff_date_of_birth = columns.has("date_of_birth");
  s.recorded.pfa_expiry = columns.has("pfa_expiry");
  s.recorded.baby_training = columns.has("baby_training");
  s.recorded.under_2_experience = columns.has("under_2_experience");

  for (std::size_t row = 0; row < table->rows(); ++row) {
    Staff staff;
    const auto id = f.required_text(row, "id");
    staff.name = std::string(f.text(row, "name"));
    if (const auto role_text = f.required_text(row, "role")) {
      const auto role = parse_role(util::to_lower(*role_text));
      if (role) staff.role = *role;
      else f.report(row, "role", fmt::format("unknown role {}", util::quoted(*role_text)),
                    fmt::format("use one of: {}", detail::role_choices()));
    }
    const auto qualification = read_qualification(f, row, "qualification");
    staff.qualification = qualification.value_or(Qualification::none);
    staff.date_of_birth = f.date(row, "date_of_birth", false);
    staff.pfa_expiry = f.date(row, "pfa_expiry", false);
    staff.pfa_recorded = s.recorded.pfa_expiry;
    staff.baby_training = f.yes_no(row, "baby_training").value_or(false);
    staff.start_date = f.date(row, "start_date", false);
    staff.leave_date = f.date(row, "leave_date", false);
    staff.in_ratio = f.yes_no(row, "in_ratio");
    if (columns.has("studying") && !f.text(row, "studying").empty()) {
      staff.studying = read_qualification(f, row, "studying");
    }
    if (columns.has("under_2_experience"))
      staff.under_2_experience = f.yes_no(row, "under_2_experience").value_or(false);
    if (const auto minutes = f.integer(row, "contracted_minutes_per_week", 0, 7 * 24 * 60))
      staff.contracted_minutes_per_week = static_cast<int>(*minutes);
    check_dates_in_order(f, row, staff.start_date, staff.leave_date);
    check_born_before(f, row, staff.date_of_birth, s.period, c.period_known);
    // A row with other errors still claims its id, so duplicates and references to it
    // are judged correctly; the load fails on the errors anyway.
    if (id && claim_id(f, row, *id, c.staff_ids, static_cast<StaffIndex>(s.staff.size()), "staff")) {
      staff.id = std::string(*id);
      if (staff.name.empty()) staff.name = staff.id;
      s.staff.push_back(std::move(staff));
    }
  }
  c.rows_read += table->rows();
}

void decode_children(LoadContext& c) {
  const RecordTable* table = c.table(TableKind::children);
  c.child_ids.complete = false;
  if (table == nullptr) return;
  const TableSource& source = c.config.table(TableKind::children);
  ColumnMap columns;
  if (!columns.resolve(*table, table_schema(TableKind::children), source.spec, c.diagnostics)) return;
  c.child_ids.complete = table->rejected_rows() == 0;
  const FieldReader f(*table, columns, source.spec, c.diagnostics);
  Setting& s = c.setting();
  s.recorded.family = columns.has("family");
  if (!columns.has("key_person") && !c.config.table(TableKind::allocations).present) {
    Diagnostic d;
    d.where = table->header_region();
    d.message = "children has no key_person column";
    d.hint = "add key_person (a staff id for each child), or give allocations.csv";
    d.source_line = table->line_text(d.where.line);
    c.diagnostics.add(std::move(d));
  }
  const std::string staff_file = c.config.table(TableKind::staff).display;

  for (std::size_t row = 0; row < table->rows(); ++row) {
    Child child;
    const auto id = f.required_text(row, "id");
    child.name = std::string(f.text(row, "name"));
    const auto birth = f.date(row, "date_of_birth", true);
    // A childminder's one room (the home) may be left empty.
    const bool one_home = s.kind == ProvisionKind::childminder && s.rooms.size() == 1;
    auto room = f.reference(row, "room", c.room_ids, "room", "the [[rooms]] of the setting", !one_home);
    if (one_home && room && *room == kNone) room = 0;
    const auto key = f.reference(row, "key_person", c.staff_ids, "staff member", staff_file, false);
    const auto buddy = f.reference(row, "buddy", c.staff_ids, "staff member", staff_file, false);
    child.start_date = f.date(row, "start_date", false);
    child.leave_date = f.date(row, "leave_date", false);
    child.family = std::string(f.text(row, "family"));
    child.own_child = f.yes_no(row, "own_child").value_or(false);
    check_dates_in_order(f, row, child.start_date, child.leave_date);
    check_born_before_start(f, row, birth, child.start_date);
    if (key && buddy && *key != kNone && *key == *buddy) {
      f.report(row, "buddy", "the buddy is the same person as the key person",
               "name a second familiar adult as buddy, or leave buddy empty");
    }
    // A row with other errors still claims its id (see decode_staff).
    if (!id || !claim_id(f, row, *id, c.child_ids, static_cast<ChildIndex>(s.children.size()), "child"))
      continue;
    child.id = std::string(*id);
    if (child.name.empty()) child.name = child.id;
    child.date_of_birth = birth.value_or(Date{});
    child.room = room.value_or(kNone);
    child.key_person = key.value_or(kNone);
    child.buddy = buddy.value_or(kNone);
    s.children.push_back(std::move(child));
  }
  c.rows_read += table->rows();
}

void decode_allocations(LoadContext& c) {
  const RecordTable* table = c.table(TableKind::allocations);
  if (table == nullptr) return;
  const TableSource& source = c.config.table(TableKind::allocations);
  ColumnMap columns;
  if (!columns.resolve(*table, table_schema(TableKind::allocations), source.spec, c.diagnostics)) return;
  const FieldReader f(*table, columns, source.spec, c.diagnostics);
  Setting& s = c.setting();
  s.recorded.allocations = true;
  const std::string staff_file = c.config.table(TableKind::staff).display;
  const std::string children_file = c.config.table(TableKind::children).display;
  std::vector<std::uint32_t> rows_of;  // source row of each allocation kept
  for (std::size_t row = 0; row < table->rows(); ++row) {
    const auto child = f.reference(row, "child", c.child_ids, "child", children_file, true);
    const auto key = f.reference(row, "key_person", c.staff_ids, "staff member", staff_file, true);
    const auto buddy = f.reference(row, "buddy", c.staff_ids, "staff member", staff_file, false);
    const auto from = f.date(row, "from", true);
    const auto to = f.date(row, "to", false);
    if (from && to && *to < *from) {
      f.report(row, "to", "the allocation ends before it starts", "swap from and to");
      continue;
    }
    if (!child || !key || !buddy || !from) continue;
    s.allocations.push_back(Allocation{*child, *key, *buddy, *from, to});
    rows_of.push_back(static_cast<std::uint32_t>(row));
  }
  // Sort by child then from, and report allocations of one child that overlap.
  std::vector<std::size_t> order(s.allocations.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = s.allocations[a];
    const auto& y = s.allocations[b];
    return x.child != y.child ? x.child < y.child : x.from < y.from;
  });
  std::vector<Allocation> sorted;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Allocation& a = s.allocations[order[k]];
    if (!sorted.empty() && sorted.back().child == a.child &&
        (!sorted.back().to || *sorted.back().to >= a.from)) {
      f.report(rows_of[order[k]], "from",
               "this allocation overlaps the child's previous one",
               "end the earlier allocation (to) the day before this one starts");
    }
    sorted.push_back(a);
  }
  s.allocations = std::move(sorted);
  c.rows_read += table->rows();
}

}  // namespace attune::io
