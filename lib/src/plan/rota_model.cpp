// The rota programme's variables and hard rows (see rota_model.hpp).

#include "rota_model.hpp"

#include <algorithm>
#include <map>

namespace attune::plan {
namespace {

using solver::Term;
using solver::Variable;

bool inside(TimeWindow inner, TimeWindow outer) { return outer.start <= inner.start && inner.end <= outer.end; }

/// The longest run of available slots, in minutes: no shift can be longer.
int longest_run(const PlanDay& day, const std::vector<unsigned char>& available) {
  int best = 0, run = 0;
  for (std::size_t t = 0; t < day.slots.size(); ++t) {
    run = available[t] != 0 ? run + day.slots[t].time.length() : 0;
    best = std::max(best, run);
  }
  return best;
}

}  // namespace

RotaModel::RotaModel(const Setting& setting, const Week& week, const Requirements& requirements, bool soft)
    : setting_(setting), week_(week), rules_(requirements) {
  by_staff_day_.assign(setting.staff.size(), std::vector<std::int32_t>(week.days.size(), -1));
  vars_.resize(week.person_days.size());
  ranges_.resize(week.person_days.size());
  for (std::size_t pd = 0; pd < week.person_days.size(); ++pd) {
    const PersonDay& p = week.person_days[pd];
    by_staff_day_[p.staff][p.day] = static_cast<std::int32_t>(pd);
    const auto first = static_cast<std::uint32_t>(model_.variable_count());
    add_person_day(pd);
    ranges_[pd] = {first, static_cast<std::uint32_t>(model_.variable_count())};
  }
  add_contracts();
  add_rest_between_days();
  add_requirements(soft);
}

std::int32_t RotaModel::person_day(StaffIndex staff, std::uint32_t day) const {
  if (staff >= by_staff_day_.size() || day >= week_.days.size()) return -1;
  return by_staff_day_[staff][day];
}

std::optional<Variable> RotaModel::work(std::size_t pd, std::uint32_t slot, RoomIndex room) const {
  for (const auto& [r, v] : vars_[pd].w[slot])
    if (r == room) return v;
  return std::nullopt;
}

void RotaModel::add_person_day(std::size_t pd) {
  const PersonDay& p = week_.person_days[pd];
  const PlanDay& day = week_.days[p.day];
  const PlanLimits& limits = setting_.plan;
  const std::size_t n = day.slots.size();
  PersonDayVars& v = vars_[pd];
  v.w.resize(n);
  v.b.resize(n);
  v.start.resize(n);
  v.stop.resize(n + 1);
  for (std::size_t t = 0; t < n; ++t) {
    if (p.available[t] == 0) continue;
    for (RoomIndex r : day.slots[t].rooms) v.w[t].emplace_back(r, model_.add_binary());
  }
  auto has_work = [&](std::int64_t t) { return t >= 0 && t < static_cast<std::int64_t>(n) && !v.w[static_cast<std::size_t>(t)].empty(); };

  // Break starts: n_k slots inside the break window, with work just before and after.
  std::vector<unsigned char> breakable(n, 0);
  for (std::size_t t = 0; t < n; ++t) breakable[t] = p.available[t] != 0 && inside(day.slots[t].time, limits.break_window);
  std::vector<std::vector<Term>> covering(n);
  for (std::size_t k = 0; k < p.breaks.size(); ++k) {
    const int len = p.breaks[k].slots;
    for (std::size_t t = 0; t + static_cast<std::size_t>(len) <= n; ++t) {
      bool ok = has_work(static_cast<std::int64_t>(t) - 1) && has_work(static_cast<std::int64_t>(t) + len);
      for (int i = 0; i < len && ok; ++i) ok = breakable[t + static_cast<std::size_t>(i)] != 0;
      if (!ok) continue;
      const Variable q = model_.add_binary();
      v.q.push_back({k, static_cast<std::uint32_t>(t), q});
      for (int i = 0; i < len; ++i) covering[t + static_cast<std::size_t>(i)].push_back({q, 1.0});
    }
  }
  for (std::size_t t = 0; t < n; ++t) {
    if (covering[t].empty()) continue;
    const Variable b = model_.add_continuous(0, 1);
    v.b[t] = b;
    std::vector<Term> row = covering[t];
    row.push_back({b, -1.0});
    model_.add_equal(row, 0);
  }
  for (const auto& s : v.q) {  // work just before and just after the break
    const int len = p.breaks[s.level].slots;
    for (std::size_t at : {static_cast<std::size_t>(s.slot) - 1, static_cast<std::size_t>(s.slot) + static_cast<std::size_t>(len)}) {
      std::vector<Term> row{{s.q, 1.0}};
      for (const auto& [r, w] : v.w[at]) row.push_back({w, -1.0});
      model_.add_less_equal(row, 0);
    }
  }

  // One place at a time; one contiguous shift.
  auto on = [&](std::size_t t, double c, std::vector<Term>& row) {
    for (const auto& [r, w] : v.w[t]) row.push_back({w, c});
    if (v.b[t]) row.push_back({*v.b[t], c});
  };
  std::vector<Term> length, starts;
  for (std::size_t t = 0; t < n; ++t) {
    std::vector<Term> row;
    on(t, 1.0, row);
    if (row.size() > 1) model_.add_less_equal(row, 1);
    on(t, static_cast<double>(day.slots[t].time.length()), length);
  }
  for (std::size_t t = 0; t <= n; ++t) {
    const bool now = t < n && !v.w[t].empty();
    const bool before = t > 0 && !v.w[t - 1].empty();
    if (!now && !before) continue;
    std::vector<Term> row;
    if (now) {
      on(t, 1.0, row);
      v.start[t] = model_.add_continuous(0, 1);
      row.push_back({*v.start[t], -1.0});
      starts.push_back({*v.start[t], 1.0});
    }
    if (before) {
      on(t - 1, -1.0, row);
      v.stop[t] = model_.add_continuous(0, 1);
      row.push_back({*v.stop[t], 1.0});
    }
    model_.add_equal(row, 0);
  }
  const Variable y = model_.add_binary();
  v.y = y;
  starts.push_back({y, -1.0});
  model_.add_equal(starts, 0);
  const double longest = std::min(limits.max_shift_minutes, longest_run(day, p.available));
  if (longest < limits.min_shift_minutes) {
    model_.set_bounds(y, 0, 0);  // no shift fits in the time available
  } else {
    std::vector<Term> lo = length, hi = length;
    lo.push_back({y, -static_cast<double>(limits.min_shift_minutes)});
    hi.push_back({y, -longest});
    model_.add_greater_equal(lo, 0);
    model_.add_less_equal(hi, 0);
  }
  add_breaks(pd, length, longest);
}

void RotaModel::add_breaks(std::size_t pd, const std::vector<Term>& length, double longest) {
  const PersonDay& p = week_.person_days[pd];
  PersonDayVars& v = vars_[pd];
  for (const BreakLevel& level : p.breaks) {
    const double after = level.after_minutes;
    if (after >= longest) break;  // no shift is long enough for this level, or any above it
    const Variable l = model_.add_binary();
    std::vector<Term> hi = length, lo = length;
    hi.push_back({l, -(longest - after)});
    lo.push_back({l, -(after + 1)});
    model_.add_less_equal(hi, after);  // longer than `after` -> l = 1
    model_.add_greater_equal(lo, 0);   // l = 1 -> longer than `after`
    if (!v.longs.empty()) model_.add_less_equal({{l, 1.0}, {v.longs.back(), -1.0}}, 0);
    v.longs.push_back(l);
  }
  // Exactly one break, of the highest level that applies.
  for (std::size_t k = 0; k < p.breaks.size(); ++k) {
    std::vector<Term> row;
    for (const auto& s : v.q)
      if (s.level == k) row.push_back({s.q, 1.0});
    if (k < v.longs.size()) row.push_back({v.longs[k], -1.0});
    if (k + 1 < v.longs.size()) row.push_back({v.longs[k + 1], 1.0});
    if (row.empty()) continue;
    model_.add_equal(row, 0);
  }
}

void RotaModel::add_contracts() {
  std::map<std::pair<StaffIndex, int>, std::size_t> index;  // (staff, ISO week number * 100 + year) -> week
  for (std::uint32_t pd = 0; pd < week_.person_days.size(); ++pd) {
    const PersonDay& p = week_.person_days[pd];
    const PlanDay& day = week_.days[p.day];
    const IsoWeek w = iso_week(day.date);
    const auto key = std::make_pair(p.staff, w.year * 100 + w.week);
    auto [it, fresh] = index.try_emplace(key, weeks_.size());
    if (fresh) weeks_.push_back(PersonWeek{p.staff, {}, std::nullopt, std::nullopt, std::nullopt, {}});
    PersonWeek& pw = weeks_[it->second];
    pw.person_days.push_back(pd);
    for (std::size_t t = 0; t < day.slots.size(); ++t)
      for (const auto& [r, x] : vars_[pd].w[t]) pw.work.push_back({x, static_cast<double>(day.slots[t].time.length())});
  }
  for (PersonWeek& pw : weeks_) {
    const auto& contract = setting_.staff[pw.staff].contracted_minutes_per_week;
    if (!contract) continue;
    const double c = *contract;
    pw.contract = c;
    const double over = setting_.plan.overtime_minutes;
    model_.add_less_equal(pw.work, c + over);
    pw.over = model_.add_continuous(0, over);
    pw.short_of = model_.add_continuous(0, c);
    std::vector<Term> o = pw.work, s = pw.work;
    o.push_back({*pw.over, -1.0});
    s.push_back({*pw.short_of, 1.0});
    model_.add_less_equal(o, c);     // over >= work - contract
    model_.add_greater_equal(s, c);  // short >= contract - work
  }
}

void RotaModel::add_rest_between_days() {
  // 11 hours between the end of one day's shift and the start of the next day's
  // (Working Time Regulations 1998, regulation 10): only where opening hours allow less.
  constexpr Minute kRest = 11 * 60;
  if (kMinutesPerDay - setting_.opening.length() >= kRest) return;
  for (std::uint32_t d = 0; d + 1 < week_.days.size(); ++d) {
    if (week_.days[d + 1].date - week_.days[d].date != std::chrono::days(1)) continue;
    const PlanDay& a = week_.days[d];
    const PlanDay& b = week_.days[d + 1];
    for (StaffIndex s = 0; s < setting_.staff.size(); ++s) {
      const std::int32_t pa = person_day(s, d), pb = person_day(s, d + 1);
      if (pa < 0 || pb < 0) continue;
      for (std::size_t t = 0; t < a.slots.size(); ++t) {
        for (std::size_t u = 0; u < b.slots.size(); ++u) {
          if (b.slots[u].time.start + kMinutesPerDay - a.slots[t].time.end >= kRest) continue;
          std::vector<Term> row;
          for (const auto& [r, x] : vars_[static_cast<std::size_t>(pa)].w[t]) row.push_back({x, 1.0});
          if (vars_[static_cast<std::size_t>(pa)].b[t]) row.push_back({*vars_[static_cast<std::size_t>(pa)].b[t], 1.0});
          for (const auto& [r, x] : vars_[static_cast<std::size_t>(pb)].w[u]) row.push_back({x, 1.0});
          if (vars_[static_cast<std::size_t>(pb)].b[u]) row.push_back({*vars_[static_cast<std::size_t>(pb)].b[u], 1.0});
          if (row.size() > 1) model_.add_less_equal(row, 1);
        }
      }
    }
  }
}

void RotaModel::add_requirements(bool soft) {
  const bool break_counts = rules_.profile().pfa_counts_during_break;
  std::vector<std::vector<std::uint32_t>> by_day(week_.days.size());
  for (std::uint32_t pd = 0; pd < week_.person_days.size(); ++pd) by_day[week_.person_days[pd].day].push_back(pd);
  day_ranges_.resize(week_.days.size());
  for (std::uint32_t d = 0; d < week_.days.size(); ++d) {
    const PlanDay& day = week_.days[d];
    day_ranges_[d].first = static_cast<std::uint32_t>(model_.variable_count());
    std::vector<Term> sole_charge;  // CM-ASSISTANT-ALONE: the day's minutes of an assistant alone
    for (std::uint32_t t = 0; t < day.slots.size(); ++t) {
      const SlotInfo& slot = day.slots[t];
      if (slot.pieces.empty()) continue;
      std::vector<Worker> on_work, on_premises;
      for (std::uint32_t pd : by_day[d]) {
        const PersonDayVars& v = vars_[pd];
        if (v.w[t].empty()) continue;
        Presence present;
        for (const auto& [r, x] : v.w[t]) present.terms.push_back({x, 1.0});
        const PersonDay& p = week_.person_days[pd];
        on_work.push_back(Worker{p.staff, p.counts, present});
        if (break_counts && v.b[t]) present.terms.push_back({*v.b[t], 1.0});
        on_premises.push_back(Worker{p.staff, p.counts, present});
      }
      for (const Piece& piece : slot.pieces) {
        Stretch stretch;
        stretch.date = day.date;
        stretch.time = piece.time;
        stretch.premises_children = piece.premises;
        stretch.on_work = on_work;
        stretch.on_premises = on_premises;
        for (const auto& [room, seg] : piece.rooms) {
          RoomStretch rs;
          rs.room = room;
          rs.children = seg;
          for (std::uint32_t pd : by_day[d])
            if (const auto x = work(pd, t, room)) rs.workers.push_back(Worker{week_.person_days[pd].staff, week_.person_days[pd].counts, Presence::of(*x)});
          stretch.rooms.push_back(std::move(rs));
        }
        rules_.add(model_, stretch, soft, requirements_);
        // The people are the same over the whole slot: one sole-charge amount for it.
        if (&piece == &slot.pieces.front())
          if (const auto term = rules_.sole_charge(model_, stretch, slot.minutes_with_children)) sole_charge.push_back(*term);
      }
    }
    rules_.add_day(model_, day.date, setting_.opening, sole_charge, soft, requirements_);
    day_ranges_[d].second = static_cast<std::uint32_t>(model_.variable_count());
  }
}

std::vector<Term> RotaModel::minutes_with(ChildIndex c, bool buddy) const {
  std::vector<Term> out;
  for (std::uint32_t d = 0; d < week_.days.size(); ++d) {
    const PlanDay& day = week_.days[d];
    const auto [key, bud] = setting_.key_people_on(c, day.date);
    const StaffIndex who = buddy ? bud : key;
    const std::int32_t pd = person_day(who, d);
    if (pd < 0) continue;
    const auto first = std::lower_bound(day.child_minutes.begin(), day.child_minutes.end(), c,
                                        [](const ChildMinutes& m, ChildIndex x) { return m.child < x; });
    for (auto it = first; it != day.child_minutes.end() && it->child == c; ++it)
      if (const auto x = work(static_cast<std::size_t>(pd), it->slot, it->room)) out.push_back({*x, static_cast<double>(it->minutes)});
  }
  return out;
}

std::vector<std::vector<SlotState>> RotaModel::decode(const std::vector<double>& values) const {
  std::vector<std::vector<SlotState>> out(vars_.size());
  for (std::size_t pd = 0; pd < vars_.size(); ++pd) {
    const PersonDayVars& v = vars_[pd];
    out[pd].resize(v.w.size());
    for (std::size_t t = 0; t < v.w.size(); ++t) {
      if (v.b[t] && values[v.b[t]->index] > 0.5) {
        out[pd][t].place = SlotState::kBreak;
        continue;
      }
      for (const auto& [r, x] : v.w[t])
        if (values[x.index] > 0.5) out[pd][t].place = r;
    }
  }
  return out;
}

}  // namespace attune::plan
