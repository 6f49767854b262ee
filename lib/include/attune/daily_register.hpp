#pragma once
/// The daily record the EYFS asks a setting to keep: the children present on a date,
/// their hours, and each child's key person.

#include <string>
#include <vector>

#include "attune/render.hpp"
#include "attune/setting.hpp"

namespace attune {

struct RegisterEntry {
  ChildIndex child = kNone;
  RoomIndex room = kNone;            ///< where the child arrived
  std::vector<ChildSpell> spells;    ///< in time order (a room change is two spells)
  long minutes = 0;
  StaffIndex key_person = kNone;
  StaffIndex buddy = kNone;
};

struct DailyRegister {
  Date date{};
  std::vector<RegisterEntry> entries;  ///< by room, then arrival time, then child id
  long child_minutes = 0;
};

/// The register for `date`; empty when the date is outside the setting's period.
DailyRegister daily_register(const Setting& setting, Date date);

std::string render_register_text(const Setting& setting, const DailyRegister& reg, const RenderOptions& options);
std::string render_register_csv(const Setting& setting, const DailyRegister& reg, const RenderOptions& options);
std::string render_register_markdown(const Setting& setting, const DailyRegister& reg,
                                     const RenderOptions& options);

}  // namespace attune
