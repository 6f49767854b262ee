// The attune.allocation/1 JSON document (docs/allocate.md).

#include "../render/json_parts.hpp"
#include "../render/json_writer.hpp"
#include "attune/allocate.hpp"
#include "attune/render.hpp"
#include "attune/solver.hpp"

namespace attune {
namespace {

using render::JsonWriter;

void staff_id(JsonWriter& w, const Setting& s, StaffIndex staff) {
  if (staff < s.staff.size()) w.value(s.staff[staff].id);
  else w.null();
}

void objective(JsonWriter& w, const AllocationObjective& o, bool have) {
  w.begin_object();
  w.key("min_under_2_coverage"), render::share_value(w, have ? o.min_under_2_coverage : std::nullopt);
  w.key("min_coverage"), render::share_value(w, have ? o.min_coverage : std::nullopt);
  w.key("changes");
  if (have) w.value(o.changes);
  else w.null();
  w.key("key_person_minutes");
  if (have) w.value(o.key_person_minutes);
  else w.null();
  w.key("key_or_buddy_minutes");
  if (have) w.value(o.key_or_buddy_minutes);
  else w.null();
  w.end_object();
}

void placement(JsonWriter& w, const Setting& s, const Placement& p, long attended, bool have) {
  if (!have) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("key_person"), staff_id(w, s, p.key_person);
  w.key("buddy"), staff_id(w, s, p.buddy);
  w.key("key_person_coverage"), w.value(static_cast<double>(p.key_person_minutes) / static_cast<double>(attended));
  w.key("key_or_buddy_coverage"), w.value(static_cast<double>(p.key_or_buddy_minutes) / static_cast<double>(attended));
  w.key("key_person_minutes"), w.value(p.key_person_minutes);
  w.key("key_or_buddy_minutes"), w.value(p.key_or_buddy_minutes);
  w.end_object();
}

void text_or_null(JsonWriter& w, const std::string& text) {
  if (text.empty()) w.null();
  else w.value(text);
}

}  // namespace

std::string render_allocation_json(const Setting& setting, const AllocationProposal& proposal) {
  const bool have = proposal.status == AllocationStatus::optimal || proposal.status == AllocationStatus::feasible;
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("schema"), w.value("attune.allocation/1");
  w.key("tool"), w.begin_object(), w.key("name"), w.value("attune"), w.key("version"), w.value(version()),
      w.end_object();
  w.key("setting"), w.begin_object();
  w.key("name"), w.value(setting.name);
  w.key("urn");
  if (setting.urn.empty()) w.null();
  else w.value(setting.urn);
  w.key("path"), w.value(setting.path.lexically_normal().string());
  w.end_object();
  w.key("period"), w.begin_object(), w.key("from"), w.value(format_iso_date(setting.period.from)), w.key("to"),
      w.value(format_iso_date(setting.period.to)), w.end_object();
  w.key("status"), w.value(allocation_status_id(proposal.status));
  w.key("reason"), text_or_null(w, proposal.reason);
  w.key("what_to_change"), text_or_null(w, proposal.what_to_change);
  w.key("objective"), objective(w, proposal.after, have);
  w.key("objective_before"), objective(w, proposal.before, true);
  w.key("children"), w.begin_array();
  for (const ChildAllocation& c : proposal.children) {
    w.begin_object();
    w.key("id"), w.value(setting.children[c.child].id);
    w.key("band"), w.value(age_band_id(c.band));
    w.key("attended_minutes"), w.value(c.attended_minutes);
    w.key("current"), placement(w, setting, c.current, c.attended_minutes, true);
    w.key("proposed"), placement(w, setting, c.proposed, c.attended_minutes, have);
    w.key("changed"), w.value(c.changed);
    w.end_object();
  }
  w.end_array();
  w.key("key_persons"), w.begin_array();
  for (const KeyPersonLoad& k : proposal.key_persons) {
    w.begin_object();
    w.key("staff"), w.value(setting.staff[k.staff].id);
    w.key("key_children"), w.value(k.key_children);
    w.key("buddy_children"), w.value(k.buddy_children);
    w.end_object();
  }
  w.end_array();
  w.key("tradeoff"), w.begin_array();
  for (const TradeoffRow& row : proposal.tradeoff) {
    w.begin_object();
    w.key("changes"), w.value(row.changes);
    w.key("min_under_2_coverage"), render::share_value(w, row.min_under_2_coverage);
    w.end_object();
  }
  w.end_array();
  w.key("solver"), w.begin_object();
  w.key("name"), w.value(solver::backend_name());
  w.key("solves"), w.value(proposal.solves);
  w.key("stages"), w.begin_array();
  for (const StageReport& stage : proposal.stages) {
    w.begin_object();
    w.key("stage"), w.value(stage.name);
    w.key("status"), w.value(stage.status);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace attune
