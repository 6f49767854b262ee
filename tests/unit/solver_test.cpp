// The solver interface (attune/solver.hpp) on its own: tiny programmes whose answers are
// worked out by hand, infeasible and unbounded ones, a time limit, and silence.

#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <thread>
#include <vector>

#include "attune/solver.hpp"

using namespace attune::solver;

namespace {

/// Everything written to file descriptors 1 and 2 while `body` runs.
template <class Body>
std::string captured_output(Body body) {
  std::fflush(stdout);
  std::fflush(stderr);
  std::FILE* sink = std::tmpfile();
  REQUIRE(sink != nullptr);
  const int saved_out = dup(1), saved_err = dup(2);
  dup2(fileno(sink), 1);
  dup2(fileno(sink), 2);
  body();
  std::fflush(stdout);
  std::fflush(stderr);
  dup2(saved_out, 1);
  dup2(saved_err, 2);
  close(saved_out);
  close(saved_err);
  std::string text;
  std::rewind(sink);
  for (int c; (c = std::fgetc(sink)) != EOF;) text += static_cast<char>(c);
  std::fclose(sink);
  return text;
}

/// A market split instance (Cornuejols and Dawande): `rows` equations over `columns`
/// binary variables with coefficients 0..99 and right-hand sides half the row sums.
/// Branch and bound needs a very long time on these, so a time limit must stop it.
Model market_split(int rows, int columns, unsigned seed, bool with_slack) {
  std::mt19937 random(seed);
  Model m;
  std::vector<Variable> x;
  for (int j = 0; j < columns; ++j) x.push_back(m.add_binary());
  for (int i = 0; i < rows; ++i) {
    std::vector<Term> terms;
    double sum = 0;
    for (int j = 0; j < columns; ++j) {
      const double a = static_cast<double>(random() % 100);
      terms.push_back({x[static_cast<std::size_t>(j)], a});
      sum += a;
    }
    if (with_slack) {  // always feasible: minimise how far the equations are missed
      terms.push_back({m.add_continuous(0, kInfinity, 1.0), 1.0});
      terms.push_back({m.add_continuous(0, kInfinity, 1.0), -1.0});
    }
    m.add_equal(terms, std::floor(sum / 2));
  }
  return m;
}

}  // namespace

TEST_CASE("solver: the header's example, a mixed-integer programme") {
  // max 3x + 2y, x + 2y <= 14, x integer in [0, 10], y in [0, 4]: x = 10, y = 2, 34.
  Model m;
  const Variable x = m.add_integer(0, 10, 3.0);
  const Variable y = m.add_continuous(0, 4, 2.0);
  m.add_less_equal({{x, 1.0}, {y, 2.0}}, 14);
  m.set_sense(Sense::maximise);
  const Result r = solve(m);
  REQUIRE(r.status == Status::optimal);
  CHECK(r.integer_value(x) == 10);
  CHECK(r.value(y) == doctest::Approx(2.0));
  CHECK(r.objective == doctest::Approx(34.0));
  CHECK(r.bound == doctest::Approx(34.0));
  CHECK(r.gap() == 0.0);
}

TEST_CASE("solver: a knapsack whose best packing is not the greedy one") {
  // values 10, 13, 7, 8; weights 5, 6, 3, 4; capacity 10. By value per weight, greedy
  // takes item 3 (7/3), then item 1 (10/5): 17. The best is items 2 and 4: 13 + 8 = 21.
  const double value[] = {10, 13, 7, 8}, weight[] = {5, 6, 3, 4};
  Model m;
  std::vector<Term> load;
  std::vector<Variable> take;
  for (int i = 0; i < 4; ++i) {
    take.push_back(m.add_binary(value[i]));
    load.push_back({take.back(), weight[i]});
  }
  m.add_less_equal(load, 10);
  m.set_sense(Sense::maximise);
  const Result r = solve(m);
  REQUIRE(r.status == Status::optimal);
  CHECK(r.objective == doctest::Approx(21.0));
  SolveOptions light;  // no cuts, no heuristics: the same proved answer
  light.light = true;
  const Result q = solve(m, light);
  REQUIRE(q.status == Status::optimal);
  CHECK(q.objective == doctest::Approx(21.0));
  CHECK(r.integer_value(take[0]) == 0);
  CHECK(r.integer_value(take[1]) == 1);
  CHECK(r.integer_value(take[2]) == 0);
  CHECK(r.integer_value(take[3]) == 1);
}

