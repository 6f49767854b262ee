// The "attune.history/1" document (docs/history.md): runs, then each setting's points.

#include <nlohmann/json.hpp>

#include "attune/history.hpp"
#include "attune/render.hpp"

namespace attune::history {
namespace {

using Json = nlohmann::ordered_json;

Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json date_or_null(const std::optional<Date>& date) { return date ? Json(format_iso_date(*date)) : Json(nullptr); }

Json number_or_null(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json summary(const FindingCounts& c) {
  return Json{{"errors", c.errors}, {"warnings", c.warnings}, {"infos", c.infos}, {"accepted", c.accepted}};
}

Json run_json(const RunSummary& r) {
  return Json{{"id", r.id},
              {"time", r.time},
              {"tool_version", r.tool_version},
              {"period", Json{{"from", date_or_null(r.from)}, {"to", date_or_null(r.to)}}},
              {"only", text_or_null(r.only)},
              {"settings", r.settings},
              {"settings_with_input_errors", r.input_error_settings},
              // Nothing checked (of the settings shown): no counts, not zeros.
              {"summary", r.settings == r.input_error_settings ? Json(nullptr) : summary(r.counts)}};
}

Json group_json(const GroupPoint& g) {
  return Json{{"run", g.run},
              {"settings", g.settings},
              {"settings_with_input_errors", g.not_checked},
              {"summary", g.counts ? summary(*g.counts) : Json(nullptr)},
              {"breach_minutes", g.breach_minutes ? Json(*g.breach_minutes) : Json(nullptr)},
              {"under_2", Json{{"children", g.under_2_children},
                               {"key_person_coverage_average", number_or_null(g.under_2_coverage_average)}}}};
}

std::string_view change_kind(RuleChange::Kind kind) {
  switch (kind) {
    case RuleChange::Kind::new_findings: return "new";
    case RuleChange::Kind::resolved: return "resolved";
    case RuleChange::Kind::worse: return "worse";
    case RuleChange::Kind::better: return "better";
  }
  return "";
}

Json changes_json(const Changes& c) {
  if (c.latest_run == 0) return nullptr;
  Json settings = Json::array();
  for (const SettingChange& s : c.settings) {
    const auto status = [](bool in, bool checked) { return !in ? Json(nullptr) : Json(checked ? "checked" : "input_error"); };
    Json rules = Json::array();
    for (const RuleChange& r : s.rules)
      rules.push_back(Json{{"rule", r.rule}, {"change", change_kind(r.kind)}, {"before", r.before}, {"after", r.after}});
    settings.push_back(Json{{"path", s.path},
                            {"name", text_or_null(s.name)},
                            {"urn", text_or_null(s.urn)},
                            {"before", status(s.in_previous, s.checked_before)},
                            {"now", status(true, s.checked_now)},
                            {"summary_before", s.checked_before ? summary(s.before) : Json(nullptr)},
                            {"summary_now", s.checked_now ? summary(s.after) : Json(nullptr)},
                            {"rules", std::move(rules)}});
  }
  return Json{{"previous_run", c.previous_run}, {"latest_run", c.latest_run}, {"settings", std::move(settings)},
              {"unchanged", c.unchanged}};
}

Json point_json(const SettingPoint& p) {
  Json j{{"run", p.run}, {"status", p.checked ? "checked" : "input_error"}};
  if (!p.checked) {
    j["input_errors"] = p.input_errors;
    return j;
  }
  j["period"] = Json{{"from", format_iso_date(p.period->from)}, {"to", format_iso_date(p.period->to)}};
  j["summary"] = summary(p.counts);
  j["breach_minutes"] = p.breach_minutes;
  j["under_2"] = Json{{"children", p.under_2_children},
                      {"key_person_coverage_average", number_or_null(p.under_2_coverage_average)},
                      {"key_person_coverage_worst", number_or_null(p.under_2_coverage_worst)}};
  Json rules = Json::array();
  for (const RuleCount& r : p.rules)
    rules.push_back(Json{{"rule", r.rule}, {"findings", r.findings}, {"accepted", r.accepted}});
  j["rules"] = std::move(rules);
  return j;
}

}  // namespace

std::string render_history_json(const Trends& t) {
  Json doc{{"schema", "attune.history/1"}, {"tool", Json{{"name", "attune"}, {"version", version()}}}};
  doc["database"] = t.database;
  doc["filter"] = Json{{"setting", text_or_null(t.filter.setting)},
                       {"rule", text_or_null(t.filter.rule)},
                       {"since", date_or_null(t.filter.since)}};
  Json runs = Json::array();
  for (const RunSummary& r : t.runs) runs.push_back(run_json(r));
  doc["runs"] = std::move(runs);
  Json group = Json::array();
  for (const GroupPoint& g : group_trend(t)) group.push_back(group_json(g));
  doc["group"] = std::move(group);
  doc["changes"] = changes_json(changes_since_previous(t));
  Json settings = Json::array();
  for (const SettingTrend& s : t.settings) {
    Json points = Json::array();
    for (const SettingPoint& p : s.points) points.push_back(point_json(p));
    settings.push_back(Json{{"path", s.path}, {"name", text_or_null(s.name)}, {"urn", text_or_null(s.urn)},
                            {"runs", std::move(points)}});
  }
  doc["settings"] = std::move(settings);
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace attune::history
