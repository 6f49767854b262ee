// attune report PATH : the full document (HTML or Markdown), from Mustache templates.

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

#include <fmt/format.h>

#include "attune/allocate.hpp"

#include "attune/check.hpp"
#include "attune/document.hpp"
#include "attune/group_report.hpp"
#include "attune/load.hpp"
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
  std::string each;  ///< a group: also one report per setting, in this folder
};

namespace fs = std::filesystem;

/// `report GROUP --each DIR`: where each setting's own report goes, and its link from the
/// overview. Files are named after the setting's folder (characters other than letters,
/// digits, '.', '_' and '-' become '-'), numbered when two folders share a name.
struct EachReports {
  fs::path folder;
  std::string extension;
  std::vector<std::string> names;  ///< per setting, in path order

  EachReports(const std::string& dir, const std::string& format, const std::vector<fs::path>& settings)
      : folder(dir), extension(format == "markdown" ? ".md" : ".html") {
    std::map<std::string, int> used;
    for (const fs::path& s : settings) {
      const fs::path file = setting_file(s);
      std::string stem = (file == s ? s : file.parent_path()).lexically_normal().filename().string();
      if (stem.empty() || stem == "." || stem == "..") stem = "setting";
      for (char& c : stem) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') c = '-';
      }
      const int n = ++used[stem];
      names.push_back(n == 1 ? stem + extension : fmt::format("{}-{}{}", stem, n, extension));
    }
  }
  [[nodiscard]] fs::path file(std::size_t i) const { return folder / names[i]; }
  /// The link from an overview written to `overview` (a file path) to setting i's report.
  [[nodiscard]] std::string link(std::size_t i, const std::string& overview) const {
    std::error_code ec;
    const fs::path from = fs::absolute(fs::path(overview).parent_path(), ec).lexically_normal();
    return fs::absolute(file(i), ec).lexically_normal().lexically_relative(from).generic_string();
  }
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
  // --each: one report per setting beside the overview (DIR/index.html unless -o).
  std::optional<EachReports> each;
  std::optional<std::string> setting_tmpl;
  std::string overview = o.output;
  if (!o.each.empty()) {
    each.emplace(o.each, format, paths.settings);
    setting_tmpl = read_template(format == "html" ? "report.html" : "report.md", o.template_dir, env);
    if (!setting_tmpl) return kBadInput;
    if (const auto error = template_error(*setting_tmpl)) {
      fmt::print(stderr, "attune: the report template is not valid Mustache: {}\n", *error);
      return kBadInput;
    }
    std::error_code ec;
    fs::create_directories(o.each, ec);
    if (ec) {
      fmt::print(stderr, "attune: cannot create {}: {}\n", o.each, ec.message());
      return kBadInput;
    }
    if (overview.empty() || overview == "-") overview = (fs::path(o.each) / ("index" + each->extension)).string();
  }
  std::vector<char> unwritten(paths.settings.size(), 0);
  std::mutex write_mutex;
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
        CheckOptions check;
        check.room_days = each.has_value();  // a setting's report charts its rooms' days
        const CheckResult result = check_setting(one.loaded->setting, one.loaded->profile, check);
        const SettingReport report{one.loaded->setting, one.loaded->profile, result};
        rows[i] = summarise_setting(report);
        if (!each) return;
        DocumentOptions doc;
        doc.format = format == "markdown" ? DocumentFormat::markdown : DocumentFormat::html;
        doc.redact = o.redact;
        std::string error;
        const auto text = render_document(*setting_tmpl, report, doc, error);
        // One file at a time: an output file's clean-up on Ctrl-C is set up for one.
        const std::lock_guard lock(write_mutex);
        if (!text || !write_output(*text, each->file(i).string(), !o.redact)) unwritten[i] = 1;
        else rows[i].report_link = each->link(i, overview);
      },
      &progress);
  bool broken = paths.failed;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    fmt::print(stderr, "{}", problems[i]);
    broken = broken || !rows[i].checked;
  }
  fmt::print(stderr, "{}",
             group_inputs_note("report", rows.size(),
                               static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(),
                                                                      [](const auto& r) { return !r.checked; }))));
  if (std::any_of(unwritten.begin(), unwritten.end(), [](char u) { return u != 0; })) return kBadInput;
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
  if (!write_output(text, overview, false)) return kBadInput;
  return group_exit_code(false, broken, o.strict_inputs);
}

int run_report(const ReportCommand& o, const Environment& env) {
  const auto chosen = format_for(o);
  if (!chosen) return kBadInput;
  const std::string format = *chosen;
  const SettingPaths paths = expand_setting_paths(o.input);
  if (paths.settings.empty()) return kBadInput;
  if (!o.each.empty() && (!paths.group || format == "data")) {
    fmt::print(stderr, "--each writes one report per setting of a folder of settings, beside the group overview: "
                       "name a folder of settings{}\nRun with --help for more information.\n",
               format == "data" ? ", and HTML or Markdown, not data" : "");
    return kBadInput;
  }
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
  app.add_option("--each", o->each,
                 "a group: also write each setting's report into DIR, linked from the overview (DIR/index.html "
                 "unless -o)");
  app.add_flag("--strict-inputs", o->strict_inputs,
               "a group: exit 2 when any setting has an input error (default: 1, the others reported)");
  return [o, &env] { return run_report(*o, env); };
}

}  // namespace attune::cli
