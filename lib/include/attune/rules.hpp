#pragma once
/// The rule catalog: every rule's stable id, default severity, and what it checks, why,
/// and what to change. Numbers and sources come from the profile and [policy], never
/// from here.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "attune/finding.hpp"

namespace attune {

enum class RuleFamily : unsigned char {
  statutory,   ///< the EYFS requirements (profile)
  continuity,  ///< key-person and primary-caregiving principles ([policy])
};

struct RuleInfo {
  std::string_view id;
  RuleFamily family;
  Severity severity;       ///< default; a profile may change it
  std::string_view title;  ///< one line
  std::string_view checks; ///< what is measured, exactly
  std::string_view why;    ///< why it matters for the children
  std::string_view fix;    ///< what to change in the rota
  std::string_view numbers;  ///< which profile or policy keys it reads
};

/// Every rule, in the order reports list them.
std::span<const RuleInfo> rule_catalog();

/// nullptr when no rule has this id (ids are matched case-insensitively).
const RuleInfo* find_rule(std::string_view id);

/// Position in the catalog; unknown ids sort last.
int rule_order(std::string_view id);

/// Ids close to a mistyped one, for "did you mean ...?".
std::vector<std::string> similar_rule_ids(std::string_view id);

}  // namespace attune

namespace attune {
struct RuleProfile;
struct ContinuityPolicy;

/// The numbers a rule uses under a profile and policy, in words, e.g.
/// "under 2: 1:3; aged 2: 1:5; 3 and over: 1:8 (1:13 with a graduate ...)".
std::vector<std::string> rule_numbers(std::string_view rule, const RuleProfile& profile,
                                      const ContinuityPolicy& policy);
}  // namespace attune
