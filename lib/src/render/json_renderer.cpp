// The attune.check/1 JSON document: the complete contract (docs/json.md), written
// straight to text with JsonWriter.

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "attune/render.hpp"
#include "json_parts.hpp"
#include "json_writer.hpp"

namespace attune {
namespace {

using render::JsonWriter;

template <typename Item>
const std::string* id_at(const std::vector<Item>& items, std::uint32_t index) {
  return index < items.size() ? &items[index].id : nullptr;
}

/// Who was there and what the rota offers (docs/json.md, "context"), on the finding's
/// one line, straight to the text like the finding: a findings-heavy year has hundreds
/// of thousands of these, with a few staff and options each.
void context_json(std::string& out, const Setting& s, const FindingContext& c) {
  const auto text = [&](std::string_view t) { render::append_json_string(out, t); };
  out += R"({"present": [)";
  bool first = true;
  for (const PresentStaff& p : c.present) {
    out += first ? R"({"staff": )" : R"(, {"staff": )";
    first = false;
    text(s.staff[p.staff].id);
    out += R"(, "start": )";
    render::append_json_time(out, p.time.start);
    out += R"(, "end": )";
    render::append_json_time(out, p.time.end);
    out += R"(, "presence": )";
    render::append_json_id(out, presence_id(p.presence));
    out += R"(, "counts_as": )";
    render::append_json_id(out, qualification_id(p.counts_as));
    out += '}';
  }
  out += R"(], "present_not_shown": )";
  const fmt::format_int not_shown(c.present_not_shown);
  out.append(not_shown.data(), not_shown.size());
  out += R"(, "options": [)";
  first = true;
  for (const FixOption& o : c.options) {
    out += first ? R"({"kind": )" : R"(, {"kind": )";
    first = false;
    render::append_json_id(out, fix_kind_id(o.kind));
    out += R"(, "staff": )";
    text(s.staff[o.staff].id);
    out += R"(, "room": )";
    if (const std::string* room = id_at(s.rooms, o.from_room)) text(*room);
    else out += "null";
    out += R"(, "start": )";
    render::append_json_time(out, o.time.start);
    out += R"(, "end": )";
    render::append_json_time(out, o.time.end);
    out += R"(, "counts_as": )";
    render::append_json_id(out, qualification_id(o.counts_as));
    out += '}';
  }
  out += "]}";
}

/// A finding's line (docs/json.md, "findings"), written straight to the text: the
/// member names and separators are constant pieces, one append each, instead of a
/// writer call per member (a findings-heavy year has a million findings of about twenty
/// members each). The values and the context, on the same line, go through `inner`.
class FindingLine {
 public:
  explicit FindingLine(JsonWriter& w) : w_(w) {}

  void write(const Setting& s, const CheckResult& r, const Finding& f) {
    std::string& out = w_.value_text();
    if (!inner_) inner_.emplace(out);  // the same text for every finding: one writer, its levels kept
    JsonWriter& inner = *inner_;
    const auto text = [&](std::string_view t) { render::append_json_string(out, t); };
    const auto text_or_null = [&](const std::string* t) {
      if (t != nullptr) text(*t);
      else out += "null";
    };
    out += R"({"rule": )";
    text(f.rule);
    out += R"(, "severity": )";
    render::append_json_id(out, severity_id(f.severity));
    out += R"(, "message": )";
    text(f.message);
    out += R"(, "date": )";
    if (f.date) text(format_iso_date(*f.date));
    else out += "null";
    out += R"(, "start": )";
    if (f.time) render::append_json_time(out, f.time->start);
    else out += "null";
    out += R"(, "end": )";
    if (f.time) render::append_json_time(out, f.time->end);
    else out += "null";
    out += R"(, "room": )";
    text_or_null(id_at(s.rooms, f.room));
    out += R"(, "child": )";
    text_or_null(id_at(s.children, f.child));
    out += R"(, "staff": )";
    text_or_null(id_at(s.staff, f.staff));
    out += R"(, "values": )";
    inner.begin_object_on_one_line();
    for (const auto& v : f.values) {
      inner.key(v.name);
      std::visit([&](const auto& x) { inner.value(x); }, v.value);
    }
    inner.end_object();
    out += f.accepted ? R"(, "accepted": true, "reason": )" : R"(, "accepted": false, "reason": )";
    if (f.accepted) text(f.accepted_reason);
    else out += "null";
    if (f.accepted) {  // the exception the framework allows, and the child it is for
      out += R"(, "category": )";
      if (f.accepted_category.empty()) out += "null";
      else text(f.accepted_category);
      out += R"(, "exception_child": )";
      text_or_null(id_at(s.children, f.accepted_child));
    }
    out += R"(, "context": )";
    if (const FindingContext* context = context_of(s, r, f); context != nullptr) context_json(out, s, *context);
    else out += "null";
    out += R"(, "pattern": )";
    if (f.pattern < r.patterns.size()) {
      const fmt::format_int n(f.pattern);
      out.append(n.data(), n.size());
    } else {
      out += "null";
    }
    out += '}';
  }

