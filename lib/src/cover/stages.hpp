#pragma once
// The lexicographic stages of the cover, each solved exactly and then held as a row while
// the next is solved: breach minutes, people changed, extra paid minutes, babies' minutes
// with a familiar adult, minutes changed. Every stage's objective is a whole number at
// any solution with whole-number people (the familiar minutes take the smaller of 1 and
// the adults there), so a gap below 1 proves the optimum exactly.

#include <string>
#include <vector>

#include "attune/cover.hpp"
#include "formulation.hpp"

namespace attune::covering {

struct Solved {
  bool found = false;   ///< `values` is a solution
  bool proved = true;   ///< every stage proved optimal
  std::vector<double> values;
  std::vector<CoverStage> stages;
  long before_breach = 0;  ///< breach minutes of the rota as it stands (the model's)
  long breach = 0;         ///< stage 1's optimum
  int solves = 0;
};

/// Solves the stages of `f` within `time_limit_seconds` (0: none), changing its rows.
Solved solve_stages(Formulation& f, double time_limit_seconds);

}  // namespace attune::covering
