#pragma once
// Accumulates the metrics of a check as the engine walks the period.

#include "attune/check.hpp"
#include "attune/timeline.hpp"

namespace attune {

class MetricsBuilder {
 public:
  MetricsBuilder(const Setting& setting, const RuleProfile& profile);
  void room_day(const RoomDay& room_day);
  void day(const Day& day);
  /// Completes the metrics; breach minutes come from the RATIO-ROOM findings.
  Metrics finish(const std::vector<Finding>& findings);

 private:
  const Setting& setting_;
  const RuleProfile& profile_;
  Metrics metrics_;
  std::vector<bool> seen_;  ///< child attended at least once
};

}  // namespace attune
