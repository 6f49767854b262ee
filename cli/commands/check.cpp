// attune check PATH... : validate rosters against the rules; print findings.

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <optional>

#include "attune/allocate.hpp"
#include "attune/check.hpp"
#include "attune/document.hpp"
#include "attune/load.hpp"
#include "attune/render.hpp"
#include "attune/rule_catalog.hpp"

#include <fmt/format.h>
#include "command.hpp"
#include "history_store.hpp"
#include "inputs.hpp"
#include "group_stream.hpp"
#include "output.hpp"
#include "output_format.hpp"
#include "parallel.hpp"
#include "templates.hpp"
#include "what_if.hpp"

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
  unsigned jobs = 0;  ///< 0: one per core
  bool quiet = false;
  std::string history;  ///< --history FILE.db: append the run
  bool strict_inputs = false;  ///< exit 2 when any setting has an input error
  bool summary = false;  ///< attune.summary/1: per setting counts and headline figures, no findings
  std::vector<std::string> absent;  ///< --absent: the what-if (what_if.hpp)
  std::string date;                 ///< --date D: --from D --to D
};

constexpr WrittenFormat kCheckWrites[] = {
    {"text", ".txt .text"}, {"json", ".json"}, {"markdown", ".md .markdown"}, {"csv", ".csv"}};

/// --format, or the format -o's extension names; nullopt (a usage error, said) for one
/// check does not write (.html: that is `attune report`).
std::optional<std::string> format_for(const CheckCommand& o) {
  if (o.summary) {
    if (!o.format.empty() && o.format != "json") {
      fmt::print(stderr, "--summary writes JSON (attune.summary/1), not {}; leave out --format\n"
                         "Run with --help for more information.\n", o.format);
      return std::nullopt;
    }
    constexpr WrittenFormat kSummaryWrites[] = {{"json", ".json"}};
    return output_format("check --summary", "", o.output, kSummaryWrites, "json", "");
  }
  return output_format("check", o.format, o.output, kCheckWrites, "text",
                       "for the HTML report with charts run `attune report SETTING -o FILE.html`; there is no PDF: "
                       "print the HTML from a browser");
}

bool fails(const FindingCounts& counts, const std::string& fail_on) {
  if (fail_on == "never") return false;
  if (fail_on == "warning") return counts.errors + counts.warnings > 0;
  return counts.errors > 0;
}

/// What checking one setting left behind: its part of the output, and its problems.
struct Outcome {
  GroupEntry entry;
  std::string problems;  ///< for stderr, in order
  bool failing = false;
  bool template_error = false;
  history::SettingRecord record;  ///< what --history stores of this setting
};

/// Loads, checks and renders one setting (runs on a worker thread).
void check_one(const std::filesystem::path& path, const CheckCommand& o, const std::string& format,
               const std::optional<std::string>& markdown_template, const RenderOptions& render,
               const Environment& env, bool in_group, Outcome& out) {
  out.entry.path = setting_file(path).lexically_normal().string();
  LoadedOne one = load_one(path, o.input, env, in_group);
  out.problems = std::move(one.problems);
  if (!one.loaded) {
    out.entry.name = std::move(one.name);
    out.entry.urn = std::move(one.urn);
    out.entry.errors = std::move(one.errors);
    out.entry.error_count = std::max(one.error_count, out.entry.errors.size());
    if (!o.history.empty()) out.record = history::record_input_error(path, std::max<std::size_t>(1, one.error_count));
    return;
  }
  LoadedSetting& loaded = *one.loaded;
  CheckOptions options;
  options.only = o.only;
  options.room_days = format == "markdown";  // the document's rooms
  // CSV has fixed columns, and the summary has no findings: no context for either.
  options.finding_context = format != "csv" && !o.summary;
  // Text and Markdown show --limit findings per rule: their contexts only, when shown.
  options.finding_context_on_demand = (format == "text" || format == "markdown") && o.limit > 0;
  std::optional<WhatIf> what_if;
  if (!o.absent.empty() && !(what_if = apply_absence(loaded, o.absent, options, out.problems))) return;
  CheckResult result = check_setting(loaded.setting, loaded.profile, options);
  // One setting read by a person: point to `attune allocate` when coverage is short.
  if (!render.group && format == "text") result.allocation_hint = allocation_hint(loaded.setting, result);
  const SettingReport report{loaded.setting, loaded.profile, result};
  if (!o.history.empty()) out.record = history::record_checked(path, loaded.setting, result);
  out.entry.checked = true;
  out.entry.name = loaded.setting.name;
  out.entry.urn = loaded.setting.urn;
  out.entry.counts = result.counts;
  out.failing = fails(result.counts, o.fail_on);
  const std::span<const SettingReport> one_report(&report, 1);
  if (o.summary) {
    out.entry.body = render_json_summary_setting(report);
  } else if (format == "json") {
    out.entry.body = render_json_setting(report, render, render.group ? kGroupJsonIndent : 0);
  } else if (format == "csv") {
    out.entry.body = render_csv(one_report, render);
    out.entry.body.erase(0, out.entry.body.find('\n') + 1);  // the header is written once
  } else if (format == "markdown") {
    DocumentOptions doc;
    doc.format = DocumentFormat::markdown;
    doc.redact = o.redact;
    doc.findings_per_rule = o.limit;
    std::string error;
    const auto text = render_document(*markdown_template, report, doc, error);
    if (!text) {
      out.template_error = true;
      out.problems += fmt::format("attune: the check.md template is not valid Mustache: {}\n", error);
    } else {
      out.entry.body = *text;
    }
  } else {
    out.entry.body = render_text(one_report, render);
    // Kept until the group's summary lines are written first: not with the slack of the
    // appends that made it (up to as much again), a thousand settings' worth.
    if (render.group) out.entry.body.shrink_to_fit();
  }
  if (what_if) {
    const std::string note = what_if_note(loaded, *what_if, result, out.entry.path, o.redact);
    if (format == "text") out.entry.body += note;
    else out.problems += note.substr(1);
  }
}

