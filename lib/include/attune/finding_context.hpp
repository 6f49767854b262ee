#pragma once
/// What a manager needs to fix a ratio, qualification or first-aid finding: who was in
/// the room and counted, who was there and did not count (and why), and what the rota
/// itself offers at that time: someone in another room with staff to spare, someone on
/// non-contact time, a break that could move, a shift that could start earlier or end
/// later.
///
///     Tue 3 Nov 12:45-13:15, Baby Room: 8 children, 2 staff in ratio, 3 required
///       in the room  Grace Obi (s02), level 3; Ellie Marsh (s06) not counted: an
///                    apprentice, in_ratio not yes; Lucy Wren (s03) on a break 12:45-13:15
///       could fix    move Lucy Wren's break (12:45-13:15); Helen Carter (s01) is on
///                    non-contact time 12:00-14:00
///
/// Computed by check_setting as its own stage, after the rules of each date and only for
/// the findings they made, from the date's spells and timeline (never inside a rule), and
/// bounded per finding.

#include <cstdint>
#include <string_view>
#include <vector>

#include "attune/clock_time.hpp"
#include "attune/staff.hpp"

namespace attune {

/// How someone present during a finding stood.
enum class Presence : unsigned char {
  counted,              ///< with the children, counted in ratio at `counts_as`
  counted_below_level,  ///< counted, but a student or apprentice without in-date PFA: not
                        ///< at the level below their study
  not_in_ratio,         ///< with the children, not counted: a role that counts only with
                        ///< in_ratio = yes (student, apprentice, volunteer, cook, admin), or in_ratio = no
  under_age,            ///< with the children, below the profile's minimum age
  on_break,             ///< on a break in this room's shift
  non_contact,          ///< on the premises, on non-contact time
};
std::string_view presence_id(Presence presence);

/// Someone in the room (or on the premises, for a premises finding) during the finding.
struct PresentStaff {
  std::uint32_t staff = 0xFFFFFFFFu;  ///< StaffIndex
  TimeWindow time;                    ///< their spell, within the finding's time
  Presence presence = Presence::counted;
  Qualification counts_as = Qualification::none;
};

/// A change the rota itself offers.
enum class FixKind : unsigned char {
  move_break,        ///< someone who would count here is on a break then: move the break
  from_non_contact,  ///< someone who would count is on non-contact time then
  from_room,         ///< someone who would count works in another room that can spare them
  extend_shift,      ///< someone who would count here starts just after, or ends just before
};
std::string_view fix_kind_id(FixKind kind);

struct FixOption {
  FixKind kind = FixKind::move_break;
  std::uint32_t staff = 0xFFFFFFFFu;      ///< StaffIndex
  std::uint32_t from_room = 0xFFFFFFFFu;  ///< from_room: the room they leave; else their room, or kNone
  TimeWindow time;  ///< their break, non-contact time or shift in the other room, within the
                    ///< finding; extend_shift: the shift they would extend
  Qualification counts_as = Qualification::none;
};

struct FindingContext {
  std::vector<PresentStaff> present;  ///< at most kMaxPresent, counted first
  std::uint32_t present_not_shown = 0;
  std::vector<FixOption> options;     ///< at most kMaxOptions, smallest change first
  static constexpr std::size_t kMaxPresent = 12;
  static constexpr std::size_t kMaxOptions = 4;
};

/// True for the rules whose findings get a context: RATIO-ROOM, RATIO-SETTING,
/// QUAL-LEVEL3, QUAL-LEVEL2-HALF, QUAL-BABY-TRAINING, U2-ROOM-LEAD, PFA-ON-SITE,
/// PFA-MEALTIME.
bool rule_has_context(std::string_view rule);

}  // namespace attune
