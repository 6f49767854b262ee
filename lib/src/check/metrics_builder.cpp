#include "metrics_builder.hpp"

#include <algorithm>

namespace attune {

MetricsBuilder::MetricsBuilder(const Setting& setting, const RuleProfile&, const CheckOptions& options)
    : setting_(setting),
      charts_(options.room_days),
      charts_all_days_(setting.days.size() <= options.room_days_all_up_to) {
  metrics_.rooms.resize(setting.rooms.size());
  for (RoomIndex r = 0; r < setting.rooms.size(); ++r) metrics_.rooms[r].room = r;
  metrics_.room_days_breaches_only = charts_ && !charts_all_days_;
}

void MetricsBuilder::room_day(const RoomDay& room_day, bool ratio_checked) {
  RoomMetrics& m = metrics_.rooms[room_day.room];
  long breach_minutes = 0;
  for (const Segment& s : room_day.segments) {
    m.child_minutes += static_cast<long>(s.child_count()) * s.time.length();
    if (s.staff_in_ratio < s.required) m.breach_minutes += s.time.length(), breach_minutes += s.time.length();
  }
  if (!charts_ || (!charts_all_days_ && (!ratio_checked || breach_minutes == 0))) return;
  RoomDayChart chart;
  chart.room = room_day.room;
  chart.day = room_day.day;
  chart.breach_minutes = ratio_checked ? breach_minutes : 0;
  chart.segments.reserve(room_day.segments.size());
  for (const Segment& s : room_day.segments) {
    const bool breach = ratio_checked && s.staff_in_ratio < s.required;
    chart.segments.push_back(RoomDaySegment{s.time, s.child_count(), s.staff_in_ratio, s.required, breach});
  }
  metrics_.room_days.push_back(std::move(chart));
}

bool MetricsBuilder::enrolled_in_period(const Child& child) const {
  const Period& p = setting_.period;
  Date first = std::max(p.from, child.date_of_birth);
  if (child.start_date) first = std::max(first, *child.start_date);
  Date last = p.to;
  if (child.leave_date) last = std::min(last, *child.leave_date);
  return first <= last;
}

Metrics MetricsBuilder::finish(const ContinuityLedger& ledger) {
  metrics_.children = ledger.children();
  std::size_t sessions = 0;
  for (ChildIndex c = 0; c < setting_.children.size(); ++c) sessions += ledger.sessions(c).size();
  metrics_.child_days.reserve(sessions);
  for (ChildIndex c = 0; c < setting_.children.size(); ++c) {
    for (const ChildSession& s : ledger.sessions(c))
      metrics_.child_days.push_back(ChildDayMetrics{c, s.date, s.attended, s.with_key_person, s.with_key_or_buddy});
  }
  // Key persons: each child enrolled in the period counts once, for their key person on
  // the first day they attend (or the period's first day if they do not attend). A child
  // who starts after the period, or is not born until after it, is on no one's caseload.
  std::vector<KeyPersonMetrics> by_staff(setting_.staff.size());
  for (const ChildMetrics& c : metrics_.children) {
    if (c.key_person == kNone || !enrolled_in_period(setting_.children[c.child])) continue;
    KeyPersonMetrics& k = by_staff[c.key_person];
    k.staff = c.key_person;
    ++k.key_children;
    ++k.by_band[static_cast<std::size_t>(c.band)];
    k.key_children_minutes += c.attended_minutes;
    k.minutes_with_key_children += c.key_person_minutes;
  }
  for (auto& k : by_staff) {
    if (k.key_children > 0) metrics_.key_persons.push_back(k);
  }
  return std::move(metrics_);
}

}  // namespace attune
