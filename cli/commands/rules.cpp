// attune rules [--profile NAME] : the rules of a profile, one line each.

#include <memory>

#include <fmt/format.h>

#include "attune/rule_catalog.hpp"
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
  std::string out = fmt::format("Rules of profile {}: {}\n", profile->id, profile->title);
  if (!profile->framework.empty()) out += fmt::format("{}\n", profile->framework);
  for (RuleFamily family : {RuleFamily::statutory, RuleFamily::continuity}) {
    bool heading = false;
    for (const RuleInfo& info : rule_catalog()) {
      if (info.family != family) continue;
      if (!heading) {
        out += family == RuleFamily::statutory ? "\nStatutory (EYFS)\n" : "\nContinuity of care (the setting's policy)\n";
        heading = true;
      }
      const auto it = profile->rules.find(info.id);
      const Severity severity = it != profile->rules.end() && it->second.severity ? *it->second.severity : info.severity;
      out += fmt::format("  {:<20} {:<8} {}{}\n", info.id, severity_id(severity), info.title,
                         profile->rule_enabled(info.id) ? "" : " (off in this profile)");
    }
  }
  out += "\nRun `attune explain RULE` for what a rule checks, why, and its source.\n";
  return write_output(out, "", false) ? kOk : kBadInput;
}

}  // namespace

std::function<int()> setup_rules(CLI::App& app, const Environment& env) {
  auto o = std::make_shared<RulesCommand>();
  app.add_option("--profile", o->profile, "profile name or .toml path (default eyfs-2024-group)");
  return [o, &env] { return run_rules(*o, env); };
}

}  // namespace attune::cli
