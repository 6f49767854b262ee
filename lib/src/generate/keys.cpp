// Key persons and buddies. Each child's key person is someone of the room's core team
// (not a student), preferably employed for the whole of the child's time in the period,
// with room in their caseload (at most 4 under 2, 6 aged 2 or 8 older, counted in 24ths
// so mixed caseloads add up exactly); the buddy is another of the team. When either
// leaves, the colleague who takes over their job takes over the child from the next day
// (a row of allocations.csv), as a nursery would tell the parents.

#include <algorithm>
#include <array>

#include "attune/age_band.hpp"
#include "plan.hpp"

namespace attune::gen {
namespace {

constexpr int kFullCaseload = 24;

struct Load {
  Date from{}, to{};
  int weight = 0;
};

int weight_of(AgeBand band) {
  switch (band) {
    case AgeBand::under_2: return 6;  // 24 / 4
    case AgeBand::age_2: return 4;    // 24 / 6
    case AgeBand::age_3_plus: break;
  }
  return 3;  // 24 / 8
}

/// The heaviest caseload of `loads` on any day of [from, to].
int peak(const std::vector<Load>& loads, Date from, Date to) {
  int best = 0;
  const auto at = [&](Date d) {
    int sum = 0;
    for (const Load& l : loads) {
      if (l.from <= d && d <= l.to) sum += l.weight;
    }
    best = std::max(best, sum);
  };
  at(from);
  for (const Load& l : loads) {
    if (l.from > from && l.from <= to) at(l.from);
  }
  return best;
}

bool employed_throughout(const Staff& s, Date from, Date to) { return s.employed(from) && s.employed(to); }

/// Whoever holds `person`'s job on `d`, following successors; -1 if nobody.
int holder_on(const Plan& plan, int person, Date d) {
  while (person >= 0) {
    const Staff& s = plan.staff[static_cast<std::size_t>(person)];
    if (!s.leave_date || d <= *s.leave_date) return person;
    person = s.successor;
  }
  return -1;
}

/// The days after `from` (up to `to`) on which the key person or buddy leaves.
std::vector<Date> change_days(const Plan& plan, const Child& c, Date from, Date to) {
  std::vector<Date> out;
  for (int start : {c.key_person, c.buddy}) {
    for (int p = start; p >= 0;) {
      const Staff& s = plan.staff[static_cast<std::size_t>(p)];
      if (!s.leave_date || *s.leave_date >= to) break;
      const Date next = *s.leave_date + std::chrono::days{1};
      if (next > from) out.push_back(next);
      p = s.successor;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

void assign_key_persons(Plan& plan, Rng& rng) {
  std::vector<std::vector<Load>> loads(plan.staff.size());
  std::vector<int> buddy_count(plan.staff.size(), 0);
  // The children there at the start first (they fill the caseloads), then newcomers.
  for (Child& c : plan.children) {
    const Date from = std::max(*c.start_date, plan.from);
    const Date to = c.leave_date ? std::min(*c.leave_date, plan.to) : plan.to;
    const int weight = weight_of(age_band_on(c.date_of_birth, from));
    std::vector<int> team;
    for (const auto& holders : plan.rooms[static_cast<std::size_t>(c.room)].home) {
      for (int s : holders) {
        if (plan.staff[static_cast<std::size_t>(s)].employed(from)) team.push_back(s);
      }
    }
    // Shuffle, so that ties do not always go to the same person.
    for (std::size_t i = team.size(); i > 1; --i) {
      std::swap(team[i - 1], team[static_cast<std::size_t>(rng.below(static_cast<int>(i)))]);
    }
    int best = -1, best_load = 0;
    for (int s : team) {
      const Staff& person = plan.staff[static_cast<std::size_t>(s)];
      if (!person.can_be_key || !employed_throughout(person, from, to)) continue;
      const int load = peak(loads[static_cast<std::size_t>(s)], from, to) + weight;
      if (load <= kFullCaseload && (best < 0 || load < best_load)) best = s, best_load = load;
    }
    if (best < 0) {  // everyone full: the least loaded key person employed on the first day
      for (int s : team) {
        if (!plan.staff[static_cast<std::size_t>(s)].can_be_key) continue;
        const int load = peak(loads[static_cast<std::size_t>(s)], from, to);
        if (best < 0 || load < best_load) best = s, best_load = load;
      }
    }
    c.key_person = best;
    if (best >= 0) loads[static_cast<std::size_t>(best)].push_back({from, to, weight});
    int buddy = -1;
    for (int pass = 0; pass < 2 && buddy < 0; ++pass) {  // someone staying the whole time, if possible
      for (int s : team) {
        const Staff& person = plan.staff[static_cast<std::size_t>(s)];
        if (s == best || !person.can_be_key || (pass == 0 && !employed_throughout(person, from, to))) continue;
        if (buddy < 0 || buddy_count[static_cast<std::size_t>(s)] < buddy_count[static_cast<std::size_t>(buddy)])
          buddy = s;
      }
    }
    c.buddy = buddy;
    if (buddy >= 0) ++buddy_count[static_cast<std::size_t>(buddy)];
    for (Date d : change_days(plan, c, from, to)) {
      const KeyChange change{d, holder_on(plan, c.key_person, d), holder_on(plan, c.buddy, d)};
      if (change.key_person >= 0 && change.key_person != holder_on(plan, c.key_person, d - std::chrono::days{1}))
        loads[static_cast<std::size_t>(change.key_person)].push_back({d, to, weight});
      c.changes.push_back(change);
    }
  }
}

}  // namespace attune::gen
