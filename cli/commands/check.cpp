// attune check PATH... : validate rosters against the rules; print findings.

#include <cctype>
#include <memory>

#include "attune/check.hpp"
#include "attune/document.hpp"
#include "attune/render.hpp"
#include "attune/rules.hpp"

#include <fmt/format.h>
#include "command.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "templates.hpp"

namespace attune::cli {
namespace {

struct CheckCommand {
  InputOptions input;
  std::string format;
  std::string fail_on = "error";
  std::string output;
  std::string color = "auto";
  bool redact = false;
  std::vector<std::string> only;
  std::size_t limit = 20;
  std::string template_dir;
};

std::string format_for(const CheckCommand& o) {
  if (!o.format.empty()) return o.format;
  if (o.output.ends_with(".json")) return "json";
  if (o.output.ends_with(".md")) return "markdown";
  if (o.output.ends_with(".csv")) return "csv";
  return "text";
}

/// The Markdown document of each setting, one after another.
std::optional<std::string> render_markdown(const std::vector<SettingReport>& reports, const CheckCommand& o,
                                           const Environment& env) {
  const auto tmpl = read_template("check.md", o.template_dir, env);
  if (!tmpl) return std::nullopt;
  DocumentOptions options;
  options.format = DocumentFormat::markdown;
  options.redact = o.redact;
  options.findings_per_rule = o.limit;
  std::string out;
  for (const auto& report : reports) {
    std::string error;
    const auto doc = render_document(*tmpl, report, options, error);
    if (!doc) {
      fmt::print(stderr, "attune: the check.md template is not valid: {}\n", error);
      return std::nullopt;
    }
    out += (out.empty() ? "" : "\n---\n\n") + *doc;
  }
  return out;
}

bool fails(const FindingCounts& counts, const std::string& fail_on) {
  if (fail_on == "never") return false;
  if (fail_on == "warning") return counts.errors + counts.warnings > 0;
  return counts.errors > 0;
}

int run_check(const CheckCommand& o, const Environment& env) {
  LoadedInputs inputs = load_inputs(o.input, env);
  if (inputs.failed) return kBadInput;
  std::vector<CheckResult> results;
  results.reserve(inputs.settings.size());
  CheckOptions options;
  options.only = o.only;
  for (const auto& loaded : inputs.settings) results.push_back(check_setting(loaded.setting, loaded.profile, options));
  std::vector<SettingReport> reports;
  bool failing = false;
  for (std::size_t i = 0; i < results.size(); ++i) {
    reports.push_back(SettingReport{inputs.settings[i].setting, inputs.settings[i].profile, results[i]});
    failing = failing || fails(results[i].counts, o.fail_on);
  }
  const std::string format = format_for(o);
  RenderOptions render;
  render.redact = o.redact;
  render.limit_per_rule = o.limit;
  render.group = inputs.group;
  render.colour = format == "text" && use_colour(o.color, env.stdout_is_terminal, env.no_color, o.output);
  std::string text;
  if (format == "json") text = render_json(reports, render);
  else if (format == "csv") text = render_csv(reports, render);
  else if (format == "markdown") {
    auto md = render_markdown(reports, o, env);
    if (!md) return kBadInput;
    text = std::move(*md);
  } else text = render_text(reports, render);
  const bool holds_names = format != "json" && !o.redact;
  if (!write_output(text, o.output, holds_names)) return kBadInput;
  return failing ? kFindings : kOk;
}

const CLI::Validator kRuleSelector(
    [](std::string& value) -> std::string {
      for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (value == "statutory" || value == "continuity") return {};
      if (const RuleInfo* info = find_rule(value)) {
        value = std::string(info->id);  // accept any letter case
        return {};
      }
      const auto close = similar_rule_ids(value);
      return fmt::format("unknown rule \"{}\"{}; see `attune rules`", value,
                         close.empty() ? "" : fmt::format(" (did you mean {}?)", fmt::join(close, " or ")));
    },
    "RULE");

}  // namespace

std::function<int()> setup_check(CLI::App& app, const Environment& env) {
  auto o = std::make_shared<CheckCommand>();
  add_input_options(app, o->input);
  app.add_option("--format", o->format, "text (default), json, markdown or csv (default from -o's extension)")
      ->check(CLI::IsMember({"text", "json", "markdown", "csv"}));
  app.add_option("--template", o->template_dir, "markdown: a folder with your own check.md");
  app.add_option("--fail-on", o->fail_on, "exit 1 on findings at or above: error (default), warning, never")
      ->check(CLI::IsMember({"error", "warning", "never"}));
  app.add_option("-o,--output", o->output, "write to FILE (atomically) instead of standard output");
  app.add_option("--color", o->color, "auto (default), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--redact", o->redact, "show ids instead of children's and staff names");
  app.add_option("--limit", o->limit, "text: at most N findings per rule (default 20; 0 = all)");
  app.add_option("--only", o->only, "run only these rules: ids, or statutory / continuity (comma-separated)")
      ->delimiter(',')
      ->transform(kRuleSelector);
  return [o, &env] { return run_check(*o, env); };
}

}  // namespace attune::cli
