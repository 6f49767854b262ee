// K people that mend every day of a request (see people_sets.hpp and docs/cover.md,
// "Several days").

#include "people_sets.hpp"

#include <algorithm>

#include "outcome.hpp"

namespace attune::covering {
namespace {

using People = std::vector<StaffIndex>;  ///< sorted

/// What a solve said: a solution (read into `values`), proved none, or nothing proved
/// (a limit, or values that break a row).
enum class Said : unsigned char { solution, none, unknown };

Said solve_for(solver::Model& m, const Objective& o, const Deadline& deadline, std::vector<double>& values, int& solves) {
  m.clear_objective();
  for (const solver::Term& t : o.terms) m.set_objective(t.variable, m.objective(t.variable) + t.coefficient);
  m.set_sense(solver::Sense::minimise);
  const solver::Result r = solver::solve(m, stage_options(deadline));
  ++solves;
  if (r.status == solver::Status::infeasible) return Said::none;
  if (!r.has_solution() || m.violation(r.values) > 1e-6) return Said::unknown;
  values = r.values;
  return Said::solution;
}

/// The breach minutes of each day of `f` held at `best` (by the days of `f`) at most.
void hold_breach(Formulation& f, const std::vector<long>& best) {
  for (std::size_t i = 0; i < best.size(); ++i) {
    std::vector<solver::Term> day;
    for (std::size_t r = 0; r < f.requirements.size(); ++r)
      if (f.requirement_day[r] == i) day.push_back(f.breach.terms[r]);
    if (best[i] == 0) {
      for (const solver::Term& t : day) f.model.set_bounds(t.variable, 0, 0);
    } else {
      f.model.add_less_equal(day, static_cast<double>(best[i]) + 0.5);
    }
  }
}

class Search {
 public:
  Search(const DaysAlone& days, const Setting& setting, const plan::Requirements& req, const Deadline& deadline)
      : days_(days), setting_(setting), requirements_(req), deadline_(deadline) {}

  std::optional<PeopleFound> run() {
    const auto most = std::max_element(days_.people.begin(), days_.people.end());
    if (most == days_.people.end() || *most <= 0) return std::nullopt;
    const long k = *most;
    std::vector<std::size_t> in{static_cast<std::size_t>(most - days_.people.begin())};
    std::vector<People> tried;  // every set found: each leaves some day unmended
    for (;;) {
      std::vector<DayPlan> plans;
      std::vector<long> best;
      for (std::size_t day : in) {
        plans.push_back((*days_.plans)[day][0]);
        best.push_back(days_.breach[day]);
      }
      Formulation f = formulate(plans, setting_, requirements_);
      hold_breach(f, best);
      f.model.add_less_equal(f.people.terms, static_cast<double>(k) + 0.5);
      for (const People& set : tried) rule_out(f, set);
      for (;;) {
        std::vector<double> values;
        const Said said = solve_for(f.model, f.people, deadline_, values, solves_);
        if (said != Said::solution) return std::nullopt;  // none: the request needs more than K
        People set;
        const auto outcome = read_outcome(plans, f, values);
        for (std::size_t i = 0; i < plans.size(); ++i)
          for (std::size_t p = 0; p < plans[i].people.size(); ++p)
            if (outcome[i][p].changed(plans[i].people[p])) set.push_back(plans[i].people[p].staff);
        std::sort(set.begin(), set.end());
        set.erase(std::unique(set.begin(), set.end()), set.end());
        if (set.size() > static_cast<std::size_t>(k)) return std::nullopt;  // cannot be: the row holds K
        PeopleFound found{set, {}};
        std::optional<std::size_t> unmended;
        for (std::size_t day = 0; day < days_.plans->size() && !unmended; ++day) {
          std::optional<std::vector<double>> v = with_only(day, set);
          if (!v) return std::nullopt;
          if (v->empty()) unmended = day;
          else found.days.push_back(std::move(*v));
        }
        if (!unmended) return found;
        tried.push_back(set);
        if (std::find(in.begin(), in.end(), *unmended) == in.end()) {
          in.push_back(*unmended);
          break;  // a larger programme
        }
        rule_out(f, set);  // a day of the programme (its rows hold it mended): only by rounding
      }
    }
  }

  [[nodiscard]] int solves() const { return solves_; }

 private:
  /// A set that leaves a day unmended, and so does any part of it (fewer people free to
  /// change mend no more): some person outside it must change. A row every answer for the
  /// request keeps, so the programme stays a relaxation of the request's.
  static void rule_out(Formulation& f, const People& set) {
    std::vector<solver::Term> outside;
    for (StaffIndex s = 0; s < f.changed.size(); ++s)
      if (f.changed[s] && !std::binary_search(set.begin(), set.end(), s)) outside.push_back({*f.changed[s], 1});
    f.model.add_greater_equal(outside, 0.5);
  }

  /// Day `d` with only `people` free to change, its least breach held: a solution with the
  /// fewest extra paid minutes; empty when there is none (proved); nothing when not proved.
  std::optional<std::vector<double>> with_only(std::size_t d, const People& people) {
    const std::vector<DayPlan>& plan = (*days_.plans)[d];
    Formulation f = formulate(plan, setting_, requirements_);
    hold_breach(f, {days_.breach[d]});
    std::vector<double> rostered(f.model.variable_count(), 0.0);
    for (const auto& [v, value] : f.as_rostered) rostered[v.index] = value;
    auto fix = [&](solver::Variable v) { f.model.set_bounds(v, rostered[v.index], rostered[v.index]); };
    for (std::size_t k = 0; k < plan[0].people.size(); ++k) {
      const StaffIndex s = plan[0].people[k].staff;
      if (std::binary_search(people.begin(), people.end(), s)) continue;
      f.model.set_bounds(*f.changed[s], 0, 0);
      for (const auto& piece : f.vars[0][k].work)
        for (const auto& [room, x] : piece) fix(x);
      for (const auto& windows : f.vars[0][k].breaks)
        for (const solver::Variable w : windows) fix(w);
    }
    std::vector<double> values;
    const Said said = solve_for(f.model, f.extra, deadline_, values, solves_);
    if (said == Said::unknown) return std::nullopt;
    if (said == Said::none) return std::vector<double>{};
    for (StaffIndex s : people)  // each of them counted changed, as over the request
      if (s < f.changed.size() && f.changed[s]) values[f.changed[s]->index] = 1;
    return values;
  }

  const DaysAlone& days_;
  const Setting& setting_;
  const plan::Requirements& requirements_;
  const Deadline& deadline_;
  int solves_ = 0;
};

}  // namespace

std::optional<PeopleFound> people_for_every_day(const DaysAlone& days, const Setting& setting,
                                                const plan::Requirements& requirements, const Deadline& deadline,
                                                int& solves) {
  Search search(days, setting, requirements, deadline);
  std::optional<PeopleFound> out = search.run();
  solves += search.solves();
  return out;
}

}  // namespace attune::covering
