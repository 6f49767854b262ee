// The registry: the one list of rules. A rule is registered by adding its unit (the
// RuleInfo defined beside its check, in this folder) here, at the place its findings
// should come in reports. Everything that knows rule ids reads this list through
// attune/rule_catalog.hpp; tests/unit/registry_test.cpp fails when a registered rule
// has no documentation, no source in a profile that enables it, or no CLI case.

#include <array>
#include <utility>

#include "rule.hpp"

namespace attune::rules {

// Each is defined in the file of its check.
extern const RuleInfo kKpAssigned, kKpValid;                                       // key_person_rules.cpp
extern const RuleInfo kRatioSetting, kRatioRoom;                                   // ratio_rules.cpp
extern const RuleInfo kGroupSize;                                                  // group_size_rule.cpp
extern const RuleInfo kAdultsMin;                                                  // adults_min_rule.cpp
extern const RuleInfo kCmUnder12, kCmUnder8, kCmYoung, kCmUnder1;                  // childminder_rules.cpp
extern const RuleInfo kCmAssistantAlone;                                           // assistant_alone_rule.cpp
extern const RuleInfo kCmWorkingTogether;                                          // working_together_rule.cpp
extern const RuleInfo kQualShare;                                                  // qual_share_rule.cpp
extern const RuleInfo kPfaPerChildren;                                             // pfa_per_children_rule.cpp
extern const RuleInfo kQualLevel3, kQualLevel2Half, kQualBabyTraining, kU2RoomLead;  // qualification_rules.cpp
extern const RuleInfo kPfaOnSite, kPfaMealtime, kPfaExpiry;                        // first_aid_rules.cpp
extern const RuleInfo kStaffAge;                                                   // staff_age_rule.cpp
extern const RuleInfo kTraineePfa;                                                 // trainee_pfa_rule.cpp
extern const RuleInfo kKpCoverage, kKpBuddyCoverage, kKpHandover;                  // coverage_rules.cpp
extern const RuleInfo kKpCaseload, kKpRoom, kBuddyAssigned;                        // allocation_rules.cpp
extern const RuleInfo kCarersDistinct;                                             // coverage_rules.cpp
extern const RuleInfo kSettlingIn, kTransition;                                    // transition_rules.cpp
extern const RuleInfo kCarePrimary;                                                // care_primary_rule.cpp

namespace {

/// The order of this list is the order of findings in every report.
constexpr std::array kRegistry{
    // statutory
    &kKpAssigned, &kKpValid, &kRatioSetting, &kRatioRoom, &kGroupSize, &kAdultsMin, &kCmUnder12, &kCmUnder8,
    &kCmYoung, &kCmUnder1, &kCmAssistantAlone, &kCmWorkingTogether, &kQualLevel3, &kQualLevel2Half, &kQualShare,
    &kQualBabyTraining, &kU2RoomLead, &kPfaOnSite, &kPfaPerChildren, &kPfaMealtime, &kPfaExpiry, &kStaffAge,
    &kTraineePfa,
    // continuity of care
    &kKpCoverage, &kKpBuddyCoverage, &kKpHandover, &kKpCaseload, &kKpRoom, &kBuddyAssigned, &kCarersDistinct,
    &kSettlingIn, &kTransition, &kCarePrimary,
};

template <std::size_t... I>
std::array<RuleInfo, kRegistry.size()> copy_registry(std::index_sequence<I...>) {
  return {*kRegistry[I]...};
}

/// The entries side by side (made on first use: the units are in other files).
const std::array<RuleInfo, kRegistry.size()>& catalog() {
  static const auto table = copy_registry(std::make_index_sequence<kRegistry.size()>{});
  return table;
}

}  // namespace

std::vector<std::unique_ptr<Rule>> make_rules() {
  std::vector<std::unique_ptr<Rule>> out;
  out.reserve(catalog().size());
  for (const RuleInfo& info : catalog()) {
    out.push_back(info.make());
    out.back()->info_ = &info;
  }
  return out;
}

}  // namespace attune::rules

namespace attune {

std::span<const RuleInfo> rule_catalog() { return rules::catalog(); }

}  // namespace attune
