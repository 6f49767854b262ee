#include "ledger.hpp"

#include <algorithm>
#include <bit>
#include <iterator>

#include "../util/counting_sort.hpp"

namespace attune {
namespace {

/// Where each staff member's spells start in a day's list (sorted by staff): worked out
/// once per day, so finding a key person's spells for each child is one look-up.
void index_spells(const Day& day, std::size_t staff_count, std::vector<std::uint32_t>& first) {
  first.assign(staff_count + 1, 0);
  for (const StaffSpell& s : day.staff) {
    if (s.staff < staff_count) ++first[s.staff + 1];
  }
  for (std::size_t i = 1; i < first.size(); ++i) first[i] += first[i - 1];
}

/// Appends the work windows of `person` in `room`, in order of start (a day's spells
/// are sorted by staff, then start).
void windows_in_room(const Day& day, const std::vector<std::uint32_t>& first, RoomIndex room, StaffIndex person,
                     std::vector<TimeWindow>& out) {
  if (person == kNone || person + 1 >= first.size()) return;
  for (std::uint32_t i = first[person]; i < first[person + 1]; ++i) {
    const StaffSpell& s = day.staff[i];
    if (s.kind == ShiftKind::work && s.room == room) out.push_back(s.time);
  }
}

/// Sorted windows -> their union: windows that overlap or touch become one.
void coalesce(std::vector<TimeWindow>& windows) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < windows.size(); ++i) {
    if (kept > 0 && windows[i].start <= windows[kept - 1].end)
      windows[kept - 1].end = std::max(windows[kept - 1].end, windows[i].end);
    else windows[kept++] = windows[i];
  }
  windows.resize(kept);
}

/// When the key person, and the key person or buddy, are in `room`: two sorted unions
/// (this runs for every child's every room of every day, so no sorting: the key
/// person's and the buddy's windows are each in order already, and are merged).
void presence(const Day& day, const std::vector<std::uint32_t>& first, RoomIndex room, StaffIndex key,
              StaffIndex buddy, std::vector<TimeWindow>& key_there, std::vector<TimeWindow>& buddy_there,
              std::vector<TimeWindow>& familiar) {
  key_there.clear();
  buddy_there.clear();
  familiar.clear();
  windows_in_room(day, first, room, key, key_there);
  coalesce(key_there);
  windows_in_room(day, first, room, buddy, buddy_there);
  std::merge(key_there.begin(), key_there.end(), buddy_there.begin(), buddy_there.end(), std::back_inserter(familiar),
             [](TimeWindow a, TimeWindow b) { return a.start < b.start; });
  coalesce(familiar);
}

long overlap_with(TimeWindow window, const std::vector<TimeWindow>& union_of) {
  long total = 0;
  for (TimeWindow w : union_of) total += overlap_minutes(window, w);
  return total;
}

/// Someone in `union_of` is there within `window_minutes` of `t`: t lies in [s - W, e + W].
bool near(Minute t, const std::vector<TimeWindow>& union_of, int window_minutes) {
  return std::any_of(union_of.begin(), union_of.end(), [&](TimeWindow w) {
    return w.start - window_minutes <= t && t <= w.end + window_minutes;
  });
}

}  // namespace

ContinuityLedger::ContinuityLedger(const Setting& setting)
    : setting_(setting),
      children_(setting.children.size()),
      sessions_(setting.children.size()),
      work_minutes_(setting.staff.size() * (setting.rooms.size() + 1), 0),
      current_week_(setting.children.size()),
      week_first_day_(setting.children.size()),
      carer_words_((setting.staff.size() + 63) / 64),
      week_carers_(setting.children.size() * carer_words_, 0) {
  for (ChildIndex i = 0; i < children_.size(); ++i) {
    children_[i].child = i;
    children_[i].band = age_band_on(setting.children[i].date_of_birth, setting.period.from);
    children_[i].key_person = setting.key_people_on(i, setting.period.from).first;
  }
}

void ContinuityLedger::add_day(const Day& day) {
  const std::size_t rooms = setting_.rooms.size() + 1;
  for (const StaffSpell& s : day.staff) {
    if (s.kind != ShiftKind::work) continue;
    work_minutes_[s.staff * rooms + (s.room == kNone ? rooms - 1 : s.room)] += s.time.length();
  }
  // Each room's work spells, so a child's adults are looked for among the room's only.
  room_work_.resize(setting_.rooms.size());
  for (auto& spells : room_work_) spells.clear();
  for (const StaffSpell& s : day.staff) {
    if (s.kind == ShiftKind::work && s.room != kNone && s.room < room_work_.size()) room_work_[s.room].push_back(&s);
  }
  index_spells(day, setting_.staff.size(), first_spell_);
  week_ = iso_week(day.date);
  for (std::size_t i = 0; i < day.children.size();) {
    std::size_t j = i;
    while (j < day.children.size() && day.children[j].child == day.children[i].child) ++j;
    add_child_day(day, i, j);
    i = j;
  }
}

