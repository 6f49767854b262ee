// Reading the week from the setting (see week.hpp).

#include "week.hpp"

#include <algorithm>

namespace attune::plan {
namespace {

/// The slots of a day: `slot` minutes from opening, the last one cut at closing.
std::vector<TimeWindow> day_slots(TimeWindow opening, int slot) {
  std::vector<TimeWindow> out;
  for (Minute t = opening.start; t < opening.end; t += slot) out.push_back({t, std::min<Minute>(t + slot, opening.end)});
  return out;
}

/// Which meals of a room, and whether the graduate hours, contain a piece: with the
/// children, what decides its rows.
struct Context {
  std::vector<std::uint32_t> meals;  ///< per room of the piece, a bit per meal
  bool graduate_hours = false;
  friend bool operator==(const Context&, const Context&) = default;
};

Context context_of(const Setting& s, const RuleProfile& p, const Piece& piece) {
  Context c;
  for (const auto& [room, seg] : piece.rooms) {
    std::uint32_t mask = 0;
    const auto& meals = s.rooms[room].meals;
    for (std::size_t m = 0; m < meals.size() && m < 32; ++m)
      if (overlap_minutes(meals[m], piece.time) > 0) mask |= 1u << m;
    c.meals.push_back(mask);
  }
  c.graduate_hours = p.graduate_hours && overlap_minutes(*p.graduate_hours, piece.time) > 0;
  return c;
}

bool same_children(const Piece& a, const Piece& b) {
  if (a.rooms.size() != b.rooms.size() || a.premises.children != b.premises.children) return false;
  for (std::size_t i = 0; i < a.rooms.size(); ++i)
    if (a.rooms[i].first != b.rooms[i].first || a.rooms[i].second.children != b.rooms[i].second.children) return false;
  return true;
}

/// The segment of `segments` (sorted, not overlapping) that holds minute `m`, or nullptr.
const Segment* segment_at(const std::vector<Segment>& segments, Minute m) {
  const auto it = std::upper_bound(segments.begin(), segments.end(), m,
                                   [](Minute x, const Segment& s) { return x < s.time.end; });
  if (it == segments.end() || !it->time.contains(m)) return nullptr;
  return &*it;
}

/// Cuts each slot at every change of the children present (and at meals and the
/// graduate hours, where the timeline cuts its segments), keeping distinct pieces.
void cut_pieces(const Setting& s, const RuleProfile& p, const DayTimeline& timeline, PlanDay& day) {
  for (SlotInfo& slot : day.slots) {
    std::vector<Minute> cuts{slot.time.start, slot.time.end};
    auto add_cuts = [&](const std::vector<Segment>& segments) {
      for (const Segment& seg : segments) {
        if (seg.time.start > slot.time.start && seg.time.start < slot.time.end) cuts.push_back(seg.time.start);
        if (seg.time.end > slot.time.start && seg.time.end < slot.time.end) cuts.push_back(seg.time.end);
      }
    };
    for (const RoomDay& rd : timeline.rooms) add_cuts(rd.segments);
    add_cuts(timeline.premises.segments);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::vector<Context> contexts;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
      Piece piece;
      piece.time = {cuts[i], cuts[i + 1]};
      const Segment* premises = segment_at(timeline.premises.segments, piece.time.start);
      if (premises == nullptr || premises->child_count() == 0) continue;
      piece.premises = *premises;
      piece.premises.time = piece.time;
      for (const RoomDay& rd : timeline.rooms) {
        const Segment* seg = segment_at(rd.segments, piece.time.start);
        if (seg == nullptr || seg->child_count() == 0) continue;
        Segment copy = *seg;
        copy.time = piece.time;
        piece.rooms.emplace_back(rd.room, copy);
      }
      slot.minutes_with_children += piece.time.length();
      Context context = context_of(s, p, piece);
      bool seen = false;
      for (std::size_t k = 0; k < slot.pieces.size() && !seen; ++k)
        seen = contexts[k] == context && same_children(slot.pieces[k], piece);
      if (seen) continue;
      slot.pieces.push_back(std::move(piece));
      contexts.push_back(std::move(context));
    }
  }
}

/// Rooms a person on duty may be in: those with children in the slot; in a slot with no
/// children anywhere (before the first arrival, after the last departure), any room in
/// use that day.
void choose_rooms(PlanDay& day, std::size_t room_count) {
  std::vector<unsigned char> used(room_count, 0);
  for (const SlotInfo& slot : day.slots)
    for (const Piece& piece : slot.pieces)
      for (const auto& [room, seg] : piece.rooms) used[room] = 1;
  for (SlotInfo& slot : day.slots) {
    std::vector<unsigned char> here(room_count, 0);
    for (const Piece& piece : slot.pieces)
      for (const auto& [room, seg] : piece.rooms) here[room] = 1;
    const bool any = std::find(here.begin(), here.end(), 1) != here.end();
    for (RoomIndex r = 0; r < room_count; ++r)
      if (any ? here[r] != 0 : used[r] != 0) slot.rooms.push_back(r);
  }
}

void measure_children(const Day& d, PlanDay& day, Week& week, std::uint32_t day_index) {
  for (const ChildSpell& spell : d.children) {  // sorted by child, then start
    if (spell.time.length() == 0 || spell.child >= week.attended.size()) continue;
    week.attended[spell.child] += spell.time.length();
    if (week.first_day[spell.child] < 0) week.first_day[spell.child] = static_cast<std::int32_t>(day_index);
    for (std::uint32_t t = 0; t < day.slots.size(); ++t) {
      const int m = overlap_minutes(spell.time, day.slots[t].time);
      if (m == 0) continue;
      if (!day.child_minutes.empty()) {
        ChildMinutes& last = day.child_minutes.back();
        if (last.child == spell.child && last.slot == t && last.room == spell.room) {
          last.minutes += m;
          continue;
        }
      }
      day.child_minutes.push_back({spell.child, t, spell.room, m});
    }
  }
}

/// The current rota's minutes per slot for one person on one day.
std::vector<CurrentSlot> current_slots(const Day& d, StaffIndex staff, const PlanDay& day) {
  std::vector<CurrentSlot> out(day.slots.size());
  for (const StaffSpell& spell : d.staff) {
    if (spell.staff != staff) continue;
    for (std::size_t t = 0; t < day.slots.size(); ++t) {
      const int m = overlap_minutes(spell.time, day.slots[t].time);
      if (m == 0) continue;
      CurrentSlot& c = out[t];
      if (spell.kind == ShiftKind::on_break) c.on_break += m;
      else if (spell.kind == ShiftKind::work && spell.room != kNone) {
        auto it = std::find_if(c.rooms.begin(), c.rooms.end(), [&](const auto& r) { return r.first == spell.room; });
        if (it == c.rooms.end()) c.rooms.emplace_back(spell.room, m);
        else it->second += m;
      } else {
        c.other += m;
      }
    }
  }
  return out;
}

std::vector<unsigned char> available_slots(const Day& d, StaffIndex staff, const PlanDay& day) {
  std::vector<unsigned char> out(day.slots.size(), 0);
  for (const Availability& a : d.available) {
    if (a.staff != staff) continue;
    for (std::size_t t = 0; t < day.slots.size(); ++t)
      if (a.time.start <= day.slots[t].time.start && day.slots[t].time.end <= a.time.end) out[t] = 1;
  }
  return out;
}

}  // namespace

