#pragma once
// Better rooms for the key children within one slot, a heuristic of the constructive start
// (construct.cpp): after the rooms are chosen by the rules, moves of one person to
// another room and swaps of two people's rooms, each kept when the slot still keeps every
// rule and more key children have their key person. Internal to lib/src/plan.

#include <cstddef>
#include <functional>
#include <vector>

#include "week.hpp"

namespace attune::plan {

/// `place`: per person of the day, a room of `slot`, SlotState::kOff or kBreak (only
/// those in a room move). `key(k, r)`: what person k in room r is worth to their key
/// children in this slot. `kept()`: whether `place` as it is keeps every rule.
void improve_rooms(const SlotInfo& slot, std::vector<RoomIndex>& place,
                   const std::function<long(std::size_t, RoomIndex)>& key, const std::function<bool()>& kept);

}  // namespace attune::plan
