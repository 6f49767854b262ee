// `attune history --format html`: one self-contained page from templates/report/history.html,
// with an inline SVG line chart per setting and measure. The model below is everything
// the template sees (docs/history.md); the template lays it out.

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "../report/mustache.hpp"
#include "attune/history.hpp"
#include "attune/render.hpp"
#include "line_chart.hpp"
#include "series.hpp"

namespace attune::history {
namespace {

using Json = nlohmann::ordered_json;

/// "2026-11-23T02:30:00Z" -> "23 Nov".
std::string day_label(const std::string& utc) {
  const auto date = parse_iso_date(utc.substr(0, std::min<std::size_t>(10, utc.size())));
  return date ? format_day_label(*date).substr(4) : utc;
}

Json runs_model(const Trends& t) {
  Json runs = Json::array();
  for (const RunSummary& r : t.runs) {
    const bool none = r.settings == r.input_error_settings;  // nothing checked: "·", never 0
    const auto n = [&](std::size_t v) { return none ? std::string("·") : std::to_string(v); };
    runs.push_back(Json{{"id", r.id},
                        {"time", short_utc_time(r.time)},
                        {"period", run_period_text(r)},
                        {"only", r.only},
                        {"settings", r.settings},
                        {"errors", n(r.counts.errors)},
                        {"warnings", n(r.counts.warnings)},
                        {"accepted", n(r.counts.accepted)},
                        {"not_checked", r.input_error_settings}});
  }
  return runs;
}

Json points_model(const SettingTrend& s, const std::map<std::int64_t, const RunSummary*>& runs) {
  Json rows = Json::array();
  for (const SettingPoint& p : s.points) {
    const RunSummary* run = runs.at(p.run);
    Json row{{"run", p.run}, {"time", short_utc_time(run->time)}, {"checked", p.checked}};
    if (p.checked) {
      const Series share{"", {}, true};
      row["period"] = fmt::format("{} to {}", format_iso_date(p.period->from), format_iso_date(p.period->to));
      row["errors"] = p.counts.errors;
      row["warnings"] = p.counts.warnings;
      row["accepted"] = p.counts.accepted;
      row["breach_minutes"] = p.breach_minutes;
      row["under_2_children"] = p.under_2_children;
      row["under_2_average"] = series_value_text(share, p.under_2_coverage_average);
      row["under_2_worst"] = series_value_text(share, p.under_2_coverage_worst);
    } else {
      row["input_errors"] = p.input_errors;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Json series_model(const std::vector<Series>& series) {
  Json rows = Json::array();
  for (const Series& s : series) {
    const SeriesStats stats = series_stats(s);
    rows.push_back(Json{{"label", s.label},
                        {"spark", sparkline(s.values, s.share ? 1.0 : 0.0)},
                        {"first", series_value_text(s, stats.first)},
                        {"latest", series_value_text(s, stats.latest)},
                        {"lowest", series_value_text(s, stats.lowest)},
                        {"highest", series_value_text(s, stats.highest)}});
  }
  return rows;
}

/// The group's totals per run, charted like a setting's.
Json group_model(const Trends& t) {
  std::vector<std::string> x;
  for (const RunSummary& r : t.runs) x.push_back(day_label(r.time));
  const std::vector<Series> series = group_series(t);  // not checked, errors, warnings, breach, u2 average
  Json m;
  m["findings_chart"] = line_chart_svg(
      x, {{"errors", "errors", series[1].values}, {"warnings", "warnings", series[2].values},
          {"settings not checked", "accepted", series[0].values}},
      false, "The group's findings per run, and settings not checked");
  m["breach_chart"] = line_chart_svg(x, {{"RATIO-ROOM breach minutes", "breach", series[3].values}}, false,
                                     "The group's breach minutes per run");
  m["coverage_chart"] = line_chart_svg(x, {{"under-2s' key-person coverage, average", "average", series[4].values}},
                                       true, "Under-2 key-person coverage per run, over the group's babies");
  m["series"] = series_model(series);
  return m;
}

Json setting_model(const SettingTrend& s, const std::map<std::int64_t, const RunSummary*>& runs) {
  std::vector<std::string> x;
  for (const SettingPoint& p : s.points) x.push_back(day_label(runs.at(p.run)->time));
  const std::vector<Series> series = setting_series(s);  // errors, warnings, accepted, breach, u2 avg, u2 worst, rules
  const std::string who = s.name.empty() ? s.path : s.name;
  Json m{{"name", s.name.empty() ? "(never loaded)" : s.name}, {"urn", s.urn}, {"path", s.path}};
  m["run_count"] = s.points.size();
  m["findings_chart"] = line_chart_svg(
      x, {{"errors", "errors", series[0].values}, {"warnings", "warnings", series[1].values},
          {"accepted", "accepted", series[2].values}},
      false, "Findings per run: " + who);
  m["breach_chart"] =
      line_chart_svg(x, {{"RATIO-ROOM breach minutes", "breach", series[3].values}}, false, "Breach minutes per run: " + who);
  m["coverage_chart"] = line_chart_svg(
      x, {{"under-2s' key-person coverage, average", "average", series[4].values},
          {"worst", "worst", series[5].values}},
      true, "Under-2 key-person coverage per run: " + who);
  m["series"] = series_model(series);
  m["points"] = points_model(s, runs);
  return m;
}

}  // namespace

std::optional<std::string> render_history_html(std::string_view template_text, const Trends& t, std::string& error) {
  std::map<std::int64_t, const RunSummary*> runs;
  for (const RunSummary& r : t.runs) runs.emplace(r.id, &r);
  Json model{{"tool", Json{{"name", "attune"}, {"version", version()}}}, {"database", t.database}};
  std::vector<std::string> filters;
  if (!t.filter.setting.empty()) filters.push_back("setting " + t.filter.setting);
  if (!t.filter.rule.empty()) filters.push_back("rule " + t.filter.rule);
  if (t.filter.since) filters.push_back("since " + format_iso_date(*t.filter.since));
  model["filter"] = fmt::format("{}", fmt::join(filters, ", "));
  model["run_count"] = t.runs.size();
  model["first_time"] = t.runs.empty() ? std::string{} : short_utc_time(t.runs.front().time);
  model["last_time"] = t.runs.empty() ? std::string{} : short_utc_time(t.runs.back().time);
  model["runs"] = runs_model(t);
  model["group"] = group_model(t);
  const Changes changes = changes_since_previous(t);
  Json changed = Json::array();
  for (const SettingChange& c : changes.settings)
    changed.push_back(Json{{"who", setting_change_who(c)}, {"what", setting_change_text(c)}, {"checked", c.checked_now}});
  model["has_changes"] = changes.latest_run != 0;
  model["changes"] = Json{{"previous_run", changes.previous_run}, {"latest_run", changes.latest_run},
                          {"settings", std::move(changed)}, {"unchanged", changes.unchanged},
                          {"has_unchanged", changes.unchanged > 0}};
  Json settings = Json::array();
  for (const SettingTrend& s : t.settings) settings.push_back(setting_model(s, runs));
  model["settings"] = std::move(settings);
  return report::render_mustache(template_text, model, DocumentFormat::html, error);
}

}  // namespace attune::history
