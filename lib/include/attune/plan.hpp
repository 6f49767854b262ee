#pragma once
/// `attune plan`: a week's rota, built from the bookings and who is available, that meets
/// every statutory rule of the profile in every minute, and keeps each baby with their
/// key person for as much of the day as the staffing allows (DESIGN §8, docs/plan.md).
///
///     attune::PlanOptions options;                 // the setting's period is the week
///     const attune::RotaPlan plan = attune::plan_rota(setting, profile, options);
///     plan.status                                  // optimal, feasible, infeasible, ...
///     attune::render_plan_shifts_csv(setting, plan) // the rota as shifts.csv
///
/// A mixed-integer programme over slots of `[plan] slot_minutes`: for each person, day and
/// slot, working in a room, on a break, or off. Hard: the profile's statutory rules
/// (lib/src/plan/requirements.hpp) in every stretch of every slot, availability,
/// contracts plus overtime, one contiguous shift a day within the shift bounds, and the
/// break (never below the law's rest break). Objective, lexicographic, each stage proved
/// and held before the next: (1) the lowest key-person coverage of the children under 2;
/// (2) of all children; (3) total key-person minutes; (4) total key-or-buddy minutes;
/// (5) the fewest extra minutes (bank staff, overtime, staff without a contract); (6) the
/// smallest shortfall from contracted minutes; (7) with a current rota, the fewest
/// changed minutes; then a tie-break, the fewest room changes. The allocation of key
/// persons and buddies is the setting's, held fixed.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/allocate.hpp"
#include "attune/profile.hpp"
#include "attune/setting.hpp"

