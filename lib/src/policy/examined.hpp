#pragma once
// Whether a roster rule had anything to examine in the period: a rule with no finding
// supports a policy answer only when there was something for it to find (a settling-in
// answer is not "supported" by a week in which no child started).

#include <string>
#include <string_view>

#include "attune/render.hpp"

namespace attune::policy {

/// Why `rule` had nothing to examine in the report's period ("no child started in this
/// period"), or empty when it had something.
std::string nothing_to_examine(std::string_view rule, const SettingReport& report);

}  // namespace attune::policy
