// attune explain RULE [--profile NAME] : what a rule checks, why, what to change, its
// numbers under the profile, and its source.

#include <memory>

#include <fmt/format.h>

#include "attune/policy.hpp"
#include "attune/rule_catalog.hpp"
#include "command.hpp"
#include "output.hpp"
#include "profile_option.hpp"

namespace attune::cli {
namespace {

struct ExplainCommand {
  std::string rule;
  std::string profile = "eyfs-2024-group";
};

/// Wraps `text` at 78 columns with `indent` before every line.
std::string wrap(std::string_view text, std::string_view indent) {
  std::string out;
  std::string line(indent);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t space = text.find(' ', pos);
    const std::string_view word = text.substr(pos, space == std::string_view::npos ? text.npos : space - pos);
    if (line.size() > indent.size() && line.size() + 1 + word.size() > 78) {
      out += line + "\n";
      line = std::string(indent);
    }
    if (line.size() > indent.size()) line += ' ';
    line += word;
    if (space == std::string_view::npos) break;
    pos = space + 1;
  }
  return out + line + "\n";
}

int run_explain(const ExplainCommand& o, const Environment& env) {
  const RuleInfo* info = find_rule(o.rule);
  if (info == nullptr) {
    fmt::print(stderr, "attune: {}\nRun `attune rules` for the list.\n", unknown_rule_message(o.rule));
    return kBadInput;
  }
  const auto profile = load_named_profile(o.profile, ".", "attune explain", env);
  if (!profile) return kBadInput;
  std::string out = fmt::format("{}: {}\n", info->id, info->title);
  const auto setting = profile->rules.find(info->id);
  const Severity severity =
      setting != profile->rules.end() && setting->second.severity ? *setting->second.severity : info->severity;
  out += fmt::format("Severity: {} ({}){}\n\n", severity_id(severity),
                     info->family == RuleFamily::statutory ? "statutory requirement" : "continuity of care",
                     profile->rule_enabled(info->id) ? "" : "; switched off in this profile");
  out += "What it checks\n" + wrap(info->checks, "  ") + "\n";
  out += "Why it matters\n" + wrap(info->why, "  ") + "\n";
  out += "What to change\n" + wrap(info->fix, "  ") + "\n";
  const auto numbers = rule_numbers(info->id, *profile, ContinuityPolicy{});
  if (!numbers.empty()) {
    out += info->family == RuleFamily::statutory
               ? fmt::format("Numbers in profile {}\n", profile->id)
               : std::string("Numbers (the default [policy]; a setting's setting.toml can change them)\n");
    for (const auto& n : numbers) out += wrap("- " + n, "  ");
    out += "\n";
  }
  const auto source = profile->rule_source(info->id);
  out += "Source\n" + wrap(source.empty() ? "not given in this profile" : source, "  ");
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
