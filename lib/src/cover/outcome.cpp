// The solver's values -> slots, changes and amended spells (see outcome.hpp).

#include "outcome.hpp"

#include <algorithm>
#include <tuple>

namespace attune::covering {
namespace {

ShiftKind kind_of(State s) {
  switch (s) {
    case State::on_break: return ShiftKind::on_break;
    case State::non_contact: return ShiftKind::non_contact;
    default: return ShiftKind::work;
  }
}

/// What a piece's new slot is, as a change from the rota (nullopt: none).
std::optional<CoverChange> change_at(const Person& p, const Slot& o, const Slot& n) {
  if (n.state != State::work) return std::nullopt;
  CoverChange c;
  c.staff = p.staff;
  c.to_room = n.room;
  switch (o.state) {
    case State::work:
    case State::on_break:  // working through the planned break is the break's move, unless elsewhere
      if (n.room == o.room) return std::nullopt;
      c.kind = CoverChangeKind::move;
      c.from_room = o.room;
      break;
    case State::non_contact:
      c.kind = CoverChangeKind::contact;
      c.from_room = o.room;
      break;
    case State::off:
      c.kind = p.standing == Standing::rostered ? CoverChangeKind::extend : CoverChangeKind::call_in;
      break;
  }
  return c;
}

}  // namespace

bool Amended::changed(const Person& p) const {
  if (slots != p.original) return true;
  for (std::size_t b = 0; b < p.breaks.size(); ++b)
    if (break_choice[b] != p.breaks[b].planned_candidate) return true;
  return false;
}

std::vector<std::vector<Amended>> read_outcome(const std::vector<DayPlan>& days, const Formulation& f,
                                               const std::vector<double>& values) {
  std::vector<std::vector<Amended>> out;
  for (std::size_t d = 0; d < days.size(); ++d) {
    const DayPlan& day = days[d];
    std::vector<Amended> people;
    for (std::size_t k = 0; k < day.people.size(); ++k) {
      const Person& p = day.people[k];
      const PersonVars& v = f.vars[d][k];
      Amended a;
      a.slots = p.original;
      for (std::size_t b = 0; b < p.breaks.size(); ++b) {
        std::size_t chosen = p.breaks[b].planned_candidate;
        for (std::size_t j = 0; j < v.breaks[b].size(); ++j)
          if (values[v.breaks[b][j].index] > 0.5) chosen = j;
        a.break_choice.push_back(chosen);
      }
      for (std::size_t t = 0; t < day.pieces.size(); ++t) {
        if (v.work[t].empty()) continue;
        const Slot& o = p.original[t];
        Slot n{o.state == State::non_contact ? State::non_contact : State::off, o.room};
        for (const auto& [r, x] : v.work[t])
          if (values[x.index] > 0.5) n = Slot{State::work, r};
        if (n.state != State::work && (o.state == State::work || o.state == State::on_break)) {
          for (std::size_t b = 0; b < p.breaks.size(); ++b)
            if (overlap_minutes(p.breaks[b].candidates[a.break_choice[b]], day.pieces[t].time) > 0)
              n = Slot{State::on_break, p.breaks[b].room};
        }
        a.slots[t] = n;
      }
      people.push_back(std::move(a));
    }
    out.push_back(std::move(people));
  }
  return out;
}

std::vector<CoverChange> list_changes(const std::vector<DayPlan>& days, const std::vector<std::vector<Amended>>& outcome) {
  std::vector<CoverChange> out;
  for (std::size_t d = 0; d < days.size(); ++d) {
    const DayPlan& day = days[d];
    for (std::size_t k = 0; k < day.people.size(); ++k) {
      const Person& p = day.people[k];
      const Amended& a = outcome[d][k];
      for (std::size_t t = 0; t < day.pieces.size(); ++t) {
        auto c = change_at(p, p.original[t], a.slots[t]);
        if (!c) continue;
        c->date = day.date;
        c->time = day.pieces[t].time;
        CoverChange* last = out.empty() ? nullptr : &out.back();
        if (last != nullptr && last->staff == c->staff && last->date == c->date && last->kind == c->kind &&
            last->from_room == c->from_room && last->to_room == c->to_room && last->time.end == c->time.start)
          last->time.end = c->time.end;
        else
          out.push_back(*c);
      }
      for (std::size_t b = 0; b < p.breaks.size(); ++b) {
        if (a.break_choice[b] == p.breaks[b].planned_candidate) continue;
        CoverChange c;
        c.staff = p.staff;
        c.date = day.date;
        c.kind = CoverChangeKind::break_move;
        c.time = p.breaks[b].candidates[a.break_choice[b]];
        c.planned = p.breaks[b].planned;
        c.from_room = p.breaks[b].room;
        out.push_back(c);
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const CoverChange& a, const CoverChange& b) {
    return std::tie(a.date, a.time.start, a.staff) < std::tie(b.date, b.time.start, b.staff);
  });
  return out;
}

std::vector<Day> amend_days(const Setting& setting, const std::vector<DayPlan>& days,
                            const std::vector<std::vector<Amended>>& outcome,
                            std::vector<std::pair<StaffIndex, std::size_t>>& rewritten) {
  std::vector<Day> out = setting.days;
  for (std::size_t d = 0; d < days.size(); ++d) {
    const DayPlan& day = days[d];
    Day& target = out[day.day];
    for (std::size_t k = 0; k < day.people.size(); ++k) {
      const Person& p = day.people[k];
      const Amended& a = outcome[d][k];
      if (!a.changed(p)) continue;
      rewritten.push_back({p.staff, day.day});
      std::erase_if(target.staff, [&](const StaffSpell& s) { return s.staff == p.staff; });
      for (std::size_t t = 0; t < day.pieces.size(); ++t) {
        const Slot& s = a.slots[t];
        if (s.state == State::off) continue;
        const TimeWindow w = day.pieces[t].time;
        StaffSpell* last = target.staff.empty() ? nullptr : &target.staff.back();
        if (last != nullptr && last->staff == p.staff && last->time.end == w.start && last->kind == kind_of(s.state) &&
            last->room == s.room)
          last->time.end = w.end;
        else
          target.staff.push_back(StaffSpell{p.staff, s.room, w, kind_of(s.state)});
      }
    }
    std::stable_sort(target.staff.begin(), target.staff.end(), [](const StaffSpell& a, const StaffSpell& b) {
      return a.staff != b.staff ? a.staff < b.staff : a.time.start < b.time.start;
    });
  }
  return out;
}

}  // namespace attune::covering
