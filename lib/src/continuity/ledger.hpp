#pragma once
// The continuity ledger: for every child and day, who of their familiar adults was there.
// Measured once as the engine walks the period; the continuity rules and the metrics
// both read it, so the two can never disagree.
//
//     child      |=====================|        08:00-17:00 in babies
//     key person    |=======|  |=======|        08:30-12:00, 12:30-16:00 (lunch)
//     buddy      |====|         |============|  08:00-09:00, 13:00-18:00
//     key        .  [  210  ]  [  210  ] .      = 420 minutes
//     key|buddy  [         ]   [          ]     = 08:00-12:00 + 12:30-17:00 = 510 minutes

#include <cstdint>
#include <vector>

#include "attune/check.hpp"
#include "attune/setting.hpp"

namespace attune {

/// An arrival or departure, and whether the key person or buddy was there for it.
struct Handover {
  ChildIndex child = kNone;
  Date date{};
  Minute time = 0;
  RoomIndex room = kNone;
  bool arrival = true;
  bool covered = false;
};

/// One attended day of a child: how long, and how long with the key person.
struct ChildSession {
  Date date{};
  TimeWindow span;  ///< first arrival to last departure
  RoomIndex room = kNone;  ///< where the child spent most of the day
  StaffIndex key_person = kNone;
  long attended = 0;
  long with_key_person = 0;
  long with_key_or_buddy = 0;
};

/// Distinct adults who cared for a child in one ISO week.
struct WeekOfCarers {
  ChildIndex child = kNone;
  IsoWeek week;
  Date first_day{};
  int carers = 0;
};

class ContinuityLedger {
 public:
  explicit ContinuityLedger(const Setting& setting);

  /// Measures one day. Days must come in date order.
  void add_day(const Day& day);
  /// Closes the last week of every child.
  void finish();

  [[nodiscard]] const std::vector<ChildMetrics>& children() const { return children_; }
  [[nodiscard]] const std::vector<Handover>& handovers() const { return handovers_; }
  [[nodiscard]] const std::vector<WeekOfCarers>& weeks() const { return weeks_; }
  /// Every attended day of one child, in date order.
  [[nodiscard]] const std::vector<ChildSession>& sessions(ChildIndex child) const {
    return sessions_[child];
  }
  /// Minutes each staff member worked in each room over the period [staff][room].
  [[nodiscard]] long work_minutes(StaffIndex staff, RoomIndex room) const;
  [[nodiscard]] long work_minutes(StaffIndex staff) const;

 private:
  void add_child_day(const Day& day, std::size_t first, std::size_t last);
  void close_week(ChildIndex child);

  const Setting& setting_;
  std::vector<ChildMetrics> children_;
  std::vector<std::vector<ChildSession>> sessions_;
  std::vector<Handover> handovers_;
  // Scratch, reused for every spell.
  std::vector<TimeWindow> key_there_, buddy_there_, familiar_;
  std::vector<std::pair<RoomIndex, long>> room_minutes_;
  std::vector<std::vector<const StaffSpell*>> room_work_;  ///< the day's work spells, by room
  std::vector<std::uint32_t> first_spell_;  ///< the day's spells of staff s: [first[s], first[s + 1])
  IsoWeek week_;                             ///< the day's ISO week
  std::vector<WeekOfCarers> weeks_;
  std::vector<long> work_minutes_;  ///< staff x (rooms + 1)
  // The week being counted for each child, and the adults seen in it.
  std::vector<IsoWeek> current_week_;
  std::vector<Date> week_first_day_;
  /// Bits by staff index, carer_words_ words per child: who was on a work shift in the
  /// child's room at some minute the child was there, this week.
  std::size_t carer_words_ = 0;
  std::vector<std::uint64_t> week_carers_;
};

}  // namespace attune
