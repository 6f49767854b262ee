// Reading trends: the runs, then each setting's point per run (its totals, breach
// minutes, under-2 key-person coverage and findings per rule), from a few aggregate
// queries joined in memory by the settings row id.

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "attune/history.hpp"
#include "attune/rules.hpp"
#include "sqlite.hpp"
#include "../util/text.hpp"

namespace attune::history {
namespace {

namespace fs = std::filesystem;

/// `?1` in every query: the first UTC time shown ("" for all).
constexpr std::string_view kRunsShown = "SELECT id FROM runs WHERE time >= ?1";

std::optional<Date> date_at(const sql::Statement& q, int column) {
  return q.is_null(column) ? std::nullopt : parse_iso_date(q.text_at(column));
}

std::size_t size_at(const sql::Statement& q, int column) {
  return static_cast<std::size_t>(std::max<std::int64_t>(0, q.int_at(column)));
}

std::vector<RunSummary> read_runs(sqlite3* db, const std::string& since) {
  std::vector<RunSummary> runs;
  sql::Statement q(db, "SELECT id, time, tool_version, period_from, period_to, only_rules FROM runs "
                       "WHERE time >= ?1 ORDER BY time, id");
  q.bind(1, since);
  while (q.step() == SQLITE_ROW) {
    RunSummary r;
    r.id = q.int_at(0);
    r.time = q.text_at(1);
    r.tool_version = q.text_at(2);
    r.from = date_at(q, 3);
    r.to = date_at(q, 4);
    r.only = q.text_at(5);
    runs.push_back(std::move(r));
  }
  return runs;
}

struct SettingRow {
  std::int64_t id = 0;
  std::string path;
  SettingPoint point;
};

std::vector<SettingRow> read_settings(sqlite3* db, const std::string& since) {
  std::vector<SettingRow> rows;
  sql::Statement q(db, fmt::format("SELECT id, run, path, name, urn, status, period_from, period_to, errors, warnings, "
                                   "infos, accepted, input_errors FROM settings WHERE run IN ({})",
                                   kRunsShown));
  q.bind(1, since);
  while (q.step() == SQLITE_ROW) {
    SettingRow row;
    row.id = q.int_at(0);
    row.path = q.text_at(2);
    SettingPoint& p = row.point;
    p.run = q.int_at(1);
    p.name = q.text_at(3);
    p.urn = q.text_at(4);
    p.checked = q.text_at(5) == "checked";
    const auto from = date_at(q, 6), to = date_at(q, 7);
    if (from && to) p.period = Period{*from, *to};
    p.counts = {size_at(q, 8), size_at(q, 9), size_at(q, 10), size_at(q, 11)};
    p.input_errors = size_at(q, 12);
    rows.push_back(std::move(row));
  }
  return rows;
}

/// Does the setting row match --setting: its URN (any letter case), or its path (the
/// folder or file as found, given absolute or relative to the current folder).
bool matches(const SettingRow& row, const std::string& wanted) {
  if (wanted.empty()) return true;
  if (!row.point.urn.empty() && util::to_lower(row.point.urn) == util::to_lower(wanted)) return true;
  std::error_code ec;
  std::string full = fs::absolute(fs::path(wanted), ec).lexically_normal().string();
  if (full.size() > 1 && full.back() == '/') full.pop_back();
  // A setting stored by its file (setting.yaml given on the command line) matches its folder too.
  const fs::path stored(row.path);
  const bool is_file = stored.filename().string().starts_with("setting.");
  return row.path == wanted || row.path == full || (is_file && stored.parent_path().string() == full);
}

/// Adds each setting row's findings per rule, breach minutes and under-2 coverage.
void add_measures(sqlite3* db, const std::string& since, const std::string& rule,
                  std::unordered_map<std::int64_t, SettingPoint*>& points) {
  const std::string shown = fmt::format("setting IN (SELECT id FROM settings WHERE run IN ({}))", kRunsShown);
  sql::Statement findings(db, fmt::format("SELECT setting, rule, accepted, count(*) FROM findings WHERE {}{} "
                                          "GROUP BY setting, rule, accepted",
                                          shown, rule.empty() ? "" : " AND rule = ?2"));
  findings.bind(1, since);
  if (!rule.empty()) findings.bind(2, rule);
  while (findings.step() == SQLITE_ROW) {
    const auto it = points.find(findings.int_at(0));
    if (it == points.end()) continue;
    const std::string id = findings.text_at(1);
    auto& rules = it->second->rules;
    auto r = std::find_if(rules.begin(), rules.end(), [&](const RuleCount& c) { return c.rule == id; });
    if (r == rules.end()) r = rules.insert(rules.end(), RuleCount{id, 0, 0});
    (findings.int_at(2) != 0 ? r->accepted : r->findings) += size_at(findings, 3);
  }
  sql::Statement rooms(db, fmt::format("SELECT setting, sum(breach_minutes) FROM room_metrics WHERE {} "
                                       "GROUP BY setting", shown));
  rooms.bind(1, since);
  while (rooms.step() == SQLITE_ROW)
    if (const auto it = points.find(rooms.int_at(0)); it != points.end()) it->second->breach_minutes = rooms.int_at(1);
  sql::Statement babies(db, fmt::format("SELECT setting, count(*), avg(key_person_coverage), min(key_person_coverage) "
                                        "FROM child_metrics WHERE {} AND band = 'under_2' AND key_person_coverage "
                                        "IS NOT NULL GROUP BY setting", shown));
  babies.bind(1, since);
  while (babies.step() == SQLITE_ROW) {
    const auto it = points.find(babies.int_at(0));
    if (it == points.end()) continue;
    it->second->under_2_children = size_at(babies, 1);
    it->second->under_2_coverage_average = babies.real_at(2);
    it->second->under_2_coverage_worst = babies.real_at(3);
  }
}

/// Every point of a setting lists the same rules, in catalog order, zeros included.
void align_rules(SettingTrend& trend, const std::string& rule) {
  std::set<std::pair<int, std::string>> all;
  if (!rule.empty()) all.emplace(rule_order(rule), rule);
  for (const auto& p : trend.points)
    for (const auto& r : p.rules) all.emplace(rule_order(r.rule), r.rule);
  for (auto& p : trend.points) {
    if (!p.checked) continue;
    std::vector<RuleCount> aligned;
    for (const auto& entry : all) {
      const std::string& id = entry.second;  // not a structured binding: clang 14 cannot capture one
      const auto it = std::find_if(p.rules.begin(), p.rules.end(), [&](const RuleCount& c) { return c.rule == id; });
      aligned.push_back(it != p.rules.end() ? *it : RuleCount{id, 0, 0});
    }
    p.rules = std::move(aligned);
  }
}

}  // namespace

std::optional<Trends> read_trends(const Database& db, const TrendFilter& filter, std::string& error) {
  sqlite3* h = db.handle();
  const std::string since = filter.since ? format_iso_date(*filter.since) + "T00:00:00Z" : std::string{};
  sql::exec(h, "BEGIN");  // one consistent view, even while a run is being stored
  Trends t;
  t.database = db.path().string();
  t.filter = filter;
  std::vector<RunSummary> runs = read_runs(h, since);
  std::vector<SettingRow> rows = read_settings(h, since);
  // A setting is its path: matched by URN, its nights with input errors (no URN) come too.
  std::set<std::string> paths;
  for (const auto& r : rows)
    if (matches(r, filter.setting)) paths.insert(r.path);
  std::erase_if(rows, [&](const SettingRow& r) { return !paths.contains(r.path); });
  if (!filter.setting.empty() && rows.empty()) {
    error = fmt::format("{}: no setting \"{}\" in the history{}; give a URN or the path of a setting folder",
                        t.database, filter.setting, filter.since ? " since " + format_iso_date(*filter.since) : "");
    sql::exec(h, "COMMIT");
    return std::nullopt;
  }
  std::unordered_map<std::int64_t, SettingPoint*> points;
  for (auto& r : rows) points.emplace(r.id, &r.point);
  add_measures(h, since, filter.rule, points);
  sql::exec(h, "COMMIT");

  // Group the points into one series per path, in run order.
  std::map<std::int64_t, std::size_t> run_index;
  for (std::size_t i = 0; i < runs.size(); ++i) run_index.emplace(runs[i].id, i);
  std::sort(rows.begin(), rows.end(), [&](const SettingRow& a, const SettingRow& b) {
    return std::tie(a.path, run_index.at(a.point.run)) < std::tie(b.path, run_index.at(b.point.run));
  });
  std::set<std::int64_t> runs_shown;
  for (auto& r : rows) {
    if (t.settings.empty() || t.settings.back().path != r.path) t.settings.push_back({r.path, {}, {}, {}});
    SettingTrend& trend = t.settings.back();
    if (r.point.checked) trend.name = r.point.name, trend.urn = r.point.urn;
    RunSummary& run = runs[run_index.at(r.point.run)];
    ++run.settings;
    run.input_error_settings += r.point.checked ? 0 : 1;
    run.counts += r.point.counts;
    runs_shown.insert(r.point.run);
    trend.points.push_back(std::move(r.point));
  }
  for (auto& trend : t.settings) align_rules(trend, filter.rule);
  std::erase_if(runs, [&](const RunSummary& r) { return !filter.setting.empty() && !runs_shown.contains(r.id); });
  t.runs = std::move(runs);
  return t;
}

}  // namespace attune::history
