// Staff of a synthetic setting: a manager, a core team per room (a room leader and
// level 3s who rotate through the early, middle and late shifts, and sometimes a level
// 2, apprentice or student on a fixed middle shift), a floater who covers absences, a
// cook; staff turnover, annual leave, and first aid certificates.

#include <array>
#include <fmt/format.h>

#include "plan.hpp"

namespace attune::gen {
namespace {

using std::chrono::days;

constexpr int kYear = 365;

Date born(Rng& rng, Date on, int min_years, int max_years) {
  return on - days{rng.between(min_years * kYear + min_years / 4, max_years * kYear + max_years / 4 + 364)};
}

/// A start date `min_days` to `max_days` before the period, a Monday, at 16 or older.
Date started(const Plan& plan, Rng& rng, const Staff& s, int min_days, int max_days) {
  Date d = week_start(plan.from - days{rng.between(min_days, max_days)});
  const Date sixteen = s.date_of_birth + days{16 * kYear + 4};
  return d < sixteen ? monday_on_or_after(sixteen) : d;
}

Date valid_pfa(const Plan& plan, Rng& rng) { return plan.to + days{rng.between(61, 1000)}; }

Staff person(const Plan& plan, Rng& rng, NameBook& names, int min_age, int max_age) {
  Staff s;
  s.name = names.adult();
  s.date_of_birth = born(rng, plan.from, min_age, max_age);
  s.pfa_expiry = valid_pfa(plan, rng);
  return s;
}

/// The first slot that neither opens nor closes: where a colleague below level 3 works.
int middle_slot(const Plan& plan, const Room& room) {
  for (std::size_t k = 0; k < room.slots.size(); ++k) {
    const TimeWindow w = room.slots[k].work;
    if (w.start != plan.open && w.end != plan.close) return static_cast<int>(k);
  }
  return -1;
}

Staff room_member(const Plan& plan, Rng& rng, NameBook& names, const Room& room, bool leader,
                  bool fixed) {
  const bool babies = room.kind == RoomKind::babies;
  const double trained = babies ? 1.0 : room.kind == RoomKind::toddlers ? 0.4 : 0.2;
  const double experienced = babies ? 1.0 : room.kind == RoomKind::toddlers ? 0.5 : 0.3;
  Staff s = person(plan, rng, names, leader ? 25 : 20, 56);
  s.baby_training = rng.chance(trained);
  s.under_2_experience = rng.chance(experienced);
  if (leader) {
    s.role = "room_leader";
    if (room.kind == RoomKind::preschool) {
      static constexpr std::array<std::string_view, 4> kQuals{"eyts", "qts", "level6", "level3"};
      static constexpr std::array<int, 4> kWeights{20, 10, 10, 60};
      s.qualification = kQuals[static_cast<std::size_t>(rng.weighted(kWeights))];
    }
    s.start_date = started(plan, rng, s, 365, 12 * kYear);
    return s;
  }
  s.start_date = started(plan, rng, s, 100, 10 * kYear);
  if (!fixed) return s;
  static constexpr std::array<int, 3> kFixed{50, 25, 25};  // level 2, apprentice, student
  const int kind = rng.weighted(kFixed);
  s.baby_training = rng.chance(babies ? 0.6 : trained);
  s.under_2_experience = rng.chance(babies ? 0.4 : experienced);
  if (kind == 0) {
    s.qualification = "level2";
    if (rng.chance(0.25)) s.pfa_expiry.reset();  // no certificate
    return s;
  }
  s.date_of_birth = born(rng, plan.from, 17, 19);
  s.role = kind == 1 ? "apprentice" : "student";
  s.qualification = kind == 1 && rng.chance(0.5) ? "level2" : "none";
  s.studying = "level3";
  s.can_be_key = kind == 1;  // a student cannot be a key person
  s.start_date = started(plan, rng, s, 30, kind == 1 ? 540 : 180);
  return s;
}

std::size_t add(Plan& plan, Staff s) {
  plan.staff.push_back(std::move(s));
  return plan.staff.size() - 1;
}

void add_core_teams(Plan& plan, Rng& rng, NameBook& names) {
  for (std::size_t r = 0; r < plan.rooms.size(); ++r) {
    Room& room = plan.rooms[r];
    const int fixed = rng.chance(0.25) ? -1 : middle_slot(plan, room);  // else all level 3
    for (std::size_t k = 0; k < room.slots.size(); ++k) {
      const bool is_fixed = static_cast<int>(k) == fixed;
      Staff s = room_member(plan, rng, names, room, k == 0, is_fixed);
      s.room = static_cast<int>(r);
      s.slot = static_cast<int>(k);
      room.rotating[k] = !is_fixed;
      room.home[k].push_back(static_cast<int>(add(plan, std::move(s))));
    }
  }
}

}  // namespace

void plan_staff(Plan& plan, Rng& rng, NameBook& names) {
  Staff manager = person(plan, rng, names, 32, 58);
  manager.role = "manager";
  static constexpr std::array<std::string_view, 3> kQuals{"level3", "level6", "eyts"};
  static constexpr std::array<int, 3> kWeights{30, 50, 20};
  manager.qualification = kQuals[static_cast<std::size_t>(rng.weighted(kWeights))];
  manager.baby_training = manager.under_2_experience = true;
  manager.start_date = started(plan, rng, manager, 2 * kYear, 15 * kYear);
  manager.duty = Duty::manager;
  plan.manager = static_cast<int>(add(plan, std::move(manager)));

  add_core_teams(plan, rng, names);

  Staff floater = person(plan, rng, names, 22, 50);
  floater.baby_training = floater.under_2_experience = true;
  floater.start_date = started(plan, rng, floater, 180, 6 * kYear);
  floater.duty = Duty::floater;
  floater.room = plan.floater_room;
  plan.floater = static_cast<int>(add(plan, std::move(floater)));

  if (rng.chance(0.8)) {
    Staff cook = person(plan, rng, names, 30, 62);
    cook.role = "cook";
    cook.qualification = "none";
    cook.in_ratio = cook.can_be_key = false;
    if (rng.chance(0.3)) cook.pfa_expiry.reset();
    cook.start_date = started(plan, rng, cook, 100, 8 * kYear);
    cook.duty = Duty::cook;
    plan.cook = static_cast<int>(add(plan, std::move(cook)));
  }
  plan_turnover(plan, rng, names);
  plan_annual_leave(plan, rng);
  plan_expiring_certificates(plan, rng);
  const int width = plan.staff.size() > 99 ? 3 : 2;
  for (std::size_t i = 0; i < plan.staff.size(); ++i) plan.staff[i].id = fmt::format("s{:0{}}", i + 1, width);
}

}  // namespace attune::gen
