#pragma once
// The lexicographic stages of the cover, each solved exactly and then held as a row while
// the next is solved: breach minutes, people changed, extra paid minutes, babies' minutes
// with a familiar adult, minutes changed. Every stage's objective is a whole number at
// any solution with whole-number people (the familiar minutes take the smaller of 1 and
// the adults there), so a gap below 1 proves the optimum exactly.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "attune/cover.hpp"
#include "formulation.hpp"

namespace attune::covering {

inline constexpr std::size_t kStageCount = 5;
/// breach_minutes, people_changed, extra_paid_minutes, under_2_familiar_minutes, changed_minutes.
extern const char* const kStageNames[kStageCount];

struct Solved {
  bool found = false;   ///< `values` is a solution
  bool proved = true;   ///< every stage proved optimal
  std::vector<double> values;
  std::vector<CoverStage> stages;
  long before_breach = 0;  ///< breach minutes of the rota as it stands (the model's)
  long breach = 0;         ///< stage 1's optimum
  int solves = 0;
};

/// The time left of a limit shared by every solve of a request.
class Deadline {
 public:
  explicit Deadline(double limit_seconds) : limit_(limit_seconds), begun_(std::chrono::steady_clock::now()) {}
  /// Seconds left for the next solve (0: no limit; never less than 0.01 otherwise).
  [[nodiscard]] double remaining() const;

 private:
  double limit_;
  std::chrono::steady_clock::time_point begun_;
};

/// How every stage is solved (see stages.cpp): no preprocessing, no heuristics, no
/// start; a gap below 1 (the objectives are whole numbers); the time left.
solver::SolveOptions stage_options(const Deadline& deadline);
/// A whole number at every solution: proved when the bound is within 1 of `value`.
bool proved_at(const solver::Result& r, double value);

/// The stages of one formulation, one at a time, each held once solved.
class Stager {
 public:
  Stager(Formulation& f, const Deadline& deadline) : f_(f), deadline_(deadline) {}

  /// The rota as it stands, everyone held to it: its breach minutes, and the solution the
  /// first stage starts from. False when the solver stopped first.
  bool as_rostered();
  /// Stage 1 of several days, one day at a time (see stages.cpp).
  void breach_day_by_day();
  /// Solves stage `index` (0-4) from the last solution and holds its value.
  void stage(std::size_t index);
  /// The stages from `first` to the last, in order.
  void stages_from(std::size_t first) {
    for (std::size_t i = first; i < kStageCount; ++i) stage(i);
  }
  /// Minimises or maximises `o` (nothing held): the solution when it is at least as good
  /// as the last one, which it replaces; whether it was proved (`last_status()` says how).
  bool improve(const Objective& o, solver::Sense sense);
  /// Holds stage `index` at `value` without solving it (a value proved elsewhere).
  void hold(std::size_t index, long value);
  /// Holds the breach minutes of day `d`'s requirements, `day`, at `best` at most.
  void hold_breach(const Objective& day, long best);
  /// The breach minutes of day plan `d` alone.
  [[nodiscard]] Objective day_breach(std::size_t d) const;
  /// Replaces stage 2's held row by `people changed <= most` (for the week: see week.cpp).
  void allow_people(long most);
  /// Replaces the held row of minimised stage `index` (2 or 5, counted from 1) by
  /// `value <= most`; nothing when that stage was not held by a row.
  void allow(std::size_t index, long most);
  /// The objective of stage `index`, and whether it is minimised.
  [[nodiscard]] const Objective& objective_of(std::size_t index) const;

  [[nodiscard]] const std::string& last_status() const { return last_status_; }
  /// The value stage `index` is held at (a whole number), once held.
  [[nodiscard]] long held(std::size_t index) const { return held_[index]; }
  Solved& solved() { return out_; }
  [[nodiscard]] const Solved& solved() const { return out_; }
  Formulation& formulation() { return f_; }

 private:
  void objective(const Objective& o, solver::Sense sense);
  [[nodiscard]] double ceiling(const Objective& o) const;

  Formulation& f_;
  const Deadline& deadline_;
  Solved out_;
  bool people_none_ = false;  ///< stage 2 proved that nobody needs to change
  std::optional<std::uint32_t> rows_[kStageCount];  ///< the held row of each stage, once held
  std::string last_status_ = "optimal";
  long held_[kStageCount] = {};
};

/// Solves the stages of `f` within `time_limit_seconds` (0: none), changing its rows.
Solved solve_stages(Formulation& f, double time_limit_seconds);

}  // namespace attune::covering
