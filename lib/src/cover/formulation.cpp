// The cover's mixed-integer programme (see formulation.hpp).

#include "formulation.hpp"

#include <algorithm>

namespace attune::covering {
namespace {

using solver::Term;
using solver::Variable;

/// The rooms someone could work in during a piece: each room with children, the room they
/// are in as rostered (working, or around their break), and one room without children
/// (all such rooms count alike: towards the premises only). Someone called in comes for
/// the children: only rooms with children.
std::vector<RoomIndex> options(const Piece& piece, const Slot& o, const Person& p, std::size_t rooms_count) {
  std::vector<RoomIndex> rooms;
  for (const PieceRoom& pr : piece.rooms) rooms.push_back(pr.room);
  auto has = [&](RoomIndex r) { return std::find(rooms.begin(), rooms.end(), r) != rooms.end(); };
  const bool keeps_room = o.state == State::work || o.state == State::on_break;
  if (keeps_room && o.room != kNone && !has(o.room)) {
    rooms.push_back(o.room);  // a room without children: the one empty room they need
  } else if (p.standing == Standing::rostered && piece.rooms.size() < rooms_count) {
    RoomIndex empty = p.home < rooms_count && !has(p.home) ? p.home : kNone;
    for (RoomIndex r = 0; r < rooms_count && empty == kNone; ++r)
      if (!has(r)) empty = r;
    rooms.push_back(empty);
  }
  std::sort(rooms.begin(), rooms.end());
  return rooms;
}

std::vector<Term> sum_of(const std::vector<std::pair<RoomIndex, Variable>>& xs, double coefficient = 1.0) {
  std::vector<Term> out;
  for (const auto& [room, x] : xs) out.push_back({x, coefficient});
  return out;
}

class Builder {
 public:
  Builder(Formulation& f, const Setting& s) : f_(f), m_(f.model), s_(s) {}

  void person(const DayPlan& day, const Person& p, PersonVars& v) {
    const std::size_t n = day.pieces.size();
    v.work.assign(n, {});
    if (!f_.changed[p.staff]) f_.changed[p.staff] = m_.add_binary();
    const Variable changed = *f_.changed[p.staff];
    for (const Break& b : p.breaks) {
      std::vector<Variable> ws;
      std::vector<Term> one;
      for (std::size_t j = 0; j < b.candidates.size(); ++j) {
        ws.push_back(m_.add_binary());
        f_.as_rostered.push_back({ws.back(), j == b.planned_candidate ? 1.0 : 0.0});
        one.push_back({ws.back(), 1});
      }
      m_.add_equal(one, 1);
      v.breaks.push_back(std::move(ws));
    }
    std::vector<Term> budget, block_starts;
    std::vector<std::size_t> extensions;  // joined once every piece has its variables
    for (std::size_t t = 0; t < n; ++t) {
      const Slot& o = p.original[t];
      const bool may = p.may_work[t] != 0;
      if (o.state == State::off && !may) continue;
      const double len = day.pieces[t].time.length();
      for (RoomIndex r : options(day.pieces[t], o, p, s_.rooms.size())) {
        const Variable x = m_.add_binary();
        v.work[t].push_back({r, x});
        f_.as_rostered.push_back({x, o.state == State::work && o.room == r ? 1.0 : 0.0});
      }
      std::vector<Term> here = sum_of(v.work[t]);
      if (o.state == State::work || o.state == State::on_break) {
        // On shift: working somewhere, or on the break that covers this piece.
        for (std::size_t k = 0; k < p.breaks.size(); ++k)
          for (std::size_t j = 0; j < p.breaks[k].candidates.size(); ++j)
            if (overlap_minutes(p.breaks[k].candidates[j], day.pieces[t].time) > 0) here.push_back({v.breaks[k][j], 1});
        m_.add_equal(here, 1);
      } else if (!here.empty()) {
        m_.add_less_equal(here, 1);
      }
      if (v.work[t].empty()) continue;
      // changed >= deviation from the rota; the minutes changed; the minutes added.
      const auto at_home = std::find_if(v.work[t].begin(), v.work[t].end(), [&](const auto& rx) { return rx.first == o.room; });
      if (o.state == State::work && at_home != v.work[t].end()) {
        m_.add_greater_equal({{changed, 1}, {at_home->second, 1}}, 1);
        f_.changes.constant += len;
        f_.changes.terms.push_back({at_home->second, -len});
      } else {
        std::vector<Term> row = sum_of(v.work[t], -1);
        row.push_back({changed, 1});
        m_.add_greater_equal(row, 0);
        for (const auto& [r, x] : v.work[t]) f_.changes.terms.push_back({x, len});
      }
      if (o.state != State::off) continue;
      for (const auto& [r, x] : v.work[t]) {
        f_.extra.terms.push_back({x, len});
        budget.push_back({x, len});
      }
      if (p.standing == Standing::rostered) {
        extensions.push_back(t);
      } else {
        const Variable start = m_.add_binary();
        f_.as_rostered.push_back({start, 0});
        std::vector<Term> row = sum_of(v.work[t], -1);
        row.push_back({start, 1});
        if (t > 0) {
          const std::vector<Term> before = sum_of(v.work[t - 1]);
          row.insert(row.end(), before.begin(), before.end());
        }
        m_.add_greater_equal(row, 0);  // start >= on[t] - on[t-1]
        block_starts.push_back({start, 1});
      }
    }
    for (std::size_t t : extensions) join_shift(p, v, t);
    const double limit = p.standing == Standing::rostered ? p.extension_budget : s_.cover.max_shift_minutes;
    if (!budget.empty()) m_.add_less_equal(budget, limit);
    if (!block_starts.empty()) m_.add_less_equal(block_starts, 1);
  }

