// QUAL-SHARE: a share of the staff in each room qualified (Northern Ireland: half).

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

constexpr RuleOption kOptions[] = {
    {.key = "min_percent",
     .kind = RuleOption::Kind::number,
     .min = 1,
     .max = 100,
     .required = true,
     .meaning = "the share of staff in ratio who must be qualified, in per cent"},
    {.key = "level",
     .kind = RuleOption::Kind::qualification,
     .meaning = "the qualification that counts as qualified: level2 (default) or level3"},
};

class QualShare final : public Rule {
 public:
  void room_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    const RuleProfile& version = ctx.on(day);
    const RuleOptionValue* percent = version.rule_option(id(), "min_percent");
    if (percent == nullptr) return;
    const RuleOptionValue* level = version.rule_option(id(), "level");
    const bool level3 = level != nullptr && level->qualification && qualification_level(*level->qualification) >= 3;
    BreachRun run(ctx, id(), day, rd.room, [](const Finding& f) {
      return fmt::format("{} of {} in ratio qualified; {} needed", int_value(f, "qualified"),
                         count_of(int_value(f, "staff"), "staff", "staff"), int_value(f, "required"));
    });
    for (const Segment& s : rd.segments) {
      const std::int64_t needed = (s.staff_in_ratio * percent->number + 99) / 100;
      const int qualified = level3 ? s.level3_in_ratio : s.level2_in_ratio;
      if (s.staff_in_ratio == 0 || qualified >= needed) {
        run.close();
        continue;
      }
      run.add(s.time, (needed - qualified) * 1000 + s.child_count(), [&] {
        return std::vector<NamedValue>{{"staff", std::int64_t{s.staff_in_ratio}},
                                       {"qualified", std::int64_t{qualified}},
                                       {"required", needed}};
      });
    }
  }
};

}  // namespace

extern const RuleInfo kQualShare{
    .id = "QUAL-SHARE",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::room,
    .title = "A share of the staff qualified",
    .checks = "In every room while children are present, at least min_percent per cent (rounded up) of the staff in "
              "ratio hold the profile's level (level 2 or above unless it says level3).",
    .why = "Qualified staff bring the understanding of child development that the children's care and learning "
           "rest on.",
    .fix = "Deploy qualified staff across the rooms so each has its share at these times.",
    .reads = "[rules.QUAL-SHARE] min_percent, level",
    .enabled_by_default = false,
    .options = kOptions,
    .numbers = [](const RuleProfile& p, const ContinuityPolicy&) -> std::vector<std::string> {
      const RuleOptionValue* v = p.rule_option("QUAL-SHARE", "min_percent");
      if (v == nullptr) return {};
      const RuleOptionValue* level = p.rule_option("QUAL-SHARE", "level");
      return {fmt::format("at least {}% of the staff in ratio in each room at {} or above", v->number,
                          level != nullptr && level->qualification ? qualification_id(*level->qualification)
                                                                   : std::string_view("level2"))};
    },
    .make = make<QualShare>,
};

}  // namespace attune::rules
