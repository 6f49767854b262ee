#pragma once
/// The setting model: rooms, children, staff, and their resolved days.
///
/// Loaders (attune/load.hpp) build a `Setting` from files; everything after that reads
/// only this model. People and rooms are referred to by index (`RoomIndex`, ...), the
/// position in the setting's vectors, so the hot paths never compare strings.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "attune/age_band.hpp"
#include "attune/calendar.hpp"
#include "attune/clock_time.hpp"
#include "attune/diagnostic.hpp"
#include "attune/policy.hpp"
#include "attune/provision.hpp"
#include "attune/staff.hpp"

namespace attune {

using RoomIndex = std::uint32_t;
using ChildIndex = std::uint32_t;
using StaffIndex = std::uint32_t;
inline constexpr std::uint32_t kNone = 0xFFFFFFFFu;

struct Room {
  std::string id;
  std::string name;
  int capacity = 0;  ///< 0 = not given
  std::vector<TimeWindow> meals;
};

struct Child {
  std::string id;
  std::string name;
  Date date_of_birth{};
  RoomIndex room = kNone;
  StaffIndex key_person = kNone;  ///< from children.csv; allocations may override
  StaffIndex buddy = kNone;
  std::optional<Date> start_date;
  std::optional<Date> leave_date;
  std::string family;  ///< siblings share a family value (optional column)
  /// A childminder's own child (optional column own_child): counted within the limits,
  /// needs no key person.
  bool own_child = false;

