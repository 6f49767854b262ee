// The stages of the plan, each proved (or stopped) and held before the next (see stages.hpp).

#include "stages.hpp"

#include <algorithm>
#include <cmath>

#include "improve.hpp"
#include "polish.hpp"
#include "stage_summary.hpp"

namespace attune::plan {
namespace {

using solver::Term;
using solver::Variable;

double gap_of(double value, double bound) {
  if (!std::isfinite(bound)) return solver::kInfinity;
  return std::abs(bound - value) / std::max(1.0, std::abs(value));
}

/// A max-min stage's rows: t <= minutes(c) / attended(c), and a floor per child.
struct MaxMin {
  Variable t;
  std::vector<std::size_t> who;  ///< into the pupils
  std::vector<std::vector<Term>> minutes;
  std::vector<std::uint32_t> floor_rows;
};

/// u <= w(key) + w(buddy): a minute with either (stage 4).
struct Either {
  Variable u;
  Variable key, buddy;
};

/// Room entries (stage 8): e >= w(t, r) - w(t-1, r) - b(t-1), and across a break q:
/// f >= w(after, r) - w(before, r) + q - 1.
struct Entry {
  Variable e;
  std::vector<Term> lower;  ///< e >= sum of these (+ constant)
  double constant = 0.0;
};

class Stager {
 public:
  Stager(const Setting& s, const Requirements& req, RotaModel& m, const std::vector<Pupil>& pupils, Budget& budget,
         int threads)
      : s_(s), req_(req), m_(m), pupils_(pupils), budget_(budget), threads_(threads) {}

  Chain run(std::vector<double> start) {
    if (!start.empty()) {
      polish(m_, start);
      if (m_.model().violation(start) <= 1e-9) best_ = std::move(start);
    }
    const bool babies = std::any_of(pupils_.begin(), pupils_.end(), [](const Pupil& p) { return p.baby && !p.away; });
    const bool anyone = std::any_of(pupils_.begin(), pupils_.end(), [](const Pupil& p) { return !p.away; });
    left_ = 6 + (m_.week().from_rota ? 1 : 0) + 1;
    bool going = true;
    if (babies) going = max_min("min_under_2_coverage", true);
    else skip("min_under_2_coverage");
    if (going) {
      if (anyone) going = max_min("min_coverage", false);
      else skip("min_coverage");
    }
    if (going) going = linear("key_person_minutes", key_minutes(), solver::Sense::maximise);
    if (going) going = linear("key_or_buddy_minutes", familiar_minutes(), solver::Sense::maximise);
    if (going) going = linear("extra_minutes", extra_minutes(), solver::Sense::minimise);
    if (going) going = linear("shortfall_minutes", shortfall_minutes(), solver::Sense::minimise);
    if (going && m_.week().from_rota) going = linear("changed_minutes", changed_minutes(), solver::Sense::minimise);
    if (going) linear("room_changes", room_changes(), solver::Sense::minimise);
    out_.found = !best_.empty();
    out_.values = best_;
    return std::move(out_);
  }

 private:
  void skip(const char* name) {
    out_.stages.push_back(PlanStage{name, "skipped", std::nullopt, std::nullopt, 0.0, 0.0, 0});
    --left_;
  }

