// The problems put in on purpose, about one every four weeks, so that `attune check`
// has something to find on a rota that otherwise keeps the rules: two breaks that
// overlap, someone off sick with nobody to cover, a closing shift that ends early.
// Whether one becomes a finding depends on the children there at the time.

#include <algorithm>
#include <array>

#include "plan.hpp"

namespace attune::gen {

void plan_breaches(Plan& plan, Rng& rng) {
  const auto days = static_cast<int>(plan.open_days.size());
  const int count = std::min(days, std::max(1, (plan.options.weeks + 2) / 4));
  std::vector<Date> taken;
  for (int i = 0; i < count; ++i) {
    Breach b;
    b.date = plan.open_days[static_cast<std::size_t>(rng.below(days))];
    for (int retry = 0; retry < 20 && std::find(taken.begin(), taken.end(), b.date) != taken.end(); ++retry) {
      b.date = plan.open_days[static_cast<std::size_t>(rng.below(days))];
    }
    if (std::find(taken.begin(), taken.end(), b.date) != taken.end()) continue;  // one a day
    taken.push_back(b.date);
    static constexpr std::array<int, 3> kKinds{45, 35, 20};
    b.kind = static_cast<BreachKind>(rng.weighted(kKinds));
    const bool babies = b.kind == BreachKind::breaks_overlap && rng.chance(0.5);
    b.room = babies ? 0 : rng.below(static_cast<int>(plan.rooms.size()));
    const int slots = static_cast<int>(plan.rooms[static_cast<std::size_t>(b.room)].slots.size());
    switch (b.kind) {
      case BreachKind::breaks_overlap: b.slot = rng.between(1, slots - 1); break;  // onto slot - 1's
      case BreachKind::sick_not_replaced: b.slot = rng.below(slots); break;
      case BreachKind::leaves_early: b.slot = slots - 1; break;  // a late shift
    }
    plan.breaches.push_back(b);
  }
  std::sort(plan.breaches.begin(), plan.breaches.end(),
            [](const Breach& a, const Breach& b) { return a.date < b.date; });
}

}  // namespace attune::gen
