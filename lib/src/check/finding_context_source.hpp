#pragma once
// A finding's context worked out when an output first shows it (CheckOptions::
// finding_context_on_demand): the day's timeline is built again, as check_setting built
// it, and the context is the one FindingContextBuilder::add_day would have given.

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

#include "attune/finding.hpp"
#include "attune/finding_context.hpp"
#include "attune/profile.hpp"
#include "attune/setting.hpp"
#include "attune/timeline.hpp"
#include "finding_context.hpp"

namespace attune {

class FindingContextSource {
 public:
  explicit FindingContextSource(RuleProfile profile) : profile_(std::move(profile)) {}

  /// The context of `f`, a finding of `setting` marked kContextOnDemand; worked out once.
  const FindingContext& context(const Setting& setting, const Finding& f);

 private:
  const RuleProfile profile_;
  std::mutex mutex_;
  const Setting* setting_ = nullptr;  ///< the setting the builders below were made for
  std::unique_ptr<TimelineBuilder> timelines_;
  std::unique_ptr<FindingContextBuilder> builder_;
  /// The days' timelines built so far: text lists each rule's findings in date order,
  /// rule after rule, so the same first days come again (a copy costs less than a build).
  std::map<std::size_t, DayTimeline> timelines_by_day_;
  /// What a context depends on: the rule, date, time and room of its finding.
  using Key = std::tuple<std::string, Date, Minute, Minute, RoomIndex>;
  std::map<Key, FindingContext, std::less<>> worked_out_;  // node-based: references stay valid
};

}  // namespace attune
