#pragma once
// `attune check SETTING --absent STAFF --date D`: the what-if. The absent people's shifts
// are removed before the check; the note says which statutory breaches the absence
// causes and points to `attune cover` for the least change that covers them.

#include <optional>
#include <string>
#include <vector>

#include "attune/check.hpp"
#include "inputs.hpp"

namespace attune::cli {

struct WhatIf {
  std::vector<StaffIndex> absent;
  CheckResult baseline;  ///< the check with everyone there
};

/// Resolves `ids` in the loaded setting, checks it as rostered, then removes the absent
/// people's shifts. Unknown ids go to `problems` (with "did you mean"); nullopt then.
std::optional<WhatIf> apply_absence(LoadedSetting& loaded, const std::vector<std::string>& ids,
                                    const CheckOptions& options, std::string& problems);

/// The what-if note for the text report (or standard error): the statutory findings of
/// `result` that the rota with everyone there does not have, and the `attune cover`
/// command that would cover them.
std::string what_if_note(const LoadedSetting& loaded, const WhatIf& what_if, const CheckResult& result,
                         const std::string& path, bool redact);

}  // namespace attune::cli
