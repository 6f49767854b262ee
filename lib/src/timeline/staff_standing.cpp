#include <algorithm>

#include "attune/timeline.hpp"

namespace attune {

StaffStanding staff_standing(const Staff& staff, Date date, const RuleProfile& profile_versions) {
  const RuleProfile& profile = profile_versions.on(date);
  StaffStanding s;
  s.pfa = staff.pfa_valid_on(date);
  if (staff.date_of_birth) {
    const int minimum =
        staff.role == Role::apprentice ? profile.minimum_age_apprentice : profile.minimum_age;
    s.under_age = age_in_years(*staff.date_of_birth, date) < minimum;
  }
  const bool counts = staff.in_ratio.value_or(profile.counts_in_ratio_by_default(staff.role));
  s.in_ratio = counts && !s.under_age && staff.employed_on(date);

  s.counts_as = staff.qualification;
  const bool trainee = staff.role == Role::student || staff.role == Role::apprentice;
  // Without a pfa_expiry column nothing is known about certificates: no one loses
  // standing for it (issue 15), so a trainee still counts, at the level below.
  if (trainee && s.in_ratio && profile.trainees_need_pfa_to_count && staff.pfa_recorded && !s.pfa) {
    s.in_ratio = false;
    s.trainee_without_pfa = true;
  }
  if (trainee && staff.studying && profile.trainees_count_level_below &&
      (s.pfa || !profile.trainees_need_pfa || !staff.pfa_recorded)) {
    const Qualification below = level_below(*staff.studying);
    if (qualification_level(below) > qualification_level(s.counts_as)) s.counts_as = below;
  }
  return s;
}

}  // namespace attune
