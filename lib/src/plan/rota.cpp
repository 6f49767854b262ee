// A solution as a rota (see rota.hpp).

#include "rota.hpp"

#include <algorithm>

namespace attune::plan {
namespace {

bool at(const Places& places, std::int32_t pd, std::uint32_t slot, RoomIndex room) {
  return pd >= 0 && places[static_cast<std::size_t>(pd)][slot].place == room;
}

/// staff -> day -> person-day.
std::vector<std::vector<std::int32_t>> index_of(const Setting& s, const Week& week) {
  std::vector<std::vector<std::int32_t>> out(s.staff.size(), std::vector<std::int32_t>(week.days.size(), -1));
  for (std::size_t pd = 0; pd < week.person_days.size(); ++pd)
    out[week.person_days[pd].staff][week.person_days[pd].day] = static_cast<std::int32_t>(pd);
  return out;
}

void child_weeks(const Setting& s, const Week& week, const std::vector<Pupil>& pupils, const Places& places,
                 RotaPlan& out) {
  const auto index = index_of(s, week);
  auto pd_of = [&](StaffIndex who, std::uint32_t d) { return who < index.size() ? index[who][d] : -1; };
  for (const Pupil& p : pupils) {
    PlannedChild c;
    c.child = p.child;
    c.attended_minutes = p.attended;
    c.key_person_away = p.away;
    const PlanDay& first = week.days[static_cast<std::size_t>(week.first_day[p.child])];
    c.band = age_band_on(s.children[p.child].date_of_birth, first.date);
    std::tie(c.key_person, c.buddy) = s.key_people_on(p.child, first.date);
    for (std::uint32_t d = 0; d < week.days.size(); ++d) {
      const PlanDay& day = week.days[d];
      const auto [key, buddy] = s.key_people_on(p.child, day.date);
      const std::int32_t kp = pd_of(key, d), bp = pd_of(buddy, d);
      PlannedChildDay cd{p.child, day.date, kNone, key, 0, 0};
      for (const ChildMinutes& cm : day.child_minutes) {
        if (cm.child != p.child) continue;
        if (cd.room == kNone) cd.room = cm.room;
        cd.attended_minutes += cm.minutes;
        const bool k = at(places, kp, cm.slot, cm.room), b = at(places, bp, cm.slot, cm.room);
        if (k) cd.key_person_minutes += cm.minutes;
        if (k) c.key_person_minutes += cm.minutes;
        if (k || b) c.key_or_buddy_minutes += cm.minutes;
      }
      if (cd.attended_minutes > 0) out.child_days.push_back(cd);
    }
    out.children.push_back(c);
  }
}

long room_changes_of(const std::vector<SlotState>& day) {
  long changes = 0;
  RoomIndex last = SlotState::kOff;
  for (const SlotState& s : day) {
    if (s.place == SlotState::kOff || s.place == SlotState::kBreak) continue;
    if (last != SlotState::kOff && s.place != last) ++changes;
    last = s.place;
  }
  return changes;
}

/// Minutes where a person's place differs from the current rota, over the period.
long changed_minutes(const Setting& s, const Week& week, const Places& places) {
  long changed = 0;
  std::vector<std::vector<unsigned char>> planned(s.staff.size(), std::vector<unsigned char>(s.days.size(), 0));
  for (std::size_t pd = 0; pd < week.person_days.size(); ++pd) {
    const PersonDay& p = week.person_days[pd];
    planned[p.staff][week.days[p.day].day] = 1;
    const PlanDay& day = week.days[p.day];
    for (std::size_t t = 0; t < p.current.size(); ++t) {
      const CurrentSlot& c = p.current[t];
      const int len = day.slots[t].time.length();
      int rooms = 0;
      for (const auto& [r, m] : c.rooms) rooms += m;
      const RoomIndex now = places[pd][t].place;
      int same = 0;
      if (now == SlotState::kOff) same = len - rooms - c.on_break - c.other;
      else if (now == SlotState::kBreak) same = c.on_break;
      else
        for (const auto& [r, m] : c.rooms)
          if (r == now) same += m;
      changed += len - same;
    }
  }
  for (std::size_t d = 0; d < s.days.size(); ++d)  // everyone else's current shifts are gone
    for (const StaffSpell& spell : s.days[d].staff)
      if (spell.staff < s.staff.size() && planned[spell.staff][d] == 0) changed += spell.time.length();
  return changed;
}

}  // namespace

std::vector<PlannedShift> shifts_of(const Week& week, const Places& places) {
  std::vector<PlannedShift> out;
  for (std::size_t pd = 0; pd < week.person_days.size(); ++pd) {
    const PersonDay& p = week.person_days[pd];
    const PlanDay& day = week.days[p.day];
    std::optional<PlannedShift> work, rest;
    auto close = [&](std::optional<PlannedShift>& row) {
      if (row) out.push_back(*row);
      row.reset();
    };
    for (std::size_t t = 0; t < day.slots.size(); ++t) {
      const TimeWindow slot = day.slots[t].time;
      const RoomIndex place = places[pd][t].place;
      if (place == SlotState::kOff) {
        close(work);
        close(rest);
      } else if (place == SlotState::kBreak) {
        if (work) work->time.end = slot.end;  // the break lies inside the stint before it
        if (rest) rest->time.end = slot.end;
        else rest = PlannedShift{p.staff, day.date, slot, work ? work->room : kNone, ShiftKind::on_break};
      } else {
        if (work && work->room == place) {
          work->time.end = slot.end;
        } else {
          close(work);
          work = PlannedShift{p.staff, day.date, slot, place, ShiftKind::work};
        }
        close(rest);
      }
    }
    close(work);
    close(rest);
  }
  std::stable_sort(out.begin(), out.end(), [](const PlannedShift& a, const PlannedShift& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.staff != b.staff) return a.staff < b.staff;
    if (a.time.start != b.time.start) return a.time.start < b.time.start;
    return a.kind == ShiftKind::work && b.kind != ShiftKind::work;
  });
  return out;
}

