// Better rooms for the key children within one slot (see room_moves.hpp).

#include "room_moves.hpp"

#include <utility>

#include "rota_model.hpp"

namespace attune::plan {

void improve_rooms(const SlotInfo& slot, std::vector<RoomIndex>& place,
                   const std::function<long(std::size_t, RoomIndex)>& key, const std::function<bool()>& kept) {
  if (slot.rooms.size() < 2) return;
  const auto in_room = [](RoomIndex r) { return r != SlotState::kOff && r != SlotState::kBreak; };
  for (int pass = 0; pass < 3; ++pass) {
    bool better = false;
    for (std::size_t i = 0; i < place.size(); ++i) {
      if (!in_room(place[i])) continue;
      for (const RoomIndex r : slot.rooms) {  // a move
        const RoomIndex was = place[i];
        if (r == was || key(i, r) <= key(i, was)) continue;
        place[i] = r;
        if (kept()) {
          better = true;
          continue;
        }
        place[i] = was;
      }
      for (std::size_t j = i + 1; j < place.size(); ++j) {  // a swap
        if (!in_room(place[j]) || place[i] == place[j]) continue;
        const RoomIndex a = place[i], b = place[j];
        if (key(i, b) + key(j, a) - key(i, a) - key(j, b) <= 0) continue;
        std::swap(place[i], place[j]);
        if (kept()) {
          better = true;
          continue;
        }
        std::swap(place[i], place[j]);
      }
    }
    if (!better) break;
  }
}

}  // namespace attune::plan
