#pragma once
// Assembles the metrics of a check: per child from the continuity ledger, per room from
// the timeline, per key person from their key children.

#include "../continuity/ledger.hpp"
#include "attune/check.hpp"
#include "attune/timeline.hpp"

namespace attune {

class MetricsBuilder {
 public:
  MetricsBuilder(const Setting& setting, const RuleProfile& profile);
  /// Child minutes and minutes below ratio of one room-day (whichever rules run).
  void room_day(const RoomDay& room_day);
  Metrics finish(const ContinuityLedger& ledger);

 private:
  [[nodiscard]] bool enrolled_in_period(const Child& child) const;
  const Setting& setting_;
  const RuleProfile& profile_;
  Metrics metrics_;
};

}  // namespace attune
