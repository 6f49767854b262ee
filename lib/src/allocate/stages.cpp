// The stages of the allocation, each proved before the next (see stages.hpp).

#include "stages.hpp"

#include <algorithm>

#include "assignment.hpp"
#include "search.hpp"
#include "tie_check.hpp"

namespace attune::alloc {
namespace {

/// Every coverage a pupil of the set could get, sorted and each once (exactly).
std::vector<Share> candidates(const Problem& p, bool babies) {
  std::vector<Share> all;
  for (std::size_t i = 0; i < p.pupils.size(); ++i) {
    if (babies && !p.pupils[i].baby) continue;
    for (StaffIndex s : p.pupils[i].eligible) all.push_back(p.coverage(i, s));
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

std::optional<Share> above(const std::vector<Share>& candidates, Share v) {
  const auto it = std::upper_bound(candidates.begin(), candidates.end(), v);
  if (it == candidates.end()) return std::nullopt;
  return *it;
}

struct Climb {
  std::optional<Assignment> best;
  bool proved = false;  ///< best is the optimum (or, without best, none exists)
};

/// The position of v among the candidates (it is one of them).
std::ptrdiff_t position(const std::vector<Share>& candidates, Share v) {
  return std::lower_bound(candidates.begin(), candidates.end(), v) - candidates.begin();
}

/// The largest lowest coverage over the set (babies, or everyone) under `limits`, by
/// questions of feasibility alone: is there an allocation with every coverage at least
/// the candidate c? The answers fall with c, so the optimum is found by bisection over
/// the candidates (each allocation found moves the lower end up to its own lowest
/// coverage), starting with the candidate just above the start's: when the start is the
/// optimum, one question proves it. Maximising the lowest coverage directly is what a
/// solver does badly (its bound on t stays loose: 298 nodes and 1 s for a 339-variable
/// programme of `generate --rooms 5` setting-002), while each question here is settled at
/// the root.
Climb climb(Search& search, const Problem& p, const std::vector<Share>& candidates, bool babies, Limits limits,
            std::optional<Assignment> start) {
  Climb c;
  // Candidates below `low` are reached (by c.best); `high` and above are proved out of reach.
  std::ptrdiff_t low = 0, high = static_cast<std::ptrdiff_t>(candidates.size());
  if (start) {
    c.best = std::move(start);
    low = position(candidates, *lowest_coverage(p, *c.best, babies)) + 1;
  }
  bool first = true;
  while (low < high) {
    const std::ptrdiff_t ask = first && c.best ? low : low + (high - low - 1) / 2;
    first = false;
    (babies ? limits.baby_floor : limits.floor) = candidates[static_cast<std::size_t>(ask)];
    const Outcome o = search.run(limits, Goal::feasible);
    if (o.status == solver::Status::infeasible) {
      high = ask;
      continue;
    }
    if (!o.allocation) return c;  // stopped: not proved
    c.best = o.allocation;
    low = position(candidates, *lowest_coverage(p, *c.best, babies)) + 1;
  }
  c.proved = true;
  return c;
}

std::string word(const Outcome& o) { return std::string(solver::status_id(o.status)); }

class Stager {
 public:
  Stager(const Problem& p, const AllocateOptions& options)
      : p_(p), options_(options), search_(p, options.time_limit_seconds) {}

  Staged run() {
    const bool babies = std::any_of(p_.pupils.begin(), p_.pupils.end(), [](const Pupil& x) { return x.baby; });
    bool going = true;
    if (babies) going = options_.first_stage_only ? lowest_baby_only() : babies_with_tradeoff();
    else out_.stages.push_back({"min_under_2_coverage", "skipped"});
    if (going && (!babies || !options_.first_stage_only)) going = lowest_of_all();
    if (!options_.first_stage_only) {
      if (going && !p_.reallocate) going = fewest_changes();
      else if (going) out_.stages.push_back({"changes", "skipped"});
      if (going) going = most_key_minutes();
      if (going) going = most_familiar_minutes();
      if (going) tie_break();
    }
    out_.found = best_.has_value();
    if (best_) out_.allocation = *best_;
    out_.solves = search_.solves();
    return std::move(out_);
  }

 private:
  /// A stage ended; false when the next cannot start (nothing found, or infeasible).
  bool ended(const char* name, bool proved, const std::string& status) {
    out_.stages.push_back({name, proved ? "optimal" : status});
    out_.proved = out_.proved && proved;
    return best_.has_value();
  }

  bool lowest_baby_only() {
    const Climb c = climb(search_, p_, candidates(p_, true), true, held_, std::nullopt);
    return settle_first(c, "min_under_2_coverage");
  }

  /// The first stage to run: no allocation at all means infeasible (or stopped).
  bool settle_first(const Climb& c, const char* name) {
    if (!c.best) {
      out_.infeasible = c.proved;
      out_.proved = out_.proved && c.proved;
      out_.stages.push_back({name, c.proved ? "infeasible" : "stopped"});
      return false;
    }
    best_ = c.best;
    held_.baby_floor = lowest_coverage(p_, *best_, true);
    return ended(name, c.proved, "feasible");
  }

  bool babies_with_tradeoff() {
    const auto cand = candidates(p_, true);
    Limits none_changed = held_;
    none_changed.max_changes = 0;
    int k = 0;
    Climb c = climb(search_, p_, cand, true, none_changed, std::nullopt);
    bool proved = c.proved;
    if (!c.best && c.proved) {  // no allocation keeps the rules without changes: how many are needed?
      if (p_.max_changes && *p_.max_changes == 0) return settle_first(c, "min_under_2_coverage");
      const Outcome m = search_.run(held_, Goal::min_changes);
      if (!m.allocation) return settle_first(Climb{std::nullopt, m.proved()}, "min_under_2_coverage");
      k = count_changes(p_, *m.allocation);
      for (int kk = 0; kk < k; ++kk) out_.tradeoff.push_back({kk, std::nullopt});
      Limits some = held_;
      some.max_changes = k;
      c = climb(search_, p_, cand, true, some, m.allocation);
      proved = m.status == solver::Status::optimal && c.proved;
    }
    if (!c.best) return settle_first(c, "min_under_2_coverage");
    for (;;) {
      const Share v = *lowest_coverage(p_, *c.best, true);
      out_.tradeoff.push_back({k, v});
      if (p_.max_changes && k >= *p_.max_changes) break;
      const auto next = above(cand, v);
      if (!next) break;
      Limits higher = held_;
      higher.baby_floor = *next;
      const Outcome m = search_.run(higher, Goal::min_changes);
      if (m.status == solver::Status::infeasible) break;  // v is the best with any number of changes
      if (!m.allocation) {
        proved = false;
        break;
      }
      proved = proved && m.status == solver::Status::optimal;
      const int k2 = count_changes(p_, *m.allocation);
      for (int kk = k + 1; kk < k2; ++kk) out_.tradeoff.push_back({kk, v});
      Limits some = held_;
      some.max_changes = k2;
      c = climb(search_, p_, cand, true, some, m.allocation);
      proved = proved && c.proved;
      k = k2;
    }
    c.proved = proved;
    return settle_first(c, "min_under_2_coverage");
  }

  bool lowest_of_all() {
    const Climb c = climb(search_, p_, candidates(p_, false), false, held_, best_);
    if (!c.best) return settle_first(c, "min_coverage");  // only when no baby came first
    best_ = c.best;
    held_.floor = lowest_coverage(p_, *best_, false);
    return ended("min_coverage", c.proved, "feasible");
  }

  bool fewest_changes() {
    const Outcome o = search_.run(held_, Goal::min_changes, &*best_);
    if (o.allocation) best_ = o.allocation;
    held_.max_changes = count_changes(p_, *best_);
    return ended("changes", o.status == solver::Status::optimal, word(o)) && o.allocation;
  }

  bool most_key_minutes() {
    const Outcome o = search_.run(held_, Goal::max_key_minutes, &*best_);
    if (o.allocation) best_ = o.allocation;
    held_.min_key_minutes = key_person_minutes(p_, *best_);
    last_goal_ = Goal::max_key_minutes;
    last_value_ = *held_.min_key_minutes;
    return ended("key_person_minutes", o.status == solver::Status::optimal, word(o)) && o.allocation;
  }

  bool most_familiar_minutes() {
    const bool buddies = std::any_of(p_.pupils.begin(), p_.pupils.end(), [](const Pupil& x) { return x.needs_buddy; });
    if (!buddies) {
      held_.min_familiar_minutes = key_or_buddy_minutes(p_, *best_);
      out_.stages.push_back({"key_or_buddy_minutes", "optimal"});  // = key-person minutes, held
      return true;
    }
    const Outcome o = search_.run(held_, Goal::max_familiar, &*best_);
    if (o.allocation) best_ = o.allocation;
    held_.min_familiar_minutes = key_or_buddy_minutes(p_, *best_);
    last_goal_ = Goal::max_familiar;
    last_value_ = *held_.min_familiar_minutes;
    return ended("key_or_buddy_minutes", o.status == solver::Status::optimal, word(o)) && o.allocation;
  }

  /// Pupil by pupil in children.csv order, the smallest (key person id, buddy id) any
  /// allocation keeping every stage can give, held before the next pupil is looked at.
  /// First a descent without the solver: each pupil in turn takes the smallest pair that
  /// still keeps every stage exactly with everyone else as they are. Then pupils are
  /// taken in blocks: a block's pupils' choices are ranked, and one solve minimises
  /// sum W_j rank_j with W_j the product of the later pupils' ranges (under 10^6, so the
  /// solver compares whole numbers exactly): the lexicographic minimum over the block.
  /// Ranks are exact up to each pupil's present key person and buddy and lumped above
  /// them (the ranges stay small); a pupil whose answer falls among the lumped ones is
  /// not held, and the next block starts from it. After each block the reduced-cost
  /// test and the descent run again with the held pupils fixed.
  void tie_break() {
    Limits limits = held_;
    search_.rule_out(limits, last_goal_, last_value_);
    std::optional<Formulation> open_now;  // the pairs still possible
    open_now.emplace(p_, limits, Goal::feasible);
    descend(*open_now, limits);
    limits.fixed.assign(p_.pupils.size(), {kNone, kNone});
    for (std::size_t i = 0; i < p_.pupils.size();) {
      const Formulation& open = *open_now;
      std::size_t end = i;
      double product = 1.0;
      bool smaller = false;
      while (end < p_.pupils.size()) {
        const Range r = range(open, end, *best_);
        const double size = static_cast<double>(r.keys * r.buddies);
        if (end > i && product * size > 1e6) break;
        product *= size;
        smaller = smaller || smaller_pair_possible(open, end);
        ++end;
      }
      std::size_t held = end;
      if (smaller) {
        const Ranking ranking = ranks(open, i, end);
        const Assignment before = *best_;
        const Outcome o = search_.run(limits, Goal::min_rank, &before, &ranking);
        if (o.allocation) best_ = o.allocation;
        if (o.allocation && o.status == solver::Status::optimal)
          for (held = i; held < end && ranked_exactly(open, held, before, *best_);) ++held;
      }
      const bool advanced = held > i;
      for (; i < held; ++i) limits.fixed[i] = {best_->key[i], best_->buddy[i]};
      if (advanced && smaller && i < p_.pupils.size()) {
        // With them held, fewer pairs can be in an optimum: rule them out again (smaller
        // programmes, fewer ranks), and let the descent move the others down to them.
        search_.rule_out(limits, last_goal_, last_value_);
        open_now.emplace(p_, limits, Goal::feasible);
        descend(*open_now, limits);
      }
    }
    // The blocks' proofs are not trusted (CBC 2.10 has proved a wrong one): the answer
    // is checked by another programme, and corrected where it finds a smaller one.
    const TieCheck check = check_ties(search_, p_, held_, *best_);
    out_.tie_check = check;
    ended("tie_break", check.proved, "feasible");
  }

  /// Each pupil in turn moves to the smallest pair (key person, buddy), below its own,
  /// with which the allocation still keeps every limit, judged exactly. A better start
  /// for the blocks: their ranks lump everything above a pupil's present pair.
  void descend(const Formulation& open, const Limits& limits) {
    for (std::size_t i = 0; i < p_.pupils.size(); ++i) {
      if (!smaller_pair_possible(open, i)) continue;
      const auto keys = choices(open, i, true), buddies = choices(open, i, false);
      const auto now = rank(best_->key[i], best_->buddy[i]);
      Assignment trial = *best_;
      const std::vector<std::uint32_t>* family = family_of(i);
      for (StaffIndex k : keys) {
        if (rank(k, kNone).first > now.first) break;
        bool moved = false;
        for (std::size_t b = 0; b < std::max<std::size_t>(1, buddies.size()) && !moved; ++b) {
          const StaffIndex buddy = buddies.empty() ? kNone : buddies[b];
          if (buddy == k || !(rank(k, buddy) < now)) continue;
          trial.key[i] = k;
          trial.buddy[i] = buddy;
          if (family != nullptr)
            for (std::uint32_t f : *family) trial.key[f] = k;
          if (keeps_limits(p_, limits, trial)) moved = true;
        }
        if (moved) {
          best_ = trial;
          break;
        }
        trial = *best_;
      }
    }
  }

  [[nodiscard]] const std::vector<std::uint32_t>* family_of(std::size_t i) const {
    for (const auto& f : p_.families)
      if (std::binary_search(f.begin(), f.end(), static_cast<std::uint32_t>(i))) return &f;
    return nullptr;
  }

  /// A pupil's ranks in a block: exact for key persons (buddies) up to its one in `a`,
  /// at index `key` (`buddy`), one lumped rank above; `keys` x `buddies` values in all.
  struct Range {
    std::size_t key = 0, buddy = 0, keys = 1, buddies = 1;
  };

  [[nodiscard]] Range range(const Formulation& open, std::size_t i, const Assignment& a) const {
    const auto keys = choices(open, i, true), buddies = choices(open, i, false);
    Range r;
    const auto at = [](const std::vector<StaffIndex>& list, StaffIndex s) {
      const auto it = std::find(list.begin(), list.end(), s);
      return it == list.end() ? list.size() - 1 : static_cast<std::size_t>(it - list.begin());
    };
    r.key = keys.empty() ? 0 : at(keys, a.key[i]);
    r.keys = std::max<std::size_t>(1, std::min(r.key + 2, keys.size()));
    if (!buddies.empty()) {
      r.buddy = at(buddies, a.buddy[i]);
      r.buddies = std::min(r.buddy + 2, buddies.size());
    }
    return r;
  }

  /// Whether pupil i's pair in `after` is one the block ranked exactly (at or below its
  /// pair in `before`, key person and buddy each).
  [[nodiscard]] bool ranked_exactly(const Formulation& open, std::size_t i, const Assignment& before,
                                    const Assignment& after) const {
    const Range r = range(open, i, before);
    const auto keys = choices(open, i, true), buddies = choices(open, i, false);
    const auto index = [](const std::vector<StaffIndex>& list, StaffIndex s) {
      return static_cast<std::size_t>(std::find(list.begin(), list.end(), s) - list.begin());
    };
    if (index(keys, after.key[i]) > r.key) return false;
    return buddies.empty() || index(buddies, after.buddy[i]) <= r.buddy;
  }

  /// The key persons (or buddies) still possible for pupil i, in id order.
  [[nodiscard]] std::vector<StaffIndex> choices(const Formulation& open, std::size_t i, bool key) const {
    std::vector<StaffIndex> out;
    if (!key && !p_.pupils[i].needs_buddy) return out;
    for (StaffIndex s : p_.pupils[i].eligible)
      if (key ? open.key_variable(i, s).has_value() : open.buddy_variable(i, s).has_value()) out.push_back(s);
    std::sort(out.begin(), out.end(), [&](StaffIndex a, StaffIndex b) { return p_.staff_rank[a] < p_.staff_rank[b]; });
    return out;
  }

  /// Costs that make the solver's minimum the lexicographic minimum over pupils [first,
  /// end) of the ranks of range(): exact up to each pupil's present pair, lumped above.
  [[nodiscard]] Ranking ranks(const Formulation& open, std::size_t first, std::size_t end) const {
    const std::size_t staff = p_.staff_count;
    Ranking r;
    r.key.assign(p_.pupils.size() * staff, 0.0);
    r.buddy.assign(p_.pupils.size() * staff, 0.0);
    double weight = 1.0;
    for (std::size_t j = end; j-- > first;) {
      const auto keys = choices(open, j, true), buddies = choices(open, j, false);
      const Range range_j = range(open, j, *best_);
      const double b = static_cast<double>(range_j.buddies);
      for (std::size_t k = 0; k < keys.size(); ++k)
        r.key[j * staff + keys[k]] = weight * b * static_cast<double>(std::min(k, range_j.key + 1));
      for (std::size_t k = 0; k < buddies.size(); ++k)
        r.buddy[j * staff + buddies[k]] = weight * static_cast<double>(std::min(k, range_j.buddy + 1));
      weight *= b * static_cast<double>(range_j.keys);
    }
    return r;
  }

  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> rank(StaffIndex key, StaffIndex buddy) const {
    return {p_.staff_rank[key], buddy == kNone ? 0u : p_.staff_rank[buddy]};
  }

  [[nodiscard]] bool smaller_pair_possible(const Formulation& open, std::size_t i) const {
    const auto now = rank(best_->key[i], best_->buddy[i]);
    for (StaffIndex k : p_.pupils[i].eligible) {
      if (!open.key_variable(i, k) || rank(k, kNone).first > now.first) continue;
      if (!p_.pupils[i].needs_buddy) {
        if (rank(k, kNone) < now) return true;
        continue;
      }
      for (StaffIndex b : p_.pupils[i].eligible)
        if (b != k && open.buddy_variable(i, b) && rank(k, b) < now) return true;
    }
    return false;
  }

  const Problem& p_;
  const AllocateOptions& options_;
  Search search_;
  Staged out_;
  Limits held_;
  std::optional<Assignment> best_;
  Goal last_goal_ = Goal::max_key_minutes;
  long last_value_ = 0;
};

}  // namespace

Staged optimise(const Problem& problem, const AllocateOptions& options) {
  if (problem.pupils.empty()) {
    Staged s;
    s.found = true;
    return s;
  }
  return Stager(problem, options).run();
}

}  // namespace attune::alloc
