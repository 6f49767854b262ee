// CARE-PRIMARY: nappy changes, feeds, sleep and settling given by the key person or buddy.

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

class CarePrimary final : public Rule {
 public:
  std::string_view id() const override { return "CARE-PRIMARY"; }
  void start(RuleContext& ctx) override {
    skip_ = !ctx.setting.recorded.care_log;
    if (skip_) ctx.not_evaluated(id(), "no care_log.csv; record who gave each nappy change, feed, sleep and settle to check this");
  }
  void day(RuleContext& ctx, const Day& day) override {
    if (skip_) return;
    // Care events are sorted by child: one finding per child and day, listing the others.
    for (std::size_t i = 0; i < day.care.size();) {
      std::size_t j = i;
      const ChildIndex child = day.care[i].child;
      const auto [key, buddy] = ctx.setting.key_people_on(child, day.date);
      std::vector<std::string> others;
      while (j < day.care.size() && day.care[j].child == child) {
        const CareEvent& e = day.care[j++];
        if (e.staff != key && e.staff != buddy)
          others.push_back(fmt::format("{} {} by {}", care_kind_id(e.kind), format_clock_time(e.time),
                                       ctx.setting.staff[e.staff].id));
      }
      const auto events = static_cast<std::int64_t>(j - i);
      if (!others.empty()) {
        Finding f = ctx.make(id());
        f.date = day.date;
        f.child = child;
        f.room = ctx.setting.children[child].room;
        f.values = {{"events", events}, {"by_others", static_cast<std::int64_t>(others.size())}};
        f.message = fmt::format("{} of {} care moments by adults other than the key person or buddy: {}",
                                others.size(), events, fmt::join(others, "; "));
        ctx.findings.push_back(std::move(f));
      }
      i = j;
    }
  }

 private:
  bool skip_ = false;
};

}  // namespace

void add_care_primary_rule(std::vector<std::unique_ptr<Rule>>& rules) {
  rules.push_back(std::make_unique<CarePrimary>());
}

}  // namespace attune::rules
