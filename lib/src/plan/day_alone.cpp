// One day of the week as a programme of its own (see day_alone.hpp).

#include "day_alone.hpp"

#include <algorithm>

namespace attune::plan {

Week one_day(const Week& week, std::uint32_t d, std::vector<std::size_t>& person_days) {
  Week out;
  out.days = {week.days[d]};
  out.people = week.people;
  out.attended = week.attended;
  out.first_day.assign(week.first_day.size(), -1);
  out.slot_minutes = week.slot_minutes;
  person_days.clear();
  for (std::size_t pd = 0; pd < week.person_days.size(); ++pd) {
    if (week.person_days[pd].day != d) continue;
    PersonDay p = week.person_days[pd];
    p.day = 0;
    p.current.clear();
    out.person_days.push_back(std::move(p));
    person_days.push_back(pd);
  }
  return out;
}

bool lay_day(const RotaModel& alone, const std::vector<double>& day, const RotaModel& week_model, std::uint32_t d,
             const std::vector<std::size_t>& person_days, std::vector<double>& values) {
  const auto [rules_from, rules_to] = alone.rule_variables_of(0);
  const auto [rules_into, rules_end] = week_model.rule_variables_of(d);
  if (rules_end - rules_into != rules_to - rules_from) return false;
  std::copy(day.begin() + rules_from, day.begin() + rules_to, values.begin() + rules_into);
  for (std::size_t k = 0; k < person_days.size(); ++k) {
    const auto [from, to] = alone.variables_of(k);
    const auto [into, end] = week_model.variables_of(person_days[k]);
    if (end - into != to - from) return false;  // not the same person-day
    std::copy(day.begin() + from, day.begin() + to, values.begin() + into);
  }
  return true;
}

std::vector<double> take_day(const RotaModel& alone, const RotaModel& week_model, std::uint32_t d,
                             const std::vector<std::size_t>& person_days, const std::vector<double>& values) {
  std::vector<double> out(alone.model().variable_count(), 0.0);
  const auto [rules_from, rules_to] = alone.rule_variables_of(0);
  const auto [rules_into, rules_end] = week_model.rule_variables_of(d);
  if (rules_end - rules_into != rules_to - rules_from) return {};
  std::copy(values.begin() + rules_into, values.begin() + rules_end, out.begin() + rules_from);
  for (std::size_t k = 0; k < person_days.size(); ++k) {
    const auto [from, to] = alone.variables_of(k);
    const auto [into, end] = week_model.variables_of(person_days[k]);
    if (end - into != to - from) return {};
    std::copy(values.begin() + into, values.begin() + end, out.begin() + from);
  }
  return out;
}

long worked(const RotaModel& model, std::size_t pd, const std::vector<double>& values) {
  const PlanDay& day = model.week().days[model.week().person_days[pd].day];
  long minutes = 0;
  for (std::size_t t = 0; t < model.vars()[pd].w.size(); ++t)
    for (const auto& [room, x] : model.vars()[pd].w[t])
      if (values[x.index] > 0.5) minutes += day.slots[t].time.length();
  return minutes;
}

/// Fixes every place of `places` in `model` (w, and the break starts); false when the
/// fine grid has no variable for a place (then no start).
bool fix_places(RotaModel& fine, const std::vector<std::vector<SlotState>>& places) {
  solver::Model& m = fine.model();
  const Week& week = fine.week();
  for (std::size_t pd = 0; pd < places.size(); ++pd) {
    const PersonDayVars& v = fine.vars()[pd];
    const PersonDay& p = week.person_days[pd];
    const auto& at = places[pd];
    for (std::size_t t = 0; t < at.size(); ++t) {
      const RoomIndex place = at[t].place;
      if (place != SlotState::kOff && place != SlotState::kBreak && v.w[t].empty()) return false;
      const bool has_room = std::any_of(v.w[t].begin(), v.w[t].end(), [&](const auto& rx) { return rx.first == place; });
      // A room with no children in this half-slot: on duty somewhere, the room left open.
      if (place != SlotState::kOff && place != SlotState::kBreak && !has_room) continue;
      for (const auto& [room, x] : v.w[t]) {
        const double on = room == place ? 1.0 : 0.0;
        m.set_bounds(x, on, on);
      }
    }
    for (const auto& q : v.q) {
      const int len = p.breaks[q.level].slots;
      bool starts = at[q.slot].place == SlotState::kBreak && (q.slot == 0 || at[q.slot - 1].place != SlotState::kBreak);
      for (int i = 0; i < len && starts; ++i) {
        const std::size_t t = q.slot + static_cast<std::size_t>(i);
        starts = t < at.size() && at[t].place == SlotState::kBreak;
      }
      const std::size_t after = q.slot + static_cast<std::size_t>(len);
      starts = starts && (after >= at.size() || at[after].place != SlotState::kBreak);
      m.set_bounds(q.q, starts ? 1.0 : 0.0, starts ? 1.0 : 0.0);
    }
  }
  return true;
}

}  // namespace attune::plan
