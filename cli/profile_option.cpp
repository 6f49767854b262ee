#include "profile_option.hpp"

#include <fmt/format.h>

#include "attune/suggest.hpp"
#include "inputs.hpp"

namespace attune::cli {

std::optional<RuleProfile> load_named_profile(const std::string& name,
                                              const std::filesystem::path& base_dir,
                                              const std::string& context, const Environment& env,
                                              std::string* problems) {
  std::string text;
  std::optional<RuleProfile> profile;
  const auto file = find_profile(name, base_dir, env.data_dirs);
  if (file.empty()) {
    const auto known = list_profiles(env.data_dirs);
    const auto close = closest_matches(name, known, 1);
    text = fmt::format("{}: error: profile \"{}\" not found{}; available profiles: {}\n", context, name,
                       close.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", close.front()),
                       known.empty() ? std::string("none (set ATTUNE_DATA_DIR to attune's templates folder)")
                                     : fmt::format("{}", fmt::join(known, ", ")));
  } else {
    Diagnostics diagnostics;
    profile = load_profile(file, diagnostics);
    if (!profile) text = format_diagnostics(diagnostics, false);
  }
  if (problems != nullptr) *problems += text;
  else fmt::print(stderr, "{}", text);
  return profile;
}

}  // namespace attune::cli