  /// One solve with a share of the time left.
  solver::Result solve(bool integral, bool with_start, double part = 0.0) {
    // With a rota in hand and under a second for this solve, no solve: CBC 2.10 has crashed
    // (SIGSEGV in CglPreProcess::postProcess) when a limit that short struck its
    // preprocessing (examples/rowan-childminder, --time-limit 1 and 2). The stage is
    // then stopped, with the rota kept.
    solver::SolveOptions o;
    // Without any rota yet, finding one is all that matters: the whole time left.
    // A max-min stage (`part`) takes that part of the time left: on a big week CBC runs
    // its solve to the limit whatever the share (its bound comes with the first
    // relaxation), and the later stages' solves are quick or skipped.
    const double share = part > 0.0 ? part * budget_.remaining() : budget_.remaining() / std::max(1, left_);
    o.time_limit_seconds = std::max(0.2, best_.empty() ? budget_.remaining() : share);
    // Nor when the share is under a tenth of the whole limit: on a big week CBC's first
    // relaxation alone takes longer, and it does not stop there (bench/plan.sh: the
    // extra-minutes stage took 15-26 s for a limit of 1.3-1.7 s, the week 73-83 s for
    // 60).
    if (!best_.empty() && o.time_limit_seconds < std::max(1.0, 0.1 * budget_.total())) return {};
    // Nor when CBC's first relaxation of the week, which its time limit does not
    // interrupt, would take longer than the time left (Budget::first_lp_seconds): under
    // load it alone took 60.9 s in a 10 s limit (bench/plan.sh, load 16-18). A stage
    // without its solve is `stopped`; stage 2 is still improved a day at a time.
    if (!best_.empty() && budget_.first_lp_seconds(m_.model()) > budget_.remaining()) return {};
    o.threads = threads_;
    // Without CBC's preprocessing: with it, CBC 2.10 crashed (SIGSEGV in
    // CglPreProcess::postProcess) when the time limit struck a stage's solve, limits of
    // 10-40 s too (bench/plan.sh at 60 s: 3 runs of 7, 2 December), as cover saw.
    o.presolve = false;
    if (integral) o.absolute_gap = 0.5;  // whole-number objective: within 1/2 is exact
    if (with_start && !best_.empty()) {
      extend(best_);
      o.start = best_;
    }
    ++out_.solves;
    ++stage_solves_;
    return solver::solve(m_.model(), o);
  }

  /// Values for variables added since `values` was made, then polished.
  void extend(std::vector<double>& values) {
    values.resize(m_.model().variable_count(), 0.0);
    polish_all(values);
  }

  void polish_all(std::vector<double>& values) {
    values.resize(m_.model().variable_count(), 0.0);
    polish(m_, values);
    for (MaxMin* mm : {&babies_, &all_}) {
      if (mm->who.empty()) continue;
      double lowest = 1.0;
      for (std::size_t i = 0; i < mm->who.size(); ++i)
        lowest = std::min(lowest, static_cast<double>(whole_value(mm->minutes[i], values)) /
                                      static_cast<double>(pupils_[mm->who[i]].attended));
      values[mm->t.index] = std::max(0.0, lowest * (1.0 - 1e-12));
    }
    for (const Either& e : either_) values[e.u.index] = std::min(1.0, values[e.key.index] + values[e.buddy.index]);
    for (const Entry& e : entries_) {
      double v = e.constant;
      for (const Term& t : e.lower) v += t.coefficient * values[t.variable.index];
      values[e.e.index] = std::max(0.0, std::round(v));
    }
  }

  Share lowest(const MaxMin& mm, const std::vector<double>& values) const {
    Share best{1, 1};
    for (std::size_t i = 0; i < mm.who.size(); ++i) {
      const Share c{whole_value(mm.minutes[i], values), pupils_[mm.who[i]].attended};
      if (c < best) best = c;
    }
    return best;
  }

  bool take(const solver::Result& r) {
    if (!r.has_solution()) return false;
    std::vector<double> v = r.values;
    polish_all(v);
    if (m_.model().violation(v) > 1e-6) return false;  // rounding broke a row: keep what we had
    best_ = std::move(v);
    return true;
  }

