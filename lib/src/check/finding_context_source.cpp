#include "finding_context_source.hpp"

#include <algorithm>

#include "attune/check.hpp"

namespace attune {

const FindingContext& FindingContextSource::context(const Setting& setting, const Finding& f) {
  std::lock_guard lock(mutex_);
  Key key{f.rule, *f.date, f.time->start, f.time->end, f.room};
  if (const auto it = worked_out_.find(key); it != worked_out_.end()) return it->second;
  if (setting_ != &setting) {
    setting_ = &setting;
    timelines_ = std::make_unique<TimelineBuilder>(setting, profile_);
    builder_ = std::make_unique<FindingContextBuilder>(setting, profile_);
    timelines_by_day_.clear();
  }
  const auto day = std::find_if(setting.days.begin(), setting.days.end(),
                                [&](const Day& d) { return d.date == *f.date; });
  const auto d = static_cast<std::size_t>(day - setting.days.begin());
  auto timeline = timelines_by_day_.find(d);
  if (timeline == timelines_by_day_.end()) timeline = timelines_by_day_.emplace(d, timelines_->build(d)).first;
  return worked_out_.emplace(std::move(key), builder_->context_of(f, *day, timeline->second)).first->second;
}

const FindingContext* context_of(const Setting& setting, const CheckResult& result, const Finding& f) {
  if (f.context < result.contexts.size()) return &result.contexts[f.context];
  if (f.context != kContextOnDemand || result.context_source == nullptr || !f.date || !f.time) return nullptr;
  return &result.context_source->context(setting, f);
}

}  // namespace attune