TEST_CASE("solver: a linear programme with a fractional optimum, and its reduced costs") {
  // max x + y, 2x + y <= 4, x + 2y <= 4: x = y = 4/3, objective 8/3.
  Model m;
  const Variable x = m.add_continuous(0, kInfinity, 1.0);
  const Variable y = m.add_continuous(0, kInfinity, 1.0);
  m.add_less_equal({{x, 2.0}, {y, 1.0}}, 4);
  m.add_less_equal({{x, 1.0}, {y, 2.0}}, 4);
  m.set_sense(Sense::maximise);
  const Result r = solve(m);
  REQUIRE(r.status == Status::optimal);
  CHECK(r.value(x) == doctest::Approx(4.0 / 3));
  CHECK(r.value(y) == doctest::Approx(4.0 / 3));
  CHECK(r.objective == doctest::Approx(8.0 / 3));

  // max 3x + y, x + y <= 4, x in [0, 5]: x = 4, y = 0. The row's dual is 3, so y's
  // reduced cost is 1 - 3 = -2: each unit of y costs 2 of the objective.
  Model lp;
  const Variable a = lp.add_continuous(0, 5, 3.0);
  const Variable b = lp.add_continuous(0, kInfinity, 1.0);
  lp.add_less_equal({{a, 1.0}, {b, 1.0}}, 4);
  lp.set_sense(Sense::maximise);
  SolveOptions relax;
  relax.relax_integrality = true;
  const Result q = solve(lp, relax);
  REQUIRE(q.status == Status::optimal);
  REQUIRE(q.reduced_costs.size() == 2);
  CHECK(q.value(a) == doctest::Approx(4.0));
  CHECK(q.reduced_costs[a.index] == doctest::Approx(0.0));
  CHECK(q.reduced_costs[b.index] == doctest::Approx(-2.0));

  // The same as a minimisation of the negated objective: y's reduced cost is +2.
  lp.set_objective(a, -3.0);
  lp.set_objective(b, -1.0);
  lp.set_sense(Sense::minimise);
  const Result p = solve(lp, relax);
  REQUIRE(p.status == Status::optimal);
  CHECK(p.objective == doctest::Approx(-12.0));
  CHECK(p.reduced_costs[b.index] == doctest::Approx(2.0));
}

TEST_CASE("solver: minimising, with a row bounded below and a variable bounded above") {
  // min 2x + 3y, x + y >= 4, x <= 3: x = 3, y = 1, objective 9.
  Model m;
  const Variable x = m.add_integer(0, 3, 2.0);
  const Variable y = m.add_integer(0, kInfinity, 3.0);
  m.add_greater_equal({{x, 1.0}, {y, 1.0}}, 4);
  const Result r = solve(m);
  REQUIRE(r.status == Status::optimal);
  CHECK(r.integer_value(x) == 3);
  CHECK(r.integer_value(y) == 1);
  CHECK(r.objective == doctest::Approx(9.0));
}

TEST_CASE("solver: a variable named twice in a row counts twice") {
  // x + x <= 3 with x integer: x = 1 when maximising x.
  Model m;
  const Variable x = m.add_integer(0, 10, 1.0);
  m.add_less_equal({{x, 1.0}, {x, 1.0}}, 3);
  REQUIRE(m.row(0).size() == 1);
  CHECK(m.row(0)[0].coefficient == 2.0);
  m.set_sense(Sense::maximise);
  const Result r = solve(m);
  REQUIRE(r.status == Status::optimal);
  CHECK(r.integer_value(x) == 1);
}

