// The event sweep: one date's spells -> piecewise-constant segments per room and for
// the whole premises. Events are sorted once (a counting sort over the minutes of the
// day: linear); each segment is one pass.

#include <algorithm>

#include "attune/timeline.hpp"
#include "../util/counting_sort.hpp"

namespace attune {

namespace detail {

enum class EventKind : std::uint8_t { child, staff, graduate_children, boundary };

struct TimelineEvent {
  Minute time = 0;
  RoomIndex room = kNone;
  int sign = 0;
  EventKind kind = EventKind::boundary;
  std::uint8_t band = 0;
  std::uint16_t flags = 0;
  int amount = 0;
};

}  // namespace detail

namespace {

using detail::EventKind;
using Event = detail::TimelineEvent;

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
  kAdult = 1u << 9,
  kChildminder = 1u << 10,
};

/// Staff flags that also count on the premises timeline (kPresent: everyone on a work
/// shift there, for CM-WORKING-TOGETHER).
constexpr std::uint16_t kPremisesFlags = kInRatio | kLevel3 | kLevel2 | kGraduate | kBabyTrained | kUnder2Experience |
                                         kPfaOnPremises | kAdult | kChildminder | kPresent;
/// A child event's flag: the child's whole day is one short session.
constexpr std::uint16_t kShortSession = 1u << 0;

void apply(Segment& s, const Event& e) {
  switch (e.kind) {
    case EventKind::child:
      s.children[e.band] = static_cast<std::int16_t>(s.children[e.band] + e.sign);
      s.children_total += e.sign;
      s.short_session_children += e.sign * static_cast<int>(e.flags & kShortSession);
      break;
    case EventKind::graduate_children: s.graduate_ratio_children += e.sign * e.amount; break;
    case EventKind::boundary: break;
    case EventKind::staff: {
      // Without branches: which flags a staff member has is anyone's guess, so the
      // processor would mispredict them one time in two.
      const std::uint16_t f = e.flags;
      const auto add = [&](int& count, std::uint16_t flag) { count += e.sign * static_cast<int>((f & flag) != 0); };
      add(s.staff_in_ratio, kInRatio);
      add(s.level3_in_ratio, kLevel3);
      add(s.level2_in_ratio, kLevel2);
      add(s.graduates_in_ratio, kGraduate);
      add(s.baby_trained_in_ratio, kBabyTrained);
      add(s.under_2_experienced, kUnder2Experience);
      add(s.pfa_present, kPfaPresent);
      add(s.staff_present, kPresent);
      add(s.pfa_on_premises, kPfaOnPremises);
      add(s.adults_present, kAdult);
      add(s.childminders_in_ratio, kChildminder);
      break;
    }
  }
}

/// Sorts by time, and then by room when `by_room` (rooms below `rooms`).
void sort_events(std::vector<Event>& events, bool by_room, std::size_t rooms, std::vector<Event>& scratch,
                 std::vector<std::uint32_t>& counts) {
  if (events.empty()) return;
  Minute first = events.front().time;
  Minute last = first;
  bool rooms_known = true;
  for (const Event& e : events) {
    first = std::min(first, e.time);
    last = std::max(last, e.time);
    rooms_known = rooms_known && (!by_room || e.room < rooms);
  }
  if (first < 0 || last > kMinutesPerDay || !rooms_known) {
    // Not from the loaders, which keep times within the day: the general way.
    std::stable_sort(events.begin(), events.end(), [by_room](const Event& a, const Event& b) {
      return by_room && a.room != b.room ? a.room < b.room : a.time < b.time;
    });
    return;
  }
  // A comparison sort of these few hundred events was the costliest part of a check (it
  // mispredicts on almost every comparison). Buckets for the minutes from the first
  // event to the last only (a day's opening hours); then, keeping that order, by room.
  util::counting_sort(events, static_cast<std::size_t>(last - first) + 1,
                [first](const Event& e) { return static_cast<std::size_t>(e.time - first); }, scratch, counts);
  if (by_room) util::counting_sort(events, rooms, [](const Event& e) { return std::size_t{e.room}; }, scratch, counts);
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
  if (!st.under_age) f |= kAdult;
  if (!st.in_ratio) return f;
  f |= kInRatio;
  const int level = qualification_level(st.counts_as);
  if (level >= 3) f |= kLevel3;
  if (level >= 2) f |= kLevel2;
  if (profile.is_graduate(st.counts_as)) f |= kGraduate;
  if (staff.baby_training) f |= kBabyTrained;
  if (staff.under_2_experience.value_or(false) && (!profile.under_2_lead_needs_level3 || level >= 3))
    f |= kUnder2Experience;
  if (staff.role == Role::childminder) f |= kChildminder;
  return f;
}

/// The stretches of the day a ratio window covers: after opening and before closing.
std::array<TimeWindow, 2> window_times(const RatioWindow& w, TimeWindow opening) {
  return {TimeWindow{opening.start, std::min(opening.end, opening.start + w.after_opening_minutes)},
          TimeWindow{std::max(opening.start, opening.end - w.before_closing_minutes), opening.end}};
}

/// The window in force during `time`, or -1; `children_on_premises` is the fewest
/// children on the premises at any minute of it (a window's condition must hold
/// throughout).
std::int8_t window_for(TimeWindow time, const RuleProfile& p, TimeWindow opening, int children_on_premises) {
  for (std::size_t i = 0; i < p.windows.size(); ++i) {
    const RatioWindow& w = p.windows[i];
    if (children_on_premises < w.min_children_present) continue;
    for (const TimeWindow& t : window_times(w, opening)) {
      if (t.start < t.end && t.start <= time.start && time.end <= t.end) return static_cast<std::int8_t>(i);
    }
  }
  return -1;
}

/// The fewest children on the premises at any minute of `time` (premises segments are
/// in time order and cover every minute children are there).
int fewest_children(const std::vector<Segment>& premises, TimeWindow time) {
  auto it = std::lower_bound(premises.begin(), premises.end(), time.start,
                             [](const Segment& s, Minute t) { return s.time.end <= t; });
  int fewest = -1;
  Minute covered = time.start;
  for (; it != premises.end() && it->time.start < time.end; ++it) {
    if (it->time.start > covered) return 0;  // a gap: no children then
    fewest = fewest < 0 ? it->child_count() : std::min(fewest, it->child_count());
    covered = it->time.end;
  }
  return covered < time.end ? 0 : std::max(fewest, 0);
}

/// Whether a child's day is one continuous session shorter than the profile's limit.
bool short_session(const ChildSpell* begin, const ChildSpell* end, const ShortSessionRatio& rule) {
  for (const ChildSpell* c = begin + 1; c < end; ++c) {
    if (c->time.start != (c - 1)->time.end) return false;  // two sessions that day
  }
  return (end - 1)->time.end - begin->time.start < rule.under_minutes;
}

/// The profile's 1:13 condition for one room segment.
bool graduate_ratio_applies(const Segment& s, const RuleProfile& p) {
  if (p.graduate_children_per_adult <= 0 || s.graduates_in_ratio == 0) return false;
  if (p.graduate_needs_other_level3 && s.level3_in_ratio < 2) return false;
  if (p.graduate_hours && (s.time.start < p.graduate_hours->start || s.time.end > p.graduate_hours->end))
    return false;
  return true;
}

/// Each segment's staff required (required_staff). Most segments begin where a member
/// of staff comes or goes, so the children are those of the segment before: what
/// required_staff reads of a segment is compared first, and its answer reused.
void set_required(std::vector<Segment>& segments, const RuleProfile& profile) {
  const Segment* last = nullptr;
  for (Segment& s : segments) {
    const bool same_children = last != nullptr && s.children == last->children &&
                               s.graduate_ratio_children == last->graduate_ratio_children &&
                               s.short_session_children == last->short_session_children && s.window == last->window;
    s.required = same_children ? last->required : required_staff(s, profile);
    last = &s;
  }
}

}  // namespace

