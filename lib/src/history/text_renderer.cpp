// `attune history` for people: the runs, then each setting's series as a sparkline with
// its first, latest, lowest and highest values.

#include <algorithm>

#include <fmt/format.h>

#include "attune/history.hpp"
#include "series.hpp"

namespace attune::history {
namespace {

/// Sparklines show at most this many runs (the latest).
constexpr std::size_t kSparkRuns = 60;
constexpr std::size_t kLabelWidth = 30;

std::string bold(const std::string& text, bool colour) { return colour ? "\x1b[1m" + text + "\x1b[0m" : text; }

std::string pad(std::string text, std::size_t columns, std::size_t width) {
  if (columns < width) text.append(width - columns, ' ');
  return text;
}

void runs_table(std::string& out, const Trends& t) {
  out += fmt::format("  {:>4}  {:<16}  {:<24}  {:>8}  {:>6}  {:>8}  {:>8}  {:>11}\n", "run", "time (UTC)",
                     "period (--from/--to)", "settings", "errors", "warnings", "accepted", "not checked");
  for (const RunSummary& r : t.runs) {
    // A run in which nothing shown could be checked has no counts: "·", never 0.
    const bool none = r.settings == r.input_error_settings;
    const auto n = [&](std::size_t v) { return none ? std::string("·") : std::to_string(v); };
    out += fmt::format("  {:>4}  {:<16}  {:<24}  {:>8}  {:>6}  {:>8}  {:>8}  {:>11}\n", r.id, short_utc_time(r.time),
                       run_period_text(r), r.settings, n(r.counts.errors), n(r.counts.warnings), n(r.counts.accepted),
                       r.input_error_settings);
  }
  for (const RunSummary& r : t.runs)
    if (!r.only.empty()) out += fmt::format("  run {} checked only {} (--only)\n", r.id, r.only);
}

void series_line(std::string& out, const Series& s, std::size_t first_shown, std::size_t width) {
  std::vector<std::optional<double>> shown(s.values.begin() + static_cast<std::ptrdiff_t>(first_shown), s.values.end());
  const std::string spark = sparkline(shown, s.share ? 1.0 : 0.0);
  const SeriesStats stats = series_stats(s);
  out += fmt::format("  {:<{}} {}  {:>7} {:>7} {:>7} {:>7}\n", s.label, kLabelWidth,
                     pad(spark, shown.size(), width), series_value_text(s, stats.first),
                     series_value_text(s, stats.latest), series_value_text(s, stats.lowest),
                     series_value_text(s, stats.highest));
}

/// The group's totals per run, as the settings' series are drawn.
void group_block(std::string& out, const Trends& t, bool colour) {
  const std::size_t n = t.runs.size();
  const std::size_t width = std::max<std::size_t>(5, std::min(kSparkRuns, n));
  out += "\n" + bold(fmt::format("The group: {} setting{} over {} run{}", t.settings.size(),
                                 t.settings.size() == 1 ? "" : "s", n, n == 1 ? "" : "s"),
                     colour) +
         "\n";
  out += fmt::format("  {:<{}} {}  {:>7} {:>7} {:>7} {:>7}\n", "", kLabelWidth, pad("trend", 5, width), "first",
                     "latest", "lowest", "highest");
  for (const Series& s : group_series(t)) series_line(out, s, n > kSparkRuns ? n - kSparkRuns : 0, width);
}

/// What changed between the last two runs, setting by setting.
void changes_block(std::string& out, const Trends& t, bool colour) {
  const Changes changes = changes_since_previous(t);
  if (changes.latest_run == 0) return;
  out += "\n" + bold(fmt::format("Since the previous run (run {} to run {})", changes.previous_run, changes.latest_run),
                     colour) +
         "\n";
  for (const SettingChange& c : changes.settings)
    out += fmt::format("  {}: {}\n", setting_change_who(c), setting_change_text(c));
  if (changes.unchanged > 0)
    out += fmt::format("  {} setting{} unchanged\n", changes.unchanged, changes.unchanged == 1 ? "" : "s");
}

void setting_block(std::string& out, const SettingTrend& trend, bool colour) {
  const std::string title = trend.name.empty() ? std::string("(never loaded)") : trend.name;
  out += "\n" + bold(trend.urn.empty() ? title : fmt::format("{} ({})", title, trend.urn), colour) + "\n";
  const std::size_t n = trend.points.size();
  const std::size_t unchecked =
      static_cast<std::size_t>(std::count_if(trend.points.begin(), trend.points.end(), [](const SettingPoint& p) { return !p.checked; }));
  out += fmt::format("{} · {} run{}{}{}\n", trend.path, n, n == 1 ? "" : "s",
                     unchecked > 0 ? fmt::format(", {} not checked (input errors: ·)", unchecked) : "",
                     n > kSparkRuns ? fmt::format("; trends show the last {}", kSparkRuns) : "");
  const std::size_t width = std::max<std::size_t>(5, std::min(kSparkRuns, n));
  out += fmt::format("  {:<{}} {}  {:>7} {:>7} {:>7} {:>7}\n", "", kLabelWidth, pad("trend", 5, width), "first",
                     "latest", "lowest", "highest");
  const std::vector<Series> series = setting_series(trend);
  for (std::size_t i = 0; i < series.size(); ++i) {
    if (i == 6) out += "  findings by rule (not accepted; accepted on their own line)\n";
    series_line(out, series[i], n > kSparkRuns ? n - kSparkRuns : 0, width);
  }
  if (series.size() == 6) out += "  no findings in these runs\n";
}

}  // namespace

std::string render_history_text(const Trends& t, bool colour) {
  std::string out;
  if (t.runs.empty()) {
    out += fmt::format("{}: no runs{}\n", t.database,
                       t.filter.since ? " since " + format_iso_date(*t.filter.since) : std::string{});
    return out;
  }
  out += bold(fmt::format("History in {}: {} run{}, {} to {}", t.database, t.runs.size(), t.runs.size() == 1 ? "" : "s",
                          short_utc_time(t.runs.front().time), short_utc_time(t.runs.back().time)),
              colour) +
         "\n";
  if (!t.filter.setting.empty() || !t.filter.rule.empty())
    out += fmt::format("Showing{}{}\n", t.filter.setting.empty() ? "" : " setting " + t.filter.setting,
                       t.filter.rule.empty() ? "" : " rule " + t.filter.rule);
  out += "\n" + bold("Runs", colour) + "\n";
  runs_table(out, t);
  changes_block(out, t, colour);
  group_block(out, t, colour);
  for (const SettingTrend& trend : t.settings) setting_block(out, trend, colour);
  out += "\nTrends: ▁ is zero and █ the highest of the series (coverage: 100%); · not checked or nothing measured.\n";
  return out;
}

}  // namespace attune::history
