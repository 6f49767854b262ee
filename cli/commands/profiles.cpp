// attune profiles : the rule profiles installed, with their versions and dates.

#include <memory>

#include <fmt/format.h>

#include "attune/rule_text.hpp"
#include "command.hpp"
#include "output.hpp"
#include "profile_option.hpp"

namespace attune::cli {
namespace {

int run_profiles(const Environment& env) {
  std::vector<RuleProfile> profiles;
  bool ok = true;
  for (const std::string& name : list_profiles(env.data_dirs)) {
    auto profile = load_named_profile(name, ".", "attune profiles", env);
    if (profile) profiles.push_back(std::move(*profile));
    else ok = false;
  }
  if (profiles.empty()) {
    fmt::print(stderr, "attune profiles: no profiles found; set ATTUNE_DATA_DIR to attune's templates folder\n");
    return kBadInput;
  }
  std::string out = render_profiles_listing(profiles);
  out += "\nUse one with profile = \"ID\" under [setting] in setting.toml, or --profile ID.\n";
  if (!write_output(out, "", false)) return kBadInput;
  return ok ? kOk : kBadInput;
}

}  // namespace

std::function<int()> setup_profiles(CLI::App&, const Environment& env) {
  return [&env] { return run_profiles(env); };
}

}  // namespace attune::cli
