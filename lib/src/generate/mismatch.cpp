// --mismatch: a rota and a register that depart from the plan, as real exports do. A
// rota exported from a planning system records the hours planned weeks before, not the
// day worked: shifts start late or end early against the children booked (a level 3's
// more often: their contracted hours), breaks sit where they were planned rather than
// where they were staggered, people are shown in another room for the day (a level 3
// moved to lead another room, more often), and the register's times are when children
// really came and went, not their booking. Checked, such a year has about seven times
// the findings of a tidy one (about 850,000 for 100 settings, seed 1): handovers with
// neither key person nor buddy in the room (63%), rooms short of staff, rooms without
// a level 3 while theirs is elsewhere.
//
// Every change is drawn from its own streams (Stream::mismatch_rota and
// Stream::mismatch_register), after the tidy rows are made, so --mismatch leaves the
// people, bookings and rota of the tidy setting as they were and changes only times and
// rooms; the files still load without an input error (shifts within the day, breaks
// inside their shift, sessions within the opening hours).

#include <algorithm>

#include "plan.hpp"

namespace attune::gen {
namespace {

constexpr Minute kStep = 15;
constexpr double kLateStart = 0.30;    // a shift recorded as starting 15 to 60 minutes late
constexpr double kEarlyEnd = 0.30;     // ... or as ending 15 to 60 minutes early
constexpr double kLevel3Short = 0.50;  // ... more often a level 3's (their contracted hours)
constexpr double kOtherRoom = 0.10;    // a person rostered in another room for the day
constexpr double kOtherRoomLevel3 = 0.25;  // ... more often a level 3, moved to lead another room
constexpr double kBreakMoved = 0.40;   // a break recorded 15 to 45 minutes from where it was taken
constexpr Minute kShortestShift = 180; // shifts are not shortened below three hours
constexpr double kEarlyArrival = 0.25; // a child arrives 15 to 45 minutes before the booking
constexpr double kLateDeparture = 0.25;  // ... or is collected 15 to 45 minutes after it

/// Keeps a break inside its shift: the break keeps its length and moves as little as it
/// must (a shift is never shortened below the break plus an hour each side).
void keep_inside(const RotaRow& work, RotaRow& rest) {
  const Minute length = rest.end - rest.start;
  if (rest.start < work.start + 60) rest.start = work.start + 60;
  if (rest.start + length > work.end - 60) rest.start = work.end - 60 - length;
  rest.end = rest.start + length;
}

void shorten(RotaRow& work, const RotaRow* rest, bool level3, Rng& rng) {
  const Minute rest_length = rest ? rest->end - rest->start : 0;
  const Minute shortest = std::max(kShortestShift, rest_length + 120);
  if (rng.chance(level3 ? kLevel3Short : kLateStart)) {
    const Minute start = work.start + kStep * rng.between(1, 4);
    if (work.end - start >= shortest) work.start = start;
  }
  if (rng.chance(level3 ? kLevel3Short : kEarlyEnd)) {
    const Minute end = work.end - kStep * rng.between(1, 4);
    if (end - work.start >= shortest) work.end = end;
  }
}

}  // namespace

void mismatch_rota_day(const Plan& plan, Rng& rng, std::vector<RotaRow>& day) {
  const int rooms = static_cast<int>(plan.rooms.size());
  for (std::size_t i = 0; i < day.size(); ++i) {
    RotaRow& work = day[i];
    if (work.kind != RotaKind::work) continue;
    // The break that follows (rows are grouped by person, a shift before its break).
    RotaRow* rest = i + 1 < day.size() && day[i + 1].staff == work.staff && day[i + 1].kind == RotaKind::rest
                        ? &day[i + 1]
                        : nullptr;
    const Staff& person = plan.staff[static_cast<std::size_t>(work.staff)];
    const bool level3 = person.qualification != "level2" && person.qualification != "none";
    shorten(work, rest, level3, rng);
    if (rest && rng.chance(kBreakMoved)) {
      const Minute by = kStep * rng.between(1, 3) * (rng.chance(0.5) ? -1 : 1);
      rest->start += by;
      rest->end += by;
    }
    if (rest) keep_inside(work, *rest);
    if (rooms > 1 && work.room >= 0 && rng.chance(level3 ? kOtherRoomLevel3 : kOtherRoom)) {
      const int other = rng.below(rooms - 1);
      work.room = other >= work.room ? other + 1 : other;
    }
  }
}

TimeWindow mismatch_session(const Plan& plan, TimeWindow w, Rng& rng) {
  if (rng.chance(kEarlyArrival)) w.start = std::max(plan.open, w.start - kStep * rng.between(1, 3));
  if (rng.chance(kLateDeparture)) w.end = std::min(plan.close, w.end + kStep * rng.between(1, 3));
  return w;
}

}  // namespace attune::gen
