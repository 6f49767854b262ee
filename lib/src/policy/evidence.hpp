#pragma once
// What the rosters say about a rule, in a sentence an inspector can read:
// "2 children had their key person present less than 60% of their time (worst: 53%, Oliver Grant)".

#include <string>
#include <vector>

#include "attune/render.hpp"

namespace attune::policy {

/// One sentence for the warning and error findings of `rule` (empty if there are none).
std::string describe_findings(std::string_view rule, const std::vector<const Finding*>& findings,
                              const SettingReport& report, bool redact);

}  // namespace attune::policy
