#include "attune/staff.hpp"

#include "enum_names.hpp"
#include "names.hpp"

namespace attune {

namespace detail {
constexpr auto kRoleNames = make_enum_names<Role>(
    std::pair{Role::practitioner, "practitioner"}, std::pair{Role::room_leader, "room_leader"},
    std::pair{Role::manager, "manager"}, std::pair{Role::student, "student"},
    std::pair{Role::apprentice, "apprentice"}, std::pair{Role::volunteer, "volunteer"},
    std::pair{Role::cook, "cook"}, std::pair{Role::admin, "admin"}, std::pair{Role::childminder, "childminder"},
    std::pair{Role::assistant, "assistant"}, std::pair{Role::bank, "bank"});

constexpr auto kQualificationNames = make_enum_names<Qualification>(
    std::pair{Qualification::none, "none"}, std::pair{Qualification::level2, "level2"},
    std::pair{Qualification::level3, "level3"}, std::pair{Qualification::level6, "level6"},
    std::pair{Qualification::qts, "qts"}, std::pair{Qualification::eyts, "eyts"},
    std::pair{Qualification::eyps, "eyps"});

std::string role_choices() { return kRoleNames.choices(); }
std::string qualification_choices() { return kQualificationNames.choices(); }
}  // namespace detail

std::string_view role_id(Role role) { return detail::kRoleNames.name(role); }
std::optional<Role> parse_role(std::string_view text) { return detail::kRoleNames.parse(text); }
std::string_view qualification_id(Qualification q) { return detail::kQualificationNames.name(q); }
std::optional<Qualification> parse_qualification(std::string_view text) {
  return detail::kQualificationNames.parse(text);
}

bool may_be_key_person(Role role) {
  switch (role) {
    case Role::practitioner:
    case Role::room_leader:
    case Role::manager:
    case Role::apprentice:   // apprentices are employed (KP-VALID allows them)
    case Role::childminder:
    case Role::assistant: return true;  // a childminder's assistant, from 4 January 2024
    case Role::student:
    case Role::volunteer:
    case Role::cook:
    case Role::admin:
    case Role::bank: return false;  // bank or agency cover
  }
  return false;
}

int qualification_level(Qualification q) {
  switch (q) {
    case Qualification::none: return 0;
    case Qualification::level2: return 2;
    case Qualification::level3: return 3;
    case Qualification::level6:
    case Qualification::qts:
    case Qualification::eyts:
    case Qualification::eyps: return 6;
  }
  return 0;
}

Qualification level_below(Qualification studying) {
  switch (qualification_level(studying)) {
    case 6: return Qualification::level3;
    case 3: return Qualification::level2;
    default: return Qualification::none;
  }
}

bool Staff::employed_on(Date date) const {
  if (start_date && date < *start_date) return false;
  if (leave_date && date > *leave_date) return false;
  return true;
}

bool Staff::pfa_valid_on(Date date) const { return pfa_expiry && date <= *pfa_expiry; }

}  // namespace attune
