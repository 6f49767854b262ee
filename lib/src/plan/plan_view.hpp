#pragma once
// The week per room, as the text and HTML views show it: for each day and room, who
// works there and when, their breaks, and the key children of theirs they are with.
// Worked out from the plan's rows and child-days only (no rule is judged here).

#include <vector>

#include "attune/plan.hpp"

namespace attune::plan {

struct KeyChildView {
  ChildIndex child = kNone;
  long attended = 0;  ///< that day
  long with = 0;      ///< of those, minutes with this key person
};

struct PersonView {
  StaffIndex staff = kNone;
  std::vector<TimeWindow> work;    ///< work rows in this room
  std::vector<TimeWindow> breaks;  ///< break rows inside them
  std::vector<KeyChildView> key_children;  ///< in this room that day
};

struct RoomDayView {
  Date date{};
  RoomIndex room = kNone;
  std::vector<PersonView> people;  ///< by first start
};

/// Every room with someone working in it, day by day.
std::vector<RoomDayView> room_days(const Setting& setting, const RotaPlan& plan);

}  // namespace attune::plan