/// The whole document from the settings' parts, as pieces to write one after another:
/// when it was not written while the settings were checked (text; standard output with
/// --history; one setting).
std::vector<std::string> assemble(std::vector<Outcome>& outcomes, const std::string& format, bool group,
                                  bool summary, const RenderOptions& render) {
  std::vector<GroupEntry> entries;
  entries.reserve(outcomes.size());
  for (auto& o : outcomes) entries.push_back(std::move(o.entry));  // a group's JSON can be 100 MB
  if (format == "text") return {group ? render_text_group(entries, render) : std::move(entries.front().body)};
  if (!group) {
    std::string& body = entries.front().body;
    if (format == "csv") return {render_csv({}, render), std::move(body)};
    if (format == "markdown") return {std::move(body)};
    // One setting's JSON: the document itself, with the schema and tool header first.
    const std::string head = "{\n  \"schema\": \"attune.check/1\",\n  \"tool\": {\n    \"name\": \"attune\",\n"
                             "    \"version\": \"" + std::string(version()) + "\"\n  },";
    body.erase(0, 1);
    body += '\n';
    return {head, std::move(body)};
  }
  const auto document = group_document(format, render, summary);
  std::vector<std::string> pieces{document->head()};
  for (GroupEntry& e : entries) document->entry(std::move(e), pieces);
  pieces.push_back(document->tail());
  return pieces;
}

/// --date and --absent: one setting, one way of naming the days.
bool what_if_options_ok(CheckCommand& o) {
  if (!o.date.empty()) {
    if (!o.input.from.empty() || !o.input.to.empty()) {
      fmt::print(stderr, "attune check: give --date, or --from and --to, not both\n");
      return false;
    }
    o.input.from = o.input.to = o.date;
  }
  if (!o.absent.empty() && o.input.paths.size() != 1) {
    fmt::print(stderr, "attune check: --absent asks about one setting: name one\n");
    return false;
  }
  return true;
}