  bool max_min(const char* name, bool babies) {
    const double started = budget_.elapsed();
    stage_solves_ = 0;
    MaxMin& mm = babies ? babies_ : all_;
    mm.t = m_.model().add_continuous(0, 1);
    for (std::size_t i = 0; i < pupils_.size(); ++i) {
      const Pupil& p = pupils_[i];
      if (p.away || (babies && !p.baby)) continue;
      std::vector<Term> minutes = m_.minutes_with(p.child, false);
      std::vector<Term> row = minutes;
      row.push_back({mm.t, -static_cast<double>(p.attended)});
      m_.model().add_greater_equal(row, 0);
      mm.floor_rows.push_back(m_.model().add_greater_equal(minutes, 0));
      mm.who.push_back(i);
      mm.minutes.push_back(std::move(minutes));
    }
    m_.model().clear_objective();
    m_.model().set_objective(mm.t, 1.0);
    m_.model().set_sense(solver::Sense::maximise);
    solver::Result r = solve(false, true, babies ? 0.4 : 0.7);
    if (!take(r) && best_.empty()) {
      out_.infeasible = r.status == solver::Status::infeasible;
      out_.stages.push_back(PlanStage{name, out_.infeasible ? "infeasible" : "stopped", std::nullopt, std::nullopt, 0.0,
                                      budget_.elapsed() - started, stage_solves_});
      return false;
    }
    Share v = lowest(mm, best_);
    std::vector<long> attended;
    for (const std::size_t i : mm.who) attended.push_back(pupils_[i].attended);
    bool proved = false;
    double bound = std::isfinite(r.bound) ? r.bound : solver::kInfinity;
    // Stage 2 not proved by that solve: a day at a time (improve.hpp), the bound kept.
    if (!babies && !bound_proves(bound, next_above(v, attended))) {
      improve();
      v = lowest(mm, best_);
    }
    for (;;) {
      if (v.part >= v.whole) {
        proved = true;
        break;
      }
      std::vector<double> floors;
      for (const long a : attended)
        floors.push_back(static_cast<double>((v.part * a) / v.whole + 1));  // the fewest minutes with more than v
      // The solver's best bound proves v whether it said optimal or the limit stopped it
      // (CBC says optimal when that same bound meets its best solution).
      if (bound_proves(bound, next_above(v, attended))) {
        proved = true;
        break;
      }
      if (budget_.remaining() <= 0.2) break;
      for (std::size_t i = 0; i < mm.who.size(); ++i) m_.model().set_row_bounds(mm.floor_rows[i], floors[i], solver::kInfinity);
      r = solve(false, false);
      if (r.status == solver::Status::infeasible) {
        proved = true;
        break;
      }
      if (!take(r)) break;  // stopped: v is the best found, not proved
      v = lowest(mm, best_);
      bound = std::isfinite(r.bound) ? r.bound : solver::kInfinity;
    }
    for (std::size_t i = 0; i < mm.who.size(); ++i) {
      const long a = pupils_[mm.who[i]].attended;
      const long need = (v.part * a + v.whole - 1) / v.whole;  // ceil(v a): exactly coverage >= v
      m_.model().set_row_bounds(mm.floor_rows[i], static_cast<double>(need), solver::kInfinity);
    }
    PlanStage st{name, proved ? "optimal" : (stage_solves_ > 0 ? "feasible" : "stopped"), v.value(), proved ? v.value() : bound, 0.0, 0.0, stage_solves_};
    st.gap = proved ? 0.0 : gap_of(v.value(), bound);
    st.seconds = budget_.elapsed() - started;
    out_.stages.push_back(st);
    --left_;
    return true;
  }

  /// Stage 2's rota improved a day at a time (improve.hpp), stage 1 held, in a part of
  /// the time left: CBC's solve of the week did not improve on the start in any run of
  /// bench/plan.sh. The bound of that solve, before this, is what the gap is measured
  /// against (it holds for every rota with stage 1 held, whichever is found).
  void improve() {
    if (best_.empty()) return;
    std::vector<long> floors(pupils_.size(), 0);
    for (std::size_t k = 0; k < babies_.who.size(); ++k)
      floors[babies_.who[k]] = std::lround(m_.model().row_lower(babies_.floor_rows[k]));
    const auto keeps_rows = [&](std::vector<double>& v) {
      polish_all(v);
      return m_.model().violation(v) <= 1e-9;
    };
    const int before = out_.solves;
    // When no solve of the week fits in what is left, the later stages will not run
    // either: the days get all of it.
    const double part = budget_.first_lp_seconds(m_.model()) > budget_.remaining() ? 1.0 : kImprove;
    best_ = improve_lowest(s_, req_, m_, pupils_, floors, best_, budget_, part * budget_.remaining(), threads_,
                           keeps_rows, out_.solves);
    stage_solves_ += out_.solves - before;
  }
  static constexpr double kImprove = 0.5;

