// CARE-PRIMARY: nappy changes, feeds, sleep and settling given by the key person or buddy.

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

class CarePrimary final : public Rule {
 public:
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

extern const RuleInfo kCarePrimary{
    .id = "CARE-PRIMARY",
    .family = RuleFamily::continuity,
    .severity = Severity::warning,
    .scope = RuleScope::child,
    .title = "Intimate care by the key person or buddy",
    .checks = "Each nappy change, feed, sleep and settle in care_log.csv is given by the child's key person or buddy "
              "on that day. One finding per child and day listing the others. Not evaluated without care_log.csv.",
    .why = "Care routines are moments of close connection; being changed, fed and settled by a familiar adult is how "
           "a baby learns to trust.",
    .fix = "Plan who does care routines in the room so that key people care for their own key children.",
    .reads = "none",
    .source = "Nappy changes, feeds, sleep and settling as opportunities for trust and emotional connection ('What is infant mental health - and why should parents care?', a news article on a nursery group's infant mental health policy); effective primary care-giving ('Infant mental health (babies to age two)', a local authority page for parents and professionals)",
    .evidence = [](const EvidenceInput& in) {
      double moments = 0;
      for (const Finding* f : in.findings) moments += number_value(*f, "by_others");
      return fmt::format("{} of intimate care by adults other than the key person or buddy",
                         count_of(static_cast<long>(moments), "moment", "moments"));
    },
    .make = make<CarePrimary>,
};

}  // namespace attune::rules
