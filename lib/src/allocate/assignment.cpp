// Exact judgement of an allocation (see assignment.hpp).

#include "assignment.hpp"

namespace attune::alloc {

std::optional<Share> lowest_coverage(const Problem& p, const Assignment& a, bool babies_only) {
  std::optional<Share> low;
  for (std::size_t i = 0; i < p.pupils.size(); ++i) {
    if (babies_only && !p.pupils[i].baby) continue;
    const Share s = p.coverage(i, a.key[i]);
    if (!low || s < *low) low = s;
  }
  return low;
}

int count_changes(const Problem& p, const Assignment& a) {
  int n = 0;
  for (std::size_t i = 0; i < p.pupils.size(); ++i)
    if (p.pupils[i].current_eligible && a.key[i] != p.pupils[i].current_key) ++n;
  return n;
}

long key_person_minutes(const Problem& p, const Assignment& a) {
  long total = 0;
  for (std::size_t i = 0; i < p.pupils.size(); ++i) total += p.w(i, a.key[i]);
  return total;
}

long key_or_buddy_minutes(const Problem& p, const Assignment& a) {
  long total = 0;
  for (std::size_t i = 0; i < p.pupils.size(); ++i) total += p.familiar(i, a.key[i], a.buddy[i]);
  return total;
}

AllocationObjective objective_of(const Problem& p, const Assignment& a) {
  AllocationObjective o;
  o.min_under_2_coverage = lowest_coverage(p, a, true);
  o.min_coverage = lowest_coverage(p, a, false);
  o.changes = count_changes(p, a);
  o.key_person_minutes = key_person_minutes(p, a);
  o.key_or_buddy_minutes = key_or_buddy_minutes(p, a);
  return o;
}

namespace {

bool within_caps(const Problem& p, const Assignment& a) {
  std::vector<long> key(p.staff_count), buddy(p.staff_count);
  for (const DayLoad& load : p.loads) {
    for (StaffIndex s = 0; s < p.staff_count; ++s) {
      key[s] = load.fixed_key[s];
      buddy[s] = load.fixed_buddy[s];
    }
    for (std::size_t i = 0; i < p.pupils.size(); ++i) {
      key[a.key[i]] += load.units[i];
      if (a.buddy[i] != kNone) buddy[a.buddy[i]] += load.units[i];
    }
    for (StaffIndex s = 0; s < p.staff_count; ++s)
      if (key[s] > p.full_units || buddy[s] > p.full_units) return false;
  }
  return true;
}

}  // namespace

bool keeps_rules(const Problem& p, const Assignment& a) {
  if (a.key.size() != p.pupils.size() || a.buddy.size() != p.pupils.size()) return false;
  for (std::size_t i = 0; i < p.pupils.size(); ++i) {
    const Pupil& pupil = p.pupils[i];
    if (a.key[i] >= p.staff_count || !p.eligible(i, a.key[i])) return false;
    if (pupil.needs_buddy) {
      if (a.buddy[i] >= p.staff_count || !p.eligible(i, a.buddy[i]) || a.buddy[i] == a.key[i]) return false;
    } else if (a.buddy[i] != kNone) {
      return false;
    }
    if (pupil.keep && pupil.current_eligible && a.key[i] != pupil.current_key) return false;
  }
  for (const auto& family : p.families)
    for (std::uint32_t i : family)
      if (a.key[i] != a.key[family.front()]) return false;
  if (p.max_changes && count_changes(p, a) > *p.max_changes) return false;
  return within_caps(p, a);
}

}  // namespace attune::alloc