  /// An extension piece works only if the next piece towards the shift does.
  void join_shift(const Person& p, const PersonVars& v, std::size_t t) {
    const std::size_t towards = t < p.first_on ? t + 1 : t - 1;
    if (towards == p.first_on || towards == p.last_on) return;
    std::vector<Term> row = sum_of(v.work[t]);
    const std::vector<Term> next = sum_of(v.work[towards], -1);
    row.insert(row.end(), next.begin(), next.end());
    m_.add_less_equal(row, 0);
  }

  /// One stretch per piece with children: the statutory requirements.
  void requirements(const DayPlan& day, std::size_t d, const std::vector<PersonVars>& vars, const RuleProfile& profile,
                    const plan::Requirements& req) {
    for (std::size_t t = 0; t < day.pieces.size(); ++t) {
      const Piece& piece = day.pieces[t];
      if (!piece.has_children()) continue;
      plan::Stretch s;
      s.date = day.date;
      s.time = piece.time;
      s.premises_children = piece.premises;
      for (const PieceRoom& pr : piece.rooms) s.rooms.push_back(plan::RoomStretch{pr.room, pr.children, {}});
      for (std::size_t k = 0; k < day.people.size(); ++k) {
        const Person& p = day.people[k];
        const auto& xs = vars[k].work[t];
        const Slot& o = p.original[t];
        plan::Presence anywhere;
        for (const auto& [r, x] : xs) {
          anywhere.terms.push_back({x, 1});
          for (plan::RoomStretch& rs : s.rooms)
            if (rs.room == r) rs.workers.push_back({p.staff, p.counts, plan::Presence::of(x)});
        }
        if (!xs.empty()) s.on_work.push_back({p.staff, p.counts, anywhere});
        const bool on_shift = o.state == State::work || o.state == State::on_break;
        if (o.state == State::non_contact || (on_shift && profile.pfa_counts_during_break))
          s.on_premises.push_back({p.staff, p.counts, plan::Presence::always()});
        else if (!xs.empty())
          s.on_premises.push_back({p.staff, p.counts, anywhere});
      }
      const std::size_t first = f_.requirements.size();
      req.add(m_, s, true, f_.requirements);
      for (std::size_t i = first; i < f_.requirements.size(); ++i) {
        f_.requirement_day.push_back(d);
        f_.breach.terms.push_back({f_.requirements[i].breach, static_cast<double>(piece.time.length())});
      }
    }
  }

  /// The babies' minutes with an adult they know: f <= the familiar adults in the room.
  void familiar(const DayPlan& day, const std::vector<PersonVars>& vars) {
    for (std::size_t t = 0; t < day.pieces.size(); ++t) {
      for (const Babies& b : day.pieces[t].babies) {
        std::vector<Term> row;
        for (std::size_t k = 0; k < day.people.size(); ++k) {
          if (!std::binary_search(b.familiar.begin(), b.familiar.end(), day.people[k].staff)) continue;
          for (const auto& [r, x] : vars[k].work[t])
            if (r == b.room) row.push_back({x, -1});
        }
        if (row.empty()) continue;
        const Variable f = m_.add_continuous(0, 1);
        row.push_back({f, 1});
        m_.add_less_equal(row, 0);
        f_.familiar.terms.push_back({f, static_cast<double>(day.pieces[t].time.length() * b.children)});
      }
    }
  }

 private:
  Formulation& f_;
  solver::Model& m_;
  const Setting& s_;
};

}  // namespace

Formulation formulate(const std::vector<DayPlan>& days, const Setting& setting, const plan::Requirements& req) {
  Formulation f;
  f.changed.assign(setting.staff.size(), std::nullopt);
  // The only variables shared between days come first, so each day's are one range.
  for (const DayPlan& day : days)
    for (const Person& p : day.people)
      if (!f.changed[p.staff]) f.changed[p.staff] = f.model.add_binary();
  Builder b(f, setting);
  for (std::size_t d = 0; d < days.size(); ++d) {
    const DayPlan& day = days[d];
    const auto first = static_cast<std::uint32_t>(f.model.variable_count());
    std::vector<PersonVars> vars(day.people.size());
    for (std::size_t k = 0; k < day.people.size(); ++k) b.person(day, day.people[k], vars[k]);
    b.requirements(day, d, vars, req.profile().on(day.date), req);
    b.familiar(day, vars);
    f.vars.push_back(std::move(vars));
    f.day_variables.push_back({first, static_cast<std::uint32_t>(f.model.variable_count())});
  }
  for (const auto& c : f.changed)
    if (c) f.people.terms.push_back({*c, 1});
  return f;
}

double evaluate(const Objective& objective, const std::vector<double>& values) {
  double total = objective.constant;
  for (const solver::Term& t : objective.terms) total += t.coefficient * values[t.variable.index];
  return total;
}

}  // namespace attune::covering
