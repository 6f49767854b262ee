// The group's trend and what changed since the previous run, worked out from the
// trends read back: for the quality lead's morning look at a nightly history.

#include <algorithm>
#include <map>

#include "attune/history.hpp"

namespace attune::history {
namespace {

const SettingPoint* point_of(const SettingTrend& trend, std::int64_t run) {
  for (const SettingPoint& p : trend.points)
    if (p.run == run) return &p;
  return nullptr;
}

std::size_t findings_of(const SettingPoint& p, const std::string& rule) {
  for (const RuleCount& r : p.rules)
    if (r.rule == rule) return r.findings;
  return 0;
}

/// The rules whose count moved from `before` to `after`, in the order the points list
/// them (catalog order; read_trends aligns every checked point on the same rules).
std::vector<RuleChange> rule_changes(const SettingPoint& before, const SettingPoint& after) {
  std::vector<RuleChange> out;
  for (const RuleCount& r : after.rules) {
    const std::size_t was = findings_of(before, r.rule), now = r.findings;
    if (was == now) continue;
    RuleChange c{r.rule, RuleChange::Kind::worse, was, now};
    if (was == 0) c.kind = RuleChange::Kind::new_findings;
    else if (now == 0) c.kind = RuleChange::Kind::resolved;
    else if (now < was) c.kind = RuleChange::Kind::better;
    out.push_back(std::move(c));
  }
  for (const RuleCount& r : before.rules) {  // a rule the latest run does not list (a profile change)
    const bool listed = std::any_of(after.rules.begin(), after.rules.end(), [&](const RuleCount& a) { return a.rule == r.rule; });
    if (!listed && r.findings > 0) out.push_back(RuleChange{r.rule, RuleChange::Kind::resolved, r.findings, 0});
  }
  return out;
}

}  // namespace

std::vector<GroupPoint> group_trend(const Trends& trends) {
  std::map<std::int64_t, GroupPoint> by_run;
  std::map<std::int64_t, double> coverage_sum;
  for (const RunSummary& r : trends.runs) by_run[r.id].run = r.id;
  for (const SettingTrend& s : trends.settings) {
    for (const SettingPoint& p : s.points) {
      GroupPoint& g = by_run[p.run];
      g.run = p.run;
      ++g.settings;
      if (!p.checked) {
        ++g.not_checked;
        continue;
      }
      if (!g.counts) g.counts = FindingCounts{};
      *g.counts += p.counts;
      g.breach_minutes = g.breach_minutes.value_or(0) + p.breach_minutes;
      if (p.under_2_coverage_average) {
        g.under_2_children += p.under_2_children;
        coverage_sum[p.run] += *p.under_2_coverage_average * static_cast<double>(p.under_2_children);
      }
    }
  }
  std::vector<GroupPoint> out;
  for (const RunSummary& r : trends.runs) {
    GroupPoint g = by_run[r.id];
    if (g.under_2_children > 0) g.under_2_coverage_average = coverage_sum[r.id] / static_cast<double>(g.under_2_children);
    out.push_back(g);
  }
  return out;
}

Changes changes_since_previous(const Trends& trends) {
  Changes out;
  if (trends.runs.size() < 2) return out;
  out.latest_run = trends.runs.back().id;
  out.previous_run = trends.runs[trends.runs.size() - 2].id;
  for (const SettingTrend& s : trends.settings) {
    const SettingPoint* now = point_of(s, out.latest_run);
    if (now == nullptr) continue;  // not in the latest run
    const SettingPoint* before = point_of(s, out.previous_run);
    SettingChange c{s.path, s.name, s.urn, before != nullptr, before != nullptr && before->checked, now->checked,
                    {}, {}, {}};
    if (c.checked_before) c.before = before->counts;
    if (c.checked_now) c.after = now->counts;
    if (c.checked_before && c.checked_now) {
      c.rules = rule_changes(*before, *now);
      if (c.rules.empty()) {
        ++out.unchanged;
        continue;
      }
    }
    out.settings.push_back(std::move(c));
  }
  return out;
}

}  // namespace attune::history
