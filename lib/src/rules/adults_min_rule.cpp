// ADULTS-MIN: a minimum number of adults on the premises whenever children are (Scotland: 2).

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

constexpr RuleOption kOptions[] = {
    {.key = "minimum",
     .kind = RuleOption::Kind::number,
     .min = 1,
     .max = 20,
     .required = true,
     .meaning = "the fewest adults on the premises while children are there"},
};

class AdultsMin final : public Rule {
 public:
  void premises_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    const RuleOptionValue* minimum = ctx.on(day).rule_option(id(), "minimum");
    if (minimum == nullptr) return;
    BreachRun run(ctx, id(), day, kNone, [](const Finding& f) {
      return fmt::format("{} on the premises with {}; at least {} required",
                         count_of(int_value(f, "staff"), "adult", "adults"),
                         count_of(int_value(f, "children"), "child", "children"), int_value(f, "required"));
    });
    for (const Segment& s : rd.segments) {
      if (s.adults_present >= minimum->number) {
        run.close();
        continue;
      }
      run.add(s.time, (minimum->number - s.adults_present) * 1000 + s.child_count(), [&] {
        return std::vector<NamedValue>{{"children", std::int64_t{s.child_count()}},
                                       {"staff", std::int64_t{s.adults_present}},
                                       {"required", minimum->number}};
      });
    }
  }
};

}  // namespace

extern const RuleInfo kAdultsMin{
    .id = "ADULTS-MIN",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::premises,
    .title = "Enough adults on the premises",
    .checks = "Whenever children are present, the staff on a work shift on the premises who are at least the "
              "profile's minimum age are at least [rules.ADULTS-MIN] minimum, whatever the ratios allow.",
    .why = "One adult alone cannot deal with an accident or an emergency and still look after the other children.",
    .fix = "Rota a second adult across the times shown, usually the first and last hour of the day.",
    .reads = "[rules.ADULTS-MIN] minimum; [staff] minimum_age",
    .enabled_by_default = false,
    .options = kOptions,
    .numbers = [](const RuleProfile& p, const ContinuityPolicy&) -> std::vector<std::string> {
      const RuleOptionValue* v = p.rule_option("ADULTS-MIN", "minimum");
      if (v == nullptr) return {};
      if (p.minimum_age <= 0)
        return {fmt::format("at least {} adults on the premises while children are (the profile sets no minimum age)",
                            v->number)};
      return {fmt::format("at least {} adults (aged {} or over) on the premises while children are", v->number,
                          p.minimum_age)};
    },
    .make = make<AdultsMin>,
};

}  // namespace attune::rules
