// The event sweep: one date's spells -> piecewise-constant segments per room and for
// the whole premises. Events are sorted once (O(E log E)); each segment is one pass.

#include <algorithm>

#include "attune/timeline.hpp"

namespace attune {
namespace {

enum StaffFlag : std::uint16_t {
  kInRatio = 1u << 0,
  kLevel3 = 1u << 1,
  kLevel2 = 1u << 2,
  kGraduate = 1u << 3,
  kBabyTrained = 1u << 4,
  kUnder2Experience = 1u << 5,
  kPfaPresent = 1u << 6,
  kPresent = 1u << 7,
  kPfaOnPremises = 1u << 8,
};

enum class EventKind : std::uint8_t { child, staff, graduate_children, boundary };

struct Event {
  Minute time = 0;
  RoomIndex room = kNone;
  int sign = 0;
  EventKind kind = EventKind::boundary;
  std::uint8_t band = 0;
  std::uint16_t flags = 0;
  int amount = 0;
};

void apply(Segment& s, const Event& e) {
  switch (e.kind) {
    case EventKind::child: s.children[e.band] += e.sign; break;
    case EventKind::graduate_children: s.graduate_ratio_children += e.sign * e.amount; break;
    case EventKind::boundary: break;
    case EventKind::staff: {
      const std::uint16_t f = e.flags;
      if (f & kInRatio) s.staff_in_ratio += e.sign;
      if (f & kLevel3) s.level3_in_ratio += e.sign;
      if (f & kLevel2) s.level2_in_ratio += e.sign;
      if (f & kGraduate) s.graduates_in_ratio += e.sign;
      if (f & kBabyTrained) s.baby_trained_in_ratio += e.sign;
      if (f & kUnder2Experience) s.under_2_experienced += e.sign;
      if (f & kPfaPresent) s.pfa_present += e.sign;
      if (f & kPresent) s.staff_present += e.sign;
      if (f & kPfaOnPremises) s.pfa_on_premises += e.sign;
      break;
    }
  }
}

/// Events of one room (or the premises), sorted by time -> segments with children.
void sweep(const Event* begin, const Event* end, std::vector<Segment>& out) {
  Segment current;
  for (const Event* it = begin; it != end;) {
    const Minute t = it->time;
    while (it != end && it->time == t) apply(current, *it++);
    if (it == end) break;
    if (it->time > t && current.child_count() > 0) {
      current.time = TimeWindow{t, it->time};
      out.push_back(current);
    }
  }
}

void add_pair(std::vector<Event>& events, TimeWindow time, Event e) {
  e.time = time.start;
  e.sign = 1;
  events.push_back(e);
  e.time = time.end;
  e.sign = -1;
  events.push_back(e);
}

std::uint16_t flags_for(const Staff& staff, const StaffStanding& st, const RuleProfile& profile) {
  std::uint16_t f = kPresent;
  if (st.pfa) f |= kPfaPresent | kPfaOnPremises;
  if (!st.in_ratio) return f;
  f |= kInRatio;
  const int level = qualification_level(st.counts_as);
  if (level >= 3) f |= kLevel3;
  if (level >= 2) f |= kLevel2;
  if (profile.is_graduate(st.counts_as)) f |= kGraduate;
  if (staff.baby_training) f |= kBabyTrained;
  if (staff.under_2_experience.value_or(false)) f |= kUnder2Experience;
  return f;
}

/// The profile's 1:13 condition for one room segment.
bool graduate_ratio_applies(const Segment& s, const RuleProfile& p) {
  if (p.graduate_children_per_adult <= 0 || s.graduates_in_ratio == 0) return false;
  if (p.graduate_needs_other_level3 && s.level3_in_ratio < 2) return false;
  if (p.graduate_hours && (s.time.start < p.graduate_hours->start || s.time.end > p.graduate_hours->end))
    return false;
  return true;
}

}  // namespace

DayTimeline build_day_timeline(const Setting& setting, const RuleProfile& profile,
                               std::size_t day_index) {
  const Day& day = setting.days[day_index];
  DayTimeline out;
  out.day = day_index;
  out.premises.day = day_index;
  if (day.children.empty()) return out;

  std::vector<Event> room_events;
  std::vector<Event> premises_events;
  room_events.reserve(2 * (day.children.size() + day.staff.size()));
  std::vector<bool> room_has_children(setting.rooms.size(), false);
  for (const ChildSpell& c : day.children) {
    Event e;
    e.kind = EventKind::child;
    e.band = static_cast<std::uint8_t>(age_band_on(setting.children[c.child].date_of_birth, day.date));
    e.room = c.room;
    add_pair(room_events, c.time, e);
    add_pair(premises_events, c.time, e);
    room_has_children[c.room] = true;
  }

  StaffIndex current = kNone;
  std::uint16_t flags = 0;
  for (const StaffSpell& spell : day.staff) {
    if (spell.staff != current) {
      current = spell.staff;
      const Staff& staff = setting.staff[current];
      flags = flags_for(staff, staff_standing(staff, day.date, profile), profile);
    }
    Event e;
    e.kind = EventKind::staff;
    if (spell.kind == ShiftKind::work) {
      e.flags = flags;
      if (spell.room != kNone && room_has_children[spell.room]) {
        e.room = spell.room;
        add_pair(room_events, spell.time, e);
      }
    } else {
      const bool available = spell.kind == ShiftKind::non_contact || profile.pfa_counts_during_break;
      e.flags = available ? static_cast<std::uint16_t>(flags & kPfaOnPremises) : 0;
    }
    e.flags &= static_cast<std::uint16_t>(kInRatio | kLevel3 | kLevel2 | kGraduate | kBabyTrained |
                                          kUnder2Experience | kPfaOnPremises);
    e.room = kNone;
    if (e.flags != 0) add_pair(premises_events, spell.time, e);
  }

  // Cut segments where meals and the graduate-ratio hours begin and end.
  for (RoomIndex r = 0; r < setting.rooms.size(); ++r) {
    if (!room_has_children[r]) continue;
    Event e;
    e.room = r;
    for (const TimeWindow& meal : setting.rooms[r].meals) add_pair(room_events, meal, e);
    if (profile.graduate_hours) add_pair(room_events, *profile.graduate_hours, e);
  }

  std::sort(room_events.begin(), room_events.end(), [](const Event& a, const Event& b) {
    return a.room != b.room ? a.room < b.room : a.time < b.time;
  });
  for (std::size_t i = 0; i < room_events.size();) {
    std::size_t j = i;
    while (j < room_events.size() && room_events[j].room == room_events[i].room) ++j;
    RoomDay room_day;
    room_day.room = room_events[i].room;
    room_day.day = day_index;
    sweep(room_events.data() + i, room_events.data() + j, room_day.segments);
    for (Segment& s : room_day.segments) {
      if (graduate_ratio_applies(s, profile)) {
        s.graduate_ratio_children = s.children[static_cast<std::size_t>(AgeBand::age_3_plus)];
        Event g;
        g.kind = EventKind::graduate_children;
        g.amount = s.graduate_ratio_children;
        add_pair(premises_events, s.time, g);
      }
    }
    if (!room_day.segments.empty()) out.rooms.push_back(std::move(room_day));
    i = j;
  }

  std::sort(premises_events.begin(), premises_events.end(),
            [](const Event& a, const Event& b) { return a.time < b.time; });
  sweep(premises_events.data(), premises_events.data() + premises_events.size(),
        out.premises.segments);
  return out;
}

}  // namespace attune
