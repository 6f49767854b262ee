// The children who hold one place in turn: ages that fit the room, start dates, and
// when each leaves (outgrowing the room, starting school, moving away).

#include <algorithm>
#include <array>
#include <bit>

#include "attune/age_band.hpp"
#include "plan.hpp"

namespace attune::gen {
namespace {

using namespace std::chrono;

/// Children start school in the September after their 4th birthday, and leave nursery
/// on the last Friday of the summer term before (taken as on or before 23 July).
Date leaves_for_school(Date birth) {
  const year_month_day four{birthday(birth, 4)};
  int y = static_cast<int>(four.year());
  if (static_cast<unsigned>(four.month()) >= 9) ++y;
  return friday_on_or_before(Date{year{y} / July / 23});
}

Date outgrows(RoomKind kind, Date birth, Rng& rng) {
  switch (kind) {
    case RoomKind::babies: return friday_on_or_before(birthday(birth, 2) + days{rng.between(0, 90)});
    case RoomKind::toddlers: return friday_on_or_before(birthday(birth, 3) + days{rng.between(0, 60)});
    case RoomKind::preschool: break;
  }
  return leaves_for_school(birth);
}

/// Age in days on the first day: under 2 in the baby room, 2 in the toddler room, 3 or
/// 4 (and not about to leave for school) in pre-school.
int age_in_days(RoomKind kind, bool joiner, Rng& rng) {
  switch (kind) {
    case RoomKind::babies: return joiner ? rng.between(180, 430) : rng.between(120, 600);
    case RoomKind::toddlers: return joiner ? rng.between(735, 830) : rng.between(735, 1030);
    case RoomKind::preschool: break;
  }
  return joiner ? rng.between(1100, 1300) : rng.between(1100, 1730);
}

Child make_child(const Plan& plan, int room, const Booking& place, Rng& rng, NameBook& names,
                 std::optional<Date> joins) {
  const RoomKind kind = plan.rooms[static_cast<std::size_t>(room)].kind;
  Child c;
  c.name = names.child();
  c.room = room;
  c.booking = place;
  c.absence_permille = rng.between(30, 90);
  const Date first = joins.value_or(plan.from);
  int age = age_in_days(kind, joins.has_value(), rng);
  c.date_of_birth = first - days{age};
  if (kind == RoomKind::preschool && leaves_for_school(c.date_of_birth) < first + days{90}) {
    age = 1100;  // just 3: a full year before school
    c.date_of_birth = first - days{age};
  }
  if (joins) {
    c.joiner = true;
    c.start_date = *joins;
    // Some new children come a day less than the place's pattern.
    if (std::popcount(c.booking.days) >= 3 && rng.chance(0.3)) {
      for (unsigned bit = 1u << 4; bit != 0; bit >>= 1) {
        if (c.booking.days & bit) {
          c.booking.days &= ~bit;
          break;
        }
      }
    }
  } else {
    const int before = rng.between(14, std::max(14, std::min(1000, age - 100)));
    c.start_date = week_start(plan.from - days{before});
  }
  return c;
}

/// The date the child leaves, if that is within the period.
std::optional<Date> leaving(const Plan& plan, RoomKind kind, const Child& c, Rng& rng) {
  const Date first = std::max(*c.start_date, plan.from);
  Date leave = outgrows(kind, c.date_of_birth, rng);
  const int span = static_cast<int>((plan.to - first).count());
  if (span > 28 && rng.chance(0.08 * span / 365.0)) {  // moves away: 8% a year
    leave = std::min(leave, friday_on_or_before(first + days{rng.between(28, span)}));
  }
  if (leave > plan.to) return std::nullopt;
  return std::max(leave, first);
}

Date next_start(RoomKind kind, Date leave, Rng& rng) {
  const year_month_day ymd{leave};
  if (kind == RoomKind::preschool && ymd.month() == July) {  // the new school year
    return monday_on_or_after(Date{ymd.year() / September / 1}) + days{7 * rng.between(0, 1)};
  }
  return leave + days{3 + 7 * rng.between(0, 3)};
}

}  // namespace

void fill_place(const Plan& plan, int room, const Booking& place, Rng& rng, NameBook& names,
                std::vector<Child>& out) {
  const RoomKind kind = plan.rooms[static_cast<std::size_t>(room)].kind;
  Child c = make_child(plan, room, place, rng, names, std::nullopt);
  while (true) {
    const auto leave = leaving(plan, kind, c, rng);
    if (!leave) break;
    c.leave_date = *leave;
    const Date next = next_start(kind, *leave, rng);
    out.push_back(std::move(c));
    if (next > plan.to) return;
    c = make_child(plan, room, place, rng, names, next);
  }
  out.push_back(std::move(c));
}

}  // namespace attune::gen