void describe(const Setting& s, const Week& week, const std::vector<Pupil>& pupils, const Places& places, RotaPlan& out) {
  out.shifts = shifts_of(week, places);
  child_weeks(s, week, pupils, places, out);
  std::stable_sort(out.child_days.begin(), out.child_days.end(),
                   [](const PlannedChildDay& a, const PlannedChildDay& b) { return a.date < b.date; });
  PlanObjective& o = out.objective;
  for (const PlannedChild& c : out.children) {
    o.key_person_minutes += c.key_person_minutes;
    o.key_or_buddy_minutes += c.key_or_buddy_minutes;
    if (c.key_person_away) continue;
    const Share share{c.key_person_minutes, c.attended_minutes};
    if (!o.min_coverage || share < *o.min_coverage) o.min_coverage = share;
    if (c.band == AgeBand::under_2 && (!o.min_under_2_coverage || share < *o.min_under_2_coverage))
      o.min_under_2_coverage = share;
  }
  for (StaffIndex st : week.people) {
    PlannedStaff ps;
    ps.staff = st;
    ps.contracted_minutes = s.staff[st].contracted_minutes_per_week;
    for (std::size_t pd = 0; pd < week.person_days.size(); ++pd) {
      if (week.person_days[pd].staff != st) continue;
      const PlanDay& day = week.days[week.person_days[pd].day];
      bool worked = false;
      for (std::size_t t = 0; t < day.slots.size(); ++t) {
        const RoomIndex place = places[pd][t].place;
        if (place != SlotState::kOff) worked = true;
        if (place != SlotState::kOff && place != SlotState::kBreak) ps.planned_minutes += day.slots[t].time.length();
      }
      if (worked) ++ps.days;
      o.room_changes += room_changes_of(places[pd]);
    }
    if (ps.contracted_minutes) {
      ps.overtime_minutes = std::max(0L, ps.planned_minutes - *ps.contracted_minutes);
      ps.shortfall_minutes = std::max(0L, *ps.contracted_minutes - ps.planned_minutes);
    }
    if (s.staff[st].role == Role::bank) o.bank_minutes += ps.planned_minutes;
    else if (ps.contracted_minutes) o.overtime_minutes += ps.overtime_minutes;
    else o.uncontracted_minutes += ps.planned_minutes;
    o.shortfall_minutes += ps.shortfall_minutes;
    out.staff.push_back(ps);
  }
  o.extra_minutes = o.bank_minutes + o.overtime_minutes + o.uncontracted_minutes;
  if (week.from_rota) o.changed_minutes = changed_minutes(s, week, places);
}

Setting with_rota(const Setting& setting, const std::vector<PlannedShift>& shifts) {
  Setting s = setting;
  for (Day& d : s.days) d.staff.clear();
  for (const PlannedShift& row : shifts) {
    const auto it = std::find_if(s.days.begin(), s.days.end(), [&](const Day& d) { return d.date == row.date; });
    if (it == s.days.end()) continue;
    it->staff.push_back(StaffSpell{row.staff, row.room, row.time, row.kind});
  }
  for (Day& d : s.days) {
    // Carve the breaks out of the work rows (as the loader does).
    std::vector<StaffSpell> carved;
    for (const StaffSpell& w : d.staff) {
      if (w.kind != ShiftKind::work) {
        carved.push_back(w);
        continue;
      }
      Minute from = w.time.start;
      for (const StaffSpell& b : d.staff) {
        if (b.kind != ShiftKind::on_break || b.staff != w.staff || b.time.start < w.time.start || b.time.end > w.time.end) continue;
        if (b.time.start > from) carved.push_back(StaffSpell{w.staff, w.room, {from, b.time.start}, ShiftKind::work});
        from = b.time.end;
      }
      if (w.time.end > from) carved.push_back(StaffSpell{w.staff, w.room, {from, w.time.end}, ShiftKind::work});
    }
    std::sort(carved.begin(), carved.end(), [](const StaffSpell& a, const StaffSpell& b) {
      return a.staff != b.staff ? a.staff < b.staff : a.time.start < b.time.start;
    });
    d.staff = std::move(carved);
  }
  return s;
}

}  // namespace attune::plan
