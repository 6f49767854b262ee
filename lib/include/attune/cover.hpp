#pragma once
/// `attune cover`: who covers an absence so that every statutory rule holds and the babies
/// keep an adult they know (DESIGN §8, docs/cover.md).
///
///     attune::CoverRequest request;
///     request.absent = {4};                       // staff index of s05
///     const attune::CoverProposal p = attune::cover(setting, profile, request, &history);
///     p.status                                    // covered, partial or infeasible
///     p.changes                                   // who moves, comes in, stays on
///
/// The absent people's shifts on the setting's period (the days to cover) are removed;
/// the proposal is the least change that leaves no statutory breach on those days, from:
/// part of a shift in another room, non-contact time turned into contact time, a shift
/// extended (within [cover] max_shift_minutes and the person's availability), a break
/// moved (within [cover] break_window_minutes of its planned start; never dropped), and
/// someone available and not rostered called in (availability.csv).
///
/// Objective, lexicographic, each stage solved exactly with the shared solver and held
/// while the next is solved: (1) the fewest breach-minutes summed over the statutory
/// findings (0: covered); (2) the fewest people changed, then the fewest extra paid
/// minutes; (3) the most under-2 child-minutes with an adult the child knows (key person,
/// buddy, or someone with a work shift in that room in the 28 days before); (4) the
/// fewest minutes of anyone's day changed. Changes begin and end at the day's events or
/// on [cover] step_minutes. The amended rota is checked with check_setting: "after" is
/// what `attune check` says of it, and it must agree with the model to the minute.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/check.hpp"
#include "attune/finding.hpp"
#include "attune/load.hpp"
#include "attune/profile.hpp"
#include "attune/setting.hpp"

namespace attune {

struct CoverRequest {
  std::vector<StaffIndex> absent;
  /// Wall-clock budget for the solver over all stages, in seconds (0: none). When it
  /// runs out, the best proposal found is given with the stages not proved.
  double time_limit_seconds = 60.0;
};

enum class CoverStatus : unsigned char {
  covered,     ///< no statutory breach is left on the days but those already there (proved)
  partial,     ///< breaches are left, fewer than without cover (or not all proved away)
  infeasible,  ///< no change of the rota removes any of the breaches the absence leaves
};
std::string_view cover_status_id(CoverStatus status);

enum class CoverChangeKind : unsigned char { move, contact, extend, break_move, call_in };
std::string_view cover_change_kind_id(CoverChangeKind kind);

/// One proposed change (never the absence itself).
struct CoverChange {
  StaffIndex staff = kNone;
  Date date{};
  TimeWindow time;              ///< break_move: the break's new time
  RoomIndex from_room = kNone;  ///< move: the room left; contact: the non-contact room (or kNone)
  RoomIndex to_room = kNone;    ///< kNone for break_move
  CoverChangeKind kind = CoverChangeKind::move;
  std::optional<TimeWindow> planned;  ///< break_move: the break as planned

  // What the change keeps, in the amended rota, during its time (the worst moment):
  /// The room left (a move): children there and staff in ratio; 0 children: none then.
  int left_children = 0, left_staff = 0;
  /// The room worked in: children there and staff in ratio.
  int room_children = 0, room_staff = 0;
  /// The room worked in: under-2 child-minutes, and those with an adult they know there.
  long babies_minutes = 0, babies_familiar_minutes = 0;
};

/// A time a statutory rule is still broken after the changes.
struct Uncovered {
  Date date{};
  TimeWindow time;
  RoomIndex room = kNone;  ///< kNone: premises-wide
  std::string rule;
  std::string message;  ///< the check's finding message
  std::string why;      ///< why no change mends it, in the nursery's words
};

/// One side of the comparison (with the absence, before and after the changes).
struct CoverSummary {
  FindingCounts counts;          ///< every finding of the days, by severity
  long breach_minutes = 0;       ///< summed over the statutory error findings with a time
  long under_2_minutes = 0;      ///< child-minutes of children under 2
  long under_2_familiar_minutes = 0;  ///< of those, with an adult they know in the room
  std::vector<Finding> statutory;  ///< the statutory error findings, sorted
};

struct CoverObjective {
  long breach_minutes = 0;
  int people_changed = 0;
  long extra_paid_minutes = 0;
  long under_2_familiar_minutes = 0;
  long changed_minutes = 0;
};

struct CoverStage {
  std::string name;    ///< "breach_minutes", "people_changed", ...
  std::string status;  ///< the solver's: optimal, feasible, stopped
};

struct CoverProposal {
  CoverStatus status = CoverStatus::covered;
  bool optimal = true;  ///< every stage proved optimal
  CoverObjective objective;
  std::vector<CoverChange> changes;  ///< in time order: date, start, staff
  std::vector<Uncovered> uncovered;
  /// Statutory breaches left that were there without the absence too and that no change
  /// of the rota can make or mend (who the key person is: KP-ASSIGNED, KP-VALID). They do
  /// not make a cover partial: `uncovered` does not hold them.
  std::vector<Uncovered> already_there;
  CoverSummary before;  ///< with the absence and no change
  CoverSummary after;   ///< with the changes
  /// Statutory rules of the profile that depend on the rota and that cover cannot plan
  /// for yet: a proposal is never said to keep them.
  std::vector<std::string> not_planned;
  std::vector<CoverStage> stages;
  /// The days of the period after the changes (the absence included).
  std::vector<Day> amended;
  /// (staff, day index) whose rows -o rewrites: the absent and the changed.
  std::vector<std::pair<StaffIndex, std::size_t>> rewritten;
  std::vector<StaffIndex> absent;
  int solves = 0;
  std::vector<std::string> notes;
};

/// Removes the spells of `absent` on every day of `setting` (the what-if).
void remove_absent(Setting& setting, const std::vector<StaffIndex>& absent);

/// Finds the cover (see the header comment) for every day of `setting.period`.
/// `history`, when given, is the same setting loaded over the 28 days before the first
/// day (up to the day before the last): who has worked in which room. Never throws for
/// a setting that cannot be covered: the status says.
CoverProposal cover(const Setting& setting, const RuleProfile& profile, const CoverRequest& request,
                    const Setting* history);

/// The whole shifts.csv amended: every row as read (`rows`, from LoadOptions::
/// keep_shift_rows), except the dated rows of the rewritten people on the days covered,
/// which are replaced by dated rows of their amended day (a row with no times for an
/// absent person). `attune check` reads it back.
std::string render_cover_shifts_csv(const Setting& setting, const std::vector<ShiftRecord>& rows,
                                    const CoverProposal& proposal);

/// The terminal report: the absence, the breaches it leaves, the changes in time order
/// with what each keeps, the breaches left, before and after.
std::string render_cover_text(const Setting& setting, const CoverProposal& proposal, bool redact);

/// The `attune.cover/1` JSON document (docs/cover.md).
std::string render_cover_json(const Setting& setting, const RuleProfile& profile, const CoverProposal& proposal);

}  // namespace attune
