// The stages of several days, day by day where that is exact (see week.hpp and the
// argument in docs/cover.md, "Several days").

#include "week.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>
#include <stdexcept>

#include "outcome.hpp"
#include "people_sets.hpp"

namespace attune::covering {
namespace {

using People = std::vector<StaffIndex>;  ///< sorted

People joined(const People& a, const People& b) {
  People out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

bool inside(const People& a, const People& of) { return std::includes(of.begin(), of.end(), a.begin(), a.end()); }

class Week {
 public:
  Week(const std::vector<DayPlan>& days, Formulation& week, const Setting& setting, const plan::Requirements& req,
       double limit)
      : days_(days), week_(week), setting_(setting), requirements_(req), deadline_(limit) {
    for (const DayPlan& day : days) {
      singles_.push_back({day});
      alone_.push_back(formulate(singles_.back(), setting, req));
      stagers_.emplace_back(alone_.back(), deadline_);
    }
  }

  Solved run() {
    for (Stager& s : stagers_)
      if (!s.as_rostered()) return solve_stages(week_, deadline_.remaining());  // out of time: the old way
    long before = 0;
    for (Stager& s : stagers_) before += s.solved().before_breach;
    if (before == 0) {
      Solved out = join(People{});
      for (const char* name : kStageNames) out.stages.push_back({name, "optimal"});
      return out;
    }
    // Stages 1 and 2, each day alone.
    long least = 0;
    for (Stager& s : stagers_) {
      s.stage(0);
      s.stage(1);
      least = std::max(least, std::lround(evaluate(s.formulation().people, s.solved().values)));
    }
    people_status_ = status_of(1);
    People people = everyone_changed();
    if (people.size() > static_cast<std::size_t>(least) && !people_for_days(least, people))
      people = fewer_people(least);
    if (people.size() > static_cast<std::size_t>(least)) {
      people = people_together(least);
      least = static_cast<long>(people.size());
    }
    // Stages 3 to 5, each day alone with at most `least` people changed, while the days'
    // answers together change no more people than that.
    start_ = join(people);
    start_.proved = start_.proved && people_status_ == "optimal";
    for (Stager& s : stagers_) s.allow_people(least);
    for (std::size_t stage = 2; stage < kStageCount; ++stage) {
      for (Stager& s : stagers_) s.stage(stage);
      People now = everyone_changed();
      if (now.size() > people.size()) {
        // Among each day's equal answers, one that changes only the people of stage 2.
        for (std::size_t d = 0; d < stagers_.size(); ++d)
          if (!inside(changed_on(d), people)) stagers_[d].improve(outside(d, people), solver::Sense::minimise);
        now = everyone_changed();
      }
      if (now.size() > static_cast<std::size_t>(least)) return together(stage, least);
      start_ = join(now);
      start_.proved = start_.proved && people_status_ == "optimal";
    }
    Solved out = std::move(start_);
    out.solves += extra_solves_;
    for (std::size_t i = 0; i < kStageCount; ++i) out.stages.push_back({kStageNames[i], i == 1 ? people_status_ : status_of(i)});
    return out;
  }

 private:
  /// The people whose day plan `d` changes in its stager's solution (or in `values`).
  People changed_on(std::size_t d) const { return changed_on(d, stagers_[d].solved().values); }
  People changed_on(std::size_t d, const std::vector<double>& values) const {
    const auto outcome = read_outcome(singles_[d], alone_[d], values);
    People out;
    const DayPlan& day = days_[d];
    for (std::size_t k = 0; k < day.people.size(); ++k)
      if (outcome[0][k].changed(day.people[k])) out.push_back(day.people[k].staff);
    std::sort(out.begin(), out.end());
    return out;
  }

  People everyone_changed() const {
    People out;
    for (std::size_t d = 0; d < stagers_.size(); ++d) out = joined(out, changed_on(d));
    return out;
  }

  /// The people changed on day `d` who are not among `people`.
  Objective outside(std::size_t d, const People& people) const {
    Objective o;
    const Formulation& f = alone_[d];
    for (StaffIndex s = 0; s < f.changed.size(); ++s)
      if (f.changed[s] && !std::binary_search(people.begin(), people.end(), s)) o.terms.push_back({*f.changed[s], 1});
    return o;
  }

  /// Stage 2 again, day by day, each day changing as few people as it can besides those
  /// already changed: from a day that needs the most, then in date order. Not a proof of
  /// anything; a way to find days' answers that change only `least` people together.
  People fewer_people(long least) {
    std::size_t first = 0;
    for (std::size_t d = 0; d < stagers_.size(); ++d)
      if (std::lround(evaluate(alone_[d].people, stagers_[d].solved().values)) == least) {
        first = d;
        break;
      }
    People people = changed_on(first);
    for (std::size_t d = 0; d < stagers_.size(); ++d) {
      if (d == first || inside(changed_on(d), people)) continue;
      stagers_[d].allow_people(static_cast<long>(alone_[d].changed.size()));
      stagers_[d].improve(outside(d, people), solver::Sense::minimise);
      people = joined(people, changed_on(d));
    }
    return people;
  }

  /// K = `least` people that mend every day (people_sets.hpp), when the days' fewest
  /// are proved: the request's fewest, proved; each day's solution then changes only
  /// them. False when that was not found.
  bool people_for_days(long least, People& people) {
    if (status_of(0) != "optimal" || status_of(1) != "optimal") return false;
    DaysAlone alone{&singles_, {}, {}};
    for (const Stager& s : stagers_) {
      alone.breach.push_back(s.held(0));
      alone.people.push_back(s.held(1));
    }
    std::optional<PeopleFound> found = people_for_every_day(alone, setting_, requirements_, deadline_, extra_solves_);
    if (!found || static_cast<long>(found->people.size()) != least) return false;
    for (std::size_t d = 0; d < stagers_.size(); ++d) stagers_[d].solved().values = std::move(found->days[d]);
    people = std::move(found->people);
    return true;
  }

  /// "optimal" when stage `index` was proved on every day, else the first day's other word.
  std::string status_of(std::size_t index) const {
    for (const Stager& s : stagers_) {
      const auto& stages = s.solved().stages;
      if (index < stages.size() && stages[index].status != "optimal") return stages[index].status;
    }
    return "optimal";
  }

  /// The days' solutions (`each`, by day) as one of the request's, `people` marked changed.
  Solved join(const People& people) const {
    std::vector<Solved> each;
    for (const Stager& s : stagers_) each.push_back(s.solved());
    return join(each, people);
  }
  Solved join(const std::vector<Solved>& each, const People& people) const {
    Solved out;
    out.found = true;
    out.values.assign(week_.model.variable_count(), 0.0);
    for (std::size_t d = 0; d < each.size(); ++d) {
      const Solved& s = each[d];
      const auto [from, to] = week_.day_variables[d];
      const auto [first, last] = alone_[d].day_variables[0];
      if (to - from != last - first) throw std::logic_error("cover: a day's programme differs from its part of the week's");
      std::copy(s.values.begin() + first, s.values.begin() + last, out.values.begin() + from);
      out.before_breach += s.before_breach;
      out.breach += s.breach;
      out.solves += s.solves;
      out.proved = out.proved && s.proved;
    }
    for (StaffIndex s : people) out.values[week_.changed[s]->index] = 1;
    return out;
  }

  /// A stager of the request as one programme, from `start`, the days' breach minutes
  /// held (once: the rows stay in `week_`).
  Stager whole(const Solved& start) {
    Stager w(week_, deadline_);
    w.solved() = start;
    w.solved().stages.clear();
    if (!breach_held_)
      for (std::size_t d = 0; d < stagers_.size(); ++d) w.hold_breach(w.day_breach(d), stagers_[d].solved().breach);
    breach_held_ = true;
    return w;
  }

  /// Stage 2 over the request as one programme, from the days' answers; each day's
  /// stager then starts from its part of the request's answer. The people changed.
  /// With rows no answer breaks (when every day proved its fewest): the request changes
  /// at least `least`, and on each day at least as many of that day's people as the day
  /// alone needs; the solver can stop as soon as it meets them.
  People people_together(long least) {
    Stager w = whole(join(everyone_changed()));
    if (status_of(1) == "optimal") people_at_least(least);
    const int before = w.solved().solves;
    w.stage(1);
    people_status_ = w.solved().stages.back().status;
    extra_solves_ += w.solved().solves - before;
    const std::vector<double>& values = w.solved().values;
    People people;
    for (std::size_t d = 0; d < stagers_.size(); ++d) {
      std::vector<double>& mine = stagers_[d].solved().values;
      const auto [from, to] = week_.day_variables[d];
      const auto [first, last] = alone_[d].day_variables[0];
      std::copy(values.begin() + from, values.begin() + to, mine.begin() + first);
      for (StaffIndex s = 0; s < alone_[d].changed.size(); ++s)
        if (alone_[d].changed[s]) mine[alone_[d].changed[s]->index] = values[week_.changed[s]->index];
      people = joined(people, changed_on(d));
    }
    return people;
  }

  /// Rows no answer for the request breaks, once every day's fewest is proved: the
  /// request changes at least `least` people, and each day at least as many of its people
  /// as the day alone needs (read on one day, an answer for the request is the day's).
  void people_at_least(long least) {
    week_.model.add_greater_equal(week_.people.terms, static_cast<double>(least) - 0.5);
    for (std::size_t d = 0; d < stagers_.size(); ++d) {
      std::vector<solver::Term> day;
      for (StaffIndex s = 0; s < alone_[d].changed.size(); ++s)
        if (alone_[d].changed[s]) day.push_back({*week_.changed[s], 1});
      week_.model.add_greater_equal(day, static_cast<double>(stagers_[d].held(1)) - 0.5);
    }
  }

  /// The request as one programme from stage `from` (3 to 5, counted from 1), from the
  /// days' answers to the stage before: the days' breach minutes held, the people
  /// changed at `least`, and the stages between at the days' answers' values (proved:
  /// those answers changed no more than `least` people together).
  Solved together(std::size_t from, long least) {
    const bool people_held = breach_held_;  // by people_together
    Stager w = whole(start_);
    w.solved().stages.push_back({kStageNames[0], status_of(0)});
    if (!people_held) {
      w.hold(1, least);
      if (status_of(1) == "optimal") people_at_least(least);  // they helped the later stages' solves
    }
    w.solved().stages.push_back({kStageNames[1], people_status_});
    for (std::size_t i = 2; i < from; ++i) {
      long total = 0;  // the days' held values: exact (the solution's may be a little off)
      for (const Stager& s : stagers_) total += s.held(i);
      w.hold(i, total);
      w.solved().stages.push_back({kStageNames[i], status_of(i)});
    }
    const int before = w.solved().solves;
    const std::vector<long> fewest = extra_fewest();
    for (std::size_t i = from; i < kStageCount; ++i) {
      if (i == 3 && familiar_reached(w, familiar_at_most(w.held(2), fewest))) {
        w.solved().stages.push_back({kStageNames[3], "optimal"});
        w.hold(3, std::lround(evaluate(week_.familiar, w.solved().values)));
        continue;
      }
      w.stage(i);
    }
    Solved out = std::move(w.solved());
    out.solves = join(People{}).solves + extra_solves_ + (out.solves - before);
    return out;
  }

  /// The terms of `o` among day `d`'s variables in the request's programme.
  Objective day_part(const Objective& o, std::size_t d) const {
    Objective out;
    const auto [from, to] = week_.day_variables[d];
    for (const solver::Term& t : o.terms)
      if (t.variable.index >= from && t.variable.index < to) out.terms.push_back(t);
    return out;
  }

  /// Each day's own fewest extra paid minutes, where the day's stage 3 proved it (0
  /// elsewhere): the day alone held at its least breach and at most `least` people
  /// changed, so (read on one day, an answer for the request is the day's) no answer
  /// for the request pays that day less. Not added as rows: bench/cover.sh's week, s05
  /// absent, is 330 minutes by them against 660 proved, and CBC took longer with them.
  std::vector<long> extra_fewest() const {
    std::vector<long> fewest(stagers_.size(), 0);
    for (std::size_t d = 0; d < stagers_.size(); ++d) {
      const auto& stages = stagers_[d].solved().stages;
      if (stages.size() > 2 && stages[2].status == "optimal") fewest[d] = stagers_[d].held(2);
    }
    return fewest;
  }

  /// Rows no answer for the request breaks, once its extra paid minutes are held at
  /// `extra`: each day's under-2 familiar minutes at most the day's own most, with the
  /// day's least breach, at most `least` people changed on it (the stage 2 row every
  /// day's stager holds) and at most `extra` less the other days' fewest (`fewest`) extra
  /// paid minutes on it. The request's people and extra minutes are held over the
  /// request, so each day alone may do better than its part of the request's answer:
  /// the day's most is an upper bound, not the day's share. Where a day's solve is not
  /// proved, its row is left out and the total counts its every baby familiar throughout.
  double familiar_at_most(long extra, const std::vector<long>& fewest) {
    long others = 0;
    for (long f : fewest) others += f;
    double total = 0;
    for (std::size_t d = 0; d < stagers_.size(); ++d) {
      Stager& s = stagers_[d];
      const Objective day = day_part(week_.familiar, d);
      double most = 0;
      for (const solver::Term& t : day.terms) most += t.coefficient * week_.model.upper(t.variable);
      s.allow(2, extra - (others - fewest[d]));
      if (s.improve(s.formulation().familiar, solver::Sense::maximise)) {
        // Proved: the most, a whole number, is below the solution's value + 1.
        const double found = evaluate(s.formulation().familiar, s.solved().values);
        most = std::min(most, std::floor(found + 1.0 - 1e-6));
        week_.model.add_less_equal(day.terms, most + 0.25);
      }
      total += most;
    }
    week_.model.add_less_equal(week_.familiar.terms, total + 0.25);
    return total;
  }

  /// An answer for the request with `most` under-2 familiar minutes, when the days find
  /// one: each day alone, only the people the request's answer `w` changes free to
  /// change, at most that answer's extra paid minutes on that day, the most familiar
  /// minutes it can. Together they keep every row of `w`'s programme (checked), so when
  /// they reach `most`, an upper bound (familiar_at_most), they are the request's most:
  /// proved. The answer replaces `w`'s then.
  bool familiar_reached(Stager& w, double most) {
    const std::vector<double>& values = w.solved().values;
    People people;
    for (StaffIndex s = 0; s < week_.changed.size(); ++s)
      if (week_.changed[s] && values[week_.changed[s]->index] > 0.5) people.push_back(s);
    std::vector<Solved> each;
    for (std::size_t d = 0; d < stagers_.size(); ++d) {
      Stager& s = stagers_[d];
      std::vector<double>& mine = s.solved().values;  // the request's answer on this day: a start
      const auto [from, to] = week_.day_variables[d];
      const auto [first, last] = alone_[d].day_variables[0];
      std::copy(values.begin() + from, values.begin() + to, mine.begin() + first);
      solver::Model& m = s.formulation().model;
      for (StaffIndex k = 0; k < alone_[d].changed.size(); ++k) {
        if (!alone_[d].changed[k]) continue;
        mine[alone_[d].changed[k]->index] = values[week_.changed[k]->index];
        if (!std::binary_search(people.begin(), people.end(), k)) m.set_bounds(*alone_[d].changed[k], 0, 0);
      }
      s.allow(2, std::lround(evaluate(day_part(week_.extra, d), values)));
      s.improve(s.formulation().familiar, solver::Sense::maximise);
      each.push_back(s.solved());
    }
    Solved joined = join(each, people);
    if (week_.model.violation(joined.values) > 1e-6) return false;
    if (evaluate(week_.familiar, joined.values) < most - 1e-6) return false;
    w.solved().values = std::move(joined.values);
    return true;
  }

  const std::vector<DayPlan>& days_;
  Formulation& week_;
  const Setting& setting_;
  const plan::Requirements& requirements_;
  Deadline deadline_;
  std::deque<std::vector<DayPlan>> singles_;  // deques: the stagers hold references
  std::deque<Formulation> alone_;
  std::deque<Stager> stagers_;
  Solved start_;  ///< the request's answer to the last stage solved day by day
  std::string people_status_ = "optimal";
  int extra_solves_ = 0;
  bool breach_held_ = false;  ///< in `week_`, and the people changed too when stage 2 was solved there
};

}  // namespace

Solved solve_week(const std::vector<DayPlan>& days, Formulation& week, const Setting& setting,
                  const plan::Requirements& requirements, double time_limit_seconds) {
  return Week(days, week, setting, requirements, time_limit_seconds).run();
}

}  // namespace attune::covering