TEST_CASE("solver: infeasible programmes are proved so") {
  SUBCASE("the relaxation is infeasible") {
    Model m;
    const Variable x = m.add_continuous(0, 10);
    m.add_greater_equal({{x, 1.0}}, 2);
    m.add_less_equal({{x, 1.0}}, 1);
    const Result r = solve(m);
    CHECK(r.status == Status::infeasible);
    CHECK_FALSE(r.has_solution());
  }
  SUBCASE("only the whole numbers are infeasible") {
    // x + y = 1.5 has fractional solutions but no binary one; nor does 2x + 2y = 3.
    Model m;
    const Variable x = m.add_binary(), y = m.add_binary();
    m.add_equal({{x, 2.0}, {y, 2.0}}, 3);
    const Result r = solve(m);
    CHECK(r.status == Status::infeasible);
  }
  SUBCASE("three children, two places each holding one") {
    // Every child needs one of two places, each place takes one child: a pigeonhole.
    Model m;
    std::vector<std::vector<Variable>> x(3);
    for (auto& row : x) row = {m.add_binary(), m.add_binary()};
    for (auto& row : x) m.add_equal({{row[0], 1.0}, {row[1], 1.0}}, 1);
    for (int p = 0; p < 2; ++p) m.add_less_equal({{x[0][p], 1.0}, {x[1][p], 1.0}, {x[2][p], 1.0}}, 1);
    CHECK(solve(m).status == Status::infeasible);
  }
}

TEST_CASE("solver: an unbounded objective is said to be") {
  Model m;
  const Variable x = m.add_continuous(0, kInfinity, 1.0);
  const Variable y = m.add_continuous(0, kInfinity, 0.0);
  m.add_greater_equal({{x, 1.0}, {y, -1.0}}, 0);
  m.set_sense(Sense::maximise);
  CHECK(solve(m).status == Status::unbounded);
  Model mip;  // the same with whole numbers
  const Variable a = mip.add_integer(0, kInfinity, 1.0);
  const Variable b = mip.add_integer(0, kInfinity, 0.0);
  mip.add_greater_equal({{a, 1.0}, {b, -1.0}}, 0);
  mip.set_sense(Sense::maximise);
  CHECK(solve(mip).status == Status::unbounded);
  SolveOptions relax;  // and an infeasible relaxation is not called unbounded
  relax.relax_integrality = true;
  mip.add_less_equal({{a, 1.0}}, -1);
  CHECK(solve(mip, relax).status == Status::infeasible);
}

TEST_CASE("solver: a model with no variables") {
  Model m;
  CHECK(solve(m).status == Status::optimal);
  m.add_row(std::span<const Term>{}, 1, 2);  // 1 <= 0 <= 2: never
  CHECK(solve(m).status == Status::infeasible);
}

TEST_CASE("solver: a time limit stops a hard programme, and the status says so") {
  SUBCASE("no solution found: stopped") {
    const Model m = market_split(5, 40, 7, false);
    SolveOptions o;
    o.time_limit_seconds = 0.3;
    const auto start = std::chrono::steady_clock::now();
    const Result r = solve(m, o);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 5.0);
    CHECK(r.status != Status::optimal);
    CHECK(r.status != Status::infeasible);
    if (r.has_solution()) CHECK(m.violation(r.values) < 1e-6);
  }
  SUBCASE("a solution but no proof: feasible, with the gap") {
    const Model m = market_split(5, 40, 11, true);
    SolveOptions o;
    o.time_limit_seconds = 0.3;
    const Result r = solve(m, o);
    // Some solution always exists (the slacks); the optimum (0 if the split exists) is not proved.
    REQUIRE(r.has_solution());
    if (r.status == Status::feasible) {
      CHECK(r.gap() > 0.0);
      CHECK(r.bound <= r.objective + 1e-9);
    } else {
      CHECK(r.status == Status::optimal);  // found a perfect split: then the bound 0 proves it
      CHECK(r.objective == doctest::Approx(0.0));
    }
  }
  SUBCASE("maximising, stopped with a solution: the bound is above it, in the objective's own sense") {
    Model m = market_split(5, 40, 11, true);
    for (std::uint32_t j = 0; j < m.variable_count(); ++j) m.set_objective(Variable{j}, -m.objective(Variable{j}));
    m.set_sense(Sense::maximise);  // maximise minus the slacks: the optimum is at most 0
    SolveOptions o;
    o.time_limit_seconds = 0.3;
    const Result r = solve(m, o);
    REQUIRE(r.has_solution());
    CHECK(r.objective <= 1e-9);
    if (r.status == Status::feasible) {
      CHECK(r.bound >= r.objective - 1e-9);
      CHECK(r.bound <= 1e-9);  // no split has negative slack
      CHECK(r.gap() > 0.0);
    }
  }
}

