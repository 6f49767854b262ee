// attune report PATH : the full document (HTML or Markdown), from Mustache templates.

#include <memory>

#include <fmt/format.h>

#include "attune/check.hpp"
#include "attune/document.hpp"
#include "command.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "templates.hpp"

namespace attune::cli {
namespace {

struct ReportCommand {
  InputOptions input;
  std::string format;
  std::string output;
  std::string template_dir;
  bool redact = false;
};

std::string format_for(const ReportCommand& o) {
  if (!o.format.empty()) return o.format;
  if (o.output.ends_with(".md")) return "markdown";
  return "html";
}

int run_report(const ReportCommand& o, const Environment& env) {
  const std::string format = format_for(o);
  std::optional<std::string> tmpl;
  if (format != "data") {
    tmpl = read_template(format == "html" ? "report.html" : "report.md", o.template_dir, env);
    if (!tmpl) return kBadInput;
  }
  LoadedInputs inputs = load_inputs(o.input, env);
  if (inputs.failed) return kBadInput;
  if (inputs.settings.size() != 1) {
    fmt::print(stderr, "attune report: name one setting ({} found); run it once per setting\n",
               inputs.settings.size());
    return kBadInput;
  }
  const LoadedSetting& loaded = inputs.settings.front();
  const CheckResult result = check_setting(loaded.setting, loaded.profile);
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
  app.add_option("--template", o->template_dir, "a folder with your own report.html / report.md");
  app.add_flag("--redact", o->redact, "show ids instead of children's and staff names");
  return [o, &env] { return run_report(*o, env); };
}

}  // namespace attune::cli