  bool linear(const char* name, const std::vector<Term>& terms, solver::Sense sense) {
    const double started = budget_.elapsed();
    stage_solves_ = 0;
    if (!best_.empty()) extend(best_);  // the stage's terms may have added variables (stages 4 and 8)
    solver::Model& model = m_.model();
    model.clear_objective();
    for (const Term& t : terms) model.set_objective(t.variable, model.objective(t.variable) + t.coefficient);
    model.set_sense(sense);
    const bool maximise = sense == solver::Sense::maximise;
    solver::Result r;
    const bool attempted = budget_.remaining() > 0.2 || best_.empty();
    if (attempted) r = solve(true, true);
    const bool had = !best_.empty();
    const long before = had ? whole_value(terms, best_) : 0;
    std::vector<double> keep = best_;
    if (take(r) && had) {
      const long now = whole_value(terms, best_);
      if (maximise ? now < before : now > before) best_ = std::move(keep);  // never worse than the start
    }
    if (best_.empty()) {
      out_.infeasible = r.status == solver::Status::infeasible;
      out_.stages.push_back(PlanStage{name, out_.infeasible ? "infeasible" : "stopped", std::nullopt, std::nullopt, 0.0,
                                      budget_.elapsed() - started, stage_solves_});
      return false;
    }
    const long value = whole_value(terms, best_);
    if (maximise) model.add_greater_equal(terms, static_cast<double>(value));
    else model.add_less_equal(terms, static_cast<double>(value));
    const bool proved = r.status == solver::Status::optimal;
    const double bound = proved ? static_cast<double>(value) : (std::isfinite(r.bound) ? r.bound : solver::kInfinity);
    PlanStage st{name, proved ? "optimal" : (attempted && stage_solves_ > 0 ? "feasible" : "stopped"), static_cast<double>(value),
                 bound, proved ? 0.0 : gap_of(static_cast<double>(value), bound), budget_.elapsed() - started, stage_solves_};
    out_.stages.push_back(st);
    --left_;
    return true;
  }

  std::vector<Term> key_minutes() const {
    std::vector<Term> out;
    for (const Pupil& p : pupils_) {
      const auto t = m_.minutes_with(p.child, false);
      out.insert(out.end(), t.begin(), t.end());
    }
    return out;
  }

  /// Minutes with the key person or the buddy: where both could be there, u <= w(k) + w(b).
  std::vector<Term> familiar_minutes() {
    std::vector<Term> out;
    const Week& week = m_.week();
    for (const Pupil& p : pupils_) {
      for (std::uint32_t d = 0; d < week.days.size(); ++d) {
        const PlanDay& day = week.days[d];
        const auto [key, buddy] = s_.key_people_on(p.child, day.date);
        const std::int32_t kp = m_.person_day(key, d), bp = m_.person_day(buddy, d);
        for (const ChildMinutes& cm : day.child_minutes) {
          if (cm.child != p.child) continue;
          const auto k = kp >= 0 ? m_.work(static_cast<std::size_t>(kp), cm.slot, cm.room) : std::nullopt;
          const auto b = bp >= 0 && buddy != key ? m_.work(static_cast<std::size_t>(bp), cm.slot, cm.room) : std::nullopt;
          if (k && b) {
            const Variable u = m_.model().add_continuous(0, 1);
            m_.model().add_less_equal({{u, 1.0}, {*k, -1.0}, {*b, -1.0}}, 0);
            either_.push_back({u, *k, *b});
            out.push_back({u, static_cast<double>(cm.minutes)});
          } else if (k || b) {
            out.push_back({k ? *k : *b, static_cast<double>(cm.minutes)});
          }
        }
      }
    }
    return out;
  }

  std::vector<Term> extra_minutes() const {
    std::vector<Term> out;
    for (const PersonWeek& pw : m_.person_weeks()) {
      const Staff& st = s_.staff[pw.staff];
      if (st.role == Role::bank || !pw.over) out.insert(out.end(), pw.work.begin(), pw.work.end());
      else out.push_back({*pw.over, 1.0});
    }
    return out;
  }

  std::vector<Term> shortfall_minutes() const {
    std::vector<Term> out;
    for (const PersonWeek& pw : m_.person_weeks())
      if (pw.short_of) out.push_back({*pw.short_of, 1.0});
    return out;
  }