int run_check(const CheckCommand& o, const Environment& env) {
  const auto chosen = format_for(o);
  if (!chosen) return kBadInput;
  const std::string format = *chosen;
  const SettingPaths paths = expand_setting_paths(o.input);
  if (paths.settings.empty()) return kBadInput;
  if (!o.absent.empty() && paths.group) {
    fmt::print(stderr, "attune check: --absent asks about one setting, and {} holds {}\n", o.input.paths.front(),
               paths.settings.size());
    return kBadInput;
  }
  std::optional<HistorySink> sink;
  if (!o.history.empty() && !(sink = open_history_sink(o.history))) return kBadInput;
  std::optional<std::string> markdown_template;
  if (format == "markdown") {
    markdown_template = read_template("check.md", o.template_dir, env);
    if (!markdown_template) return kBadInput;
    if (const auto error = template_error(*markdown_template)) {
      fmt::print(stderr, "attune: the check.md template is not valid Mustache: {}\n", *error);
      return kBadInput;
    }
  }
  RenderOptions render;
  render.redact = o.redact;
  render.limit_per_rule = o.limit;
  render.group = paths.group || o.summary;  // a summary always has the group's shape
  render.colour = format == "text" && use_colour(o.color, env.stdout_is_terminal, env.no_color, o.output);

  // A group's document is written as the settings are checked (see GroupStream), to a
  // file or to standard output; but text, whose summary comes first, and standard output
  // with --history, which must write nothing if the history cannot be stored.
  const bool holds_names = format != "json" && !o.redact;
  const bool to_stdout = o.output.empty() || o.output == "-";
  std::unique_ptr<GroupDocument> document;
  if (render.group && !(to_stdout && !o.history.empty())) document = group_document(format, render, o.summary);
  std::unique_ptr<OutputFile> file;
  std::optional<GroupStream> stream;
  if (document) {
    if (!(file = OutputFile::open(o.output, holds_names))) return kBadInput;
    stream.emplace(*file, *document, paths.settings.size());
  }

  std::vector<Outcome> outcomes(paths.settings.size());
  Progress progress(paths.settings.size(), env.stderr_is_terminal && !o.quiet, "checked");
  for_each_parallel(
      paths.settings.size(), o.jobs,
      [&](std::size_t i) {
        check_one(paths.settings[i], o, format, markdown_template, render, env, paths.group, outcomes[i]);
        if (stream) stream->finished(i, outcomes[i].entry);
      },
      &progress);

  bool failing = false, broken = paths.failed, template_error = false;
  for (const auto& out : outcomes) {
    fmt::print(stderr, "{}", out.problems);
    failing = failing || out.failing;
    broken = broken || !out.entry.checked;
    template_error = template_error || out.template_error;
  }
  if (paths.group && !template_error)
    fmt::print(stderr, "{}",
               group_inputs_note("check", outcomes.size(),
                                 static_cast<std::size_t>(std::count_if(outcomes.begin(), outcomes.end(),
                                                                        [](const Outcome& x) { return !x.entry.checked; }))));
  if (template_error) return kBadInput;
  if (sink) {  // before the report: a run whose history could not be stored writes nothing
    std::vector<history::SettingRecord> records;
    for (auto& out : outcomes) records.push_back(std::move(out.record));
    if (!store_run(*sink, o.input, o.only, std::move(records))) return kBadInput;
  }
  // One setting that could not be loaded: nothing to write (an existing -o file is kept).
  // A group: the others are written, with the broken ones named in the document.
  const bool any_checked =
      std::any_of(outcomes.begin(), outcomes.end(), [](const Outcome& x) { return x.entry.checked; });
  if (broken && (!paths.group || !any_checked)) return kBadInput;  // a stream's file is removed
  if (stream) {
    stream->finish();
    if (!file->commit()) return kBadInput;
    return group_exit_code(failing, broken, o.strict_inputs);
  }
  const std::vector<std::string> text = assemble(outcomes, format, render.group, o.summary, render);
  if (!write_output(text, o.output, holds_names)) return kBadInput;
  return group_exit_code(failing, broken, o.strict_inputs);
}

const CLI::Validator kRuleSelector(
    [](std::string& value) -> std::string {
      std::string lower = value;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "statutory" || lower == "continuity") {
        value = lower;
        return {};
      }
      if (const RuleInfo* info = find_rule(value)) {
        value = std::string(info->id);  // accept any letter case
        return {};
      }
      return unknown_rule_message(value) + "; see `attune rules`";
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
  app.add_option("-j,--jobs", o->jobs, "settings checked at once (default: the number of cores)");
  app.add_flag("-q,--quiet", o->quiet, "no progress line on a terminal");
  app.add_flag("--summary", o->summary,
               "JSON for dashboards (attune.summary/1): per setting its counts per rule, breach minutes and "
               "continuity figures, no findings");
  app.add_flag("--strict-inputs", o->strict_inputs,
               "a group: exit 2 when any setting has an input error (default: 1, the others reported)");
  app.add_option("--history", o->history, "append the run to this SQLite history (see docs/history.md)");
  app.add_option("--limit", o->limit, "text: at most N findings per rule (default 20; 0 = all)")
      ->check(CLI::Validator(
          [](std::string& v) { return v.starts_with('-') ? std::string("must be 0 or more (0 shows all)") : std::string{}; },
          "N"));
  app.add_option("--only", o->only, "run only these rules: ids, or statutory / continuity (comma-separated)")
      ->delimiter(',')
      ->transform(kRuleSelector);
  app.add_option("--absent", o->absent, "what if these staff are absent (ids, comma-separated): their shifts are removed")
      ->delimiter(',');
  app.add_option("--date", o->date, "check this one day (the same as --from D --to D)")->check(iso_date_validator());
  return [o, &env] { return what_if_options_ok(*o) ? run_check(*o, env) : kBadInput; };
}

}  // namespace attune::cli
