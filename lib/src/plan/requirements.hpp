#pragma once
// The statutory rules as linear requirements: the one place that knows how a rule of the
// profile becomes rows of a mixed-integer programme. The planners (`attune cover`, and
// later `attune plan`) describe a stretch of one day (the children present, fixed, and
// who may be working where, as 0/1 expressions of their own variables); this module adds
// the rows that hold exactly when `attune check` finds no breach of the rule there.
//
//     children   |=== 4 babies ===|          a stretch: nothing about the children
//     s1 (L3)    x1                          changes inside it; x1, x2 are the
//     s2 (L2)    x2                          planner's 0/1 variables
//     RATIO-ROOM        x1 + x2 + 2v >= 2    (4 babies at 1:3 need 2)
//     QUAL-LEVEL3       x1 + v' >= 1
//
// Numbers are never copied here: required staff comes from `required_staff` (the
// timeline's own function), shares from the profile, who counts from `staff_standing`.
// tests/unit/requirements_property_test.cpp checks on random staffings that "every
// requirement holds" is exactly "check_setting finds no breach of that rule".

#include <optional>
#include <string_view>
#include <vector>

#include "attune/profile.hpp"
#include "attune/setting.hpp"
#include "attune/solver.hpp"
#include "attune/timeline.hpp"

namespace attune::plan {

/// How one member of staff counts towards the statutory rules on one date: what the
/// timeline counts for them (lib/src/timeline/sweep.cpp) when they are on a work shift.
struct StaffCounts {
  bool in_ratio = false;
  bool level3 = false;               ///< in ratio, at level 3 or above
  bool level2 = false;               ///< in ratio, at level 2 or above
  bool graduate = false;             ///< in ratio, with one of the profile's graduate qualifications
  bool baby_trained = false;         ///< in ratio, with baby-care training
  bool under_2_experienced = false;  ///< in ratio, with under_2_experience
  bool pfa = false;                  ///< in-date paediatric first aid (in ratio or not)
  bool childminder = false;          ///< in ratio, with the role childminder (CM-ASSISTANT-ALONE)
};
StaffCounts staff_counts(const Staff& staff, Date date, const RuleProfile& profile);

/// A statutory rule that no change of the rota can make or mend: it is about who the key
/// person is (KP-ASSIGNED, KP-VALID: children.csv, allocations.csv).
bool rota_cannot_touch(std::string_view rule);

/// A 0/1 amount of a planner's model: `constant + sum of terms`, which the planner keeps
/// at 0 or 1 ("this person works in this room during the stretch").
struct Presence {
  double constant = 0.0;
  std::vector<solver::Term> terms;
  static Presence always() { return Presence{1.0, {}}; }
  static Presence of(solver::Variable v) { return Presence{0.0, {{v, 1.0}}}; }
};

/// Someone who may be present during a stretch, and how they count.
struct Worker {
  StaffIndex staff = kNone;
  StaffCounts counts;
  Presence present;
};

/// One room with children during a stretch.
struct RoomStretch {
  RoomIndex room = kNone;
  /// The children present, by band, as the timeline counts them (only `children` is read).
  Segment children;
  /// Everyone who may be on a work shift in this room during the stretch.
  std::vector<Worker> workers;
};

/// A stretch of one day during which the children present do not change, it does not
/// cross the start or end of a meal or of the profile's graduate-ratio hours, and the
/// planner's choices hold throughout.
struct Stretch {
  Date date{};
  TimeWindow time;
  std::vector<RoomStretch> rooms;  ///< every room with children during the stretch
  Segment premises_children;      ///< all the children on the premises (only `children` is read)
  /// Everyone who may be on a work shift, in any room (RATIO-SETTING counts them all).
  std::vector<Worker> on_work;
  /// Everyone who may be on the premises and available for first aid (PFA-ON-SITE): on a
  /// work shift, on non-contact time, or on a break where the profile counts breaks.
  std::vector<Worker> on_premises;
};

/// One rule in one place over one stretch. `breach` is a binary variable the requirement
/// added: at 0 the rule holds (the rows force it); at 1 the rows are relaxed.
struct Requirement {
  std::string_view rule;
  RoomIndex room = kNone;  ///< kNone for premises-wide rules
  solver::Variable breach;
  TimeWindow time;
};

/// What the planners do with each statutory rule of a profile.
struct RulePlan {
  /// Made into requirements (in catalog order).
  std::vector<std::string_view> planned;
  /// Statutory errors that no change of the rota can make or mend (the key-person rules:
  /// children.csv and allocations.csv), and those that hold whenever a planned rule holds
  /// (PFA-EXPIRY is an error only when PFA-ON-SITE fails).
  std::vector<std::string_view> not_rota;
  /// Enabled statutory rules that depend on the rota but have no requirement here yet: a
  /// planner must say so, never promise they hold.
  std::vector<std::string_view> not_planned;
  /// Rules whose rows span a whole day (CM-ASSISTANT-ALONE: minutes a day); planned only
  /// for a planner that adds them (`sole_charge`, `add_day`), else in `not_planned`.
  std::vector<std::string_view> whole_day;
};

class Requirements {
 public:
  /// `whole_days`: the planner adds each day's rows (`sole_charge`, `add_day`), so the
  /// rules of `RulePlan::whole_day` are planned.
  Requirements(const Setting& setting, const RuleProfile& profile, bool whole_days = false);

  [[nodiscard]] const RulePlan& rules() const { return plan_; }
  [[nodiscard]] const RuleProfile& profile() const { return profile_; }

  /// Adds the rows of every planned rule for `stretch` to `model`, and one Requirement
  /// per rule and place to `out`. With `soft`, each breach variable is free (the caller
  /// minimises breach minutes); otherwise it is fixed at 0 and every rule must hold.
  void add(solver::Model& model, const Stretch& stretch, bool soft, std::vector<Requirement>& out) const;

  /// CM-ASSISTANT-ALONE over one slot whose people do not change (`stretch`, any piece of
  /// it) and in which children are present for `minutes`: a variable at least 1 when an
  /// assistant is in ratio there and no childminder, as the term `minutes x it`; nullopt
  /// when the rule is not planned or in force that day, or nobody could be alone.
  std::optional<solver::Term> sole_charge(solver::Model& model, const Stretch& stretch, int minutes) const;
  /// The day's row: the sole-charge minutes (terms from `sole_charge`) at most the
  /// profile's max_minutes_per_day.
  void add_day(solver::Model& model, Date date, TimeWindow opening, const std::vector<solver::Term>& sole_charge,
               bool soft, std::vector<Requirement>& out) const;

 private:
  const Setting& setting_;
  const RuleProfile& profile_;
  RulePlan plan_;
  bool planned(std::string_view rule) const;
};

}  // namespace attune::plan
