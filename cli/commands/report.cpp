// attune report PATH : the full document (HTML or Markdown), from Mustache templates.

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "attune/allocate.hpp"

#include "attune/check.hpp"
#include "attune/document.hpp"
#include "attune/group_report.hpp"
#include "command.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "output_format.hpp"
#include "parallel.hpp"
#include "templates.hpp"

namespace attune::cli {
namespace {

struct ReportCommand {
  InputOptions input;
  std::string format;
  std::string output;
  std::string template_dir;
  bool redact = false;
  unsigned jobs = 0;  ///< a group: settings checked at once (0: one per core)
  bool quiet = false;
  bool strict_inputs = false;  ///< a group: exit 2 when any setting has an input error
};

constexpr WrittenFormat kReportWrites[] = {{"html", ".html .htm"}, {"markdown", ".md .markdown"}, {"data", ".json"}};

std::optional<std::string> format_for(const ReportCommand& o) {
  return output_format("report", o.format, o.output, kReportWrites, "html",
                       "there is no PDF: write HTML and print it from a browser (it is laid out for A4); "
                       "for text, JSON or CSV findings run `attune check`");
}

/// A folder of settings (or several): the group overview, each setting checked on its own
/// in parallel; a setting that does not load is named in it as not checked (exit 1, or
/// 2 with --strict-inputs; 2 when none could be checked).
int run_group_report(const ReportCommand& o, const SettingPaths& paths, const std::string& format,
                     const std::optional<std::string>& tmpl, const Environment& env) {
  std::vector<GroupSettingSummary> rows(paths.settings.size());
  std::vector<std::string> problems(paths.settings.size());
  Progress progress(paths.settings.size(), env.stderr_is_terminal && !o.quiet, "checked");
  for_each_parallel(
      paths.settings.size(), o.jobs,
      [&](std::size_t i) {
        LoadedOne one = load_one(paths.settings[i], o.input, env, true);
        problems[i] = std::move(one.problems);
        if (!one.loaded) {
          const std::string path = paths.settings[i].lexically_normal().string();
          rows[i] = summarise_input_error(path, one.error_count, validate_command(path, o.input));
          return;
        }
        const CheckResult result = check_setting(one.loaded->setting, one.loaded->profile);
        rows[i] = summarise_setting(SettingReport{one.loaded->setting, one.loaded->profile, result});
      },
      &progress);
  bool broken = paths.failed;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    fmt::print(stderr, "{}", problems[i]);
    broken = broken || !rows[i].checked;
  }
  if (std::none_of(rows.begin(), rows.end(), [](const auto& r) { return r.checked; })) return kBadInput;
  DocumentOptions options;
  options.format = format == "markdown" ? DocumentFormat::markdown : DocumentFormat::html;
  options.redact = o.redact;
  std::string text;
  if (format == "data") {
    text = group_document_data_json(rows, options);
  } else {
    std::string error;
    const auto doc = render_group_document(*tmpl, rows, options, error);
    if (!doc) {
      fmt::print(stderr, "attune: the group template is not valid Mustache: {}\n", error);
      return kBadInput;
    }
    text = *doc;
  }
  // The overview names settings, not children or staff: written like a redacted report.
  if (!write_output(text, o.output, false)) return kBadInput;
  return group_exit_code(false, broken, o.strict_inputs);
}

int run_report(const ReportCommand& o, const Environment& env) {
  const auto chosen = format_for(o);
  if (!chosen) return kBadInput;
  const std::string format = *chosen;
  const SettingPaths paths = expand_setting_paths(o.input);
  if (paths.settings.empty()) return kBadInput;
  if (paths.group) {
    std::optional<std::string> group_tmpl;
    if (format != "data") {
      group_tmpl = read_template(format == "html" ? "group.html" : "group.md", o.template_dir, env);
      if (!group_tmpl) return kBadInput;
    }
    return run_group_report(o, paths, format, group_tmpl, env);
  }
  std::optional<std::string> tmpl;
  if (format != "data") {
    tmpl = read_template(format == "html" ? "report.html" : "report.md", o.template_dir, env);
    if (!tmpl) return kBadInput;
  }
  LoadedOne one = load_one(paths.settings.front(), o.input, env);
  fmt::print(stderr, "{}", one.problems);
  if (!one.loaded) return kBadInput;
  const LoadedSetting& loaded = *one.loaded;
  CheckOptions check;
  check.room_days = true;  // the charts
  CheckResult result = check_setting(loaded.setting, loaded.profile, check);
  if (format != "data") result.allocation_hint = allocation_hint(loaded.setting, result);
  const SettingReport report{loaded.setting, loaded.profile, result};
  DocumentOptions options;
  options.format = format == "markdown" ? DocumentFormat::markdown : DocumentFormat::html;
  options.redact = o.redact;
  std::string text;
  if (format == "data") {
    text = document_data_json(report, options);
  } else {
    std::string error;
    const auto doc = render_document(*tmpl, report, options, error);
    if (!doc) {
      fmt::print(stderr, "attune: the report template is not valid Mustache: {}\n", error);
      return kBadInput;
    }
    text = *doc;
  }
  if (!write_output(text, o.output, !o.redact)) return kBadInput;
  return kOk;
}

}  // namespace

std::function<int()> setup_report(CLI::App& app, const Environment& env) {
  auto o = std::make_shared<ReportCommand>();
  add_input_options(app, o->input);
  app.add_option("--format", o->format,
                 "html (default) or markdown (default from -o's extension); data: the template data as JSON")
      ->check(CLI::IsMember({"html", "markdown", "data"}));
  app.add_option("-o,--output", o->output, "write to FILE (atomically) instead of standard output");
  app.add_option("--template", o->template_dir,
                 "a folder with your own report.html / report.md (group.html / group.md for a group)");
  app.add_flag("--redact", o->redact, "show ids instead of children's and staff names");
  app.add_option("-j,--jobs", o->jobs, "a group: settings checked at once (default: the number of cores)");
  app.add_flag("-q,--quiet", o->quiet, "no progress line on a terminal");
  app.add_flag("--strict-inputs", o->strict_inputs,
               "a group: exit 2 when any setting has an input error (default: 1, the others reported)");
  return [o, &env] { return run_report(*o, env); };
}

}  // namespace attune::cli
