// `attune check --summary`: the attune.summary/1 document for dashboards (docs/json.md).
// Per setting, what a nightly dashboard shows: its name, URN and path, whether it was
// checked, the counts per rule and severity, the minutes below ratio and the headline
// continuity figures; no findings, so a year of a large group is kilobytes, not
// hundreds of megabytes.

#include <algorithm>
#include <map>

#include "attune/render.hpp"
#include "attune/rules.hpp"
#include "json_parts.hpp"
#include "json_writer.hpp"

namespace attune {
namespace {

using render::JsonWriter;

/// Every rule with at least one finding (accepted ones included), in catalog order.
void rules_member(JsonWriter& w, const std::vector<Finding>& findings) {
  std::map<std::pair<int, std::string_view>, FindingCounts> by_rule;
  for (const Finding& f : findings) {
    FindingCounts& c = by_rule[{rule_order(f.rule), f.rule}];
    if (f.accepted) ++c.accepted;
    else if (f.severity == Severity::error) ++c.errors;
    else if (f.severity == Severity::warning) ++c.warnings;
    else ++c.infos;
  }
  w.key("rules");
  w.begin_object();
  for (const auto& [key, counts] : by_rule) {
    w.key(key.second);
    w.begin_object();
    render::summary_members(w, counts);
    w.end_object();
  }
  w.end_object();
}

/// The mean and the lowest of a share over the children who attended, and how many are
/// below the policy's minimum.
struct Shares {
  std::size_t children = 0;
  double sum = 0;
  std::optional<double> lowest;
  std::size_t below = 0;

  void add(const std::optional<double>& share, double minimum) {
    if (!share) return;
    ++children;
    sum += *share;
    lowest = lowest ? std::min(*lowest, *share) : *share;
    if (*share < minimum) ++below;
  }
  void write(JsonWriter& w, double minimum) const {
    w.begin_object();
    w.key("mean"), w.value_or_null(children > 0 ? std::optional<double>(sum / static_cast<double>(children)) : std::nullopt);
    w.key("lowest"), w.value_or_null(lowest);
    w.key("below_policy"), w.value(below);
    w.key("policy"), w.value(minimum);
    w.end_object();
  }
};

void continuity_member(JsonWriter& w, const Setting& s, const Metrics& m) {
  const double kp_min = s.policy.key_person_coverage_min;
  const double kb_min = s.policy.key_or_buddy_coverage_min;
  Shares key_person, key_or_buddy, babies;
  long events = 0, familiar = 0;
  int carers = 0;
  for (const ChildMetrics& c : m.children) {
    key_person.add(c.key_person_coverage(), kp_min);
    key_or_buddy.add(c.key_or_buddy_coverage(), kb_min);
    if (c.band == AgeBand::under_2) babies.add(c.key_person_coverage(), kp_min);
    events += c.arrivals + c.departures;
    familiar += c.arrivals_with_key_or_buddy + c.departures_with_key_or_buddy;
    carers = std::max(carers, c.max_distinct_carers_per_week);
  }
  w.key("continuity");
  w.begin_object();
  w.key("children"), w.value(key_person.children);
  w.key("key_person_coverage"), key_person.write(w, kp_min);
  w.key("key_or_buddy_coverage"), key_or_buddy.write(w, kb_min);
  w.key("under_2_children"), w.value(babies.children);
  w.key("under_2_key_person_coverage"), babies.write(w, kp_min);
  w.key("handovers"), w.value(events);
  w.key("handovers_with_key_or_buddy"), w.value(familiar);
  w.key("max_distinct_carers_per_week"), w.value(carers);
  w.end_object();
}

}  // namespace

std::string render_json_summary_setting(const SettingReport& report, std::size_t indent) {
  const Setting& s = report.setting;
  const CheckResult& r = report.result;
  std::string out;
  JsonWriter w(out, indent);
  w.begin_object();
  render::checked_members(w, report);
  rules_member(w, r.findings);
  long breach_minutes = 0;
  for (const RoomMetrics& room : r.metrics.rooms) breach_minutes += room.breach_minutes;
  w.key("breach_minutes"), w.value(breach_minutes);
  render::rooms_member(w, s, r.metrics);
  continuity_member(w, s, r.metrics);
  w.end_object();
  return out;
}

}  // namespace attune
