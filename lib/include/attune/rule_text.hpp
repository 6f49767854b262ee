#pragma once
/// The texts of `attune rules`, `attune explain` and `attune profiles`: what a profile
/// checks, one rule in full, and the profiles installed, laid out for a terminal (78
/// columns). Built from the registry (attune/rule_catalog.hpp) and the profile.

#include <string>
#include <vector>

#include "attune/policy.hpp"
#include "attune/profile.hpp"
#include "attune/rule_catalog.hpp"

namespace attune {

/// Every rule the profile checks in some version, statutory then continuity, with its
/// severity and the dates it applies from or until; then the rules it does not check.
std::string render_rules_listing(const RuleProfile& profile);

/// What `rule` checks, why, what to change, its numbers under each version of the
/// profile (and `policy` for the continuity rules), and its source.
std::string render_rule_explanation(const RuleInfo& rule, const RuleProfile& profile, const ContinuityPolicy& policy);

/// One block per profile: id, title, jurisdiction, kind, and its dated versions.
std::string render_profiles_listing(const std::vector<RuleProfile>& profiles);

/// `text` wrapped at 78 columns, `indent` before every line.
std::string wrap_text(std::string_view text, std::string_view indent);

}  // namespace attune
