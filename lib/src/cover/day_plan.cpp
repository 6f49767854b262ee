// The days to cover as pieces and people (see day_plan.hpp).

#include "day_plan.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace attune::covering {
namespace {

constexpr int kFamiliarDays = 28;

std::pair<const StaffSpell*, const StaffSpell*> spells_of(const Day& day, StaffIndex staff) {
  const auto [lo, hi] = std::equal_range(day.staff.begin(), day.staff.end(), StaffSpell{staff, kNone, {}, ShiftKind::work},
                                         [](const StaffSpell& a, const StaffSpell& b) { return a.staff < b.staff; });
  return {day.staff.data() + (lo - day.staff.begin()), day.staff.data() + (hi - day.staff.begin())};
}

/// The cuts of one day: every event, every place a change may begin or end.
std::vector<Minute> cuts_of(const Setting& s, const RuleProfile& profile, const Day& day, Minute& lo, Minute& hi) {
  std::vector<Minute> cuts;
  lo = kMinutesPerDay;
  hi = 0;
  auto add = [&](TimeWindow w) {
    cuts.push_back(w.start);
    cuts.push_back(w.end);
  };
  for (const ChildSpell& c : day.children) {
    add(c.time);
    lo = std::min(lo, c.time.start);
    hi = std::max(hi, c.time.end);
  }
  for (const StaffSpell& sp : day.staff) {
    add(sp.time);
    lo = std::min(lo, sp.time.start);
    hi = std::max(hi, sp.time.end);
  }
  for (const Availability& a : day.available) add(a.time);
  for (const Room& room : s.rooms)
    for (const TimeWindow& meal : room.meals) add(meal);
  if (profile.graduate_hours) add(*profile.graduate_hours);
  const CoverLimits& limits = s.cover;
  const int step = std::max(1, limits.step_minutes);
  for (std::size_t i = 0; i < day.staff.size();) {
    std::size_t j = i;
    Minute first = day.staff[i].time.start, last = day.staff[i].time.end;
    for (; j < day.staff.size() && day.staff[j].staff == day.staff[i].staff; ++j) {
      first = std::min(first, day.staff[j].time.start);
      last = std::max(last, day.staff[j].time.end);
      const StaffSpell& b = day.staff[j];
      if (b.kind != ShiftKind::on_break) continue;
      for (int k = -limits.break_window_minutes / step; k <= limits.break_window_minutes / step; ++k)
        add(TimeWindow{b.time.start + k * step, b.time.end + k * step});
    }
    const Minute budget = std::max(0, limits.max_shift_minutes - (last - first));
    cuts.push_back(first - budget);
    cuts.push_back(last + budget);
    i = j;
  }
  for (Minute m = (lo / step) * step; m < hi; m += step) cuts.push_back(m);
  std::erase_if(cuts, [&](Minute m) { return m < lo || m > hi; });
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

/// Each piece's children, room by room, from the timeline of the children alone.
void fill_children(std::vector<Piece>& pieces, const DayTimeline& t) {
  auto place = [&](const std::vector<Segment>& segments, auto&& put) {
    std::size_t j = 0;
    for (std::size_t p = 0; p < pieces.size(); ++p) {
      const TimeWindow w = pieces[p].time;
      while (j < segments.size() && segments[j].time.end <= w.start) ++j;
      if (j == segments.size()) break;
      const TimeWindow s = segments[j].time;
      if (s.start >= w.end) continue;
      if (s.start > w.start || s.end < w.end) throw std::logic_error("cover: a piece crosses a segment of the timeline");
      put(pieces[p], segments[j]);
    }
  };
  for (const RoomDay& rd : t.rooms)
    place(rd.segments, [&](Piece& piece, const Segment& s) { piece.rooms.push_back(PieceRoom{rd.room, s}); });
  place(t.premises.segments, [](Piece& piece, const Segment& s) { piece.premises = s; });
}

bool within_any(TimeWindow w, const std::vector<TimeWindow>& windows) {
  return std::any_of(windows.begin(), windows.end(),
                     [&](const TimeWindow& a) { return a.start <= w.start && w.end <= a.end; });
}

/// Where each break may go: its planned start moved by whole steps, at most the window
/// either way, over time the person works or breaks as rostered.
void place_breaks(Person& p, const std::vector<Piece>& pieces, const CoverLimits& limits) {
  const int step = std::max(1, limits.step_minutes);
  for (Break& b : p.breaks) {
    for (int k = -limits.break_window_minutes / step; k <= limits.break_window_minutes / step; ++k) {
      const TimeWindow w{b.planned.start + k * step, b.planned.end + k * step};
      bool ok = w.start >= pieces.front().time.start && w.end <= pieces.back().time.end;
      for (std::size_t t = 0; ok && t < pieces.size(); ++t) {
        if (overlap_minutes(pieces[t].time, w) == 0) continue;
        const State st = p.original[t].state;
        ok = st == State::work || st == State::on_break;
      }
      if (!ok) continue;
      if (k == 0) b.planned_candidate = b.candidates.size();
      b.candidates.push_back(w);
    }
  }
}

Person rostered(StaffIndex i, const Staff& staff, const RuleProfile& profile, const Setting& s, const Day& day,
                const std::vector<Piece>& pieces, const StaffSpell* first, const StaffSpell* last,
                std::vector<TimeWindow> available) {
  Person p;
  p.staff = i;
  p.available = std::move(available);
  p.counts = plan::staff_counts(staff, day.date, profile);
  p.original.assign(pieces.size(), Slot{});
  Minute start = first->time.start, end = first->time.end;
  for (const StaffSpell* sp = first; sp != last; ++sp) {
    start = std::min(start, sp->time.start);
    end = std::max(end, sp->time.end);
    if (sp->kind == ShiftKind::work && p.home == kNone) p.home = sp->room;
  }
  if (p.home == kNone) p.home = 0;
  for (const StaffSpell* sp = first; sp != last; ++sp) {
    const State state = sp->kind == ShiftKind::work        ? State::work
                        : sp->kind == ShiftKind::on_break ? State::on_break
                                                          : State::non_contact;
    RoomIndex room = sp->room;
    if (state == State::on_break && room == kNone) room = p.home;
    for (std::size_t t = 0; t < pieces.size(); ++t)
      if (overlap_minutes(pieces[t].time, sp->time) > 0) p.original[t] = Slot{state, room};
    if (state == State::on_break) p.breaks.push_back(Break{sp->time, room, {}, 0});
  }
  p.span = end - start;
  p.extension_budget = std::max(0, s.cover.max_shift_minutes - p.span);
  p.first_on = pieces.size();
  for (std::size_t t = 0; t < pieces.size(); ++t) {
    if (p.original[t].state == State::off) continue;
    if (p.first_on == pieces.size()) p.first_on = t;
    p.last_on = t;
  }
  p.may_work.assign(pieces.size(), 0);
  for (std::size_t t = 0; t < pieces.size(); ++t) {
    const TimeWindow w = pieces[t].time;
    const bool before = t < p.first_on && start - w.start <= p.extension_budget;
    const bool after = t > p.last_on && w.end - end <= p.extension_budget;
    if ((before || after) && (p.available.empty() || within_any(w, p.available))) p.may_work[t] = 1;
  }
  // An extension joins the shift: a piece it cannot reach without a gap is out.
  for (std::size_t t = p.first_on; t-- > 0;)
    if (t + 1 < p.first_on && !p.may_work[t + 1]) p.may_work[t] = 0;
  for (std::size_t t = p.last_on + 1; t < pieces.size(); ++t)
    if (t - 1 > p.last_on && !p.may_work[t - 1]) p.may_work[t] = 0;
  place_breaks(p, pieces, s.cover);
  return p;
}

/// The under-2s of each piece, grouped by the adults they know.
void group_babies(DayPlan& plan, const Setting& s, const Day& day, const Familiarity& familiarity) {
  std::vector<StaffIndex> people;
  for (const Person& p : plan.people) people.push_back(p.staff);
  for (const ChildSpell& c : day.children) {
    const Child& child = s.children[c.child];
    if (age_band_on(child.date_of_birth, day.date) != AgeBand::under_2) continue;
    const auto [key, buddy] = s.key_people_on(c.child, day.date);
    std::vector<StaffIndex> known;
    for (StaffIndex i : people)
      if (i == key || i == buddy || familiarity.knows(i, c.room, day.date)) known.push_back(i);
    for (Piece& piece : plan.pieces) {
      if (overlap_minutes(piece.time, c.time) == 0) continue;
      auto it = std::find_if(piece.babies.begin(), piece.babies.end(),
                             [&](const Babies& b) { return b.room == c.room && b.familiar == known; });
      if (it == piece.babies.end()) piece.babies.push_back(Babies{c.room, known, 1});
      else ++it->children;
    }
  }
}

}  // namespace

const PieceRoom* Piece::room(RoomIndex r) const {
  for (const PieceRoom& pr : rooms)
    if (pr.room == r) return &pr;
  return nullptr;
}

Familiarity::Familiarity(const Setting& setting, const Setting* history)
    : rooms_(setting.rooms.size()), dates_(setting.staff.size() * setting.rooms.size()) {
  auto read = [&](const Setting& from) {
    if (from.staff.size() != setting.staff.size() || from.rooms.size() != setting.rooms.size()) return;
    for (const Day& day : from.days) {
      for (const StaffSpell& sp : day.staff) {
        if (sp.kind != ShiftKind::work || sp.room == kNone) continue;
        dates_[sp.staff * rooms_ + sp.room].push_back(day.date);
      }
    }
  };
  read(setting);
  if (history != nullptr) read(*history);
  for (auto& d : dates_) {
    std::sort(d.begin(), d.end());
    d.erase(std::unique(d.begin(), d.end()), d.end());
  }
}

bool Familiarity::knows(StaffIndex staff, RoomIndex room, Date date) const {
  const auto& d = dates_[staff * rooms_ + room];
  const auto it = std::lower_bound(d.begin(), d.end(), date - std::chrono::days{kFamiliarDays});
  return it != d.end() && *it < date;
}

std::vector<DayPlan> plan_days(const Setting& setting, const RuleProfile& profile, const std::vector<StaffIndex>& absent,
                               const Familiarity& familiarity) {
  Setting children_only = setting;
  for (Day& d : children_only.days) d.staff.clear();
  TimelineBuilder timelines(children_only, profile);
  std::vector<DayPlan> out;
  for (std::size_t d = 0; d < setting.days.size(); ++d) {
    const Day& day = setting.days[d];
    if (day.children.empty()) continue;
    DayPlan plan;
    plan.day = d;
    plan.date = day.date;
    Minute lo = 0, hi = 0;
    const std::vector<Minute> cuts = cuts_of(setting, profile, day, lo, hi);
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) plan.pieces.push_back(Piece{{cuts[k], cuts[k + 1]}, {}, {}, {}});
    fill_children(plan.pieces, timelines.build(d));
    for (StaffIndex i = 0; i < setting.staff.size(); ++i) {
      const Staff& staff = setting.staff[i];
      if (!staff.employed_on(day.date) || std::find(absent.begin(), absent.end(), i) != absent.end()) continue;
      std::vector<TimeWindow> available;
      for (const Availability& a : day.available)
        if (a.staff == i && a.time.end > lo && a.time.start < hi)
          available.push_back(TimeWindow{std::max(lo, a.time.start), std::min(hi, a.time.end)});
      const auto [first, last] = spells_of(day, i);
      if (first != last) {
        plan.people.push_back(rostered(i, staff, profile, setting, day, plan.pieces, first, last, available));
      } else if (!available.empty()) {
        Person p;
        p.staff = i;
        p.counts = plan::staff_counts(staff, day.date, profile);
        p.standing = Standing::on_call;
        p.original.assign(plan.pieces.size(), Slot{});
        p.may_work.assign(plan.pieces.size(), 0);
        p.available = available;
        for (std::size_t t = 0; t < plan.pieces.size(); ++t)
          p.may_work[t] = plan.pieces[t].has_children() && within_any(plan.pieces[t].time, available) ? 1 : 0;
        plan.people.push_back(std::move(p));
      }
    }
    group_babies(plan, setting, day, familiarity);
    out.push_back(std::move(plan));
  }
  return out;
}

}  // namespace attune::covering
