// RATIO-ROOM and RATIO-SETTING: staff counted in ratio against staff required, per
// segment, in exact integer arithmetic (required_staff).

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

std::vector<NamedValue> ratio_values(const Segment& s, int required) {
  return {{"children", std::int64_t{s.child_count()}},
          {"staff", std::int64_t{s.staff_in_ratio}},
          {"required", std::int64_t{required}}};
}

std::string describe_ratio(const Finding& f) {
  return fmt::format("{}, {} in ratio, {} required",
                     count_of(int_value(f, "children"), "child", "children"),
                     count_of(int_value(f, "staff"), "staff", "staff"),
                     int_value(f, "required"));
}

std::string describe_premises_ratio(const Finding& f) {
  return "across the premises: " + describe_ratio(f);
}

void check_ratio(RuleContext& ctx, std::string_view rule, const Day& day, const RoomDay& rd,
                 BreachRun::Describe describe) {
  BreachRun run(ctx, rule, day, rd.room, describe);
  for (const Segment& s : rd.segments) {
    const int required = required_staff(s, ctx.profile);
    if (s.staff_in_ratio >= required) {
      run.close();
      continue;
    }
    const long shortfall = required - s.staff_in_ratio;
    run.add(s.time, shortfall * 1000 + s.child_count(), [&] { return ratio_values(s, required); });
  }
}

class RatioRoom final : public Rule {
 public:
  std::string_view id() const override { return "RATIO-ROOM"; }
  void room_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    check_ratio(ctx, id(), day, rd, describe_ratio);
  }
};

class RatioSetting final : public Rule {
 public:
  std::string_view id() const override { return "RATIO-SETTING"; }
  void premises_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    check_ratio(ctx, id(), day, rd, describe_premises_ratio);
  }
};

}  // namespace

void add_ratio_rules(std::vector<std::unique_ptr<Rule>>& rules) {
  rules.push_back(std::make_unique<RatioSetting>());
  rules.push_back(std::make_unique<RatioRoom>());
}

}  // namespace attune::rules