  /// Between start_date and leave_date (where given), and born: a child registered
  /// before birth is not enrolled until then.
  [[nodiscard]] bool enrolled_on(Date date) const;
};

/// A key-person allocation over a date range (allocations.csv), inclusive.
struct Allocation {
  ChildIndex child = kNone;
  StaffIndex key_person = kNone;
  StaffIndex buddy = kNone;
  Date from{};
  std::optional<Date> to;
};

enum class ShiftKind : unsigned char {
  work,         ///< with the children, counts in ratio if eligible
  on_break,     ///< `break` in shifts.csv: carved out of work, not in ratio, not available
  non_contact,  ///< on the premises, not with the children, not in ratio
};
std::string_view shift_kind_id(ShiftKind kind);

/// One stretch of one staff member's day after patterns are resolved and breaks carved
/// out: a `work` spell is time actually with the children.
struct StaffSpell {
  StaffIndex staff = kNone;
  RoomIndex room = kNone;  ///< kNone: not deployed to a room (premises only)
  TimeWindow time;
  ShiftKind kind = ShiftKind::work;
};

/// One stretch of one child's day in one room.
struct ChildSpell {
  ChildIndex child = kNone;
  RoomIndex room = kNone;
  TimeWindow time;
};

enum class CareKind : unsigned char { nappy, feed, sleep, settle };
std::string_view care_kind_id(CareKind kind);

/// One entry of care_log.csv: who gave which intimate care to which child, when.
struct CareEvent {
  ChildIndex child = kNone;
  StaffIndex staff = kNone;
  Minute time = 0;
  CareKind kind = CareKind::nappy;
};

/// A time when someone not rostered could work, or someone rostered could stay on
/// (availability.csv), on one date.
struct Availability {
  StaffIndex staff = kNone;
  TimeWindow time;
};

/// Everything that happens on one date of the audit period.
struct Day {
  Date date{};
  std::vector<StaffSpell> staff;     ///< sorted by staff, then start
  std::vector<ChildSpell> children;  ///< sorted by child, then start
  std::vector<CareEvent> care;       ///< sorted by child, then time
  std::vector<Availability> available;  ///< sorted by staff, then start; windows of one person do not touch
};

/// What `attune cover` may change ([cover] in setting.toml).
struct CoverLimits {
  /// A shift extended, or someone called in, is at most this long from start to end.
  int max_shift_minutes = 600;
  /// A break may move this far from its planned start, either way (never dropped).
  int break_window_minutes = 30;
  /// Changes begin and end at the day's events (arrivals, departures, shift ends, meals)
  /// or on this step (minutes past midnight), and breaks move by it.
  int step_minutes = 15;
};

/// How `attune plan` builds a rota ([plan] in setting.toml; docs/plan.md).
struct PlanLimits {
  /// Shifts, breaks and room changes begin and end on this grid (minutes from opening).
  int slot_minutes = 15;
  /// A shift longer than `break_after_minutes` (start to end) has one break of
  /// `break_minutes`, inside `break_window`. Never less than the law's rest break.
  int break_minutes = 30;
  int break_after_minutes = 360;
  TimeWindow break_window{11 * 60, 14 * 60 + 30};
  /// A shift (start to end, break included) lasts at least and at most this long.
  int min_shift_minutes = 180;
  int max_shift_minutes = 600;
  /// Minutes a week anyone may work beyond their contract.
  int overtime_minutes = 0;
  /// Wall-clock budget for the solver over every stage, in seconds.
  int time_limit_seconds = 60;
};

struct Period {
  Date from{};
  Date to{};  ///< inclusive
  [[nodiscard]] int days() const { return static_cast<int>((to - from).count()) + 1; }
  [[nodiscard]] bool contains(Date d) const { return d >= from && d <= to; }
};

/// An "exceptional circumstance" the framework allows (overrides.csv): findings of `rule`
/// inside it are kept, shown as accepted with the reason, and do not fail the run.
struct Override {
  Date date{};
  std::optional<TimeWindow> time;  ///< nullopt: the whole day
  RoomIndex room = kNone;          ///< kNone: any room, and the premises
  std::string rule;
  std::string reason;
  /// The exception the framework allows, where the row names one: siblings, own_child
  /// or continuity (childminders), and the child it is for.
  std::string category;
  ChildIndex child = kNone;
  SourceRegion where;       ///< the row's rule cell, for problems found against the profile
  std::string source_line;  ///< that row's text
};

/// Which optional inputs the setting supplied: rules that need a missing one are
/// skipped with an info finding, never guessed.
struct Recorded {
  bool staff_date_of_birth = false;  ///< staff.csv date_of_birth (STAFF-AGE)
  bool pfa_expiry = false;           ///< staff.csv pfa_expiry (PFA-*)
  bool baby_training = false;        ///< staff.csv baby_training (QUAL-BABY-TRAINING)
  bool under_2_experience = false;   ///< staff.csv under_2_experience (U2-ROOM-LEAD)
  bool care_log = false;             ///< care_log.csv (CARE-PRIMARY)
  bool allocations = false;          ///< allocations.csv
  bool family = false;               ///< children.csv family (allocation)
  bool availability = false;         ///< availability.csv (the planners)
};

struct Setting {
  std::string name;
  std::string urn;
  std::filesystem::path path;  ///< the setting.toml or setting.yaml it came from
  std::string profile;         ///< profile name or path as written
  ProvisionKind kind = ProvisionKind::group;  ///< [setting] kind
  /// A childminder's setting without [[rooms]]: one room, `home`, added by the loader.
  bool implicit_home = false;
  std::uint32_t profile_line = 0;    ///< where the setting file names it (0: not named)
  std::uint32_t profile_column = 0;
  std::filesystem::path policy_answers;  ///< [data] policy: the self-assessment, if named
  TimeWindow opening{};
  Period period{};
  ContinuityPolicy policy;
  CoverLimits cover;
  PlanLimits plan;
  Recorded recorded;

  std::vector<Room> rooms;
  std::vector<Child> children;
  std::vector<Staff> staff;
  std::vector<Allocation> allocations;  ///< sorted by child, then from
  std::vector<Override> overrides;
  std::vector<Day> days;                ///< one per date of the period, in order

  /// The key person (first) and buddy (second) of a child on a date, allocations first.
  [[nodiscard]] std::pair<StaffIndex, StaffIndex> key_people_on(ChildIndex child,
                                                                Date date) const;
};

}  // namespace attune
