// CM-UNDER-12, CM-UNDER-8, CM-YOUNG and CM-UNDER-1: a childminder's per-adult limits,
// counted across the home: children of the profile's bands up to `band` at most
// max_per_adult for each childminder or assistant working (England: 6 under 8, of whom
// 3 young and 1 under 1). Own children count within the limits.

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

constexpr RuleOption kOptions[] = {
    {.key = "max_per_adult",
     .kind = RuleOption::Kind::number,
     .min = 1,
     .max = 30,
     .required = true,
     .meaning = "the most children of these ages for each childminder or assistant working"},
    {.key = "band",
     .kind = RuleOption::Kind::band,
     .required = true,
     .meaning = "the oldest of the profile's bands counted (with every younger one)"},
};

class PerAdultLimit final : public Rule {
 public:
  void premises_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    const RuleProfile& version = ctx.on(day);
    const RuleOptionValue* max = version.rule_option(id(), "max_per_adult");
    const RuleOptionValue* band = version.rule_option(id(), "band");
    if (max == nullptr || band == nullptr || band->band < 0) return;
    const auto last = static_cast<std::size_t>(band->band);
    const std::string& band_id = version.bands[last].id;
    BreachRun run(ctx, id(), day, kNone, [](const Finding& f) {
      const auto* b = std::get_if<std::string>(f.value("profile_band"));
      return fmt::format("{} ({}) with {} working: at most {} per adult, so {} needed",
                         count_of(int_value(f, "children"), "child", "children"), b != nullptr ? *b : "",
                         count_of(int_value(f, "staff"), "adult", "adults"), int_value(f, "max_per_adult"),
                         int_value(f, "required"));
    });
    for (const Segment& s : rd.segments) {
      std::int64_t children = 0;
      for (std::size_t b = 0; b <= last; ++b) children += s.children[b];
      if (children <= max->number * s.staff_in_ratio) {
        run.close();
        continue;
      }
      const std::int64_t required = (children + max->number - 1) / max->number;
      run.add(s.time, (required - s.staff_in_ratio) * 1000 + children, [&] {
        return std::vector<NamedValue>{{"children", children},
                                       {"staff", std::int64_t{s.staff_in_ratio}},
                                       {"required", required},
                                       {"max_per_adult", max->number},
                                       {"profile_band", band_id}};
      });
    }
  }
};

std::vector<std::string> limit_numbers(std::string_view rule, const RuleProfile& p) {
  const RuleOptionValue* max = p.rule_option(rule, "max_per_adult");
  const RuleOptionValue* band = p.rule_option(rule, "band");
  if (max == nullptr || band == nullptr || band->band < 0) return {};
  const ProfileBand& b = p.bands[static_cast<std::size_t>(band->band)];
  return {fmt::format("at most {} children {} ({}{}) per childminder or assistant working", max->number, b.label,
                      b.id, b.until ? fmt::format(": until {}", describe_age_limit(*b.until)) : std::string{})};
}

constexpr std::string_view kWhy =
    "A childminder cares for the children alone, in a home: the limits keep the number of babies and young children "
    "each adult holds in mind within what one person can respond to.";
constexpr std::string_view kFix =
    "Book fewer children of these ages at these times, or have an assistant working; an exception the framework "
    "allows (siblings, your own child, continuity of care) is an overrides.csv row with its category and reason.";

}  // namespace

extern const RuleInfo kCmUnder12{
    .id = "CM-UNDER-12",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::premises,
    .title = "Children under 12 per childminder or assistant",
    .checks = "Whenever children are in the home, the children of the profile's bands up to [rules.CM-UNDER-12] band "
              "(under 12) are at most max_per_adult for each childminder or assistant working (counted in ratio).",
    .why = kWhy,
    .fix = kFix,
    .reads = "[rules.CM-UNDER-12] max_per_adult, band",
    .enabled_by_default = false,
    .options = kOptions,
    .uses_profile_band = true,
    .numbers = [](const RuleProfile& p, const ContinuityPolicy&) { return limit_numbers("CM-UNDER-12", p); },
    .make = make<PerAdultLimit>,
};

extern const RuleInfo kCmUnder8{
    .id = "CM-UNDER-8",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::premises,
    .title = "Children under 8 per childminder or assistant",
    .checks = "Whenever children are in the home, the children of the profile's bands up to [rules.CM-UNDER-8] band "
              "(under 8, the childminder's own children included) are at most max_per_adult for each childminder or "
              "assistant working (counted in ratio).",
    .why = kWhy,
    .fix = kFix,
    .reads = "[rules.CM-UNDER-8] max_per_adult, band",
    .enabled_by_default = false,
    .options = kOptions,
    .uses_profile_band = true,
    .numbers = [](const RuleProfile& p, const ContinuityPolicy&) { return limit_numbers("CM-UNDER-8", p); },
    .make = make<PerAdultLimit>,
};

extern const RuleInfo kCmYoung{
    .id = "CM-YOUNG",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::premises,
    .title = "Young children per childminder or assistant",
    .checks = "Whenever children are in the home, the young children (the profile's bands up to [rules.CM-YOUNG] band: "
              "in England until the 1 September after their 5th birthday) are at most max_per_adult for each "
              "childminder or assistant working.",
    .why = kWhy,
    .fix = kFix,
    .reads = "[rules.CM-YOUNG] max_per_adult, band",
    .enabled_by_default = false,
    .options = kOptions,
    .uses_profile_band = true,
    .numbers = [](const RuleProfile& p, const ContinuityPolicy&) { return limit_numbers("CM-YOUNG", p); },
    .make = make<PerAdultLimit>,
};

extern const RuleInfo kCmUnder1{
    .id = "CM-UNDER-1",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::premises,
    .title = "Babies under 1 per childminder or assistant",
    .checks = "Whenever children are in the home, the children under 1 (the profile's bands up to [rules.CM-UNDER-1] "
              "band) are at most max_per_adult for each childminder or assistant working.",
    .why = kWhy,
    .fix = kFix,
    .reads = "[rules.CM-UNDER-1] max_per_adult, band",
    .enabled_by_default = false,
    .options = kOptions,
    .uses_profile_band = true,
    .numbers = [](const RuleProfile& p, const ContinuityPolicy&) { return limit_numbers("CM-UNDER-1", p); },
    .make = make<PerAdultLimit>,
};

}  // namespace attune::rules
