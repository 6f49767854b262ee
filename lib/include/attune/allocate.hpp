#pragma once
/// `attune allocate`: the provably best key person and buddy for every child attending
/// in the period, from the rota and the bookings (DESIGN §8, docs/allocate.md).
///
///     attune::AllocateOptions options;
///     const attune::AllocationProposal result = attune::allocate(setting, options);
///     result.status                       // optimal, feasible, infeasible or stopped
///     result.after.min_under_2_coverage   // the lowest baby coverage, as an exact fraction
///
/// What is optimised, in order, each stage solved exactly and then held while the next
/// is optimised: (1) the lowest key-person coverage among children under 2; (2) the
/// lowest coverage of all children; (3) the fewest changes of key person (skipped with
/// `reallocate`); (4) the total key-person minutes; (5) the total key-or-buddy minutes;
/// then ties go to the smallest list of (key person id, buddy id) in children.csv order.
/// Coverage is exactly the KP-COVERAGE measure of `attune check`.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "attune/age_band.hpp"
#include "attune/check.hpp"
#include "attune/setting.hpp"

namespace attune {

/// A share as an exact fraction, compared by cross-multiplying: 1440/2700 and 8/15 are
/// equal, and never within a tolerance.
struct Share {
  std::int64_t part = 0;
  std::int64_t whole = 1;  ///< > 0
  [[nodiscard]] double value() const { return static_cast<double>(part) / static_cast<double>(whole); }
  friend bool operator==(Share a, Share b) { return a.part * b.whole == b.part * a.whole; }
  friend bool operator<(Share a, Share b) { return a.part * b.whole < b.part * a.whole; }
  friend bool operator<=(Share a, Share b) { return !(b < a); }
  friend bool operator>(Share a, Share b) { return b < a; }
  friend bool operator>=(Share a, Share b) { return !(a < b); }
};

struct AllocateOptions {
  /// At most this many children get a new key person (nullopt: no limit).
  std::optional<int> max_changes;
  /// Children who keep their current key person.
  std::vector<ChildIndex> keep;
  /// A new term: stage (3), fewest changes, is skipped.
  bool reallocate = false;
  /// Wall-clock budget for the solver, in seconds, over all the stages (0: none). When
  /// it runs out, the best allocation found so far is reported with its status.
  double time_limit_seconds = 60.0;
  /// Only the best lowest baby coverage (stage 1; stage 2 when no child is under 2), as
  /// `attune check` shows it: no trade-off, no later stages, no tie-break.
  bool first_stage_only = false;
  /// Ids instead of names in the reason for an infeasible setting.
  bool redact = false;
};

enum class AllocationStatus : unsigned char {
  optimal,     ///< every stage was proved optimal
  feasible,    ///< an allocation that keeps every rule, some stage not proved (time limit)
  infeasible,  ///< no allocation keeps the caps, eligibility, families and limits
  stopped,     ///< the time limit came before any allocation was found
};
std::string_view allocation_status_id(AllocationStatus status);

/// One child's key person and buddy, and what they give the child over the period.
struct Placement {
  StaffIndex key_person = kNone;
  StaffIndex buddy = kNone;
  long key_person_minutes = 0;    ///< minutes with the key person in the child's room
  long key_or_buddy_minutes = 0;  ///< minutes with either
};

struct ChildAllocation {
  ChildIndex child = kNone;
  AgeBand band = AgeBand::under_2;  ///< on the first day the child attends
  long attended_minutes = 0;
  /// Gets a buddy: under 2, every child with [policy] buddy_for_all, or one who has a
  /// buddy today (on the first day attended).
  bool needs_buddy = false;
  /// As `attune check` measures it today: the key person and buddy on the first day
  /// attended, the minutes over the period (allocations.csv changes included).
  Placement current;
  Placement proposed;
  /// The proposed key person differs from an eligible current one.
  bool changed = false;
  /// The current key person cannot be one on every day the child attends (left, not
  /// started, a student ...): a new one is needed, and it does not count as a change.
  bool current_ineligible = false;
};

/// The objective's values for one allocation.
struct AllocationObjective {
  std::optional<Share> min_under_2_coverage;  ///< nullopt: no child under 2 attends
  std::optional<Share> min_coverage;          ///< nullopt: no child attends
  int changes = 0;
  long key_person_minutes = 0;
  long key_or_buddy_minutes = 0;
};

/// The best lowest baby coverage with at most `changes` changes of key person.
struct TradeoffRow {
  int changes = 0;
  std::optional<Share> min_under_2_coverage;  ///< nullopt: no allocation with so few changes
};

/// Key and buddy children of one member of staff under the proposed allocation (every
/// child enrolled in the period; those not attending keep theirs).
struct KeyPersonLoad {
  StaffIndex staff = kNone;
  int key_children = 0;
  int buddy_children = 0;
};

/// How each stage ended, for the record.
struct StageReport {
  std::string name;    ///< "min_under_2_coverage", ..., "tie_break"
  std::string status;  ///< the solver's status: optimal, feasible, stopped, skipped
};

struct AllocationProposal {
  AllocationStatus status = AllocationStatus::optimal;
  /// Infeasible: why, counted setting-wide in the nursery's words; and what to change.
  std::string reason;
  std::string what_to_change;
  AllocationObjective before;  ///< the current allocation (as check measures it)
  AllocationObjective after;   ///< the proposed one
  std::vector<ChildAllocation> children;  ///< every child attending, in children.csv order
  std::vector<KeyPersonLoad> key_persons;  ///< staff with key or buddy children, staff.csv order
  std::vector<TradeoffRow> tradeoff;
  std::vector<StageReport> stages;
  int solves = 0;  ///< mixed-integer programmes solved
  /// Things the manager should know that are not part of the answer ("--keep c05: ...").
  std::vector<std::string> notes;
};

/// Finds the allocation (see the header comment). `setting` is as loaded, its period the
/// one to optimise over. Never throws for an infeasible or hard setting: the status says.
AllocationProposal allocate(const Setting& setting, const AllocateOptions& options);

/// The allocations.csv that puts the proposal in force from `apply_from`: for each
/// attending child, its earlier rows (ending the day before) and a row from `apply_from`
/// with no end; children not attending keep their rows (or, with none, get one with
/// their children.csv key person and buddy). `attune check` reads it back.
std::string render_allocations_csv(const Setting& setting, const AllocationProposal& proposal, Date apply_from);

/// The terminal report: objective before and after, a table per room, the changes, the
/// trade-off; or why no allocation exists.
std::string render_allocation_text(const Setting& setting, const AllocationProposal& proposal, bool redact);

/// The `attune.allocation/1` JSON document (docs/allocate.md).
std::string render_allocation_json(const Setting& setting, const AllocationProposal& proposal);

/// When KP-COVERAGE or KP-BUDDY-COVERAGE fired in `result`: the best lowest baby coverage
/// (stage 1; of all children when no baby attends) allocate proves, and today's. Nullopt
/// when neither fired, or when the optimum was not proved within `time_limit_seconds`.
std::optional<AllocationHint> allocation_hint(const Setting& setting, const CheckResult& result,
                                              double time_limit_seconds = 10.0);

/// "`attune allocate` finds an allocation with the lowest baby coverage at 94% (53% today)",
/// without the backquotes when `plain` (for HTML).
std::string allocation_hint_text(const AllocationHint& hint, bool plain);

}  // namespace attune
