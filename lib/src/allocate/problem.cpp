// Reading the allocation problem from the setting: pupils, eligibility, minutes, caps.

#include "problem.hpp"

#include <algorithm>
#include <numeric>

namespace attune::alloc {
namespace {

/// One adult's work in one room on one day, as a union of windows (breaks carved out).
struct Presence {
  StaffIndex staff = kNone;
  TimeWindow time;
};

/// The day's work spells by room, each adult's windows in order and merged where they
/// touch, as the continuity ledger merges them.
void presence_by_room(const Day& day, std::size_t rooms, std::vector<std::vector<Presence>>& out) {
  out.resize(rooms);
  for (auto& list : out) list.clear();
  for (const StaffSpell& s : day.staff) {  // sorted by staff, then start
    if (s.kind != ShiftKind::work || s.room == kNone || s.room >= rooms || s.time.length() == 0) continue;
    auto& list = out[s.room];
    if (!list.empty() && list.back().staff == s.staff && s.time.start <= list.back().time.end)
      list.back().time.end = std::max(list.back().time.end, s.time.end);
    else list.push_back(Presence{s.staff, s.time});
  }
}

Minute overlap3(TimeWindow a, TimeWindow b, TimeWindow c) {
  const Minute lo = std::max({a.start, b.start, c.start});
  const Minute hi = std::min({a.end, b.end, c.end});
  return hi > lo ? hi - lo : 0;
}

/// Pupils in children.csv order: every child with attended minutes in the period.
void find_pupils(const Setting& setting, Problem& p, std::vector<std::int32_t>& pupil_of) {
  const std::size_t n = setting.children.size();
  std::vector<long> attended(n, 0);
  std::vector<Date> first(n), last(n);
  for (const Day& day : setting.days) {
    for (const ChildSpell& spell : day.children) {
      if (spell.child >= n || spell.time.length() == 0) continue;
      if (attended[spell.child] == 0) first[spell.child] = day.date;
      attended[spell.child] += spell.time.length();
      last[spell.child] = day.date;
    }
  }
  pupil_of.assign(n, -1);
  for (ChildIndex c = 0; c < n; ++c) {
    if (attended[c] == 0) continue;
    Pupil pupil;
    pupil.child = c;
    pupil.attended = attended[c];
    pupil.first_day = first[c];
    pupil.band = age_band_on(setting.children[c].date_of_birth, first[c]);
    pupil.baby = pupil.band == AgeBand::under_2;
    std::tie(pupil.current_key, pupil.current_buddy) = setting.key_people_on(c, first[c]);
    // A child who has a buddy today keeps having one: losing a buddy is never a gain.
    pupil.needs_buddy = pupil.baby || setting.policy.buddy_for_all || pupil.current_buddy != kNone;
    for (StaffIndex s = 0; s < setting.staff.size(); ++s) {
      // Employment is one stretch of dates: the first and last days attended decide.
      const Staff& st = setting.staff[s];
      if (can_be_key_person(st, first[c]) && can_be_key_person(st, last[c])) pupil.eligible.push_back(s);
    }
    pupil.current_eligible = pupil.current_key != kNone && std::binary_search(pupil.eligible.begin(),
                                                                               pupil.eligible.end(), pupil.current_key);
    pupil_of[c] = static_cast<std::int32_t>(p.pupils.size());
    p.pupils.push_back(std::move(pupil));
  }
}

/// w(p, s) and, for pupils with a buddy, both(p, k, b), over every day of the period.
void measure_minutes(const Setting& setting, Problem& p, const std::vector<std::int32_t>& pupil_of) {
  const std::size_t staff = p.staff_count;
  p.minutes.assign(p.pupils.size() * staff, 0);
  p.buddy_slot.assign(p.pupils.size(), -1);
  std::int32_t slots = 0;
  for (std::size_t i = 0; i < p.pupils.size(); ++i)
    if (p.pupils[i].needs_buddy) p.buddy_slot[i] = slots++;
  p.both.assign(static_cast<std::size_t>(slots) * staff * staff, 0);

  std::vector<std::vector<Presence>> rooms;
  for (const Day& day : setting.days) {
    presence_by_room(day, setting.rooms.size(), rooms);
    for (const ChildSpell& spell : day.children) {
      if (spell.child >= pupil_of.size() || pupil_of[spell.child] < 0 || spell.room >= rooms.size()) continue;
      const auto i = static_cast<std::size_t>(pupil_of[spell.child]);
      const auto& here = rooms[spell.room];
      long* w = &p.minutes[i * staff];
      for (const Presence& a : here) w[a.staff] += overlap_minutes(spell.time, a.time);
      if (p.buddy_slot[i] < 0) continue;
      long* both = &p.both[static_cast<std::size_t>(p.buddy_slot[i]) * staff * staff];
      for (std::size_t x = 0; x < here.size(); ++x) {
        for (std::size_t y = x + 1; y < here.size(); ++y) {
          if (here[x].staff == here[y].staff) continue;
          const Minute m = overlap3(spell.time, here[x].time, here[y].time);
          if (m == 0) continue;
          both[here[x].staff * staff + here[y].staff] += m;
          both[here[y].staff * staff + here[x].staff] += m;
        }
      }
    }
  }
}

/// The caseload of every day, days that count alike kept once.
void count_loads(const Setting& setting, Problem& p, const std::vector<std::int32_t>& pupil_of) {
  const auto& max = setting.policy.max_key_children;
  p.full_units = std::lcm(std::lcm(max[0], max[1]), max[2]);
  std::vector<BandDates> bands;
  bands.reserve(setting.children.size());
  for (const Child& c : setting.children) bands.push_back(band_dates(c.date_of_birth));
  for (const Day& day : setting.days) {
    DayLoad load;
    load.first = day.date;
    load.units.assign(p.pupils.size(), 0);
    load.fixed_key.assign(p.staff_count, 0);
    load.fixed_buddy.assign(p.staff_count, 0);
    load.fixed_key_children.assign(p.staff_count, {0, 0, 0});
    for (ChildIndex c = 0; c < setting.children.size(); ++c) {
      if (!setting.children[c].enrolled_on(day.date)) continue;
      const auto band = static_cast<std::size_t>(bands[c].on(day.date));
      const int units = p.full_units / max[band];
      if (pupil_of[c] >= 0) {
        load.units[static_cast<std::size_t>(pupil_of[c])] = units;
        ++load.pupils_by_band[band];
        if (p.pupils[static_cast<std::size_t>(pupil_of[c])].needs_buddy) ++load.buddied_by_band[band];
        continue;
      }
      ++load.others_by_band[band];
      const auto [key, buddy] = setting.key_people_on(c, day.date);
      if (key < p.staff_count) {
        load.fixed_key[key] += units;
        ++load.fixed_key_children[key][band];
      }
      if (buddy < p.staff_count) load.fixed_buddy[buddy] += units;
    }
    const bool seen = std::any_of(p.loads.begin(), p.loads.end(), [&](const DayLoad& l) {
      return l.units == load.units && l.fixed_key == load.fixed_key && l.fixed_buddy == load.fixed_buddy;
    });
    if (!seen) p.loads.push_back(std::move(load));
  }
}

/// Siblings (the same non-empty family) in the same room share a key person.
void group_families(const Setting& setting, Problem& p) {
  std::vector<std::uint32_t> order(p.pupils.size());
  std::iota(order.begin(), order.end(), 0u);
  auto key = [&](std::uint32_t i) {
    const Child& c = setting.children[p.pupils[i].child];
    return std::pair<const std::string&, RoomIndex>(c.family, c.room);
  };
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j < order.size() && key(order[j]) == key(order[i])) ++j;
    if (!key(order[i]).first.empty() && j - i >= 2) {
      std::vector<std::uint32_t> family(order.begin() + static_cast<std::ptrdiff_t>(i),
                                        order.begin() + static_cast<std::ptrdiff_t>(j));
      std::sort(family.begin(), family.end());
      p.families.push_back(std::move(family));
    }
    i = j;
  }
  std::sort(p.families.begin(), p.families.end());
}

}  // namespace

