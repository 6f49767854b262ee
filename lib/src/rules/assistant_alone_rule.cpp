// CM-ASSISTANT-ALONE: a childminder's assistant in sole charge of the children for longer
// than the profile allows in one day (England: 2 hours).

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

constexpr RuleOption kOptions[] = {
    {.key = "max_minutes_per_day",
     .kind = RuleOption::Kind::number,
     .min = 0,
     .max = kMinutesPerDay,
     .required = true,
     .meaning = "the most minutes in a day an assistant may be in sole charge"},
};

class AssistantAlone final : public Rule {
 public:
  void premises_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    const RuleOptionValue* max = ctx.on(day).rule_option(id(), "max_minutes_per_day");
    if (max == nullptr) return;
    // Sole charge: children present, someone in ratio working, and no childminder.
    std::int64_t minutes = 0;
    TimeWindow span{};
    for (const Segment& s : rd.segments) {
      if (s.staff_in_ratio == 0 || s.childminders_in_ratio > 0) continue;
      if (minutes == 0) span.start = s.time.start;
      span.end = s.time.end;
      minutes += s.time.length();
    }
    if (minutes <= max->number) return;
    Finding f = ctx.make(id());
    f.date = day.date;
    f.time = span;
    f.values = {{"minutes", minutes}, {"limit", max->number}};
    f.message = fmt::format("an assistant in sole charge of the children for {} minutes in the day; at most {} allowed",
                            minutes, max->number);
    ctx.findings.push_back(std::move(f));
  }
};

}  // namespace

extern const RuleInfo kCmAssistantAlone{
    .id = "CM-ASSISTANT-ALONE",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::premises,
    .title = "An assistant in sole charge only for a short time",
    .checks = "On each day, the minutes in which children are in the home with an assistant working and no "
              "childminder working (counted in ratio) are at most [rules.CM-ASSISTANT-ALONE] max_minutes_per_day. "
              "One finding per day, from the first such minute to the last. An assistant alone also needs paediatric "
              "first aid: PFA-ON-SITE checks that.",
    .why = "Parents chose the childminder; an assistant may cover for a short time, with their permission, not run "
           "the day.",
    .fix = "Rota the childminder for these times, or keep the assistant's time alone with the children within the "
           "limit (and have the parents' permission).",
    .reads = "[rules.CM-ASSISTANT-ALONE] max_minutes_per_day",
    .enabled_by_default = false,
    .options = kOptions,
    .numbers = [](const RuleProfile& p, const ContinuityPolicy&) -> std::vector<std::string> {
      const RuleOptionValue* v = p.rule_option("CM-ASSISTANT-ALONE", "max_minutes_per_day");
      if (v == nullptr) return {};
      return {fmt::format("an assistant may be in sole charge for at most {} minutes a day", v->number)};
    },
    .make = make<AssistantAlone>,
};

}  // namespace attune::rules
