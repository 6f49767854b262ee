#include "metrics_builder.hpp"

namespace attune {

MetricsBuilder::MetricsBuilder(const Setting& setting) : setting_(setting) {
  metrics_.rooms.resize(setting.rooms.size());
  for (RoomIndex r = 0; r < setting.rooms.size(); ++r) metrics_.rooms[r].room = r;
}

void MetricsBuilder::room_day(const RoomDay& room_day) {
  RoomMetrics& m = metrics_.rooms[room_day.room];
  for (const Segment& s : room_day.segments) m.child_minutes += static_cast<long>(s.child_count()) * s.time.length();
}

Metrics MetricsBuilder::finish(const std::vector<Finding>& findings, const ContinuityLedger& ledger) {
  for (const Finding& f : findings) {
    if (f.rule == "RATIO-ROOM" && f.time && f.room < metrics_.rooms.size())
      metrics_.rooms[f.room].breach_minutes += f.time->length();
  }
  metrics_.children = ledger.children();
  // Key persons: each child counts once, for their key person on the first day they
  // attend (or the period's first day if they do not attend).
  std::vector<KeyPersonMetrics> by_staff(setting_.staff.size());
  for (const ChildMetrics& c : metrics_.children) {
    if (c.key_person == kNone) continue;
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