  /// Minutes where a person's place differs from the current rota, less what cannot
  /// change (a constant): minus the minutes kept in the same room, on break, or off.
  std::vector<Term> changed_minutes() const {
    std::vector<Term> out;
    const Week& week = m_.week();
    for (std::size_t pd = 0; pd < week.person_days.size(); ++pd) {
      const PersonDay& p = week.person_days[pd];
      const PersonDayVars& v = m_.vars()[pd];
      for (std::size_t t = 0; t < p.current.size(); ++t) {
        const CurrentSlot& c = p.current[t];
        int held = c.on_break + c.other;
        for (const auto& [room, minutes] : c.rooms) {
          held += minutes;
          for (const auto& [r, x] : v.w[t])
            if (r == room) out.push_back({x, -static_cast<double>(minutes)});
        }
        if (v.b[t] && c.on_break > 0) out.push_back({*v.b[t], -static_cast<double>(c.on_break)});
        const int off = week.days[p.day].slots[t].time.length() - held;  // minutes off in the current rota
        if (off > 0) {
          for (const auto& [r, x] : v.w[t]) out.push_back({x, static_cast<double>(off)});
          if (v.b[t]) out.push_back({*v.b[t], static_cast<double>(off)});
        }
      }
    }
    return out;
  }

  /// Room changes: entries into a room not continuing the room before (across a break
  /// too), less one per shift (its first room).
  std::vector<Term> room_changes() {
    std::vector<Term> out;
    solver::Model& model = m_.model();
    const Week& week = m_.week();
    auto add_entry = [&](std::vector<Term> lower, double constant) {
      const Variable e = model.add_continuous(0, 1);
      std::vector<Term> row = lower;
      row.push_back({e, -1.0});
      model.add_less_equal(row, -constant);  // e >= lower + constant
      entries_.push_back({e, std::move(lower), constant});
      out.push_back({e, 1.0});
    };
    for (std::size_t pd = 0; pd < week.person_days.size(); ++pd) {
      const PersonDayVars& v = m_.vars()[pd];
      const PersonDay& p = week.person_days[pd];
      for (std::size_t t = 0; t < v.w.size(); ++t) {
        for (const auto& [r, x] : v.w[t]) {
          std::vector<Term> lower{{x, 1.0}};
          if (t > 0) {
            if (const auto prev = m_.work(pd, static_cast<std::uint32_t>(t - 1), r)) lower.push_back({*prev, -1.0});
            if (v.b[t - 1]) lower.push_back({*v.b[t - 1], -1.0});
          }
          add_entry(std::move(lower), 0.0);
        }
      }
      for (const auto& q : v.q) {
        const std::size_t before = q.slot - 1, after = q.slot + static_cast<std::size_t>(p.breaks[q.level].slots);
        for (const auto& [r, x] : v.w[after]) {
          std::vector<Term> lower{{x, 1.0}, {q.q, 1.0}};
          if (const auto prev = m_.work(pd, static_cast<std::uint32_t>(before), r)) lower.push_back({*prev, -1.0});
          add_entry(std::move(lower), -1.0);
        }
      }
      if (v.y) out.push_back({*v.y, -1.0});
    }
    return out;
  }

  const Setting& s_;
  const Requirements& req_;
  RotaModel& m_;
  const std::vector<Pupil>& pupils_;
  Budget& budget_;
  int threads_;
  Chain out_;
  std::vector<double> best_;
  MaxMin babies_, all_;
  std::vector<Either> either_;
  std::vector<Entry> entries_;
  int left_ = 0;
  int stage_solves_ = 0;
};

}  // namespace

std::vector<Pupil> pupils(const Setting& setting, const Week& week, const RotaModel& model) {
  std::vector<Pupil> out;
  for (ChildIndex c = 0; c < setting.children.size(); ++c) {
    if (week.attended[c] == 0) continue;
    Pupil p;
    p.child = c;
    p.attended = week.attended[c];
    const Date first = week.days[static_cast<std::size_t>(week.first_day[c])].date;
    p.baby = age_band_on(setting.children[c].date_of_birth, first) == AgeBand::under_2;
    p.away = model.minutes_with(c, false).empty();
    out.push_back(p);
  }
  return out;
}

Chain optimise(const Setting& setting, const Requirements& requirements, RotaModel& model,
               const std::vector<Pupil>& pupils, Budget& budget, int threads, std::vector<double> start) {
  return Stager(setting, requirements, model, pupils, budget, threads).run(std::move(start));
}

}  // namespace attune::plan
