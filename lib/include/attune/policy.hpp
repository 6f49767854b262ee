#pragma once
/// The setting's own continuity-of-care thresholds ([policy] in setting.toml).
/// The defaults below are the documented defaults of DESIGN §2; a setting overrides
/// any of them.

#include <array>

#include "attune/age_band.hpp"

namespace attune {

struct ContinuityPolicy {
  double key_person_coverage_min = 0.60;
  double key_or_buddy_coverage_min = 0.90;
  int handover_window_minutes = 15;
  int settling_in_sessions = 5;
  std::array<int, kAgeBandCount> max_key_children{4, 6, 8};
  std::array<int, kAgeBandCount> max_distinct_carers_per_week{6, 8, 10};
  int pfa_expiry_warning_days = 60;
  /// KP-ROOM: share of the key person's work time that is in the child's room.
  double key_person_room_share_min = 0.5;
  /// TRANSITION: minutes the child spends with the new key person before a change.
  int transition_together_minutes = 60;
  /// Every child has a buddy, not only the under-2s (what `attune allocate` proposes).
  bool buddy_for_all = false;
};

}  // namespace attune
