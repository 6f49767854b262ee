// attune rules [--profile NAME] : the rules of a profile, one line each.

#include <memory>

#include <fmt/format.h>

#include "attune/rule_text.hpp"
#include "command.hpp"
#include "output.hpp"
#include "profile_option.hpp"

namespace attune::cli {
namespace {

struct RulesCommand {
  std::string profile = "eyfs-2024-group";
};

int run_rules(const RulesCommand& o, const Environment& env) {
  const auto profile = load_named_profile(o.profile, ".", "attune rules", env);
  if (!profile) return kBadInput;
  return write_output(render_rules_listing(*profile), "", false) ? kOk : kBadInput;
}

}  // namespace

std::function<int()> setup_rules(CLI::App& app, const Environment& env) {
  auto o = std::make_shared<RulesCommand>();
  app.add_option("--profile", o->profile, "profile name or .toml path (default eyfs-2024-group)");
  return [o, &env] { return run_rules(*o, env); };
}

}  // namespace attune::cli
