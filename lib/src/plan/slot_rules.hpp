#pragma once
// The statutory rules of one slot with everyone's place known: how far a staffing falls
// short. What the constructive start (construct.hpp) places people by. It reads the
// same numbers as plan::Requirements (required_staff, the profile's shares, who counts
// from StaffCounts), but it is only a guide: every constructed day is checked against
// the rows of the programme itself before it is used. Internal to lib/src/plan.

#include <cstddef>
#include <optional>
#include <vector>

#include "attune/setting.hpp"
#include "requirements.hpp"
#include "rota_model.hpp"
#include "week.hpp"

namespace attune::plan {

class SlotRules {
 public:
  SlotRules(const Setting& setting, const Requirements& requirements);

  /// How many rule-units the people of `day` (week.person_days, one week day) fall short
  /// by in slot `slot`, each where `place` says (a room, SlotState::kBreak or kOff): 0
  /// exactly when every planned rule holds in every piece of the slot (by this reading).
  /// Grows with each adult missing from a ratio and each qualification missing.
  /// CM-ASSISTANT-ALONE, a limit over the whole day, is not counted here: see below.
  [[nodiscard]] int shortfall(const PlanDay& day, std::size_t slot, const std::vector<PersonDay>& people,
                              const std::vector<RoomIndex>& place) const;

  /// CM-ASSISTANT-ALONE's minutes a day of an assistant in sole charge, where the rule is
  /// planned and in force on `date` (and no exception covers the day); else nullopt.
  [[nodiscard]] std::optional<int> sole_charge_limit(Date date) const;
  /// Whether an assistant is in ratio in slot `slot` with children and no childminder
  /// (the rule's sole charge, as Requirements::sole_charge counts it).
  [[nodiscard]] bool sole_charge(const PlanDay& day, std::size_t slot, const std::vector<PersonDay>& people,
                                 const std::vector<RoomIndex>& place) const;

 private:
  [[nodiscard]] bool in_force(const RuleProfile& version, std::string_view rule) const;
  [[nodiscard]] bool excepted(std::string_view rule, Date date, RoomIndex room, TimeWindow time) const;

  const Setting& setting_;
  const Requirements& requirements_;
};

}  // namespace attune::plan