namespace attune {

struct PlanOptions {
  /// The setting's shifts (Day::staff) are the current rota, to change as little as
  /// possible (`--from-rota`); otherwise they are ignored.
  bool from_rota = false;
  /// Overrides [plan] time_limit_seconds (0: keep it).
  double time_limit_seconds = 0.0;
  /// Threads the solver may use.
  int threads = 2;
  /// Ids instead of names in the reasons and notes.
  bool redact = false;
  /// Tests only: the first rota's day solves skip their tries with the start's objective
  /// and go straight to the fallback (a feasibility solve per day), as when the machine
  /// is too loaded for those tries to find a rota in their time.
  bool fallback_start_only = false;
  /// Tests only: the first rota is the constructive heuristic's alone (no solver-made
  /// start, no repair rounds, no solve for a day it cannot build: then no start).
  bool constructive_start_only = false;
};

enum class PlanStatus : unsigned char {
  optimal,      ///< every stage proved optimal
  feasible,     ///< a rota that keeps every rule; some stage stopped by the time limit (see the gaps)
  infeasible,   ///< proved: no rota keeps every rule (see `reasons`)
  stopped,      ///< the time limit came before any rota was found
  unsupported,  ///< the profile has a statutory rule plan cannot yet plan for (`unplanned_rules`)
};
std::string_view plan_status_id(PlanStatus status);

/// One row of the planned shifts.csv.
struct PlannedShift {
  StaffIndex staff = kNone;
  Date date{};
  TimeWindow time;
  RoomIndex room = kNone;
  ShiftKind kind = ShiftKind::work;
};

/// How one stage of the objective ended.
struct PlanStage {
  std::string name;    ///< "min_under_2_coverage", ..., "room_changes"
  std::string status;  ///< optimal, feasible (stopped with a solution), stopped, skipped
  /// The value held for the next stages, and the best bound proved on it (equal when
  /// optimal); nullopt when skipped or stopped without a value.
  std::optional<double> value;
  std::optional<double> bound;
  /// |bound - value| / max(1, |value|): what was left to prove (0 when optimal; infinite
  /// when feasible with no bound; 0 and meaningless when stopped: see `status`).
  double gap = 0.0;
  double seconds = 0.0;
  int solves = 0;
};

/// The objective's values for the rota (exact: computed from the rota, not the solver).
struct PlanObjective {
  std::optional<Share> min_under_2_coverage;  ///< nullopt: no child under 2 with a key person attends
  std::optional<Share> min_coverage;
  long key_person_minutes = 0;
  long key_or_buddy_minutes = 0;
  long extra_minutes = 0;      ///< bank + overtime + staff without a contract
  long bank_minutes = 0;
  long overtime_minutes = 0;
  long uncontracted_minutes = 0;
  long shortfall_minutes = 0;  ///< below contracted minutes, summed over staff
  std::optional<long> changed_minutes;  ///< with a current rota
  long room_changes = 0;
};

/// One child's week under the rota.
struct PlannedChild {
  ChildIndex child = kNone;
  AgeBand band = AgeBand::under_2;  ///< attune's band on the first day attended
  long attended_minutes = 0;
  StaffIndex key_person = kNone;  ///< on the first day attended
  StaffIndex buddy = kNone;
  long key_person_minutes = 0;
  long key_or_buddy_minutes = 0;
  /// The key person cannot be with the child at any minute of the week (not available,
  /// not employed, none named): left out of stages (1) and (2).
  bool key_person_away = false;
};

/// One child's day under the rota (for the views: whose key children each adult covers).
struct PlannedChildDay {
  ChildIndex child = kNone;
  Date date{};
  RoomIndex room = kNone;         ///< the room the child arrives in
  StaffIndex key_person = kNone;  ///< that day
  long attended_minutes = 0;
  long key_person_minutes = 0;
};

/// One person's week under the rota.
struct PlannedStaff {
  StaffIndex staff = kNone;
  long planned_minutes = 0;  ///< work (breaks excluded)
  std::optional<int> contracted_minutes;
  long overtime_minutes = 0;
  long shortfall_minutes = 0;
  int days = 0;
};

struct RotaPlan {
  PlanStatus status = PlanStatus::optimal;
  /// How far the rota can be from the best one: the largest gap among the stages the
  /// solver worked on and did not prove (0 when optimal; infinite when such a stage has
  /// no bound). Each stage's bound holds with the stages before it held at their values.
  double gap = 0.0;
  /// The stage that gap is in ("min_coverage"); empty when no stage worked on is unproved.
  std::string gap_stage;
  /// Stages the time limit left no time for (status stopped): their values are the
  /// rota's, not optimised, and unbounded.
  std::vector<std::string> unreached_stages;
  /// Infeasible or stopped: why, in the nursery's words, one line each.
  std::vector<std::string> reasons;
  std::vector<PlannedShift> shifts;  ///< by date, staff (staff.csv order), start
  PlanObjective objective;
  std::vector<PlanStage> stages;
  std::vector<PlannedChild> children;  ///< every child attending, children.csv order
  std::vector<PlannedChildDay> child_days;  ///< by date, then child
  std::vector<PlannedStaff> staff;     ///< every person the plan could roster, staff.csv order
  /// Statutory rules of the profile with no requirement yet (status unsupported).
  std::vector<std::string> unplanned_rules;
  /// What the manager should know that is not the answer (rules no rota can mend, ...).
  std::vector<std::string> notes;
  /// Where the first rota came from: "heuristic start" or "solver".
  std::string start;
  /// Statutory breaches `attune check` finds in the rota itself (0: a fault otherwise).
  long verified_breaches = 0;
  int solves = 0;
  double seconds = 0.0;
  int slot_minutes = 15;
  /// The size of the programme before the stages add to it (0 when none was built).
  std::size_t variables = 0;
  std::size_t rows = 0;
};

/// Plans the setting's period (the CLI makes it the week asked for). Never throws for
/// an infeasible or hard setting: the status says.
RotaPlan plan_rota(const Setting& setting, const RuleProfile& profile, const PlanOptions& options);

/// The rota as shifts.csv: dated rows, HH:MM, one work row per stint in one room, break
/// rows inside them. `attune check` reads it back.
std::string render_plan_shifts_csv(const Setting& setting, const RotaPlan& plan);

/// The terminal report: status, the objective, per day and room who works when and whose
/// key children they cover; or why no rota exists.
std::string render_plan_text(const Setting& setting, const RotaPlan& plan, bool redact);

/// The `attune.plan/1` JSON document (docs/json.md, docs/plan.md).
std::string render_plan_json(const Setting& setting, const RotaPlan& plan);

/// One self-contained HTML page: the week per room as a chart of who works when.
std::string render_plan_html(const Setting& setting, const RotaPlan& plan, bool redact);

}  // namespace attune
