#pragma once
/// Staff members: roles, qualifications and what they are allowed to count as.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "attune/calendar.hpp"

namespace attune {

enum class Role : unsigned char {
  practitioner, room_leader, manager, student, apprentice, volunteer, cook, admin,
  childminder,  ///< a registered childminder (childminder settings)
  assistant,    ///< a childminder's assistant or co-childminder
  bank,  ///< bank or agency cover: in ratio, never a key person or buddy
};

/// Qualifications in the order of level. qts, eyts and eyps are graduate (level 6)
/// qualifications; which of them allow the 1:13 ratio is the profile's decision.
enum class Qualification : unsigned char { none, level2, level3, level6, qts, eyts, eyps };

std::string_view role_id(Role role);
std::optional<Role> parse_role(std::string_view text);
std::string_view qualification_id(Qualification q);
std::optional<Qualification> parse_qualification(std::string_view text);

/// Whether someone in `role` may be a child's key person (or buddy). The one list, read by
/// KP-VALID and by `attune allocate`'s eligibility: a new role must be decided here (the
/// switch has no default, so the build fails until it is).
bool may_be_key_person(Role role);

/// 0 (none), 2, 3 or 6.
int qualification_level(Qualification q);

/// The qualification one level below `studying` that a student or apprentice counts
/// at: level 3 -> level 2; level 6, QTS, EYTS, EYPS -> level 3; level 2 -> none.
Qualification level_below(Qualification studying);

/// A member of staff, as staff.csv describes them.
struct Staff {
  std::string id;
  std::string name;
  std::optional<Date> date_of_birth;
  Role role = Role::practitioner;
  Qualification qualification = Qualification::none;
  std::optional<Date> pfa_expiry;  ///< last day the paediatric first aid certificate is valid
  /// False when staff.csv has no pfa_expiry column: not recorded is not "no certificate",
  /// so nobody loses standing for it (a student still counts at the level below).
  bool pfa_recorded = true;
  bool baby_training = false;
  std::optional<Date> start_date;
  std::optional<Date> leave_date;
  std::optional<bool> in_ratio;                 ///< as recorded; nullopt = the role's default
  std::optional<Qualification> studying;        ///< students and apprentices
  std::optional<bool> under_2_experience;       ///< nullopt = not recorded
  /// Minutes a week the contract pays for (work plus non-contact, breaks excluded), for
  /// the planners; nullopt = not recorded.
  std::optional<int> contracted_minutes_per_week;

  /// Employed on `date` (start_date <= date <= leave_date, where given).
  [[nodiscard]] bool employed_on(Date date) const;
  /// Holds an in-date paediatric first aid certificate on `date`.
  [[nodiscard]] bool pfa_valid_on(Date date) const;
};

}  // namespace attune
