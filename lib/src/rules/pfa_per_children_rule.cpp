// PFA-PER-CHILDREN: first aiders in proportion to the children in each room (Wales: 1 per 10).

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

constexpr RuleOption kOptions[] = {
    {.key = "children_per_first_aider",
     .kind = RuleOption::Kind::number,
     .min = 1,
     .max = 100,
     .required = true,
     .meaning = "children present per member of staff with paediatric first aid"},
};

class PfaPerChildren final : public Rule {
 public:
  void start(RuleContext& ctx) override {
    skip_ = !ctx.setting.recorded.pfa_expiry;
    if (skip_)
      ctx.not_evaluated(id(), "staff.csv has no pfa_expiry column; add it (the last day each certificate is valid, "
                              "empty for no certificate)");
  }
  void room_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    const RuleOptionValue* per = ctx.on(day).rule_option(id(), "children_per_first_aider");
    if (skip_ || per == nullptr) return;
    BreachRun run(ctx, id(), day, rd.room, [](const Finding& f) {
      return fmt::format("{} with in-date paediatric first aid in the room for {}; {} required",
                         count_of(int_value(f, "first_aiders"), "person", "people"),
                         count_of(int_value(f, "children"), "child", "children"), int_value(f, "required"));
    });
    for (const Segment& s : rd.segments) {
      const std::int64_t required = (s.child_count() + per->number - 1) / per->number;
      if (s.pfa_present >= required) {
        run.close();
        continue;
      }
      run.add(s.time, (required - s.pfa_present) * 1000 + s.child_count(), [&] {
        return std::vector<NamedValue>{{"children", std::int64_t{s.child_count()}},
                                       {"first_aiders", std::int64_t{s.pfa_present}},
                                       {"required", required}};
      });
    }
  }

 private:
  bool skip_ = false;
};

}  // namespace

extern const RuleInfo kPfaPerChildren{
    .id = "PFA-PER-CHILDREN",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::room,
    .title = "Paediatric first aiders for the number of children",
    .checks = "In every room, at every minute children are present, the staff on a work shift there with an in-date "
              "paediatric first aid certificate are at least ceil(children / children_per_first_aider). Not evaluated "
              "when staff.csv has no pfa_expiry column.",
    .why = "A first aider must be at hand where the children are, not somewhere in the building: the more children, "
           "the more first aiders.",
    .fix = "Deploy first aiders so each room has enough at these times, or book paediatric first aid training.",
    .reads = "[rules.PFA-PER-CHILDREN] children_per_first_aider",
    .enabled_by_default = false,
    .options = kOptions,
    .numbers = [](const RuleProfile& p, const ContinuityPolicy&) -> std::vector<std::string> {
      const RuleOptionValue* v = p.rule_option("PFA-PER-CHILDREN", "children_per_first_aider");
      if (v == nullptr) return {};
      return {fmt::format("one member of staff with paediatric first aid per {} children present, in each room",
                          v->number)};
    },
    .make = make<PfaPerChildren>,
};

}  // namespace attune::rules
