// Repair rounds for the first rota (see start.hpp), a heuristic: the day-by-day start
// made again with the children it left least covered rewarded more.
//
// Why: CBC did not improve on the start in stage 2 (the lowest coverage of all) in any
// bench run; the stage reports the start's value. The start's tiers (start.cpp) share
// each day out fairly, but day by day: a child booked on few days, or whose key person
// has children in two rooms, can still end the week lowest. Doubling that child's reward
// and planning the days again moves the key person's time towards them. A round is kept
// only when it is better exactly, in the stages' order: the lowest baby coverage, then
// the lowest coverage of all.

#include "polish.hpp"
#include "start.hpp"

namespace attune::plan {
namespace {

struct Lowest {
  Share babies{1, 1}, all{1, 1};
};

Share coverage(const RotaModel& model, const Pupil& p, const std::vector<double>& values) {
  return Share{whole_value(model.minutes_with(p.child, false), values), p.attended};
}

Lowest lowest(const RotaModel& model, const std::vector<Pupil>& pupils, const std::vector<double>& values) {
  Lowest out;
  for (const Pupil& p : pupils) {
    if (p.away) continue;
    const Share c = coverage(model, p, values);
    if (p.baby && c < out.babies) out.babies = c;
    if (c < out.all) out.all = c;
  }
  return out;
}

bool better(const Lowest& a, const Lowest& b) { return a.babies > b.babies || (a.babies == b.babies && a.all > b.all); }

/// Children within this much of the lowest coverage of all are rewarded more next round.
constexpr double kNear = 0.05;
constexpr double kBoost = 2.0;
constexpr int kRounds = 4;

}  // namespace

bool better_start(const RotaModel& model, const std::vector<Pupil>& pupils, const std::vector<double>& a,
                  const std::vector<double>& b) {
  return better(lowest(model, pupils, a), lowest(model, pupils, b));
}

std::vector<double> repair_start(const Setting& setting, const RuleProfile& profile, const Week& week,
                                 const Requirements& requirements, const RotaModel& model,
                                 const std::vector<Pupil>& pupils, Budget& budget, double share,
                                 const StartOptions& options, std::vector<double> start) {
  if (start.empty() || week.from_rota) return start;
  const double until = budget.elapsed() + share;
  Lowest best = lowest(model, pupils, start);
  std::vector<double> boost(setting.children.size(), 1.0);
  double last = 1.0;  // how long the last round took: a round with less time left finds nothing
  for (int round = 0; round < kRounds; ++round) {
    const double began = budget.elapsed(), left = until - began;
    if (left < last) break;
    for (const Pupil& p : pupils)
      if (!p.away && coverage(model, p, start).value() <= best.all.value() + kNear) boost[p.child] *= kBoost;
    std::vector<double> next = coarse_start(setting, profile, week, requirements, model, budget, left, options, boost);
    last = budget.elapsed() - began;
    if (next.empty()) break;
    const Lowest l = lowest(model, pupils, next);
    if (!better(l, best)) continue;  // the next round boosts the same children again, more
    best = l;
    start = std::move(next);
  }
  return start;
}

}  // namespace attune::plan
