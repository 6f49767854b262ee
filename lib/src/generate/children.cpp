// Children of a synthetic setting. Each room is filled with weekly "places" (days and
// times), each one accepted only if the room's core team can take it at every time of
// day; so the standard rota keeps the ratios whatever the mix of bookings. A place is
// held by one child after another: children leave when they outgrow the room (babies
// after their 2nd birthday, twos after their 3rd, pre-schoolers for school in July) or
// move away, and a new child takes the place a few weeks later.

#include <algorithm>
#include <array>
#include <bit>

#include <fmt/format.h>

#include "attune/age_band.hpp"
#include "plan.hpp"

namespace attune::gen {
namespace {

using std::chrono::days;
constexpr Minute kStep = 15;

unsigned pick_days(Rng& rng, int count) {
  static constexpr std::array<int, 5> kDayWeights{22, 22, 21, 20, 15};
  unsigned mask = 0;
  while (std::popcount(mask) < count) mask |= 1u << rng.weighted(kDayWeights);
  return mask;
}

Booking propose(const Plan& plan, const Room& room, Rng& rng) {
  static constexpr std::array<int, 9> kArrive{2, 3, 5, 6, 6, 4, 3, 2, 1};       // open + 0..120
  static constexpr std::array<int, 11> kLeave{1, 2, 3, 4, 5, 5, 4, 3, 2, 1, 1};  // close - 0..150
  static constexpr std::array<int, 4> kDays{20, 30, 25, 25};                    // 2..5 days
  static constexpr std::array<int, 3> kFundedDays{15, 25, 60};                  // 2, 3 or 5 days
  const Minute arrive = plan.open + kStep * rng.weighted(kArrive);
  const Minute leave = plan.close - kStep * rng.weighted(kLeave);
  Booking b{0, arrive, leave};
  int days_a_week = 2 + rng.weighted(kDays);
  if (room.kind == RoomKind::preschool) {
    static constexpr std::array<int, 4> kKinds{45, 20, 20, 15};
    switch (rng.weighted(kKinds)) {
      case 1:  // school hours
        b.start = rng.chance(0.5) ? 9 * 60 : 8 * 60 + 45;
        b.end = b.start == 9 * 60 ? 15 * 60 : 15 * 60 + 15;
        break;
      case 2:  // funded mornings
        b.start = rng.chance(0.6) ? 9 * 60 : 8 * 60 + 30, b.end = b.start + 3 * 60;
        days_a_week = std::array{2, 3, 5}[static_cast<std::size_t>(rng.weighted(kFundedDays))];
        break;
      case 3: b.start = rng.chance(0.5) ? 12 * 60 + 30 : 13 * 60; break;  // afternoons
      default: break;                                                     // full days
    }
  } else {
    static constexpr std::array<int, 3> kKinds{75, 13, 12};
    switch (rng.weighted(kKinds)) {
      case 1: b.end = 12 * 60 + 30 * rng.below(3); break;                 // mornings
      case 2: b.start = rng.chance(0.5) ? 12 * 60 + 30 : 13 * 60; break;  // afternoons
      default: break;
    }
  }
  b.start = std::max(b.start, plan.open);
  b.end = std::min(b.end, plan.close);
  b.days = pick_days(rng, days_a_week);
  return b;
}

struct Occupancy {
  std::array<std::vector<int>, 5> by_day;

  bool fits(const Plan& plan, const Room& room, const Booking& b) const {
    const auto first = static_cast<std::size_t>((b.start - plan.open) / kStep);
    const auto last = static_cast<std::size_t>((b.end - plan.open + kStep - 1) / kStep);
    for (std::size_t d = 0; d < 5; ++d) {
      if (!(b.days & (1u << d))) continue;
      for (std::size_t i = first; i < last; ++i) {
        if (by_day[d][i] + 1 > room.caps[i]) return false;
      }
    }
    return true;
  }
  void add(const Plan& plan, const Booking& b) {
    const auto first = static_cast<std::size_t>((b.start - plan.open) / kStep);
    const auto last = static_cast<std::size_t>((b.end - plan.open + kStep - 1) / kStep);
    for (std::size_t d = 0; d < 5; ++d) {
      if (!(b.days & (1u << d))) continue;
      for (std::size_t i = first; i < last; ++i) ++by_day[d][i];
    }
  }
};

/// How many children the room's key persons can take: 4 under 2, 6 aged 2, 8 older each.
int key_capacity(const Plan& plan, const Room& room) {
  const int per_person = room.kind == RoomKind::babies ? 4 : room.kind == RoomKind::toddlers ? 6 : 8;
  int people = 0;
  for (const auto& holders : room.home) {
    if (!holders.empty() && plan.staff[static_cast<std::size_t>(holders.front())].can_be_key) ++people;
  }
  return people * per_person;
}

std::vector<Booking> plan_places(const Plan& plan, const Room& room, Rng& rng) {
  Occupancy occupancy;
  for (auto& day : occupancy.by_day) day.assign(room.caps.size(), 0);
  const int target = static_cast<int>(room.capacity * 5 * (0.86 + 0.1 * rng.unit()));
  const auto limit = static_cast<std::size_t>(key_capacity(plan, room));
  std::vector<Booking> places;
  int place_days = 0;
  for (int tries = 0; tries < 800 && place_days < target && places.size() < limit; ++tries) {
    const Booking b = propose(plan, room, rng);
    if (!occupancy.fits(plan, room, b)) continue;
    occupancy.add(plan, b);
    places.push_back(b);
    place_days += std::popcount(b.days);
  }
  return places;
}

}  // namespace

void plan_children(Plan& plan, Rng& rng, NameBook& names) {
  std::vector<Child> children;
  for (std::size_t r = 0; r < plan.rooms.size(); ++r) {
    for (const Booking& place : plan_places(plan, plan.rooms[r], rng)) {
      fill_place(plan, static_cast<int>(r), place, rng, names, children);
    }
  }
  // Ids in register order: the children there at the start, then each new child by start.
  std::stable_sort(children.begin(), children.end(), [&](const Child& a, const Child& b) {
    const Date ka = a.joiner ? *a.start_date : plan.from;
    const Date kb = b.joiner ? *b.start_date : plan.from;
    return ka < kb;
  });
  const int width = children.size() > 999 ? 4 : 3;
  for (std::size_t i = 0; i < children.size(); ++i) children[i].id = fmt::format("c{:0{}}", i + 1, width);
  plan.children = std::move(children);
}

}  // namespace attune::gen
