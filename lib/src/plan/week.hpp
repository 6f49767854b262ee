#pragma once
// The week `attune plan` works on, read once from the setting: the slots of each day,
// the children present in each stretch of each slot (from the timeline, so bands, meals
// and the graduate hours are counted as `attune check` counts them), each child's
// minutes per slot, and who could work which slot. Internal to lib/src/plan.
//
//     slots      |07:30|07:45|08:00|08:15|...       slot_minutes = 15 from opening
//     Amy            |====|=====|====...            arrives 07:40: 5 minutes in 07:30-07:45
//     pieces     |a  |b |  c  |                     slot 07:30-07:45 has two stretches:
//                                                   07:30-07:40 (no one) and 07:40-07:45 (Amy)
//
// A slot's rows are the requirements of each of its pieces: the rota must meet the
// rules at every minute, and a person works the whole slot or none of it.

#include <cstdint>
#include <vector>

#include "attune/profile.hpp"
#include "attune/setting.hpp"
#include "attune/timeline.hpp"
#include "requirements.hpp"

namespace attune::plan {

/// A stretch of a slot during which the children present do not change.
struct Piece {
  TimeWindow time;
  std::vector<std::pair<RoomIndex, Segment>> rooms;  ///< rooms with children
  Segment premises;
};

struct SlotInfo {
  TimeWindow time;
  std::vector<Piece> pieces;     ///< with children; identical ones kept once
  std::vector<RoomIndex> rooms;  ///< where someone on duty may work in this slot
  int minutes_with_children = 0;  ///< of the slot, minutes with a child on the premises
};

/// Minutes a child spends in a room during one slot.
struct ChildMinutes {
  ChildIndex child = kNone;
  std::uint32_t slot = 0;
  RoomIndex room = kNone;
  int minutes = 0;
};

struct PlanDay {
  std::size_t day = 0;  ///< index into Setting::days
  Date date{};
  std::vector<SlotInfo> slots;
  std::vector<ChildMinutes> child_minutes;  ///< by child, then slot
};

/// A break rule in slots: a shift longer than `after_minutes` has a break of `slots`.
struct BreakLevel {
  int after_minutes = 0;
  int slots = 0;
};

/// What one slot of the current rota (--from-rota) held for one person, in minutes.
struct CurrentSlot {
  std::vector<std::pair<RoomIndex, int>> rooms;  ///< minutes at work in each room
  int on_break = 0;
  int other = 0;  ///< non-contact, or work with no room: nothing the plan writes
};

/// One person on one day of the week.
struct PersonDay {
  StaffIndex staff = kNone;
  std::uint32_t day = 0;               ///< index into Week::days
  std::vector<unsigned char> available;  ///< per slot: the whole slot is in an availability window
  StaffCounts counts;
  std::vector<BreakLevel> breaks;      ///< increasing in both; the law's rest break included
  bool age_unknown = false;            ///< no date of birth: the young workers' break applies
  std::vector<CurrentSlot> current;    ///< per slot, with a current rota
};

struct Week {
  std::vector<PlanDay> days;              ///< days with children booked, in order
  std::vector<StaffIndex> people;         ///< who may be rostered, staff.csv order
  std::vector<PersonDay> person_days;     ///< by person, then day
  std::vector<long> attended;             ///< per child: minutes booked this week
  std::vector<std::int32_t> first_day;    ///< per child: index into days, or -1
  int slot_minutes = 15;
  bool from_rota = false;
};

/// Reads the week from the setting (its whole period). Never throws for odd data.
Week build_week(const Setting& setting, const RuleProfile& profile, bool from_rota);

/// Whether `staff` may be rostered by the planner at all (cooks and admin staff are not).
bool plannable(const Staff& staff);

/// The break levels for a person on a date: the setting's rule and the law's (20 minutes
/// over 6 hours; 30 minutes over 4.5 hours under 18, or when the age is not recorded).
std::vector<BreakLevel> break_levels(const Staff& staff, Date date, const PlanLimits& limits, bool* age_unknown);

}  // namespace attune::plan
