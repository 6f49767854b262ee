#pragma once
/// Checking a setting: every rule of the profile over the audit period, and the
/// metrics reports are drawn from.
///
///     auto result = attune::check_setting(setting, profile);
///     result.counts.errors  // statutory breaches found

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "attune/finding.hpp"
#include "attune/finding_context.hpp"
#include "attune/finding_pattern.hpp"
#include "attune/profile.hpp"
#include "attune/setting.hpp"

namespace attune {

/// Per child over the period (`metrics.children` in the JSON).
struct ChildMetrics {
  ChildIndex child = kNone;
  AgeBand band = AgeBand::under_2;  ///< on the first day of the period
  long attended_minutes = 0;
  StaffIndex key_person = kNone;    ///< on the first day the child attends
  /// Minutes present with the key person on a work shift in the same room.
  long key_person_minutes = 0;
  long key_or_buddy_minutes = 0;
  int arrivals = 0;
  int arrivals_with_key_or_buddy = 0;
  int departures = 0;
  int departures_with_key_or_buddy = 0;
  int max_distinct_carers_per_week = 0;

  /// Shares of attended time; nullopt when the child did not attend.
  [[nodiscard]] std::optional<double> key_person_coverage() const;
  [[nodiscard]] std::optional<double> key_or_buddy_coverage() const;
};

/// Per key person (`metrics.key_persons`).
struct KeyPersonMetrics {
  StaffIndex staff = kNone;
  int key_children = 0;
  std::array<int, kAgeBandCount> by_band{0, 0, 0};
  long key_children_minutes = 0;       ///< their key children's attended minutes
  long minutes_with_key_children = 0;  ///< of those, minutes they were there
};

/// Per room (`metrics.rooms`).
struct RoomMetrics {
  RoomIndex room = kNone;
  long breach_minutes = 0;  ///< minutes of RATIO-ROOM breach
  long child_minutes = 0;   ///< sum over minutes of children present
};

/// One child on one attended day (for the report's child x day table).
struct ChildDayMetrics {
  ChildIndex child = kNone;
  Date date{};
  long attended_minutes = 0;
  long key_person_minutes = 0;
  long key_or_buddy_minutes = 0;
};

/// One stretch of a room's day as the report's timeline chart draws it: the numbers
/// RATIO-ROOM judged, so a renderer never works out compliance again.
struct RoomDaySegment {
  TimeWindow time;
  int children = 0;
  int staff_in_ratio = 0;
  int required = 0;
  bool breach = false;  ///< below the ratio, and RATIO-ROOM checks that day
};

/// One room on one date (`CheckOptions::room_days`).
struct RoomDayChart {
  RoomIndex room = kNone;
  std::size_t day = 0;  ///< index into Setting::days
  std::vector<RoomDaySegment> segments;
  long breach_minutes = 0;
};

struct Metrics {
  std::vector<ChildMetrics> children;
  std::vector<ChildDayMetrics> child_days;  ///< by child, then date
  std::vector<KeyPersonMetrics> key_persons;
  std::vector<RoomMetrics> rooms;
  /// Only when asked for (CheckOptions::room_days), by date then room.
  std::vector<RoomDayChart> room_days;
  /// room_days holds only the room-days with a ratio breach (a long period).
  bool room_days_breaches_only = false;
};

/// What `attune allocate` can reach, for the pointer in the text and HTML reports when
/// KP-COVERAGE or KP-BUDDY-COVERAGE fires (see attune/allocate.hpp, allocation_hint).
struct AllocationHint {
  bool babies = true;  ///< the lowest baby coverage; false: of all children (no baby attends)
  double best = 0.0;   ///< proved optimal
  double now = 0.0;    ///< today's
};

/// Finding::context of a finding whose context is worked out when it is first shown
/// (CheckOptions::finding_context_on_demand; context_of).
inline constexpr std::uint32_t kContextOnDemand = 0xFFFFFFFEu;

class FindingContextSource;  // lib/src/check/finding_context_source.hpp

struct CheckResult {
  std::string profile;  ///< profile id
  Period period;
  std::vector<Finding> findings;  ///< sorted with sort_findings
  std::vector<FindingContext> contexts;  ///< Finding::context indexes these
  std::vector<FindingPattern> patterns;  ///< Finding::pattern indexes these, in order of first finding
  FindingCounts counts;
  Metrics metrics;
  /// Set by the caller (`attune check` and `attune report` for one setting), not by check_setting.
  std::optional<AllocationHint> allocation_hint;
  /// With CheckOptions::finding_context_on_demand: works out the contexts of the findings
  /// marked kContextOnDemand when they are shown (context_of).
  std::shared_ptr<FindingContextSource> context_source;
};

/// The context of `f` (who was there, what the rota offers), or nullptr for none:
/// result.contexts[f.context], or worked out now from `setting` (the one checked) for a
/// finding left until it is shown.
const FindingContext* context_of(const Setting& setting, const CheckResult& result, const Finding& f);

struct CheckOptions {
  /// Rules to run: rule ids and/or the families "statutory" and "continuity".
  /// Empty: every rule the profile enables.
  std::vector<std::string> only;
  /// Keep each room-day's segments for the report's charts (Metrics::room_days).
  bool room_days = false;
  /// ... every room-day when the period has at most this many days; otherwise only the
  /// room-days with a ratio breach.
  std::size_t room_days_all_up_to = 14;
  /// Work out each ratio, qualification and first-aid finding's context (who was there,
  /// what the rota offers). Off for outputs that do not show it (CSV): it costs about a
  /// third of the rules' time on a findings-heavy year.
  bool finding_context = true;
  /// ... only for the findings an output shows, when it shows them (context_of): text and
  /// Markdown show `--limit` findings per rule, so most contexts would never be read.
  /// The findings get kContextOnDemand and CheckResult::contexts stays empty.
  bool finding_context_on_demand = false;
};

/// True if `rule` is selected by `only` (see CheckOptions::only).
bool rule_selected(std::string_view rule, const std::vector<std::string>& only);

/// Runs every enabled (and selected) rule of `profile` over `setting` and computes the
/// metrics. The metrics do not depend on which rules run.
CheckResult check_setting(const Setting& setting, const RuleProfile& profile,
                          const CheckOptions& options = {});

}  // namespace attune
