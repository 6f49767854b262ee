// The attune.cover/1 JSON document (docs/cover.md).

#include <utility>

#include "../render/json_writer.hpp"
#include "attune/cover.hpp"
#include "attune/render.hpp"

namespace attune {
namespace {

using render::JsonWriter;

void room_id(JsonWriter& w, const Setting& s, RoomIndex room) {
  if (room < s.rooms.size()) w.value(s.rooms[room].id);
  else w.null();
}

void window(JsonWriter& w, TimeWindow t) {
  w.key("start"), w.value(format_clock_time(t.start));
  w.key("end"), w.value(format_clock_time(t.end));
}

void findings(JsonWriter& w, const Setting& s, const std::vector<Finding>& list) {
  w.begin_array();
  for (const Finding& f : list) {
    w.begin_object();
    w.key("rule"), w.value(f.rule);
    w.key("date");
    if (f.date) w.value(format_iso_date(*f.date));
    else w.null();
    if (f.time) window(w, *f.time);
    else w.key("start"), w.null(), w.key("end"), w.null();
    w.key("room"), room_id(w, s, f.room);
    w.key("message"), w.value(f.message);
    w.end_object();
  }
  w.end_array();
}

void summary(JsonWriter& w, const Setting& s, const CoverSummary& c) {
  w.begin_object();
  w.key("errors"), w.value(c.counts.errors);
  w.key("warnings"), w.value(c.counts.warnings);
  w.key("infos"), w.value(c.counts.infos);
  w.key("statutory_findings"), w.value(c.statutory.size());
  w.key("breach_minutes"), w.value(c.breach_minutes);
  w.key("under_2_minutes"), w.value(c.under_2_minutes);
  w.key("under_2_familiar_minutes"), w.value(c.under_2_familiar_minutes);
  w.key("findings"), findings(w, s, c.statutory);
  w.end_object();
}

}  // namespace

std::string render_cover_json(const Setting& setting, const RuleProfile& profile, const CoverProposal& p) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("schema"), w.value("attune.cover/1");
  w.key("tool"), w.begin_object(), w.key("name"), w.value("attune"), w.key("version"), w.value(version()),
      w.end_object();
  w.key("setting"), w.begin_object();
  w.key("name"), w.value(setting.name);
  w.key("urn");
  if (setting.urn.empty()) w.null();
  else w.value(setting.urn);
  w.key("path"), w.value(setting.path.lexically_normal().string());
  w.end_object();
  w.key("profile"), w.value(profile.id);
  w.key("period"), w.begin_object(), w.key("from"), w.value(format_iso_date(setting.period.from)), w.key("to"),
      w.value(format_iso_date(setting.period.to)), w.end_object();
  w.key("absent"), w.begin_array();
  for (StaffIndex s : p.absent) w.value(setting.staff[s].id);
  w.end_array();
  w.key("status"), w.value(cover_status_id(p.status));
  w.key("optimal"), w.value(p.optimal);
  w.key("objective"), w.begin_object();
  w.key("breach_minutes"), w.value(p.objective.breach_minutes);
  w.key("people_changed"), w.value(p.objective.people_changed);
  w.key("extra_paid_minutes"), w.value(p.objective.extra_paid_minutes);
  w.key("under_2_familiar_minutes"), w.value(p.objective.under_2_familiar_minutes);
  w.key("changed_minutes"), w.value(p.objective.changed_minutes);
  w.end_object();
  w.key("changes"), w.begin_array();
  for (const CoverChange& c : p.changes) {
    w.begin_object();
    w.key("staff"), w.value(setting.staff[c.staff].id);
    w.key("date"), w.value(format_iso_date(c.date));
    window(w, c.time);
    w.key("from_room"), room_id(w, setting, c.from_room);
    w.key("to_room"), room_id(w, setting, c.to_room);
    w.key("kind"), w.value(cover_change_kind_id(c.kind));
    if (c.planned) {
      w.key("planned_start"), w.value(format_clock_time(c.planned->start));
      w.key("planned_end"), w.value(format_clock_time(c.planned->end));
    }
    w.end_object();
  }
  w.end_array();
  for (const auto& [key, list] : {std::pair{"uncovered", &p.uncovered}, std::pair{"already_there", &p.already_there}}) {
    w.key(key), w.begin_array();
    for (const Uncovered& u : *list) {
      w.begin_object();
      w.key("date"), w.value(format_iso_date(u.date));
      window(w, u.time);
      w.key("room"), room_id(w, setting, u.room);
      w.key("rule"), w.value(u.rule);
      w.key("message"), w.value(u.message);
      w.key("why"), w.value(u.why);
      w.end_object();
    }
    w.end_array();
  }
  w.key("before"), summary(w, setting, p.before);
  w.key("after"), summary(w, setting, p.after);
  w.key("not_planned"), w.begin_array();
  for (const std::string& r : p.not_planned) w.value(r);
  w.end_array();
  w.key("stages"), w.begin_array();
  for (const CoverStage& s : p.stages) {
    w.begin_object();
    w.key("name"), w.value(s.name);
    w.key("status"), w.value(s.status);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace attune
