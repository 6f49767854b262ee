#pragma once
// Finding report templates: the user's own folder (--template DIR) first, then attune's
// installed templates/report/.

#include <optional>
#include <string>

#include "command.hpp"

namespace attune::cli {

/// The text of template `name` (e.g. "report.html"). Prints why not to stderr and
/// returns nullopt when it cannot be found or read.
std::optional<std::string> read_template(const std::string& name, const std::string& template_dir,
                                         const Environment& env);

}  // namespace attune::cli
