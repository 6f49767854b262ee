// CM-WORKING-TOGETHER: the most people (childminders, assistants, co-childminders) working
// at once in a childminder's home (England: 3, then 4 from 1 November 2024; more is
// childcare on domestic premises, registered as group care).

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

constexpr RuleOption kOptions[] = {
    {.key = "max_people",
     .kind = RuleOption::Kind::number,
     .min = 1,
     .max = 20,
     .required = true,
     .meaning = "the most people working with the children at once, the childminder included"},
};

class WorkingTogether final : public Rule {
 public:
  void premises_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    const RuleOptionValue* max = ctx.on(day).rule_option(id(), "max_people");
    if (max == nullptr) return;
    BreachRun run(ctx, id(), day, kNone, [](const Finding& f) {
      return fmt::format("{} working together with {}; at most {} may work together as a childminder",
                         count_of(int_value(f, "staff"), "person", "people"),
                         count_of(int_value(f, "children"), "child", "children"), int_value(f, "limit"));
    });
    for (const Segment& s : rd.segments) {
      if (s.staff_present <= max->number) {
        run.close();
        continue;
      }
      run.add(s.time, (s.staff_present - max->number) * 1000 + s.child_count(), [&] {
        return std::vector<NamedValue>{{"children", std::int64_t{s.child_count()}},
                                       {"staff", std::int64_t{s.staff_present}},
                                       {"limit", max->number}};
      });
    }
  }
};

}  // namespace

extern const RuleInfo kCmWorkingTogether{
    .id = "CM-WORKING-TOGETHER",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::premises,
    .title = "People working together in a childminder's home",
    .checks = "Whenever children are in the home, the people on a work shift there (childminders and assistants, "
              "counted in ratio or not, whatever their age) are at most [rules.CM-WORKING-TOGETHER] max_people. "
              "Non-contact time is not counted.",
    .why = "A childminder is registered to work with a few others in a home; with more people it is group care on "
           "domestic premises, registered and staffed under the group framework.",
    .fix = "Rota fewer people at once at these times, or register the provision as childcare on domestic premises "
           "and check it under the group profile.",
    .reads = "[rules.CM-WORKING-TOGETHER] max_people",
    .enabled_by_default = false,
    .options = kOptions,
    .numbers = [](const RuleProfile& p, const ContinuityPolicy&) -> std::vector<std::string> {
      const RuleOptionValue* v = p.rule_option("CM-WORKING-TOGETHER", "max_people");
      if (v == nullptr) return {};
      return {fmt::format("at most {} people working together, the childminder included", v->number)};
    },
    .make = make<WorkingTogether>,
};

}  // namespace attune::rules
