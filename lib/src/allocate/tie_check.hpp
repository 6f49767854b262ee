#pragma once
// The tie-break's answer checked without trusting the solver's proof of it.
//
// The tie-break (stages.cpp) solves blocks of pupils with CBC, and CBC 2.10 has proved a
// wrong "optimal" there (a buddy s14 where s13 was possible). So afterwards one more
// programme, not the blocks', asks the question the whole tie-break answers: is there an
// allocation keeping every stage's optimum that is smaller in children.csv order, the
// same (key person, buddy) as the answer for the pupils before some pupil i and a
// smaller pair for i?
//   - Pairs are left out of it only for exact reasons: no variable (eligibility, the
//     coverage floors, --keep, families). The pairs the tie-break's reduced-cost test
//     ruled out are not (that test is the solver's floating point), nor pairs ruled out
//     by an exact weak-duality bound: with those left out, CBC 2.10 proved this very
//     programme infeasible where a smaller allocation existed
//     (generate --rooms 5 --seed 3 setting-003; docs/performance.md).
//   - A solution it finds is checked exactly and is a smaller allocation: it becomes the
//     answer (a correction) and the question is asked again.
//   - When CBC proves that there is none, the answer is the smallest. When it stops (the
//     time limit) or finds something that fails the exact checks, the tie-break is not
//     proved (`feasible`).
// So what is trusted is one proof of infeasibility by CBC, of a programme unlike the
// blocks' (no ranks, no start, nothing from the blocks), besides exact arithmetic.

#include "search.hpp"

namespace attune::alloc {

struct TieCheck {
  bool proved = true;
  int corrections = 0;  ///< smaller allocations found that the tie-break had missed
  int asked = 0;        ///< pupils that had a smaller pair to ask about
  int solves = 0;
};

/// Checks (and corrects) `a`, the tie-break's answer, which keeps `held` (every stage's
/// optimum and the hard rules; no pairs ruled out by reduced costs).
TieCheck check_ties(Search& search, const Problem& p, const Limits& held, Assignment& a);

/// The programme's question alone, for tests: whether some allocation keeping `held` is
/// smaller than `a` in children.csv order (nullopt when the solver did not prove it).
/// `smaller` receives the one found.
std::optional<bool> smaller_allocation_exists(Search& search, const Problem& p, const Limits& held,
                                              const Assignment& a, Assignment* smaller = nullptr);

}  // namespace attune::alloc