TimelineBuilder::TimelineBuilder(const Setting& setting, const RuleProfile& profile)
    : setting_(setting), profile_(profile), room_has_children_(setting.rooms.size(), false) {
  bands_.reserve(setting.children.size());
  for (const Child& child : setting.children) bands_.push_back(profile.band_dates(child.date_of_birth));
}

const DayTimeline& TimelineBuilder::build(std::size_t day_index) {
  const Setting& setting = setting_;
  const Day& day = setting.days[day_index];
  const RuleProfile& profile = profile_.on(day.date);
  DayTimeline& out = timeline_;
  out.day = day_index;
  out.premises.day = day_index;
  out.premises.segments.clear();
  if (day.children.empty()) {
    out.rooms.clear();
    return out;
  }

  std::vector<Event>& room_events = room_events_;
  std::vector<Event>& premises_events = premises_events_;
  room_events.clear();
  premises_events.clear();
  std::fill(room_has_children_.begin(), room_has_children_.end(), false);
  std::vector<bool>& room_has_children = room_has_children_;
  for (std::size_t i = 0; i < day.children.size();) {  // sorted by child: one band per child
    std::size_t j = i;
    while (j < day.children.size() && day.children[j].child == day.children[i].child) ++j;
    Event e;
    e.kind = EventKind::child;
    e.band = bands_[day.children[i].child].on(day.date);
    if (profile.short_session && e.band == profile.short_session->band &&
        short_session(&day.children[i], day.children.data() + j, *profile.short_session))
      e.flags = kShortSession;
    for (; i < j; ++i) {
      const ChildSpell& c = day.children[i];
      e.room = c.room;
      add_pair(room_events, c.time, e);
      add_pair(premises_events, c.time, e);
      room_has_children[c.room] = true;
    }
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
    e.flags &= kPremisesFlags;
    e.room = kNone;
    if (e.flags != 0) add_pair(premises_events, spell.time, e);
  }

  // Cut segments where meals, the graduate-ratio hours and the ratio windows begin and end.
  for (RoomIndex r = 0; r < setting.rooms.size(); ++r) {
    if (!room_has_children[r]) continue;
    Event e;
    e.room = r;
    for (const TimeWindow& meal : setting.rooms[r].meals) add_pair(room_events, meal, e);
    if (profile.graduate_hours) add_pair(room_events, *profile.graduate_hours, e);
    for (const RatioWindow& w : profile.windows) {
      for (const TimeWindow& t : window_times(w, setting.opening)) {
        if (t.start < t.end) add_pair(room_events, t, e);
      }
    }
  }
  for (const RatioWindow& w : profile.windows) {
    Event e;
    for (const TimeWindow& t : window_times(w, setting.opening)) {
      if (t.start < t.end) add_pair(premises_events, t, e);
    }
  }

  sort_events(room_events, true, setting.rooms.size(), scratch_, counts_);
  // The RoomDay objects of earlier days are reused: their segment buffers keep their size.
  std::size_t used = 0;
  for (std::size_t i = 0; i < room_events.size();) {
    std::size_t j = i;
    while (j < room_events.size() && room_events[j].room == room_events[i].room) ++j;
    if (used == out.rooms.size()) out.rooms.emplace_back();
    RoomDay& room_day = out.rooms[used];
    room_day.room = room_events[i].room;
    room_day.day = day_index;
    room_day.segments.clear();
    sweep(room_events.data() + i, room_events.data() + j, room_day.segments);
    for (Segment& s : room_day.segments) {
      if (graduate_ratio_applies(s, profile)) {
        s.graduate_ratio_children = s.children[profile.graduate_band];
        Event g;
        g.kind = EventKind::graduate_children;
        g.amount = s.graduate_ratio_children;
        add_pair(premises_events, s.time, g);
      }
    }
    if (!room_day.segments.empty()) ++used;
    i = j;
  }
  out.rooms.resize(used);

  sort_events(premises_events, false, 0, scratch_, counts_);
  sweep(premises_events.data(), premises_events.data() + premises_events.size(),
        out.premises.segments);
  if (!profile.windows.empty()) {
    for (RoomDay& room_day : out.rooms) {
      for (Segment& s : room_day.segments)
        s.window = window_for(s.time, profile, setting.opening, fewest_children(out.premises.segments, s.time));
    }
    for (Segment& s : out.premises.segments) s.window = window_for(s.time, profile, setting.opening, s.child_count());
  }
  for (RoomDay& room_day : out.rooms) set_required(room_day.segments, profile);
  set_required(out.premises.segments, profile);
  return out;
}

TimelineBuilder::~TimelineBuilder() = default;

DayTimeline build_day_timeline(const Setting& setting, const RuleProfile& profile,
                               std::size_t day_index) {
  TimelineBuilder builder(setting, profile);
  return builder.build(day_index);
}

}  // namespace attune
