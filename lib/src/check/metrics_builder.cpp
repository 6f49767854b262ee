#include "metrics_builder.hpp"

namespace attune {

MetricsBuilder::MetricsBuilder(const Setting& setting, const RuleProfile& profile)
    : setting_(setting), profile_(profile), seen_(setting.children.size(), false) {
  metrics_.children.resize(setting.children.size());
  for (ChildIndex i = 0; i < setting.children.size(); ++i) {
    ChildMetrics& m = metrics_.children[i];
    m.child = i;
    m.band = age_band_on(setting.children[i].date_of_birth, setting.period.from);
    m.key_person = setting.key_people_on(i, setting.period.from).first;
  }
  metrics_.rooms.resize(setting.rooms.size());
  for (RoomIndex r = 0; r < setting.rooms.size(); ++r) metrics_.rooms[r].room = r;
}

void MetricsBuilder::room_day(const RoomDay& room_day) {
  RoomMetrics& m = metrics_.rooms[room_day.room];
  for (const Segment& s : room_day.segments) m.child_minutes += static_cast<long>(s.child_count()) * s.time.length();
}

void MetricsBuilder::day(const Day& day) {
  for (const ChildSpell& spell : day.children) {
    ChildMetrics& m = metrics_.children[spell.child];
    m.attended_minutes += spell.time.length();
    if (!seen_[spell.child]) {
      seen_[spell.child] = true;
      m.key_person = setting_.key_people_on(spell.child, day.date).first;
    }
  }
}

Metrics MetricsBuilder::finish(const std::vector<Finding>& findings) {
  for (const Finding& f : findings) {
    if (f.rule == "RATIO-ROOM" && f.time && f.room < metrics_.rooms.size())
      metrics_.rooms[f.room].breach_minutes += f.time->length();
  }
  // Key persons: each child counts once, for the key person on the period's first day.
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
  (void)profile_;
  return std::move(metrics_);
}

}  // namespace attune