 private:
  JsonWriter& w_;
  std::optional<JsonWriter> inner_;  ///< the values and the context, at depth 0 on the line
};

/// Repeated findings, each once (docs/json.md, "patterns"): the findings keep their place.
void patterns_json(JsonWriter& w, const CheckResult& r) {
  w.begin_array();
  for (std::size_t i = 0; i < r.patterns.size(); ++i) {
    const FindingPattern& p = r.patterns[i];
    const Finding& first = r.findings[p.findings.front()];
    w.begin_object();
    w.key("id"), w.value(static_cast<unsigned long long>(i));
    w.key("rule"), w.value(first.rule);
    w.key("label"), w.value(p.label);
    w.key("start"), w.value(format_clock_time(first.time->start));
    w.key("end"), w.value(format_clock_time(first.time->end));
    w.key("count"), w.value(static_cast<unsigned long long>(p.findings.size()));
    w.key("dates");
    w.begin_array();
    for (Date d : p.dates) w.value(format_iso_date(d));
    w.end_array();
    w.key("findings");
    w.begin_array();
    for (std::uint32_t index : p.findings) w.value(index);
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

void metrics_json(JsonWriter& w, const Setting& s, const Metrics& m) {
  w.begin_object();
  w.key("children");
  w.begin_array();
  for (const ChildMetrics& c : m.children) {
    w.begin_object();
    w.key("id"), w.value(s.children[c.child].id);
    w.key("band"), w.value(age_band_id(c.band));
    w.key("attended_minutes"), w.value(c.attended_minutes);
    w.key("key_person"), w.value_or_null(id_at(s.staff, c.key_person));
    w.key("key_person_coverage"), w.value_or_null(c.key_person_coverage());
    w.key("key_or_buddy_coverage"), w.value_or_null(c.key_or_buddy_coverage());
    w.key("arrivals"), w.value(c.arrivals);
    w.key("arrivals_with_key_or_buddy"), w.value(c.arrivals_with_key_or_buddy);
    w.key("departures"), w.value(c.departures);
    w.key("departures_with_key_or_buddy"), w.value(c.departures_with_key_or_buddy);
    w.key("max_distinct_carers_per_week"), w.value(c.max_distinct_carers_per_week);
    w.end_object();
  }
  w.end_array();
  w.key("key_persons");
  w.begin_array();
  for (const KeyPersonMetrics& k : m.key_persons) {
    w.begin_object();
    w.key("staff"), w.value(s.staff[k.staff].id);
    w.key("key_children"), w.value(k.key_children);
    w.key("by_band");
    w.begin_object();
    for (AgeBand band : kAgeBands) w.key(age_band_id(band)), w.value(k.by_band[static_cast<std::size_t>(band)]);
    w.end_object();
    w.end_object();
  }
  w.end_array();
  render::rooms_member(w, s, m);
  w.end_object();
}

}  // namespace

namespace render {

void rooms_member(JsonWriter& w, const Setting& s, const Metrics& m) {
  w.key("rooms");
  w.begin_array();
  for (const RoomMetrics& r : m.rooms) {
    w.begin_object();
    w.key("room"), w.value(s.rooms[r.room].id);
    w.key("breach_minutes"), w.value(r.breach_minutes);
    w.key("child_minutes"), w.value(r.child_minutes);
    w.end_object();
  }
  w.end_array();
}

void summary_members(JsonWriter& w, const FindingCounts& c) {
  w.key("errors"), w.value(c.errors);
  w.key("warnings"), w.value(c.warnings);
  w.key("infos"), w.value(c.infos);
  w.key("accepted"), w.value(c.accepted);
}

}  // namespace render

namespace {

using render::summary_members;

void tool_members(JsonWriter& w, std::string_view schema = "attune.check/1") {
  w.key("schema"), w.value(schema);
  w.key("tool");
  w.begin_object();
  w.key("name"), w.value("attune");
  w.key("version"), w.value(version());
  w.end_object();
}

void text_or_null(JsonWriter& w, const std::string& text) {
  if (text.empty()) w.null();
  else w.value(text);
}

void number_or_null(JsonWriter& w, std::uint32_t n) {
  if (n == 0) w.null();
  else w.value(n);
}

}  // namespace

namespace render {

void share_value(JsonWriter& w, const std::optional<Share>& s) {
  if (s) w.value(s->value());
  else w.null();
}

void setting_object(JsonWriter& w, const std::string& name, const std::string& urn, const std::string& path) {
  w.key("setting");
  w.begin_object();
  w.key("name"), text_or_null(w, name);
  w.key("urn"), text_or_null(w, urn);
  w.key("path"), w.value(path);
  w.end_object();
}

void input_errors_members(JsonWriter& w, const GroupEntry& e) {
  w.key("error_count"), w.value(std::max(e.error_count, e.errors.size()));
  w.key("errors");
  w.begin_array();
  for (const Diagnostic& d : e.errors) {
    w.begin_object();
    w.key("file"), w.value(d.where.file);
    w.key("line"), number_or_null(w, d.where.line);
    w.key("column"), number_or_null(w, d.where.column);
    w.key("message"), w.value(d.message);
    w.key("hint"), text_or_null(w, d.hint);
    const std::string text = format_diagnostic(d);
    w.key("text"), w.value(std::string_view(text).substr(0, text.find('\n')));
    w.end_object();
  }
  w.end_array();
}

void checked_members(JsonWriter& w, const SettingReport& report) {
  const Setting& s = report.setting;
  const CheckResult& r = report.result;
  setting_object(w, s.name, s.urn, s.path.lexically_normal().string());
  w.key("status"), w.value("checked");
  w.key("profile"), w.value(r.profile);
  w.key("period");
  w.begin_object();
  w.key("from"), w.value(format_iso_date(r.period.from));
  w.key("to"), w.value(format_iso_date(r.period.to));
  w.end_object();
  w.key("summary");
  w.begin_object();
  summary_members(w, r.counts);
  w.end_object();
}

}  // namespace render

namespace {

using render::input_errors_members;
using render::setting_object;

/// Everything about one setting, as members of the object being written.
void setting_members(JsonWriter& w, const SettingReport& report) {
  const Setting& s = report.setting;
  const CheckResult& r = report.result;
  render::checked_members(w, report);
  w.key("findings");
  w.begin_array();
  FindingLine line(w);
  for (const Finding& f : r.findings) line.write(s, r, f);
  w.end_array();
  w.key("patterns");
  patterns_json(w, r);
  w.key("metrics");
  metrics_json(w, s, r.metrics);
}

/// A size a setting's JSON should not exceed, so the text is allocated once: a finding
/// or a child's metrics is 400 to 460 bytes at the top level, and each level of
/// indentation adds about 16 lines' worth (pages never written cost nothing).
std::size_t expected_size(const SettingReport& report, std::size_t indent) {
  const std::size_t items = report.result.findings.size() + report.result.metrics.children.size();
  return 1024 + (480 + 16 * indent) * items;
}

}  // namespace

std::string render_json_setting(const SettingReport& report, const RenderOptions& /*options*/, std::size_t indent) {
  std::string out;
  out.reserve(expected_size(report, indent));
  JsonWriter w(out, indent);
  w.begin_object();
  setting_members(w, report);
  w.end_object();
  return out;
}

std::string JsonGroupWriter::head() const {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  tool_members(w, schema_);
  w.key("settings");
  out += '[';  // left open for the entries; tail() closes it and the document
  return out;
}

void JsonGroupWriter::entry(GroupEntry&& e, std::vector<std::string>& pieces) {
  ++settings_;
  std::string separator = settings_ == 1 ? "\n" : ",\n";
  separator.append(kGroupJsonIndent, ' ');
  if (e.checked) {
    total_ += e.counts;
    // The body, rendered with render_json_setting(..., kGroupJsonIndent), is its own
    // piece, moved and never copied: a setting-year is 1 MB of JSON.
    pieces.push_back(std::move(separator));
    pieces.push_back(std::move(e.body));
    return;
  }
  ++failed_;
  std::string out = std::move(separator);
  JsonWriter w(out, kGroupJsonIndent);
  w.begin_object();
  setting_object(w, e.name, e.urn, e.path);
  w.key("status"), w.value("input_error");
  input_errors_members(w, e);
  w.end_object();
  pieces.push_back(std::move(out));
}

std::string JsonGroupWriter::tail() const {
  std::string out = settings_ == 0 ? "]," : "\n  ],";
  out += "\n  \"summary\": ";
  JsonWriter w(out, 2);
  w.begin_object();
  summary_members(w, total_);
  w.key("settings"), w.value(settings_);
  w.key("settings_with_input_errors"), w.value(failed_);
  w.end_object();
  out += "\n}\n";
  return out;
}

std::vector<std::string> render_json_group_pieces(std::vector<GroupEntry>&& entries) {
  JsonGroupWriter writer;
  std::vector<std::string> pieces;
  pieces.reserve(2 * entries.size() + 2);
  pieces.push_back(writer.head());
  for (GroupEntry& e : entries) writer.entry(std::move(e), pieces);
  pieces.push_back(writer.tail());
  return pieces;
}

std::string render_json_group(const std::vector<GroupEntry>& entries) {
  std::vector<GroupEntry> copy = entries;
  std::string out;
  for (const std::string& piece : render_json_group_pieces(std::move(copy))) out += piece;
  return out;
}

std::string render_json(std::span<const SettingReport> reports, const RenderOptions& options) {
  if (reports.size() == 1 && !options.group) {
    std::string out;
    out.reserve(expected_size(reports[0], 0));
    JsonWriter w(out);
    w.begin_object();
    tool_members(w);
    setting_members(w, reports[0]);
    w.end_object();
    out += '\n';
    return out;
  }
  std::vector<GroupEntry> entries;
  for (const SettingReport& r : reports) {
    GroupEntry e;
    e.checked = true;
    e.counts = r.result.counts;
    e.body = render_json_setting(r, options, kGroupJsonIndent);
    entries.push_back(std::move(e));
  }
  return render_json_group(entries);
}

}  // namespace attune
