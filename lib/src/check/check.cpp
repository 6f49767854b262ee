#include "attune/check.hpp"

#include "../rules/rule.hpp"
#include "attune/rule_catalog.hpp"
#include "finding_context.hpp"
#include "finding_context_source.hpp"
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

namespace {

/// Marks the findings that lie inside an override of their rule as accepted.
void apply_overrides(const std::vector<Override>& overrides, std::vector<Finding>& findings) {
  if (overrides.empty()) return;
  for (Finding& f : findings) {
    if (!f.date) continue;
    for (const Override& o : overrides) {
      if (o.rule != f.rule || o.date != *f.date) continue;
      if (o.room != kNone && o.room != f.room) continue;
      if (o.time && (!f.time || f.time->start < o.time->start || f.time->end > o.time->end)) continue;
      f.accepted = true;
      f.accepted_reason = o.reason;
      f.accepted_category = o.category;
      f.accepted_child = o.child;
      break;
    }
  }
}

}  // namespace

bool rule_selected(std::string_view rule, const std::vector<std::string>& only) {
  if (only.empty()) return true;
  const RuleInfo* info = find_rule(rule);
  for (const auto& selector : only) {
    if (info != nullptr && selector == info->id) return true;
    if (info != nullptr && selector == rule_family_id(info->family)) return true;
  }
  return false;
}

CheckResult check_setting(const Setting& setting, const RuleProfile& profile, const CheckOptions& options) {
  CheckResult result;
  result.profile = profile.id;
  result.period = setting.period;
  ContinuityLedger ledger(setting);
  rules::RuleContext context{setting, profile, result.findings, ledger};

  // The rules enabled in some version in force during the period; each day runs those
  // its own version enables (a period across a dated change).
  const Period& period = setting.period;
  std::vector<std::unique_ptr<rules::Rule>> active;
  for (auto& rule : rules::make_rules()) {
    if (profile.rule_enabled_between(rule->id(), period.from, period.to) && rule_selected(rule->id(), options.only))
      active.push_back(std::move(rule));
  }
  std::vector<rules::Rule*> today;  // the active rules the day's version enables
  const RuleProfile* version = nullptr;
  bool ratio_room_checked = false;
  MetricsBuilder metrics(setting, profile, options);
  TimelineBuilder timelines(setting, profile);
  FindingContextBuilder contexts(setting, profile);
  for (auto& rule : active) rule->start(context);
  for (std::size_t d = 0; d < setting.days.size(); ++d) {
    const Day& day = setting.days[d];
    if (const RuleProfile* v = &profile.on(day.date); v != version) {
      version = v;
      today.clear();
      for (auto& rule : active) {
        if (v->rule_enabled(rule->id())) today.push_back(rule.get());
      }
      ratio_room_checked = v->rule_enabled("RATIO-ROOM") && rule_selected("RATIO-ROOM", options.only);
    }
    if (!day.children.empty()) {
      const std::size_t first_of_day = result.findings.size();
      const DayTimeline& timeline = timelines.build(d);
      for (const RoomDay& room_day : timeline.rooms) {
        for (rules::Rule* rule : today) rule->room_day(context, day, room_day);
        metrics.room_day(room_day, ratio_room_checked);
      }
      for (rules::Rule* rule : today) rule->premises_day(context, day, timeline.premises);
      // Its own stage: who was there and what the rota offers, for the day's findings.
      if (options.finding_context && options.finding_context_on_demand)
        FindingContextBuilder::mark_day(day, result.findings, first_of_day);
      else if (options.finding_context)
        contexts.add_day(day, timeline, result.findings, first_of_day, result.contexts);
    }
    for (rules::Rule* rule : today) rule->day(context, day);
    ledger.add_day(day);
  }
  ledger.finish();
  for (auto& rule : active) rule->finish(context);

  apply_overrides(setting.overrides, result.findings);
  sort_findings(result.findings);
  result.patterns = find_patterns(result.findings, setting.days);
  result.counts = count_findings(result.findings);
  result.metrics = metrics.finish(ledger);
  if (options.finding_context && options.finding_context_on_demand)
    result.context_source = std::make_shared<FindingContextSource>(profile);
  return result;
}

}  // namespace attune