void ContinuityLedger::add_child_day(const Day& day, std::size_t first, std::size_t last) {
  const ChildIndex child = day.children[first].child;
  ChildMetrics& m = children_[child];
  const auto [key, buddy] = setting_.key_people_on(child, day.date);
  if (sessions_[child].empty()) m.key_person = key;
  const int window = setting_.policy.handover_window_minutes;

  ChildSession session;
  session.date = day.date;
  session.key_person = key;
  session.span = TimeWindow{day.children[first].time.start, day.children[first].time.start};
  std::vector<std::pair<RoomIndex, long>>& room_minutes = room_minutes_;
  room_minutes.clear();

  const IsoWeek week = week_;
  if (current_week_[child] != week) {
    close_week(child);
    current_week_[child] = week;
    week_first_day_[child] = day.date;
  }
  std::uint64_t* carers = week_carers_.data() + child * carer_words_;

  std::vector<TimeWindow>& key_there = key_there_;
  std::vector<TimeWindow>& familiar = familiar_;
  RoomIndex presence_room = kNone;
  for (std::size_t k = first; k < last; ++k) {
    const ChildSpell& spell = day.children[k];
    const long length = spell.time.length();
    if (k == first || spell.room != presence_room) {  // the same room: the same adults
      presence(day, first_spell_, spell.room, key, buddy, key_there, buddy_there_, familiar);
      presence_room = spell.room;
    }
    const long with_key = overlap_with(spell.time, key_there);
    const long with_familiar = overlap_with(spell.time, familiar);
    m.attended_minutes += length;
    m.key_person_minutes += with_key;
    m.key_or_buddy_minutes += with_familiar;
    session.attended += length;
    session.with_key_person += with_key;
    session.with_key_or_buddy += with_familiar;
    session.span.end = std::max(session.span.end, spell.time.end);
    auto room = std::find_if(room_minutes.begin(), room_minutes.end(), [&](auto& r) { return r.first == spell.room; });
    if (room == room_minutes.end()) room_minutes.emplace_back(spell.room, length);
    else room->second += length;

    // An arrival starts a stretch that does not continue the previous one; a departure
    // ends a stretch the next one does not continue (a room change at 12:00 is neither).
    const bool arrival = k == first || day.children[k - 1].time.end != spell.time.start;
    const bool departure = k + 1 == last || day.children[k + 1].time.start != spell.time.end;
    if (arrival) {
      const bool covered = near(spell.time.start, familiar, window);
      ++m.arrivals;
      if (covered) ++m.arrivals_with_key_or_buddy;
      handovers_.push_back(Handover{child, day.date, spell.time.start, spell.room, true, covered});
    }
    if (departure) {
      const bool covered = near(spell.time.end, familiar, window);
      ++m.departures;
      if (covered) ++m.departures_with_key_or_buddy;
      handovers_.push_back(Handover{child, day.date, spell.time.end, spell.room, false, covered});
    }
    if (spell.room < room_work_.size()) {
      // The week's adults as a set of bits by staff index: no search, no branch.
      for (const StaffSpell* s : room_work_[spell.room]) {
        const bool with_child = s->time.start < spell.time.end && spell.time.start < s->time.end;
        carers[s->staff / 64] |= std::uint64_t{with_child} << (s->staff % 64);
      }
    }
  }
  session.room = std::max_element(room_minutes.begin(), room_minutes.end(),
                                  [](auto& a, auto& b) { return a.second < b.second; })->first;
  sessions_[child].push_back(session);
}

void ContinuityLedger::close_week(ChildIndex child) {
  std::uint64_t* carers = week_carers_.data() + child * carer_words_;
  int n = 0;
  for (std::size_t w = 0; w < carer_words_; ++w) n += std::popcount(carers[w]);
  std::fill(carers, carers + carer_words_, 0);
  if (sessions_[child].empty() || week_first_day_[child] == Date{}) return;
  weeks_.push_back(WeekOfCarers{child, current_week_[child], week_first_day_[child], n});
  ChildMetrics& m = children_[child];
  m.max_distinct_carers_per_week = std::max(m.max_distinct_carers_per_week, n);
}

void ContinuityLedger::finish() {
  for (ChildIndex c = 0; c < children_.size(); ++c) close_week(c);
  // By child, then date: each child's weeks were closed in date order, so grouping them
  // by child (a counting sort, which keeps that order) is enough.
  std::vector<WeekOfCarers> scratch;
  std::vector<std::uint32_t> counts;
  util::counting_sort(weeks_, children_.size(), [](const WeekOfCarers& w) { return std::size_t{w.child}; }, scratch,
                      counts);
}

long ContinuityLedger::work_minutes(StaffIndex staff, RoomIndex room) const {
  const std::size_t rooms = setting_.rooms.size() + 1;
  return work_minutes_[staff * rooms + (room == kNone ? rooms - 1 : room)];
}

long ContinuityLedger::work_minutes(StaffIndex staff) const {
  const std::size_t rooms = setting_.rooms.size() + 1;
  long total = 0;
  for (std::size_t r = 0; r < rooms; ++r) total += work_minutes_[staff * rooms + r];
  return total;
}

}  // namespace attune
