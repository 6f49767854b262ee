#pragma once
// Finding and loading a rule profile by name (templates/profiles/<name>.toml) or path.

#include <filesystem>
#include <optional>
#include <string>

#include "attune/profile.hpp"
#include "command.hpp"

namespace attune::cli {

/// Loads the profile `name`; a path is relative to `base_dir`. When it cannot be found
/// or read, says why (prefixed by `context`, e.g. the setting file) in `problems`, or on
/// stderr when `problems` is null, and returns nullopt. `errors`, when given, gets the
/// same as values: a profile not found is placed at `where` (the setting file's line
/// naming it), a profile that does not read at its own lines.
std::optional<RuleProfile> load_named_profile(const std::string& name,
                                              const std::filesystem::path& base_dir,
                                              const std::string& context, const Environment& env,
                                              std::string* problems = nullptr,
                                              std::vector<Diagnostic>* errors = nullptr, const SourceRegion& where = {});

}  // namespace attune::cli