TEST_CASE("solver: a starting solution is used and the answer is still proved") {
  Model m;
  std::vector<Variable> x;
  std::vector<Term> row;
  for (int i = 0; i < 6; ++i) {
    x.push_back(m.add_binary(i + 1.0));
    row.push_back({x.back(), 1.0});
  }
  m.add_less_equal(row, 2);  // the two most valuable: 6 + 5 = 11
  m.set_sense(Sense::maximise);
  SolveOptions o;
  o.start = {1, 1, 0, 0, 0, 0};  // worth 3
  const Result r = solve(m, o);
  REQUIRE(r.status == Status::optimal);
  CHECK(r.objective == doctest::Approx(11.0));
}

TEST_CASE("solver: without presolve and heuristics the answers are the same, and proved") {
  // Random knapsacks with a side constraint: the optimum found every way is the same.
  std::mt19937 random(11);
  for (int k = 0; k < 20; ++k) {
    Model m;
    std::vector<Term> load, count;
    for (int i = 0; i < 12; ++i) {
      const Variable x = m.add_binary(static_cast<double>(random() % 20 + 1));
      load.push_back({x, static_cast<double>(random() % 15 + 1)});
      count.push_back({x, 1.0});
    }
    m.add_less_equal(load, 40);
    m.add_less_equal(count, 5);
    m.set_sense(Sense::maximise);
    const Result plain = solve(m);
    SolveOptions bare;
    bare.presolve = false;
    bare.heuristics = false;
    bare.start.assign(m.variable_count(), 0.0);  // nothing packed: a solution to start from
    const Result r = solve(m, bare);
    REQUIRE(plain.status == Status::optimal);
    REQUIRE(r.status == Status::optimal);
    CHECK(r.objective == doctest::Approx(plain.objective));
  }
  Model none;
  const Variable y = none.add_binary(), z = none.add_binary();
  none.add_equal({{y, 2.0}, {z, 2.0}}, 3);
  SolveOptions bare;
  bare.presolve = false;
  bare.heuristics = false;
  CHECK(solve(none, bare).status == Status::infeasible);
}

TEST_CASE("solver: it never prints, whatever happens") {
  const std::string text = captured_output([] {
    Model ok;
    const Variable x = ok.add_integer(0, 3, 1.0);
    ok.add_less_equal({{x, 2.0}}, 5);
    ok.set_sense(Sense::maximise);
    (void)solve(ok);
    Model none;
    const Variable y = none.add_binary(), z = none.add_binary();
    none.add_equal({{y, 2.0}, {z, 2.0}}, 3);
    (void)solve(none);
    SolveOptions o;
    o.time_limit_seconds = 0.1;
    (void)solve(market_split(5, 40, 3, true), o);
    SolveOptions relax;
    relax.relax_integrality = true;
    (void)solve(ok, relax);
    SolveOptions bare;
    bare.presolve = false;
    bare.heuristics = false;
    bare.time_limit_seconds = 0.1;
    (void)solve(market_split(5, 40, 3, true), bare);
  });
  CHECK(text == "");
}

TEST_CASE("solver: solves from several threads at once give each its own answer") {
  std::vector<double> answers(8, 0.0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, &answers] {
      Model m;  // max x, x <= t + 0.5, x integer: t
      const Variable x = m.add_integer(0, 100, 1.0);
      m.add_less_equal({{x, 1.0}}, t + 0.5);
      m.set_sense(Sense::maximise);
      answers[static_cast<std::size_t>(t)] = solve(m).objective;
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) CHECK(answers[static_cast<std::size_t>(t)] == doctest::Approx(t));
}

TEST_CASE("solver: violation measures bounds, rows and wholeness") {
  Model m;
  const Variable x = m.add_integer(0, 4);
  const Variable y = m.add_continuous(0, 1);
  m.add_less_equal({{x, 1.0}, {y, 1.0}}, 3);
  CHECK(m.violation(std::vector<double>{2, 1}) == 0.0);
  CHECK(m.violation(std::vector<double>{3, 1}) == doctest::Approx(1.0));    // the row by 1
  CHECK(m.violation(std::vector<double>{2.5, 0}) == doctest::Approx(0.5));  // not whole
  CHECK(m.violation(std::vector<double>{0, 2}) == doctest::Approx(1.0));    // y's bound
  CHECK(backend_name().starts_with("COIN-OR CBC "));
}
