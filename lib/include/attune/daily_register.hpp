#pragma once
/// The daily record the EYFS asks a setting to keep: the children present on a date,
/// their hours, and each child's key person.

#include <string>
#include <vector>

#include "attune/render.hpp"
#include "attune/setting.hpp"
#include "attune/timeline.hpp"

namespace attune {

struct RegisterEntry {
  ChildIndex child = kNone;
  RoomIndex room = kNone;            ///< where the child arrived
  std::vector<ChildSpell> spells;    ///< in time order (a room change is two spells)
  long minutes = 0;
  StaffIndex key_person = kNone;
  StaffIndex buddy = kNone;
};

/// A member of staff on duty in one room (or on the premises, in no room) that day.
struct RegisterStaff {
  StaffIndex staff = kNone;
  RoomIndex room = kNone;             ///< kNone: on the premises, in no room (non-contact)
  std::vector<TimeWindow> work;       ///< with the children, in time order
  std::vector<TimeWindow> breaks;
  std::vector<TimeWindow> non_contact;
  StaffStanding standing;             ///< counts in ratio, at what level, first aid
};

struct DailyRegister {
  Date date{};
  std::vector<RegisterEntry> entries;  ///< by room, then arrival time, then child id
  std::vector<RegisterStaff> staff;    ///< by room (no room last), then first start, then staff id
  long child_minutes = 0;
};

/// The register for `date`: the children and the staff on duty; empty when the date is
/// outside the setting's period. `profile` says who counts in ratio.
DailyRegister daily_register(const Setting& setting, const RuleProfile& profile, Date date);

std::string render_register_text(const Setting& setting, const DailyRegister& reg, const RenderOptions& options);
std::string render_register_csv(const Setting& setting, const DailyRegister& reg, const RenderOptions& options);
std::string render_register_markdown(const Setting& setting, const DailyRegister& reg,
                                     const RenderOptions& options);

}  // namespace attune
