// The week per room (see plan_view.hpp).

#include "plan_view.hpp"

#include <algorithm>

namespace attune::plan {

std::vector<RoomDayView> room_days(const Setting& setting, const RotaPlan& plan) {
  std::vector<RoomDayView> out;
  auto view_of = [&](Date date, RoomIndex room) -> RoomDayView& {
    for (RoomDayView& v : out)
      if (v.date == date && v.room == room) return v;
    out.push_back(RoomDayView{date, room, {}});
    return out.back();
  };
  auto person_of = [](RoomDayView& v, StaffIndex staff) -> PersonView& {
    for (PersonView& p : v.people)
      if (p.staff == staff) return p;
    v.people.push_back(PersonView{staff, {}, {}, {}});
    return v.people.back();
  };
  for (const PlannedShift& row : plan.shifts) {
    if (row.room >= setting.rooms.size()) continue;
    PersonView& p = person_of(view_of(row.date, row.room), row.staff);
    (row.kind == ShiftKind::work ? p.work : p.breaks).push_back(row.time);
  }
  for (RoomDayView& v : out) {
    for (PersonView& p : v.people) {
      for (const PlannedChildDay& cd : plan.child_days)
        if (cd.date == v.date && cd.room == v.room && cd.key_person == p.staff)
          p.key_children.push_back(KeyChildView{cd.child, cd.attended_minutes, cd.key_person_minutes});
    }
    std::stable_sort(v.people.begin(), v.people.end(), [](const PersonView& a, const PersonView& b) {
      return a.work.empty() || b.work.empty() ? !a.work.empty() : a.work.front().start < b.work.front().start;
    });
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const RoomDayView& a, const RoomDayView& b) { return a.date != b.date ? a.date < b.date : a.room < b.room; });
  return out;
}

}  // namespace attune::plan
