// shifts.csv: the rota. Dated rows: every open day, each room's slots are worked by
// their holders (the level 3s rotating weekly), with absences (annual leave, sickness)
// covered by the floater, then the manager; plus the deliberate problems. Pattern rows:
// the standard week (each person on their week-0 slot), with the problems as dated rows.

#include <algorithm>
#include <array>

#include "plan.hpp"

namespace attune::gen {
namespace {

constexpr double kSickRate = 0.02;  // about five days a year

using Kind = RotaKind;
using Row = RotaRow;

void slot_rows(int staff, int room, const Slot& slot, std::vector<Row>& out) {
  out.push_back({staff, slot.work.start, slot.work.end, room, Kind::work});
  out.push_back({staff, slot.rest.start, slot.rest.end, -1, Kind::rest});
}

/// The manager in the office (not in ratio; a first aider on the premises), lunch apart.
void manager_rows(const Plan& plan, int staff, std::vector<Row>& out) {
  const Minute start = std::max(plan.open + 30, 8 * 60);
  out.push_back({staff, start, 12 * 60 + 30, -1, Kind::non_contact});
  out.push_back({staff, 13 * 60, start + 510, -1, Kind::non_contact});
}

void cook_rows(int staff, std::vector<Row>& out) {
  out.push_back({staff, 8 * 60, 14 * 60 + 30, -1, Kind::non_contact});
}

/// Slot `k` of room `r` as worked on a day with `breach`.
Slot worked_slot(const Plan& plan, int r, int k, const Breach* breach) {
  const Room& room = plan.rooms[static_cast<std::size_t>(r)];
  Slot s = room.slots[static_cast<std::size_t>(k)];
  if (!breach || breach->room != r || breach->slot != k) return s;
  if (breach->kind == BreachKind::breaks_overlap) {
    const TimeWindow other = room.slots[static_cast<std::size_t>(k - 1)].rest;
    s.rest = {other.start + 10, other.start + 10 + s.rest.length()};
  } else if (breach->kind == BreachKind::leaves_early) {
    s.work.end -= 45;
  }
  return s;
}

const Breach* breach_on(const Plan& plan, Date d) {
  for (const Breach& b : plan.breaches) {
    if (b.date == d) return &b;
  }
  return nullptr;
}

bool on_leave(const Staff& s, int week) {
  return std::binary_search(s.leave_weeks.begin(), s.leave_weeks.end(), week);
}

void day_rows(const Plan& plan, Date date, Rng& rng, std::vector<Row>& out) {
  out.clear();
  const Breach* breach = breach_on(plan, date);
  const int week = plan.week_of(date);
  std::vector<char> absent(plan.staff.size(), 0);
  for (std::size_t i = 0; i < plan.staff.size(); ++i) {
    const Staff& s = plan.staff[i];
    if (s.duty != Duty::room && s.duty != Duty::floater) continue;
    const bool sick = rng.chance(kSickRate);
    absent[i] = s.employed(date) && (sick || on_leave(s, week));
  }
  const auto floater = static_cast<std::size_t>(plan.floater);
  bool floater_free = plan.staff[floater].employed(date) && !absent[floater];
  bool manager_free = true;
  for (int r = 0; r < static_cast<int>(plan.rooms.size()); ++r) {
    for (int k = 0; k < static_cast<int>(plan.rooms[static_cast<std::size_t>(r)].slots.size()); ++k) {
      const int holder = slot_holder(plan, r, k, date, true);
      const bool uncovered = breach && breach->kind == BreachKind::sick_not_replaced &&
                             breach->room == r && breach->slot == k;
      const bool missing = holder < 0 || absent[static_cast<std::size_t>(holder)] || uncovered;
      if (holder >= 0 && missing) out.push_back({holder, 0, 0, -1, Kind::off});
      int worker = missing ? -1 : holder;
      if (missing && !uncovered && floater_free) {
        worker = plan.floater, floater_free = false;
      } else if (missing && !uncovered && manager_free) {
        worker = plan.manager, manager_free = false;
      }
      if (worker >= 0) slot_rows(worker, r, worked_slot(plan, r, k, breach), out);
    }
  }
  if (plan.staff[floater].employed(date)) {
    if (absent[floater]) out.push_back({plan.floater, 0, 0, -1, Kind::off});
    if (floater_free) slot_rows(plan.floater, plan.floater_room, plan.floater_slot, out);
  }
  if (manager_free) manager_rows(plan, plan.manager, out);
  if (plan.cook >= 0 && plan.staff[static_cast<std::size_t>(plan.cook)].employed(date)) cook_rows(plan.cook, out);
  std::stable_sort(out.begin(), out.end(), [](const Row& a, const Row& b) { return a.staff < b.staff; });
}

/// The standard week: everyone on their week-0 slot, every weekday.
void standard_rows(const Plan& plan, std::size_t i, std::vector<Row>& out) {
  const Staff& s = plan.staff[i];
  const int id = static_cast<int>(i);
  switch (s.duty) {
    case Duty::room: slot_rows(id, s.room, plan.rooms[static_cast<std::size_t>(s.room)].slots[static_cast<std::size_t>(s.slot)], out); break;
    case Duty::floater: slot_rows(id, plan.floater_room, plan.floater_slot, out); break;
    case Duty::manager: manager_rows(plan, id, out); break;
    case Duty::cook: cook_rows(id, out); break;
  }
}

constexpr std::array<std::string_view, 4> kKindText{"work", "break", "non_contact", ""};

void append_row(std::string& out, const Plan& plan, const Row& row, std::string_view date) {
  out += plan.staff[static_cast<std::size_t>(row.staff)].id;
  out += ',';
  out += date;
  if (row.kind == Kind::off) {  // not working that day: start and end empty
    out += ",,,,\n";
    return;
  }
  out += ',';
  append_time(out, row.start);
  out += ',';
  append_time(out, row.end);
  out += ',';
  if (row.room >= 0) out += plan.rooms[static_cast<std::size_t>(row.room)].id;
  out += ',';
  out += kKindText[static_cast<std::size_t>(row.kind)];
  out += '\n';
}

}  // namespace

int slot_holder(const Plan& plan, int room, int slot, Date date, bool rotate) {
  const Room& r = plan.rooms[static_cast<std::size_t>(room)];
  int home = slot;
  if (rotate && r.rotating[static_cast<std::size_t>(slot)]) {
    std::vector<int> turn;  // the rotating slots, in order
    for (std::size_t k = 0; k < r.slots.size(); ++k) {
      if (r.rotating[k]) turn.push_back(static_cast<int>(k));
    }
    const int n = static_cast<int>(turn.size());
    const auto at = static_cast<int>(std::find(turn.begin(), turn.end(), slot) - turn.begin());
    home = turn[static_cast<std::size_t>(((at - plan.week_of(date)) % n + n) % n)];
  }
  for (int s : r.home[static_cast<std::size_t>(home)]) {
    if (plan.staff[static_cast<std::size_t>(s)].employed(date)) return s;
  }
  return -1;
}

std::string shifts_csv(const Plan& plan, std::size_t& rows) {
  std::string out = "staff,date,start,end,room,kind\n";
  std::vector<Row> day;
  if (plan.options.patterns) {
    for (std::size_t i = 0; i < plan.staff.size(); ++i) {
      day.clear();
      standard_rows(plan, i, day);
      for (int wd = 0; wd < 5; ++wd) {
        for (const Row& row : day) append_row(out, plan, row, weekday_short_name(wd));
        rows += day.size();
      }
    }
    for (const Breach& b : plan.breaches) {  // the day's problem, as dated rows
      const int holder = slot_holder(plan, b.room, b.slot, b.date, false);
      if (holder < 0) continue;
      day.clear();
      if (b.kind == BreachKind::sick_not_replaced) {
        day.push_back({holder, 0, 0, -1, Kind::off});
      } else {
        slot_rows(holder, b.room, worked_slot(plan, b.room, b.slot, &b), day);
      }
      const std::string date = format_iso_date(b.date);
      for (const Row& row : day) append_row(out, plan, row, date);
      rows += day.size();
    }
    return out;
  }
  out.reserve(plan.open_days.size() * 32 * 40);
  Rng rng(plan.options.seed, static_cast<std::uint64_t>(plan.index), Stream::rota);
  Rng mismatch(plan.options.seed, static_cast<std::uint64_t>(plan.index), Stream::mismatch_rota);
  for (Date d : plan.open_days) {
    day_rows(plan, d, rng, day);
    if (plan.options.mismatch) mismatch_rota_day(plan, mismatch, day);
    const std::string date = format_iso_date(d);
    for (const Row& row : day) append_row(out, plan, row, date);
    rows += day.size();
  }
  return out;
}

}  // namespace attune::gen
