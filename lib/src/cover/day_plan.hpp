#pragma once
// The days to cover, cut into pieces: between two consecutive cuts (an arrival, a
// departure, the start or end of a shift, a break or non-contact time, a meal, an
// availability window, where a break could move to, and every [cover] step_minutes)
// nothing changes, so each rule is judged once per piece and breach minutes are exact.
//
//     children   |=====|====|======|          cut at every event
//     s1 work    |=====|==|.|======|          and on the step
//     pieces     [ ][ ][ ][ ][ ][ ][ ]
//
// For each person who could work that day: what they do in each piece as rostered (their
// slot), where they could be instead, and their breaks with the places each could move to.

#include <cstddef>
#include <vector>

#include "attune/profile.hpp"
#include "attune/setting.hpp"
#include "../plan/requirements.hpp"

namespace attune::covering {

enum class State : unsigned char { off, work, on_break, non_contact };

/// What someone does during one piece.
struct Slot {
  State state = State::off;
  RoomIndex room = kNone;  ///< work: the room; a break: the room around it; non-contact: its room or kNone
  friend bool operator==(const Slot&, const Slot&) = default;
};

/// One planned break and the windows it may move to (the planned one among them).
struct Break {
  TimeWindow planned;
  RoomIndex room = kNone;
  std::vector<TimeWindow> candidates;
  std::size_t planned_candidate = 0;
};

enum class Standing : unsigned char {
  rostered,  ///< has shifts that day: may move rooms, take contact time, stay on
  on_call,   ///< not rostered, available (availability.csv): may be called in
};

struct Person {
  StaffIndex staff = kNone;
  plan::StaffCounts counts;
  Standing standing = Standing::rostered;
  std::vector<Slot> original;          ///< by piece
  std::vector<unsigned char> may_work;  ///< by piece: off as rostered, may work there (extend, call in)
  std::vector<Break> breaks;
  RoomIndex home = kNone;  ///< the room of their first work shift (rostered)
  /// Rostered: the first and last piece they are on the premises, and the minutes from
  /// the start of their day to its end.
  std::size_t first_on = 0, last_on = 0;
  Minute span = 0;
  /// Minutes an extension may add (max_shift_minutes - span, at least 0).
  Minute extension_budget = 0;
  std::vector<TimeWindow> available;  ///< availability.csv that day
};

/// A room with children during a piece.
struct PieceRoom {
  RoomIndex room = kNone;
  Segment children;  ///< as the timeline counts them
};

/// Children under 2 in one room during a piece who know the same adults.
struct Babies {
  RoomIndex room = kNone;
  std::vector<StaffIndex> familiar;  ///< sorted
  long children = 0;
};

struct Piece {
  TimeWindow time;
  std::vector<PieceRoom> rooms;  ///< rooms with children, by room index
  Segment premises;              ///< all the children on the premises
  std::vector<Babies> babies;
  [[nodiscard]] bool has_children() const { return premises.child_count() > 0; }
  [[nodiscard]] const PieceRoom* room(RoomIndex r) const;
};

struct DayPlan {
  std::size_t day = 0;  ///< index into Setting::days
  Date date{};
  std::vector<Piece> pieces;
  std::vector<Person> people;  ///< by staff index
};

/// Who has worked in which room in the days before: familiar adults (28 days).
class Familiarity {
 public:
  Familiarity(const Setting& setting, const Setting* history);
  /// Worked a shift in `room` on one of the 28 days before `date`.
  [[nodiscard]] bool knows(StaffIndex staff, RoomIndex room, Date date) const;

 private:
  std::size_t rooms_ = 0;
  std::vector<std::vector<Date>> dates_;  ///< by staff * rooms + room, sorted
};

/// The days of `setting` (its absent people's spells already removed) as pieces and people.
std::vector<DayPlan> plan_days(const Setting& setting, const RuleProfile& profile, const std::vector<StaffIndex>& absent,
                               const Familiarity& familiarity);

}  // namespace attune::covering