bool can_be_key_person(const Staff& s, Date date) { return s.employed_on(date) && may_be_key_person(s.role); }

bool Problem::eligible(std::size_t p, StaffIndex s) const {
  return std::binary_search(pupils[p].eligible.begin(), pupils[p].eligible.end(), s);
}

Problem build_problem(const Setting& setting, const AllocateOptions& options) {
  Problem p;
  p.setting = &setting;
  p.staff_count = setting.staff.size();
  p.max_changes = options.max_changes;
  p.reallocate = options.reallocate;
  std::vector<std::int32_t> pupil_of;
  find_pupils(setting, p, pupil_of);
  for (ChildIndex c : options.keep)
    if (c < pupil_of.size() && pupil_of[c] >= 0) p.pupils[static_cast<std::size_t>(pupil_of[c])].keep = true;
  measure_minutes(setting, p, pupil_of);
  count_loads(setting, p, pupil_of);
  group_families(setting, p);
  p.staff_rank.resize(p.staff_count);
  std::vector<StaffIndex> by_id(p.staff_count);
  std::iota(by_id.begin(), by_id.end(), 0u);
  std::sort(by_id.begin(), by_id.end(),
            [&](StaffIndex a, StaffIndex b) { return setting.staff[a].id < setting.staff[b].id; });
  for (std::uint32_t r = 0; r < by_id.size(); ++r) p.staff_rank[by_id[r]] = r;
  return p;
}

}  // namespace attune::alloc
