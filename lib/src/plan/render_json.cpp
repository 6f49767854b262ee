// The attune.plan/1 JSON document (docs/json.md, docs/plan.md), and the rota as shifts.csv.

#include "../render/json_parts.hpp"
#include "../render/json_writer.hpp"
#include "../util/text.hpp"
#include "attune/plan.hpp"
#include "attune/render.hpp"

namespace attune {
namespace {

using render::JsonWriter;

const std::string* staff_id(const Setting& s, StaffIndex i) { return i < s.staff.size() ? &s.staff[i].id : nullptr; }
const std::string* room_id(const Setting& s, RoomIndex i) { return i < s.rooms.size() ? &s.rooms[i].id : nullptr; }

void objective(JsonWriter& w, const RotaPlan& p, bool have) {
  const PlanObjective& o = p.objective;
  w.begin_object();
  w.key("min_under_2_coverage"), render::share_value(w, have ? o.min_under_2_coverage : std::nullopt);
  w.key("min_coverage"), render::share_value(w, have ? o.min_coverage : std::nullopt);
  auto number = [&](const char* key, long v) {
    w.key(key);
    if (have) w.value(v);
    else w.null();
  };
  number("key_person_minutes", o.key_person_minutes);
  number("key_or_buddy_minutes", o.key_or_buddy_minutes);
  number("extra_minutes", o.extra_minutes);
  number("bank_minutes", o.bank_minutes);
  number("overtime_minutes", o.overtime_minutes);
  number("uncontracted_minutes", o.uncontracted_minutes);
  number("shortfall_minutes", o.shortfall_minutes);
  w.key("changed_minutes");
  if (have && o.changed_minutes) w.value(*o.changed_minutes);
  else w.null();
  number("room_changes", o.room_changes);
  w.end_object();
}

void stages(JsonWriter& w, const RotaPlan& p) {
  w.begin_array();
  for (const PlanStage& st : p.stages) {
    w.begin_object();
    w.key("name"), w.value(st.name);
    w.key("status"), w.value(st.status);
    w.key("value"), w.value_or_null(st.value);
    w.key("bound"), w.value_or_null(st.bound);
    w.key("gap"), w.value(st.gap);
    w.key("seconds"), w.value(st.seconds);
    w.end_object();
  }
  w.end_array();
}

void shifts(JsonWriter& w, const Setting& s, const RotaPlan& p) {
  w.begin_array();
  for (const PlannedShift& row : p.shifts) {
    w.begin_object();
    w.key("staff"), w.value_or_null(staff_id(s, row.staff));
    w.key("date"), w.value(format_iso_date(row.date));
    w.key("start"), w.value(format_clock_time(row.time.start));
    w.key("end"), w.value(format_clock_time(row.time.end));
    w.key("room"), w.value_or_null(room_id(s, row.room));
    w.key("kind"), w.value(shift_kind_id(row.kind));
    w.end_object();
  }
  w.end_array();
}

void children(JsonWriter& w, const Setting& s, const RotaPlan& p) {
  w.begin_array();
  for (const PlannedChild& c : p.children) {
    w.begin_object();
    w.key("id"), w.value(s.children[c.child].id);
    w.key("band"), w.value(age_band_id(c.band));
    w.key("attended_minutes"), w.value(c.attended_minutes);
    w.key("key_person"), w.value_or_null(staff_id(s, c.key_person));
    w.key("buddy"), w.value_or_null(staff_id(s, c.buddy));
    w.key("key_person_minutes"), w.value(c.key_person_minutes);
    w.key("key_or_buddy_minutes"), w.value(c.key_or_buddy_minutes);
    w.key("key_person_coverage"), w.value(static_cast<double>(c.key_person_minutes) / static_cast<double>(c.attended_minutes));
    w.key("key_or_buddy_coverage"),
        w.value(static_cast<double>(c.key_or_buddy_minutes) / static_cast<double>(c.attended_minutes));
    w.key("key_person_away"), w.value(c.key_person_away);
    w.end_object();
  }
  w.end_array();
}

void staff(JsonWriter& w, const Setting& s, const RotaPlan& p) {
  w.begin_array();
  for (const PlannedStaff& st : p.staff) {
    w.begin_object();
    w.key("id"), w.value(s.staff[st.staff].id);
    w.key("planned_minutes"), w.value(st.planned_minutes);
    w.key("contracted_minutes");
    if (st.contracted_minutes) w.value(*st.contracted_minutes);
    else w.null();
    w.key("overtime_minutes"), w.value(st.overtime_minutes);
    w.key("shortfall_minutes"), w.value(st.shortfall_minutes);
    w.key("days"), w.value(st.days);
    w.end_object();
  }
  w.end_array();
}

void strings(JsonWriter& w, const std::vector<std::string>& list) {
  w.begin_array();
  for (const std::string& x : list) w.value(x);
  w.end_array();
}

}  // namespace

std::string render_plan_json(const Setting& s, const RotaPlan& p) {
  const bool have = p.status == PlanStatus::optimal || p.status == PlanStatus::feasible;
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("schema"), w.value("attune.plan/1");
  w.key("tool"), w.begin_object(), w.key("name"), w.value("attune"), w.key("version"), w.value(version()), w.end_object();
  w.key("setting"), w.begin_object();
  w.key("name"), w.value(s.name);
  w.key("urn"), w.value(s.urn);
  w.key("path"), w.value(s.path.generic_string());
  w.end_object();
  w.key("period"), w.begin_object(), w.key("from"), w.value(format_iso_date(s.period.from)), w.key("to"),
      w.value(format_iso_date(s.period.to)), w.end_object();
  w.key("status"), w.value(plan_status_id(p.status));
  w.key("gap");
  if (have) w.value(p.gap);
  else w.null();
  w.key("gap_stage");
  if (have && !p.gap_stage.empty()) w.value(p.gap_stage);
  else w.null();
  w.key("unreached_stages"), strings(w, p.unreached_stages);
  w.key("reasons"), strings(w, p.reasons);
  w.key("unplanned_rules"), strings(w, p.unplanned_rules);
  w.key("slot_minutes"), w.value(p.slot_minutes);
  w.key("objective"), objective(w, p, have);
  w.key("stages"), stages(w, p);
  w.key("shifts"), shifts(w, s, p);
  w.key("children"), children(w, s, p);
  w.key("staff"), staff(w, s, p);
  w.key("notes"), strings(w, p.notes);
  w.key("solver"), w.begin_object();
  w.key("start"), w.value(p.start);
  w.key("solves"), w.value(p.solves);
  w.key("variables"), w.value(static_cast<long>(p.variables));
  w.key("rows"), w.value(static_cast<long>(p.rows));
  w.key("seconds"), w.value(p.seconds);
  w.end_object();
  w.end_object();
  out += '\n';
  return out;
}

std::string render_plan_shifts_csv(const Setting& s, const RotaPlan& p) {
  std::string out = "staff,date,start,end,room,kind\n";
  for (const PlannedShift& row : p.shifts) {
    out += util::csv_field(s.staff[row.staff].id);
    out += ',' + format_iso_date(row.date) + ',' + format_clock_time(row.time.start) + ',' + format_clock_time(row.time.end);
    out += ',' + (row.room < s.rooms.size() ? util::csv_field(s.rooms[row.room].id) : std::string());
    out += ',' + std::string(shift_kind_id(row.kind)) + '\n';
  }
  return out;
}

}  // namespace attune