bool plannable(const Staff& staff) { return staff.role != Role::cook && staff.role != Role::admin; }

std::vector<BreakLevel> break_levels(const Staff& staff, Date date, const PlanLimits& limits, bool* age_unknown) {
  // (longer than, minutes), the setting's and the law's (Working Time Regulations 1998,
  // regulations 12(1) and 12(4)): 20 minutes over 6 hours; 30 over 4.5 hours under 18.
  std::vector<std::pair<int, int>> rules{{limits.break_after_minutes, limits.break_minutes}, {360, 20}};
  bool young = true;
  if (staff.date_of_birth) young = age_in_years(*staff.date_of_birth, date) < 18;
  if (age_unknown != nullptr) *age_unknown = !staff.date_of_birth;
  if (young) rules.emplace_back(270, 30);
  std::sort(rules.begin(), rules.end());
  std::vector<BreakLevel> out;
  int most = 0;
  for (const auto& [after, minutes] : rules) {
    most = std::max(most, minutes);
    const int slots = (most + limits.slot_minutes - 1) / limits.slot_minutes;
    if (slots == 0) continue;
    if (!out.empty() && out.back().slots >= slots) continue;
    if (!out.empty() && out.back().after_minutes == after) out.back().slots = slots;
    else out.push_back({after, slots});
  }
  return out;
}

Week build_week(const Setting& setting, const RuleProfile& profile, bool from_rota) {
  Week week;
  week.slot_minutes = std::max(1, setting.plan.slot_minutes);
  week.from_rota = from_rota;
  week.attended.assign(setting.children.size(), 0);
  week.first_day.assign(setting.children.size(), -1);

  Setting bare = setting;  // the children alone: the timeline then cuts only where they change
  for (Day& d : bare.days) d.staff.clear();
  TimelineBuilder timelines(bare, profile);
  for (std::size_t i = 0; i < setting.days.size(); ++i) {
    const Day& d = setting.days[i];
    const bool booked = std::any_of(d.children.begin(), d.children.end(), [](const ChildSpell& c) { return c.time.length() > 0; });
    if (!booked) continue;
    PlanDay day;
    day.day = i;
    day.date = d.date;
    for (TimeWindow t : day_slots(setting.opening, week.slot_minutes)) day.slots.push_back(SlotInfo{t, {}, {}});
    cut_pieces(setting, profile.on(d.date), timelines.build(i), day);  // meals, graduate hours: that day's version
    choose_rooms(day, setting.rooms.size());
    measure_children(d, day, week, static_cast<std::uint32_t>(week.days.size()));
    week.days.push_back(std::move(day));
  }

  for (StaffIndex s = 0; s < setting.staff.size(); ++s) {
    const Staff& staff = setting.staff[s];
    if (!plannable(staff)) continue;
    const std::size_t before = week.person_days.size();
    for (std::uint32_t k = 0; k < week.days.size(); ++k) {
      const PlanDay& day = week.days[k];
      if (!staff.employed_on(day.date)) continue;
      const Day& d = setting.days[day.day];
      PersonDay pd;
      pd.staff = s;
      pd.day = k;
      pd.available = available_slots(d, s, day);
      if (std::find(pd.available.begin(), pd.available.end(), 1) == pd.available.end()) continue;
      pd.counts = staff_counts(staff, day.date, profile);
      pd.breaks = break_levels(staff, day.date, setting.plan, &pd.age_unknown);
      if (from_rota) pd.current = current_slots(d, s, day);
      week.person_days.push_back(std::move(pd));
    }
    if (week.person_days.size() > before) week.people.push_back(s);
  }
  return week;
}

}  // namespace attune::plan
