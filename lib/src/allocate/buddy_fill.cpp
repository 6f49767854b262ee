// Buddies for chosen key persons (see buddy_fill.hpp).

#include "buddy_fill.hpp"

#include <limits>

namespace attune::alloc {
namespace {

/// Buddy units already taken, per kind of day and adult.
class BuddyLoads {
 public:
  explicit BuddyLoads(const Problem& p) : p_(p) {
    for (const DayLoad& load : p.loads) used_.push_back(load.fixed_buddy);
  }
  /// The least room s has left on any day once pupil i is added; negative: it does not fit.
  [[nodiscard]] long room_after(std::size_t i, StaffIndex s) const {
    long least = std::numeric_limits<long>::max();
    for (std::size_t d = 0; d < p_.loads.size(); ++d) {
      const int units = p_.loads[d].units[i];
      if (units == 0) continue;
      least = std::min(least, static_cast<long>(p_.full_units) - used_[d][s] - units);
    }
    return least;
  }
  void add(std::size_t i, StaffIndex s) {
    for (std::size_t d = 0; d < p_.loads.size(); ++d) used_[d][s] += p_.loads[d].units[i];
  }

 private:
  const Problem& p_;
  std::vector<std::vector<int>> used_;
};

bool may_buddy(const Problem& p, const Limits& limits, const Assignment& a, std::size_t i, StaffIndex s) {
  if (s >= p.staff_count || s == a.key[i] || !p.eligible(i, s)) return false;
  if (!limits.buddy_out.empty() && limits.buddy_out[i * p.staff_count + s] != 0) return false;
  return limits.fixed.empty() || limits.fixed[i].first == kNone || limits.fixed[i].second == s;
}

}  // namespace

bool fill_buddies(const Problem& p, const Limits& limits, Assignment& a, const Assignment* hint) {
  BuddyLoads loads(p);
  for (std::size_t i = 0; i < p.pupils.size(); ++i) {
    a.buddy[i] = kNone;
    if (!p.pupils[i].needs_buddy) continue;
    StaffIndex pick = kNone;
    const bool kept = hint != nullptr && may_buddy(p, limits, a, i, hint->buddy[i]) &&
                      loads.room_after(i, hint->buddy[i]) >= 0;
    if (kept) pick = hint->buddy[i];
    long best = -1;
    for (std::size_t k = 0; !kept && k < p.pupils[i].eligible.size(); ++k) {
      const StaffIndex s = p.pupils[i].eligible[k];
      if (!may_buddy(p, limits, a, i, s)) continue;
      const long room = loads.room_after(i, s);
      if (room >= 0 && room > best) best = room, pick = s;
    }
    if (pick == kNone) return false;
    loads.add(i, pick);
    a.buddy[i] = pick;
  }
  return true;
}

}  // namespace attune::alloc
