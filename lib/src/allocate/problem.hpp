#pragma once
// The allocation problem in exact integers, read once from the setting: who is allocated,
// who may be their key person or buddy, the minutes each adult would give each child,
// and the caseload caps day by day. Everything the solver sees, and everything the exact
// checks of its answers use, comes from here. Internal to lib/src/allocate.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "attune/allocate.hpp"
#include "attune/setting.hpp"

namespace attune::alloc {

/// A child attending in the period: the one being allocated.
struct Pupil {
  ChildIndex child = kNone;
  AgeBand band = AgeBand::under_2;  ///< on the first day attended
  bool baby = false;                ///< under 2 on the first day attended
  /// A baby, every child with [policy] buddy_for_all, and a child with a buddy today
  /// (on the first day attended): keeping a buddy is never a loss for the child.
  bool needs_buddy = false;
  long attended = 0;                ///< minutes attended over the period
  Date first_day{};
  StaffIndex current_key = kNone;   ///< on the first day attended
  StaffIndex current_buddy = kNone;
  bool current_eligible = false;    ///< the current key person could go on being one
  bool keep = false;                ///< --keep: the current key person is held
  std::vector<StaffIndex> eligible; ///< who may be key person (and buddy), by staff index
};

/// The caseloads on a set of days that all count the same way (the same children
/// enrolled, in the same bands, and the same fixed loads): one row per adult.
struct DayLoad {
  Date first{};                    ///< the first such day (for messages)
  std::vector<int> units;          ///< per pupil: 0 when not enrolled, else lcm / max for the band
  std::vector<int> fixed_key;      ///< per staff: units of children not attending who keep them
  std::vector<int> fixed_buddy;
  std::vector<std::array<int, kAgeBandCount>> fixed_key_children;  ///< per staff, by band
  std::array<int, kAgeBandCount> pupils_by_band{0, 0, 0};          ///< enrolled pupils that day
  std::array<int, kAgeBandCount> buddied_by_band{0, 0, 0};
  std::array<int, kAgeBandCount> others_by_band{0, 0, 0};          ///< enrolled, not attending
};

/// An allocation of the pupils: a key person each, a buddy for those who need one.
struct Assignment {
  std::vector<StaffIndex> key;
  std::vector<StaffIndex> buddy;  ///< kNone for pupils without a buddy
  friend bool operator==(const Assignment&, const Assignment&) = default;
};

struct Problem {
  const Setting* setting = nullptr;
  std::vector<Pupil> pupils;
  std::size_t staff_count = 0;
  /// w(p, s): minutes of pupil p's attended time with s working in the room p is in.
  std::vector<long> minutes;
  /// both(p, k, b) for pupils with a buddy: minutes with k and b both there; indexed by
  /// buddy_slot[p] * staff^2 + k * staff + b.
  std::vector<long> both;
  std::vector<std::int32_t> buddy_slot;  ///< -1 for pupils without a buddy
  int full_units = 1;                    ///< the lcm of max_key_children: a full caseload
  std::vector<DayLoad> loads;
  std::vector<std::vector<std::uint32_t>> families;  ///< pupils who share a key person (2 or more)
  std::vector<std::uint32_t> staff_rank;             ///< position of each staff id in id order
  std::optional<int> max_changes;
  bool reallocate = false;

  [[nodiscard]] long w(std::size_t p, StaffIndex s) const { return minutes[p * staff_count + s]; }
  [[nodiscard]] long together(std::size_t p, StaffIndex k, StaffIndex b) const {
    return both[static_cast<std::size_t>(buddy_slot[p]) * staff_count * staff_count + k * staff_count + b];
  }
  /// Minutes with the key person or the buddy (the buddy may be kNone).
  [[nodiscard]] long familiar(std::size_t p, StaffIndex k, StaffIndex b) const {
    if (b == kNone) return w(p, k);
    return w(p, k) + w(p, b) - together(p, k, b);
  }
  [[nodiscard]] Share coverage(std::size_t p, StaffIndex s) const { return Share{w(p, s), pupils[p].attended}; }
  [[nodiscard]] bool eligible(std::size_t p, StaffIndex s) const;
};

/// Reads the problem from the setting. `keep` names children (by index); one who does not
/// attend is ignored. Throws nothing: problems that make it unsolvable are found later.
Problem build_problem(const Setting& setting, const AllocateOptions& options);

/// Whether `s` can be a key person (or buddy) on `date`, as KP-VALID decides.
bool can_be_key_person(const Staff& s, Date date);

}  // namespace attune::alloc
