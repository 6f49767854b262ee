// Changes to the staff over the period: someone leaves on a Friday and a replacement
// with the same job starts on the Monday, taking over their key children; annual leave, a week at a time, one room
// colleague per week so that the floater can cover; a first aid certificate or two that
// runs out.

#include <algorithm>

#include "plan.hpp"

namespace attune::gen {
namespace {

using std::chrono::days;

int period_days(const Plan& plan) { return static_cast<int>((plan.to - plan.from).count()) + 1; }

/// True if `s` is employed on every weekday of week `w` that lies in the period.
bool whole_week(const Plan& plan, const Staff& s, int w) {
  const Date monday = week_start(plan.from) + days{7 * w};
  const Date first = std::max(monday, plan.from);
  const Date last = std::min(monday + days{4}, plan.to);
  return first <= last && s.employed(first) && s.employed(last);
}

int leave_weeks_wanted(const Plan& plan, Rng& rng) {
  const double expected = 3.0 * plan.options.weeks / 52.0;  // three weeks a year
  int n = static_cast<int>(expected);
  if (rng.chance(expected - n)) ++n;
  return n;
}

}  // namespace

void plan_turnover(Plan& plan, Rng& rng, NameBook& names) {
  const int length = period_days(plan);
  if (length < 21) return;
  const double p = std::min(0.9, 0.2 * plan.options.weeks / 52.0);
  const std::size_t team = plan.staff.size();
  for (std::size_t i = 0; i < team; ++i) {
    if (plan.staff[i].duty != Duty::room || !rng.chance(p)) continue;
    const Date leave = friday_on_or_before(plan.from + days{rng.between(10, length - 4)});
    const Date join = leave + days{3};
    if (leave < plan.from || join > plan.to) continue;
    Staff next = plan.staff[i];
    const bool trainee = next.role == "apprentice" || next.role == "student";
    next.name = names.adult();
    next.date_of_birth = join - days{rng.between(trainee ? 17 * 365 + 4 : 20 * 365 + 5,
                                                 trainee ? 19 * 365 + 360 : 50 * 365)};
    next.pfa_expiry = plan.to + days{rng.between(61, 1000)};
    next.start_date = join;
    next.leave_date.reset();
    plan.staff[i].leave_date = leave;
    plan.staff[i].successor = static_cast<int>(plan.staff.size());
    plan.staff.push_back(std::move(next));
    const Staff& added = plan.staff.back();
    plan.rooms[static_cast<std::size_t>(added.room)].home[static_cast<std::size_t>(added.slot)].push_back(
        static_cast<int>(plan.staff.size() - 1));
  }
}

void plan_annual_leave(Plan& plan, Rng& rng) {
  const int weeks = plan.week_count();
  std::vector<bool> taken(static_cast<std::size_t>(weeks), false);
  const auto book = [&](Staff& s, bool floater) {
    const int wanted = leave_weeks_wanted(plan, rng);
    for (int attempt = 0; attempt < 40 && static_cast<int>(s.leave_weeks.size()) < wanted; ++attempt) {
      const int w = rng.below(weeks);
      if (taken[static_cast<std::size_t>(w)] || !whole_week(plan, s, w)) continue;
      if (!floater) taken[static_cast<std::size_t>(w)] = true;  // the floater covers this week
      s.leave_weeks.push_back(w);
    }
    std::sort(s.leave_weeks.begin(), s.leave_weeks.end());
  };
  for (Staff& s : plan.staff) {
    if (s.duty == Duty::room) book(s, false);
  }
  book(plan.staff[static_cast<std::size_t>(plan.floater)], true);
}

void plan_expiring_certificates(Plan& plan, Rng& rng) {
  std::vector<std::size_t> level3s;
  for (std::size_t i = 0; i < plan.staff.size(); ++i) {
    const Staff& s = plan.staff[i];
    if (s.duty == Duty::room && s.role == "practitioner" && s.qualification == "level3" && s.pfa_expiry)
      level3s.push_back(i);
  }
  if (level3s.empty()) return;
  // One certificate runs out near the end of the period; perhaps another soon after it.
  const std::size_t first = level3s[static_cast<std::size_t>(rng.below(static_cast<int>(level3s.size())))];
  plan.staff[first].pfa_expiry = plan.to - days{rng.between(0, std::min(120, period_days(plan) / 2))};
  if (level3s.size() > 1 && rng.chance(0.5)) {
    std::size_t second = first;
    while (second == first) second = level3s[static_cast<std::size_t>(rng.below(static_cast<int>(level3s.size())))];
    plan.staff[second].pfa_expiry = plan.to + days{rng.between(1, 55)};
  }
}

}  // namespace attune::gen
