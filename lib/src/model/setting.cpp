#include "attune/setting.hpp"

#include <algorithm>

#include "enum_names.hpp"
#include "names.hpp"

namespace attune {

namespace detail {
constexpr auto kShiftKindNames = make_enum_names<ShiftKind>(
    std::pair{ShiftKind::work, "work"}, std::pair{ShiftKind::on_break, "break"},
    std::pair{ShiftKind::non_contact, "non_contact"});
constexpr auto kCareKindNames = make_enum_names<CareKind>(
    std::pair{CareKind::nappy, "nappy"}, std::pair{CareKind::feed, "feed"},
    std::pair{CareKind::sleep, "sleep"}, std::pair{CareKind::settle, "settle"});

std::string shift_kind_choices() { return kShiftKindNames.choices(); }
std::string care_kind_choices() { return kCareKindNames.choices(); }
std::optional<ShiftKind> parse_shift_kind(std::string_view text) {
  return kShiftKindNames.parse(text);
}
std::optional<CareKind> parse_care_kind(std::string_view text) {
  return kCareKindNames.parse(text);
}
}  // namespace detail

std::string_view shift_kind_id(ShiftKind kind) { return detail::kShiftKindNames.name(kind); }
std::string_view care_kind_id(CareKind kind) { return detail::kCareKindNames.name(kind); }

bool Child::enrolled_on(Date date) const {
  if (date < date_of_birth) return false;  // booked before birth: not enrolled yet
  if (start_date && date < *start_date) return false;
  if (leave_date && date > *leave_date) return false;
  return true;
}

std::pair<StaffIndex, StaffIndex> Setting::key_people_on(ChildIndex child, Date date) const {
  // allocations are sorted by child then from; the latest allocation in force wins.
  auto it = std::lower_bound(allocations.begin(), allocations.end(), child,
                             [](const Allocation& a, ChildIndex c) { return a.child < c; });
  std::pair<StaffIndex, StaffIndex> found{kNone, kNone};
  bool any = false;
  for (; it != allocations.end() && it->child == child; ++it) {
    if (it->from <= date && (!it->to || date <= *it->to)) {
      found = {it->key_person, it->buddy};
      any = true;
    }
  }
  if (any) return found;
  const Child& c = children[child];
  return {c.key_person, c.buddy};
}

}  // namespace attune
