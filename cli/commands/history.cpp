// attune history FILE.db : trends from the runs `attune check --history FILE.db` stored.

#include <cctype>
#include <memory>

#include <fmt/format.h>

#include "attune/history.hpp"
#include "attune/rules.hpp"
#include "command.hpp"
#include "inputs.hpp"
#include "output_format.hpp"
#include "output.hpp"
#include "templates.hpp"

namespace attune::cli {
namespace {

struct HistoryCommand {
  std::string database;
  std::string setting;
  std::string rule;
  std::string since;
  std::string format;
  std::string output;
  std::string color = "auto";
  std::string template_dir;
};

constexpr WrittenFormat kHistoryWrites[] = {
    {"text", ".txt .text"}, {"json", ".json"}, {"csv", ".csv"}, {"html", ".html .htm"}};

std::optional<std::string> format_for(const HistoryCommand& o) {
  return output_format("history", o.format, o.output, kHistoryWrites, "text",
                       "there is no PDF: write HTML and print it from a browser");
}

int run_history(const HistoryCommand& o, const Environment& env) {
  const auto chosen = format_for(o);
  if (!chosen) return kBadInput;
  const std::string format = *chosen;
  std::optional<std::string> tmpl;
  if (format == "html" && !(tmpl = read_template("history.html", o.template_dir, env))) return kBadInput;
  std::string error;
  const auto db = history::open_database(o.database, history::OpenMode::existing, error);
  if (!db) {
    fmt::print(stderr, "attune: {}\n", error);
    return kBadInput;
  }
  history::TrendFilter filter;
  filter.setting = o.setting;
  filter.rule = o.rule;
  if (!o.since.empty()) filter.since = parse_iso_date(o.since);
  const auto trends = history::read_trends(*db, filter, error);
  if (!trends) {
    fmt::print(stderr, "attune: {}\n", error);
    return kBadInput;
  }
  std::string text;
  if (format == "json") {
    text = history::render_history_json(*trends);
  } else if (format == "csv") {
    text = history::render_history_csv(*trends);
  } else if (format == "html") {
    const auto page = history::render_history_html(*tmpl, *trends, error);
    if (!page) {
      fmt::print(stderr, "attune: the history.html template is not valid Mustache: {}\n", error);
      return kBadInput;
    }
    text = *page;
  } else {
    text = history::render_history_text(*trends, use_colour(o.color, env.stdout_is_terminal, env.no_color, o.output));
  }
  // The history holds ids and the settings' own names, never children's or staff names.
  return write_output(text, o.output, false) ? kOk : kBadInput;
}

const CLI::Validator kRule(
    [](std::string& value) -> std::string {
      if (const RuleInfo* info = find_rule(value)) {
        value = std::string(info->id);  // any letter case
        return {};
      }
      const auto close = similar_rule_ids(value);
      return fmt::format("unknown rule \"{}\"{}; see `attune rules`", value,
                         close.empty() ? "" : fmt::format(" (did you mean {}?)", fmt::join(close, " or ")));
    },
    "RULE");


}  // namespace

std::function<int()> setup_history(CLI::App& app, const Environment& env) {
  auto o = std::make_shared<HistoryCommand>();
  app.add_option("DB", o->database, "the history file written by `attune check --history DB`")->required();
  app.add_option("--setting", o->setting, "only this setting: its URN, or the path of its folder");
  app.add_option("--rule", o->rule, "only this rule's findings, e.g. RATIO-ROOM")->transform(kRule);
  app.add_option("--since", o->since, "only runs on or after this day (UTC), YYYY-MM-DD")->check(iso_date_validator());
  app.add_option("--format", o->format, "text (default), json, csv or html (default from -o's extension)")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}));
  app.add_option("-o,--output", o->output, "write to FILE (atomically) instead of standard output");
  app.add_option("--color", o->color, "auto (default), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--template", o->template_dir, "html: a folder with your own history.html");
  return [o, &env] { return run_history(*o, env); };
}

}  // namespace attune::cli
