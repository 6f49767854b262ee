#include "profile_option.hpp"

#include <fmt/format.h>

#include "attune/suggest.hpp"
#include "inputs.hpp"

namespace attune::cli {

std::optional<RuleProfile> load_named_profile(const std::string& name,
                                              const std::filesystem::path& base_dir,
                                              const std::string& context, const Environment& env,
                                              std::string* problems, std::vector<Diagnostic>* errors,
                                              const SourceRegion& where) {
  std::string text;
  std::optional<RuleProfile> profile;
  const auto file = find_profile(name, base_dir, env.data_dirs);
  if (file.empty()) {
    const auto known = list_profiles(env.data_dirs);
    const auto close = closest_matches(name, known, 1);
    const std::string message = fmt::format("profile \"{}\" not found{}", name,
                                            close.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", close.front()));
    const std::string hint = fmt::format("available profiles: {}", known.empty() ? std::string("none (set ATTUNE_DATA_DIR to attune's templates folder)")
                                                                                   : fmt::format("{}", fmt::join(known, ", ")));
    text = fmt::format("{}: error: {}; {}\n", context, message, hint);
    if (errors != nullptr) errors->push_back(Diagnostic{DiagnosticSeverity::error, where, message, hint, {}, {}});
  } else {
    Diagnostics diagnostics;
    profile = load_profile(file, diagnostics);
    if (!profile) text = format_diagnostics(diagnostics, false);
    if (!profile && errors != nullptr) {
      for (Diagnostic& d : diagnostics.sorted())
        if (d.severity == DiagnosticSeverity::error) errors->push_back(std::move(d));
    }
  }
  if (problems != nullptr) *problems += text;
  else fmt::print(stderr, "{}", text);
  return profile;
}

}  // namespace attune::cli
