#pragma once
// Assembles the metrics of a check: per child from the continuity ledger, per room from
// the timeline, per key person from their key children.

#include "../continuity/ledger.hpp"
#include "attune/check.hpp"
#include "attune/timeline.hpp"

namespace attune {

class MetricsBuilder {
 public:
  MetricsBuilder(const Setting& setting, const RuleProfile& profile, const CheckOptions& options);
  /// Child minutes and minutes below ratio of one room-day (whichever rules run), and
  /// its chart when asked for; `ratio_checked`: RATIO-ROOM runs on this day.
  void room_day(const RoomDay& room_day, bool ratio_checked);
  Metrics finish(const ContinuityLedger& ledger);

 private:
  [[nodiscard]] bool enrolled_in_period(const Child& child) const;
  const Setting& setting_;
  bool charts_ = false;
  bool charts_all_days_ = false;
  Metrics metrics_;
};

}  // namespace attune
