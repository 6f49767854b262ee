#pragma once
// The rota as a mixed-integer programme (solver::Model): the variables of who works
// where, the hard rows, and the amounts the objective's stages are made of.
//
// For each person p, day d and slot t they are available in:
//   w(p,d,t,r) in {0,1}   works in room r             b(p,d,t) = 1: on a break
//   on(t) = sum_r w + b <= 1                            one place at a time
//   on(t) - on(t-1) = start(t) - stop(t)                 one contiguous shift a day:
//   sum_t start(t) = y(p,d) in {0,1}                     start, stop in [0,1]
//   min_shift y <= L = sum_t len(t) on(t) <= max_shift y
// Breaks, per level k (a shift longer than after_k has a break of n_k slots; the levels
// nest, so the longest break that applies is the one taken):
//   L <= after_k + (Lmax - after_k) long_k,  L >= (after_k + 1) long_k,  long_k <= long_{k-1}
//   sum_t q_k(t) = long_k - long_{k+1}         q_k(t) = 1: a break of n_k slots from t,
//   b(t) = sum_k sum_{t-n_k < t' <= t} q_k(t')  inside the break window, work just before
//   q_k(t) <= work(t-1), q_k(t) <= work(t+n_k)  and just after
// Contracts, per person and ISO week: work minutes W = sum len(t) sum_r w <= contract +
// overtime; over >= W - contract, short >= contract - W (continuous, >= 0).
// Statutory rules: plan::Requirements over every piece of every slot, with presence
// w(p,d,t,r) in the room and sum_r w (plus b where breaks count for first aid) on site.

#include <optional>
#include <vector>

#include "attune/solver.hpp"
#include "requirements.hpp"
#include "week.hpp"

namespace attune::plan {

/// Where one person is during one slot.
struct SlotState {
  static constexpr RoomIndex kOff = kNone;
  static constexpr RoomIndex kBreak = kNone - 1;
  RoomIndex place = kOff;  ///< a room, kBreak or kOff
};

struct PersonDayVars {
  std::vector<std::vector<std::pair<RoomIndex, solver::Variable>>> w;  ///< per slot
  std::vector<std::optional<solver::Variable>> b;                       ///< per slot
  struct BreakStart {
    std::size_t level = 0;
    std::uint32_t slot = 0;
    solver::Variable q;
  };
  std::vector<BreakStart> q;
  std::vector<std::optional<solver::Variable>> start, stop;  ///< per slot; stop has one more
  std::optional<solver::Variable> y;
  std::vector<solver::Variable> longs;  ///< per break level that a shift can reach
};

/// One person's week (ISO week) for the contract rows.
struct PersonWeek {
  StaffIndex staff = kNone;
  std::vector<std::uint32_t> person_days;
  std::optional<double> contract;                  ///< contracted minutes, where recorded
  std::optional<solver::Variable> over, short_of;  ///< with a contract
  std::vector<solver::Term> work;                  ///< work minutes (breaks excluded)
};

class RotaModel {
 public:
  /// `soft`: the statutory requirements may be breached (their breach variables are
  /// free), for explaining an infeasible week.
  RotaModel(const Setting& setting, const Week& week, const Requirements& requirements, bool soft);

  [[nodiscard]] solver::Model& model() { return model_; }
  [[nodiscard]] const solver::Model& model() const { return model_; }
  [[nodiscard]] const Week& week() const { return week_; }
  [[nodiscard]] const std::vector<PersonDayVars>& vars() const { return vars_; }
  [[nodiscard]] const std::vector<PersonWeek>& person_weeks() const { return weeks_; }
  [[nodiscard]] const std::vector<Requirement>& requirements() const { return requirements_; }

  /// w(p,d,t,r) for person-day `pd`, or nullopt.
  [[nodiscard]] std::optional<solver::Variable> work(std::size_t pd, std::uint32_t slot, RoomIndex room) const;
  /// The person-day of `staff` on week day `day`, or -1.
  [[nodiscard]] std::int32_t person_day(StaffIndex staff, std::uint32_t day) const;

  /// Minutes child `c` has with their key person (or, with `buddy`, their buddy) in
  /// their room, as terms of w: sum over the child's slots of minutes x w(key, room).
  [[nodiscard]] std::vector<solver::Term> minutes_with(ChildIndex c, bool buddy) const;

  /// The variables of person-day `pd`: [first, second), made together, always in the
  /// same order for the same person-day (a day planned alone maps onto the week).
  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> variables_of(std::size_t pd) const { return ranges_[pd]; }
  /// The variables the statutory rows of week day `day` made (breach and helper
  /// variables), likewise.
  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> rule_variables_of(std::uint32_t day) const {
    return day_ranges_[day];
  }

  /// Where everyone is in `values` (one per variable): per person-day, per slot.
  [[nodiscard]] std::vector<std::vector<SlotState>> decode(const std::vector<double>& values) const;

 private:
  void add_person_day(std::size_t pd);
  void add_breaks(std::size_t pd, const std::vector<solver::Term>& length, double longest);
  void add_contracts();
  void add_requirements(bool soft);
  void add_rest_between_days();

  const Setting& setting_;
  const Week& week_;
  const Requirements& rules_;
  solver::Model model_;
  std::vector<PersonDayVars> vars_;
  std::vector<PersonWeek> weeks_;
  std::vector<Requirement> requirements_;
  std::vector<std::vector<std::int32_t>> by_staff_day_;  ///< staff -> day -> person-day
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges_;      ///< per person-day
  std::vector<std::pair<std::uint32_t, std::uint32_t>> day_ranges_;  ///< per day: the rules' variables
};

}  // namespace attune::plan
