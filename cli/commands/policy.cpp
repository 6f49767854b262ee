// attune policy summary SETTING : the inspector's summary of a policy checklist, its
// answers, and the roster evidence. attune policy template : a blank answers file.

#include <chrono>
#include <memory>

#include <fmt/format.h>

#include "attune/check.hpp"
#include "attune/policy_render.hpp"
#include "attune/suggest.hpp"
#include "command.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "output_format.hpp"
#include "templates.hpp"

namespace attune::cli {
namespace {

struct PolicyCommand {
  InputOptions input;
  std::string checklist = "infant-mental-health";
  std::string answers;
  std::string as_of;
  std::string format;
  std::string output;
  std::string template_dir;
  std::string color = "auto";
  bool redact = false;
};

std::optional<Checklist> load_named_checklist(const std::string& name, const Environment& env) {
  const auto file = find_checklist(name, env.data_dirs);
  if (file.empty()) {
    const auto known = list_checklists(env.data_dirs);
    const auto close = closest_matches(name, known, 1);
    fmt::print(stderr, "attune: checklist \"{}\" not found{}; available: {}\n", name,
               close.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", close.front()), fmt::join(known, ", "));
    return std::nullopt;
  }
  Diagnostics diagnostics;
  auto checklist = load_checklist(file, diagnostics);
  if (diagnostics.total() > 0) print_diagnostics(diagnostics, false);
  return checklist;
}

/// Every installed checklist: an answers file may answer several.
std::vector<Checklist> all_checklists(const Environment& env, bool& ok) {
  std::vector<Checklist> out;
  for (const auto& name : list_checklists(env.data_dirs)) {
    auto c = load_named_checklist(name, env);
    if (c) out.push_back(std::move(*c));
    else ok = false;
  }
  return out;
}

Date today() { return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()); }

constexpr WrittenFormat kPolicyWrites[] = {
    {"text", ".txt .text"}, {"markdown", ".md .markdown"}, {"html", ".html .htm"}, {"json", ".json"}};

std::optional<std::string> format_for(const PolicyCommand& o) {
  return output_format("policy summary", o.format, o.output, kPolicyWrites, "text",
                       "there is no PDF: write HTML and print it from a browser (it fits two A4 pages)");
}

/// A setting's answers: --answers, or its [data] policy. nullopt (said) when they cannot
/// be read; an empty optional inside when there are none.
std::optional<std::optional<PolicyAnswers>> answers_of(const PolicyCommand& o, const LoadedSetting& loaded,
                                                       const Checklist& checklist, const Environment& env) {
  const std::filesystem::path file = o.answers.empty() ? loaded.setting.policy_answers : std::filesystem::path(o.answers);
  if (file.empty()) return std::optional<PolicyAnswers>{};
  bool ok = true;
  const auto checklists = all_checklists(env, ok);
  std::vector<const Checklist*> known{&checklist};
  for (const auto& c : checklists) known.push_back(&c);
  Diagnostics diagnostics;
  auto answers = load_policy_answers(file, known, diagnostics);
  if (diagnostics.total() > 0) print_diagnostics(diagnostics, env.stderr_is_terminal && !env.no_color);
  if (!answers || !ok) return std::nullopt;
  return std::optional<PolicyAnswers>(std::move(*answers));
}

/// `policy summary GROUP/`: every setting summarised with its own answers, ranked; the
/// settings whose input could not be loaded are named after the ranking.
int run_group_summary(const PolicyCommand& o, const std::string& format, const Checklist& checklist,
                      const SettingPaths& paths, const Environment& env) {
  // What a group cannot do is refused before any setting is loaded.
  if (!o.answers.empty()) {
    fmt::print(stderr, "--answers: a group's settings each name their own answers ([data] policy); "
                       "give --answers with one setting\nRun with --help for more information.\n");
    return kBadInput;
  }
  if (format == "html") {
    fmt::print(stderr, "--format: a group's policy overview is text, markdown or json; "
                       "run `attune policy summary SETTING --format html` for one setting's document\n");
    return kBadInput;
  }
  const Date as_of = o.as_of.empty() ? today() : *parse_iso_date(o.as_of);
  std::vector<PolicyGroupRow> rows;
  std::vector<std::string> not_checked;
  bool broken = paths.failed;
  for (const auto& path : paths.settings) {
    LoadedOne one = load_one(path, o.input, env, true);
    fmt::print(stderr, "{}", one.problems);
    const std::string where = setting_file(path).lexically_normal().string();
    if (!one.loaded) {
      not_checked.push_back(where);
      continue;
    }
    const LoadedSetting& loaded = *one.loaded;
    const auto answers = answers_of(o, loaded, checklist, env);
    if (!answers) {  // its answers file is broken: the errors are above
      not_checked.push_back(where);
      continue;
    }
    const CheckResult result = check_setting(loaded.setting, loaded.profile);
    const SettingReport report{loaded.setting, loaded.profile, result};
    const PolicySummary summary =
        summarise_policy(checklist, *answers ? &**answers : nullptr, &report, as_of, o.redact);
    rows.push_back(policy_group_row(summary, loaded.setting));
  }
  fmt::print(stderr, "{}", group_inputs_note("policy summary", paths.settings.size(), not_checked.size(),
                                             "the overview ranks"));
  if (rows.empty()) return kBadInput;
  broken = broken || !not_checked.empty();
  rank_policy_group(rows);
  const std::string text = format == "json"       ? policy_group_json(rows, checklist, as_of, not_checked)
                           : format == "markdown" ? policy_group_markdown(rows, checklist, as_of, not_checked)
                                                  : policy_group_text(rows, checklist, as_of, not_checked);
  // Setting names, no child's or staff member's: written as a redacted report is.
  if (!write_output(text, o.output, false)) return kBadInput;
  return broken ? kBadInput : kOk;
}

int run_summary(const PolicyCommand& o, const Environment& env) {
  const auto chosen = format_for(o);
  if (!chosen) return kBadInput;
  const std::string format = *chosen;
  std::optional<std::string> tmpl;
  if (format == "html" || format == "markdown") {
    tmpl = read_template(format == "html" ? "policy.html" : "policy.md", o.template_dir, env);
    if (!tmpl) return kBadInput;
  }
  auto checklist = load_named_checklist(o.checklist, env);
  if (!checklist) return kBadInput;
  const SettingPaths paths = expand_setting_paths(o.input);
  if (paths.settings.empty()) return kBadInput;
  if (paths.group) return run_group_summary(o, format, *checklist, paths, env);
  LoadedInputs inputs = load_inputs(o.input, env);
  if (inputs.failed || inputs.settings.empty()) return kBadInput;
  const LoadedSetting& loaded = inputs.settings.front();
  const CheckResult result = check_setting(loaded.setting, loaded.profile);
  const SettingReport report{loaded.setting, loaded.profile, result};
  const auto read = answers_of(o, loaded, *checklist, env);
  if (!read) return kBadInput;
  const std::optional<PolicyAnswers>& answers = *read;
  const Date as_of = o.as_of.empty() ? today() : *parse_iso_date(o.as_of);
  const PolicySummary summary = summarise_policy(*checklist, answers ? &*answers : nullptr, &report, as_of, o.redact);
  const PolicyContext context{&loaded.setting, &result.period};
  std::string text;
  if (format == "json") {
    text = policy_json(summary, context);
  } else if (tmpl) {
    std::string error;
    const auto doc = policy_document(*tmpl, summary, context,
                                     format == "html" ? DocumentFormat::html : DocumentFormat::markdown, error);
    if (!doc) {
      fmt::print(stderr, "attune: the policy template is not valid Mustache: {}\n", error);
      return kBadInput;
    }
    text = *doc;
  } else {
    const bool colour = o.color == "always" || (o.color == "auto" && env.stdout_is_terminal && !env.no_color && o.output.empty());
    text = policy_text(summary, context, colour);
  }
  return write_output(text, o.output, !o.redact) ? kOk : kBadInput;
}

int run_template(const PolicyCommand& o, const Environment& env) {
  const auto checklist = load_named_checklist(o.checklist, env);
  if (!checklist) return kBadInput;
  return write_output(policy_answers_template(*checklist), o.output, false) ? kOk : kBadInput;
}


}  // namespace

std::function<int()> setup_policy(CLI::App& app, const Environment& env) {
  auto o = std::make_shared<PolicyCommand>();
  app.require_subcommand(1);
  // The subcommand chosen sets what to run.
  auto chosen = std::make_shared<std::function<int()>>();

  CLI::App* summary = app.add_subcommand("summary", "a checklist's answers scored, gaps, overdue reviews, and "
                                                    "what the rosters say about them");
  add_input_options(*summary, o->input);
  summary->add_option("--checklist", o->checklist, "checklist name or .yaml path (default infant-mental-health)");
  summary->add_option("--answers", o->answers, "the answers file (default: [data] policy in setting.toml)");
  summary->add_option("--as-of", o->as_of, "the date reviews are judged against (default: today)")->check(iso_date_validator());
  summary->add_option("--format", o->format, "text (default), markdown, html or json")
      ->check(CLI::IsMember({"text", "markdown", "html", "json"}));
  summary->add_option("-o,--output", o->output, "write to FILE (atomically) instead of standard output");
  summary->add_option("--template", o->template_dir, "a folder with your own policy.html / policy.md");
  summary->add_option("--color", o->color, "auto (default), always or never")->check(CLI::IsMember({"auto", "always", "never"}));
  summary->add_flag("--redact", o->redact, "show ids instead of children's and staff names");
  summary->callback([chosen, o, &env] { *chosen = [o, &env] { return run_summary(*o, env); }; });

  CLI::App* blank = app.add_subcommand("template", "write a blank, commented answers file for a checklist");
  blank->add_option("--checklist", o->checklist, "checklist name or .yaml path (default infant-mental-health)");
  blank->add_option("-o,--output", o->output, "write to FILE (atomically) instead of standard output");
  blank->callback([chosen, o, &env] { *chosen = [o, &env] { return run_template(*o, env); }; });

  return [chosen] { return *chosen ? (*chosen)() : static_cast<int>(kBadInput); };
}

}  // namespace attune::cli
