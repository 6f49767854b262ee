#pragma once
// Assembles the metrics of a check: per child from the continuity ledger, per room from
// the timeline, per key person from their key children.

#include "../continuity/ledger.hpp"
#include "attune/check.hpp"
#include "attune/timeline.hpp"

namespace attune {

class MetricsBuilder {
 public:
  explicit MetricsBuilder(const Setting& setting);
  void room_day(const RoomDay& room_day);
  /// Completes the metrics; breach minutes come from the RATIO-ROOM findings.
  Metrics finish(const std::vector<Finding>& findings, const ContinuityLedger& ledger);

 private:
  const Setting& setting_;
  Metrics metrics_;
};

}  // namespace attune
