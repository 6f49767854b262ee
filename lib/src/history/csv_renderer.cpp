// `attune history --format csv`: one row per run x setting x rule, for a spreadsheet.
// Every cell goes through csv_cell, so no stored text can run as a formula.

#include <map>

#include <fmt/format.h>

#include "attune/document.hpp"
#include "attune/history.hpp"

namespace attune::history {
namespace {

constexpr std::string_view kHeader =
    "run,time,path,name,urn,status,rule,findings,accepted,errors,warnings,infos,breach_minutes,"
    "under_2_children,under_2_key_person_coverage_average,under_2_key_person_coverage_worst";

std::string number(const std::optional<double>& v) { return v ? fmt::format("{}", *v) : std::string{}; }

void row(std::string& out, const RunSummary& run, const SettingTrend& s, const SettingPoint& p, const RuleCount* rule) {
  std::vector<std::string> cells{std::to_string(run.id), run.time, s.path, s.name, s.urn,
                                 p.checked ? "checked" : "input_error"};
  if (!p.checked) {
    cells.resize(16);
  } else {
    cells.push_back(rule != nullptr ? rule->rule : std::string{});
    cells.push_back(std::to_string(rule != nullptr ? rule->findings : 0));
    cells.push_back(std::to_string(rule != nullptr ? rule->accepted : 0));
    cells.push_back(std::to_string(p.counts.errors));
    cells.push_back(std::to_string(p.counts.warnings));
    cells.push_back(std::to_string(p.counts.infos));
    cells.push_back(std::to_string(p.breach_minutes));
    cells.push_back(std::to_string(p.under_2_children));
    cells.push_back(number(p.under_2_coverage_average));
    cells.push_back(number(p.under_2_coverage_worst));
  }
  std::string line;
  for (const auto& c : cells) {
    if (!line.empty()) line += ',';
    line += csv_cell(c);
  }
  out += line + "\r\n";
}

}  // namespace

std::string render_history_csv(const Trends& t) {
  std::string out = std::string(kHeader) + "\r\n";
  // Runs in time order; within a run, settings by path; within a setting, rules in catalog order.
  std::map<std::int64_t, std::vector<std::pair<const SettingTrend*, const SettingPoint*>>> by_run;
  for (const SettingTrend& s : t.settings)
    for (const SettingPoint& p : s.points) by_run[p.run].emplace_back(&s, &p);
  for (const RunSummary& run : t.runs) {
    for (const auto& [setting, point] : by_run[run.id]) {
      if (!point->checked || point->rules.empty()) row(out, run, *setting, *point, nullptr);
      for (const RuleCount& r : point->rules) row(out, run, *setting, *point, &r);
    }
  }
  return out;
}

}  // namespace attune::history
