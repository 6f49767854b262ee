// attune explain RULE [--profile NAME] : what a rule checks, why, what to change, its
// numbers under the profile, and its source.

#include <memory>

#include <fmt/format.h>

#include "attune/policy.hpp"
#include "attune/rule_catalog.hpp"
#include "attune/rule_text.hpp"
#include "command.hpp"
#include "output.hpp"
#include "profile_option.hpp"

namespace attune::cli {
namespace {

struct ExplainCommand {
  std::string rule;
  std::string profile = "eyfs-2024-group";
};

int run_explain(const ExplainCommand& o, const Environment& env) {
  const RuleInfo* info = find_rule(o.rule);
  if (info == nullptr) {
    fmt::print(stderr, "attune: {}\nRun `attune rules` for the list.\n", unknown_rule_message(o.rule));
    return kBadInput;
  }
  const auto profile = load_named_profile(o.profile, ".", "attune explain", env);
  if (!profile) return kBadInput;
  const std::string out = render_rule_explanation(*info, *profile, ContinuityPolicy{});
  return write_output(out, "", false) ? kOk : kBadInput;
}

}  // namespace

std::function<int()> setup_explain(CLI::App& app, const Environment& env) {
  auto o = std::make_shared<ExplainCommand>();
  app.add_option("RULE", o->rule, "a rule id, e.g. RATIO-ROOM (see `attune rules`)")->required();
  app.add_option("--profile", o->profile, "profile name or .toml path (default eyfs-2024-group)");
  return [o, &env] { return run_explain(*o, env); };
}

}  // namespace attune::cli
