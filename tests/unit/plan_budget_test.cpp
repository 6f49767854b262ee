// attune plan's time budget: the expected cost of CBC's first relaxation, by which a
// whole-week solve is not started when the time left cannot cover it. Worked by hand.

#include "plan/stages.hpp"
#include "test_support.hpp"

using namespace attune;

TEST_CASE("plan budget: the first relaxation's cost grows with variables x rows") {
  solver::Model m;
  for (int j = 0; j < 1000; ++j) m.add_binary();
  for (std::uint32_t i = 0; i < 100; ++i) m.add_less_equal({{solver::Variable{i}, 1.0}}, 1);
  const plan::Budget budget(60.0);
  // A fresh budget has measured too little CPU to see a busy machine: slowdown 1.
  CHECK(budget.slowdown() == doctest::Approx(1.0));
  // 1e-8 s a cell: 1000 x 100 cells = 0.001 s.
  CHECK(budget.first_lp_seconds(m) == doctest::Approx(0.001));
  // bench/plan.sh's week, 27,497 x 16,875 cells: 4.64 s of CPU, more than a 4 s budget
  // has left, so its stages would not start a solve of the week.
  for (int j = 1000; j < 27497; ++j) m.add_binary();
  for (std::uint32_t i = 100; i < 16875; ++i) m.add_less_equal({{solver::Variable{i}, 1.0}}, 1);
  CHECK(budget.first_lp_seconds(m) == doctest::Approx(4.6401).epsilon(1e-4));
  CHECK(budget.first_lp_seconds(m) > plan::Budget(4.0).remaining());
}
