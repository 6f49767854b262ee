#pragma once
// The lexicographic optimisation, stage by stage (DESIGN §8):
//
//   1. the lowest baby coverage, and the trade-off: its best with 0, 1, 2 ... changes
//   2. the lowest coverage of every pupil, babies held at stage 1's value
//   3. the fewest changes (not with --reallocate)
//   4. the most key-person minutes
//   5. the most key-or-buddy minutes
//   then the tie-break: the smallest (key person id, buddy id) for each pupil in turn.
//
// A max-min stage is solved over its candidates, the finitely many coverages
// w(p, s) / attended(p), sorted exactly: the solver maximises t, the answer's lowest
// coverage v is worked out exactly, and the next candidate above v is tried with every
// pair below it ruled out, until that is proved infeasible. So the stage's optimum is a
// fraction, proved, and held exactly (pairs below it have no variable) in later stages.
// Stages 3-5 have whole-number objectives, proved optimal and held as rows.

#include <string>
#include <vector>

#include "problem.hpp"
#include "tie_check.hpp"

namespace attune::alloc {

struct Staged {
  bool infeasible = false;   ///< proved: no allocation keeps the rules
  bool found = false;        ///< `allocation` holds an allocation keeping every rule
  bool proved = true;        ///< every stage ended optimal (or proved infeasible)
  Assignment allocation;
  std::vector<TradeoffRow> tradeoff;
  std::vector<StageReport> stages;
  int solves = 0;
  TieCheck tie_check;  ///< what the check of the tie-break found (tie_check.hpp)
};

Staged optimise(const Problem& problem, const AllocateOptions& options);

}  // namespace attune::alloc
