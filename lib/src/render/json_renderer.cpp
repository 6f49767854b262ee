// The attune.check/1 JSON document: the complete contract (docs/json.md).

#include <nlohmann/json.hpp>

#include "attune/render.hpp"

namespace attune {
namespace {

using Json = nlohmann::ordered_json;

Json id_or_null(const std::string* id) { return id != nullptr ? Json(*id) : Json(nullptr); }

Json finding_json(const Setting& s, const Finding& f) {
  Json j;
  j["rule"] = f.rule;
  j["severity"] = std::string(severity_id(f.severity));
  j["message"] = f.message;
  j["date"] = f.date ? Json(format_iso_date(*f.date)) : Json(nullptr);
  j["start"] = f.time ? Json(format_clock_time(f.time->start)) : Json(nullptr);
  j["end"] = f.time ? Json(format_clock_time(f.time->end)) : Json(nullptr);
  j["room"] = id_or_null(f.room < s.rooms.size() ? &s.rooms[f.room].id : nullptr);
  j["child"] = id_or_null(f.child < s.children.size() ? &s.children[f.child].id : nullptr);
  j["staff"] = id_or_null(f.staff < s.staff.size() ? &s.staff[f.staff].id : nullptr);
  Json values = Json::object();
  for (const auto& v : f.values) {
    std::visit([&](const auto& x) { values[v.name] = x; }, v.value);
  }
  j["values"] = std::move(values);
  j["accepted"] = f.accepted;
  j["reason"] = f.accepted ? Json(f.accepted_reason) : Json(nullptr);
  return j;
}

Json optional_number(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json metrics_json(const Setting& s, const Metrics& m) {
  Json children = Json::array();
  for (const ChildMetrics& c : m.children) {
    Json j;
    j["id"] = s.children[c.child].id;
    j["band"] = std::string(age_band_id(c.band));
    j["attended_minutes"] = c.attended_minutes;
    j["key_person"] = id_or_null(c.key_person < s.staff.size() ? &s.staff[c.key_person].id : nullptr);
    j["key_person_coverage"] = optional_number(c.key_person_coverage());
    j["key_or_buddy_coverage"] = optional_number(c.key_or_buddy_coverage());
    j["arrivals"] = c.arrivals;
    j["arrivals_with_key_or_buddy"] = c.arrivals_with_key_or_buddy;
    j["departures"] = c.departures;
    j["departures_with_key_or_buddy"] = c.departures_with_key_or_buddy;
    j["max_distinct_carers_per_week"] = c.max_distinct_carers_per_week;
    children.push_back(std::move(j));
  }
  Json key_persons = Json::array();
  for (const KeyPersonMetrics& k : m.key_persons) {
    Json j;
    j["staff"] = s.staff[k.staff].id;
    j["key_children"] = k.key_children;
    Json bands;
    for (AgeBand band : kAgeBands) bands[std::string(age_band_id(band))] = k.by_band[static_cast<std::size_t>(band)];
    j["by_band"] = std::move(bands);
    key_persons.push_back(std::move(j));
  }
  Json rooms = Json::array();
  for (const RoomMetrics& r : m.rooms) {
    Json j;
    j["room"] = s.rooms[r.room].id;
    j["breach_minutes"] = r.breach_minutes;
    j["child_minutes"] = r.child_minutes;
    rooms.push_back(std::move(j));
  }
  Json out;
  out["children"] = std::move(children);
  out["key_persons"] = std::move(key_persons);
  out["rooms"] = std::move(rooms);
  return out;
}

Json summary_json(const FindingCounts& c) {
  Json j;
  j["errors"] = c.errors;
  j["warnings"] = c.warnings;
  j["infos"] = c.infos;
  j["accepted"] = c.accepted;
  return j;
}

/// Everything about one setting, without the schema and tool header, added to `j`.
void add_setting_body(Json& j, const SettingReport& report) {
  const Setting& s = report.setting;
  const CheckResult& r = report.result;
  j["setting"] = Json{{"name", s.name},
                      {"urn", s.urn.empty() ? Json(nullptr) : Json(s.urn)},
                      {"path", s.path.lexically_normal().string()}};
  j["status"] = "checked";
  j["profile"] = r.profile;
  j["period"] = Json{{"from", format_iso_date(r.period.from)}, {"to", format_iso_date(r.period.to)}};
  j["summary"] = summary_json(r.counts);
  Json findings = Json::array();
  for (const Finding& f : r.findings) findings.push_back(finding_json(s, f));
  j["findings"] = std::move(findings);
  j["metrics"] = metrics_json(s, r.metrics);
}

/// `text` with every line after the first indented by `by` spaces.
std::string indent(const std::string& text, std::size_t by) {
  std::string out;
  const std::string pad(by, ' ');
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size()) out += pad;
  }
  return out;
}

}  // namespace

std::string render_json_setting(const SettingReport& report, const RenderOptions& /*options*/) {
  Json body;
  add_setting_body(body, report);
  return body.dump(2, ' ', false, Json::error_handler_t::replace);
}

std::string render_json_group(const std::vector<GroupEntry>& entries) {
  FindingCounts total;
  std::size_t failed = 0;
  for (const auto& e : entries) {
    total.errors += e.counts.errors;
    total.warnings += e.counts.warnings;
    total.infos += e.counts.infos;
    total.accepted += e.counts.accepted;
    failed += e.checked ? 0 : 1;
  }
  Json head;
  head["schema"] = "attune.check/1";
  head["tool"] = Json{{"name", "attune"}, {"version", std::string(version())}};
  Json summary = summary_json(total);
  summary["settings"] = entries.size();
  summary["settings_with_input_errors"] = failed;
  head["summary"] = std::move(summary);
  std::string out = head.dump(2, ' ', false, Json::error_handler_t::replace);
  out.pop_back();  // the closing brace: the settings array follows
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  out += ",\n  \"settings\": [";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const GroupEntry& e = entries[i];
    std::string body = e.body;
    if (!e.checked) {
      Json failure;
      failure["setting"] = Json{{"path", e.path}};
      failure["status"] = "input_error";
      failure["errors"] = e.problems;
      body = failure.dump(2, ' ', false, Json::error_handler_t::replace);
    }
    out += (i == 0 ? "\n    " : ",\n    ") + indent(body, 4);
  }
  out += entries.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

std::string render_json(std::span<const SettingReport> reports, const RenderOptions& options) {
  Json doc;
  doc["schema"] = "attune.check/1";
  doc["tool"] = Json{{"name", "attune"}, {"version", std::string(version())}};
  if (reports.size() == 1 && !options.group) {
    add_setting_body(doc, reports[0]);
  } else {
    FindingCounts total;
    Json settings = Json::array();
    for (const auto& report : reports) {
      total.errors += report.result.counts.errors;
      total.warnings += report.result.counts.warnings;
      total.infos += report.result.counts.infos;
      total.accepted += report.result.counts.accepted;
      Json body;
      add_setting_body(body, report);
      settings.push_back(std::move(body));
    }
    doc["summary"] = summary_json(total);
    doc["settings"] = std::move(settings);
  }
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace attune
