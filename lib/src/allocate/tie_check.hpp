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
//   - The question is asked of the pupils from `first` on, those before held as in the
//     answer (exact: they are the answer's pairs), and at first of all of them. When the
//     solver does not settle it within a few nodes it is split in two, the first half
//     and then the second with the first half held: together exactly the question. A
//     question about one pupil is given the time left. (On `--reallocate` the whole
//     question did not settle in a minute; the pieces about the first pupils, with the
//     later ones free, did not either: they are as hard as stage 5's own proof.)
//   - Before a pupil's smaller pairs enter the programme, exact integer reasons rule
//     some out (the pupils before it held): a key person whose caseload they fill, a
//     sibling before it, or stage 4's and 5's minutes out of reach even with every later
//     pupil at its best pair. Only the programme's rows that pick the first difference
//     lose those pairs; its variables and every rule stay.
// So what is trusted is CBC's proofs of infeasibility of programmes unlike the blocks'
// (no ranks, no start, nothing from the blocks), besides exact arithmetic.

#include "search.hpp"

namespace attune::alloc {

struct TieCheck {
  bool proved = true;
  int corrections = 0;  ///< smaller allocations found that the tie-break had missed
  int asked = 0;        ///< pupils that had a smaller pair to ask about, summed over the questions
  int solves = 0;       ///< questions asked (some settled without the solver)
};

/// Checks (and corrects) `a`, the tie-break's answer, which keeps `held` (every stage's
/// optimum and the hard rules; no pairs ruled out by reduced costs). `widest` (0: every
/// pupil) is the most pupils one question covers (tests ask one pupil at a time).
TieCheck check_ties(Search& search, const Problem& p, const Limits& held, Assignment& a, std::size_t widest = 0);

/// The programme's question alone, for tests: whether some allocation keeping `held` is
/// smaller than `a` in children.csv order (nullopt when the solver did not prove it).
/// `smaller` receives the one found.
std::optional<bool> smaller_allocation_exists(Search& search, const Problem& p, const Limits& held,
                                              const Assignment& a, Assignment* smaller = nullptr);

}  // namespace attune::alloc
