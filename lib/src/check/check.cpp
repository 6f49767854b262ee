#include "attune/check.hpp"

#include "../rules/rule.hpp"
#include "metrics_builder.hpp"

namespace attune {

std::optional<double> ChildMetrics::key_person_coverage() const {
  if (attended_minutes == 0) return std::nullopt;
  return static_cast<double>(key_person_minutes) / static_cast<double>(attended_minutes);
}

std::optional<double> ChildMetrics::key_or_buddy_coverage() const {
  if (attended_minutes == 0) return std::nullopt;
  return static_cast<double>(key_or_buddy_minutes) / static_cast<double>(attended_minutes);
}

CheckResult check_setting(const Setting& setting, const RuleProfile& profile) {
  CheckResult result;
  result.profile = profile.id;
  result.period = setting.period;
  rules::RuleContext context{setting, profile, result.findings};

  std::vector<std::unique_ptr<rules::Rule>> active;
  for (auto& rule : rules::make_rules()) {
    if (profile.rule_enabled(rule->id())) active.push_back(std::move(rule));
  }
  MetricsBuilder metrics(setting, profile);
  for (auto& rule : active) rule->start(context);
  for (std::size_t d = 0; d < setting.days.size(); ++d) {
    const Day& day = setting.days[d];
    if (day.children.empty()) continue;
    const DayTimeline timeline = build_day_timeline(setting, profile, d);
    for (const RoomDay& room_day : timeline.rooms) {
      for (auto& rule : active) rule->room_day(context, day, room_day);
      metrics.room_day(room_day);
    }
    for (auto& rule : active) rule->premises_day(context, day, timeline.premises);
    for (auto& rule : active) rule->day(context, day);
    metrics.day(day);
  }
  for (auto& rule : active) rule->finish(context);

  sort_findings(result.findings);
  result.counts = count_findings(result.findings);
  result.metrics = metrics.finish(result.findings);
  return result;
}

}  // namespace attune
