// Rooms of a synthetic setting: opening hours, the three age rooms, their meal times,
// the core team's standard shifts (early, middle, late) with staggered breaks, and from
// those how many children each room can take at each time of day.

#include <algorithm>
#include <array>
#include <string_view>

#include <fmt/format.h>

#include "plan.hpp"

namespace attune::gen {
namespace {

constexpr Minute kShiftLength = 9 * 60;  // including the break
constexpr Minute kStep = 15;

/// The windows of the early (E), middle (M) and late (L) shifts.
TimeWindow shift_window(char kind, Minute open, Minute close) {
  if (kind == 'E') return {open, open + kShiftLength};
  if (kind == 'L') return {close - kShiftLength, close};
  const Minute spare = close - open - kShiftLength;
  const Minute start = open + (spare / 2 / kStep) * kStep;
  return {start, start + kShiftLength};
}

/// Shift patterns of a core team, earliest first. Each has one early and one late shift,
/// so someone opens and someone closes, and a middle shift for a fixed colleague.
std::string_view pick_template(int core, Rng& rng) {
  static constexpr std::array<std::string_view, 3> kFour{"EEML", "EMML", "EMLL"};
  static constexpr std::array<std::string_view, 3> kFive{"EEMML", "EEMLL", "EMMLL"};
  return core == 5 ? rng.pick(kFive) : rng.pick(kFour);
}

TimeWindow window_at(Minute start, Minute length) { return {start, start + length}; }

Room make_room(const Plan& plan, RoomKind kind, Rng& rng) {
  Room r;
  r.kind = kind;
  r.name = room_name(kind, rng);
  int core = 4;
  switch (kind) {
    case RoomKind::babies:
      r.id = "babies";
      r.ratio = 3;
      core = rng.chance(0.3) ? 5 : 4;
      r.lunch = window_at(rng.chance(0.5) ? 11 * 60 + 15 : 11 * 60 + 30, 45);
      r.tea = window_at(rng.chance(0.5) ? 15 * 60 + 30 : 15 * 60 + 45, 30);
      break;
    case RoomKind::toddlers:
      r.id = "toddlers";
      r.ratio = 5;
      r.lunch = window_at(rng.chance(0.5) ? 11 * 60 + 30 : 11 * 60 + 45, 45);
      r.tea = window_at(rng.chance(0.5) ? 15 * 60 + 45 : 16 * 60, 30);
      break;
    case RoomKind::preschool:
      r.id = "preschool";
      r.ratio = 8;
      r.lunch = window_at(rng.chance(0.5) ? 11 * 60 + 45 : 12 * 60, 45);
      r.tea = window_at(16 * 60, 30);
      break;
  }
  r.capacity = (core - 1) * r.ratio;  // full with one of the team on a break
  Minute next_break = r.lunch.end;    // breaks one after another, after lunch
  for (char c : pick_template(core, rng)) {
    static constexpr std::array<Minute, 4> kBreaks{30, 30, 40, 45};
    Slot slot;
    slot.work = shift_window(c, plan.open, plan.close);
    slot.rest = window_at(next_break, rng.pick(kBreaks));
    next_break = slot.rest.end;
    r.slots.push_back(slot);
    r.rotating.push_back(true);
  }
  r.home.resize(r.slots.size());
  return r;
}

/// A second (third ...) room of a kind: "babies-2", and a name no other room has.
void second_of_kind(Plan& plan, Rng& rng, int number) {
  Room& room = plan.rooms.back();
  room.id += fmt::format("-{}", number);
  for (int attempt = 0; attempt < 20; ++attempt) {
    const bool taken = std::any_of(plan.rooms.begin(), plan.rooms.end() - 1,
                                   [&](const Room& other) { return other.name == room.name; });
    if (!taken) return;
    room.name = room_name(room.kind, rng);
  }
  room.name += fmt::format(" {}", number);
}

void compute_caps(const Plan& plan, Room& room) {
  room.caps.clear();
  for (Minute t = plan.open; t < plan.close; t += kStep) {
    int on = 0;
    for (const Slot& s : room.slots) {
      const bool working = s.work.start <= t && t + kStep <= s.work.end;
      const bool resting = overlap_minutes(s.rest, {t, t + kStep}) > 0;
      if (working && !resting) ++on;
    }
    room.caps.push_back(std::min(room.capacity, on * room.ratio));
  }
}

}  // namespace

void plan_rooms(Plan& plan, Rng& rng) {
  static constexpr std::array<int, 3> kOpeningWeights{50, 25, 25};
  switch (rng.weighted(kOpeningWeights)) {
    case 0: plan.open = 7 * 60 + 30, plan.close = 18 * 60 + 30; break;
    case 1: plan.open = 7 * 60 + 30, plan.close = 18 * 60; break;
    default: plan.open = 8 * 60, plan.close = 18 * 60; break;
  }
  static constexpr std::array<RoomKind, 3> kKinds{RoomKind::babies, RoomKind::toddlers, RoomKind::preschool};
  for (int r = 0; r < plan.options.rooms; ++r) {
    plan.rooms.push_back(make_room(plan, kKinds[static_cast<std::size_t>(r % 3)], rng));
    if (r >= 3) second_of_kind(plan, rng, r / 3 + 1);
    compute_caps(plan, plan.rooms.back());
  }
  // The floater works a middle shift in the pre-school room when not covering, with
  // the last break there.
  plan.floater_room = 2;
  const Room& pre = plan.rooms[2];
  plan.floater_slot.work = shift_window('M', plan.open, plan.close);
  plan.floater_slot.rest = window_at(pre.slots.back().rest.end, 30);
}

}  // namespace attune::gen
