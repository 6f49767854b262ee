#pragma once
/// Per room and day, piecewise-constant segments: between two consecutive events
/// (an arrival, a departure, a shift or break starting or ending) nothing changes, so
/// every rule can be checked once per segment instead of once per minute.
///
///     child A    |==========|            08:00-12:00
///     child B         |==========|       10:00-14:00
///     staff s1   |===============|       08:00-14:00
///     segments   [  1c  ][ 2c ][ 1c ]    08-10, 10-12, 12-14

#include <array>
#include <cstdint>
#include <vector>

#include "attune/age_band.hpp"
#include "attune/profile.hpp"
#include "attune/setting.hpp"

namespace attune {

/// Who is in a room (or on the premises) during one segment.
struct Segment {
  TimeWindow time;
  /// Children by the profile's band (RuleProfile::bands; attune's under_2, age_2,
  /// age_3_plus for a profile that defines none).
  std::array<std::int16_t, kMaxBands> children{};
  int children_total = 0;       ///< the sum of `children`, kept by the sweep
  int staff_in_ratio = 0;       ///< on a work shift here and eligible to count
  int level3_in_ratio = 0;      ///< of those, counting at level 3 or above
  int level2_in_ratio = 0;      ///< of those, counting at level 2 or above
  int graduates_in_ratio = 0;   ///< of those, holding a graduate qualification of the profile
  int baby_trained_in_ratio = 0;
  /// Of those, with under_2_experience (and at level 3 or above where the profile says
  /// the level 3 must be the one experienced with under-2s).
  int under_2_experienced = 0;
  int childminders_in_ratio = 0;  ///< of those, with the role childminder
  int pfa_present = 0;          ///< anyone on a work shift here with in-date PFA
  int staff_present = 0;        ///< anyone on a work shift here, counted or not
  int adults_present = 0;       ///< anyone on a work shift here of the profile's minimum age
  /// Premises timeline only: anyone on the premises (work or non-contact) with PFA.
  int pfa_on_premises = 0;
  /// Of the children of the profile's graduate band, those counted at its graduate
  /// ratio (the room has a graduate in ratio, and another level 3 where the profile asks).
  int graduate_ratio_children = 0;
  /// Of the children of the profile's short-session band, those whose whole day is one
  /// session shorter than its limit (Scotland's 1:10).
  int short_session_children = 0;
  /// The profile's ratio window in force (RuleProfile::windows), or -1.
  std::int8_t window = -1;
  /// Staff required for the children of this segment (required_staff), worked out once
  /// by the sweep: RATIO-ROOM, RATIO-SETTING, the metrics and the report's charts all
  /// read it from here.
  int required = 0;

  [[nodiscard]] int child_count() const { return children_total; }
};

/// The segments of one room on one date; only segments with children present are kept.
struct RoomDay {
  RoomIndex room = kNone;  ///< kNone for the whole premises
  std::size_t day = 0;     ///< index into Setting::days
  std::vector<Segment> segments;
};

/// How one staff member counts on one date.
struct StaffStanding {
  bool in_ratio = false;        ///< counts in ratio at all
  Qualification counts_as = Qualification::none;
  bool pfa = false;             ///< in-date paediatric first aid
  bool under_age = false;       ///< below the profile's minimum age on this date
  /// A student or apprentice marked in ratio but not counted: the profile's version asks
  /// for in-date PFA (England from 1 September 2025) and they have none recorded.
  bool trainee_without_pfa = false;
};

/// Whether and at what level `staff` counts on `date` under the version of `profile` in
/// force that day.
StaffStanding staff_standing(const Staff& staff, Date date, const RuleProfile& profile);

/// One date: each room's segments, and the whole premises' (rooms summed, plus staff
/// not deployed to a room). Segments are cut at meal times and at the profile's
/// graduate-ratio hours, so a rule about those never sees half a segment.
struct DayTimeline {
  std::size_t day = 0;
  std::vector<RoomDay> rooms;  ///< rooms with children that day, by room index
  RoomDay premises;
};

/// Builds one date's timeline. O(E log E) in that date's spells.
DayTimeline build_day_timeline(const Setting& setting, const RuleProfile& profile,
                               std::size_t day);

namespace detail {
struct TimelineEvent;
}

/// Builds the timelines of a setting's dates one after another, as build_day_timeline
/// does, but into the same buffers: a year is hundreds of dates, and allocating every
/// date's events and segments afresh cost more than sweeping them.
class TimelineBuilder {
 public:
  TimelineBuilder(const Setting& setting, const RuleProfile& profile);
  ~TimelineBuilder();
  TimelineBuilder(const TimelineBuilder&) = delete;
  TimelineBuilder& operator=(const TimelineBuilder&) = delete;

  /// The timeline of `day`; valid until the next call.
  const DayTimeline& build(std::size_t day);

 private:
  const Setting& setting_;
  const RuleProfile& profile_;
  DayTimeline timeline_;
  std::vector<detail::TimelineEvent> room_events_;
  std::vector<detail::TimelineEvent> premises_events_;
  std::vector<detail::TimelineEvent> scratch_;
  std::vector<std::uint32_t> counts_;
  std::vector<bool> room_has_children_;
  std::vector<ProfileBandDates> bands_;  ///< by child
};

/// Staff needed for the children of a segment, by the profile's mixed-age method, in
/// exact integer arithmetic (6 babies at 1:3 need 2; 7 need 3). `profile` is the
/// version in force that day.
int required_staff(const Segment& segment, const RuleProfile& profile);

}  // namespace attune
