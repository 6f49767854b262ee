// TRAINEE-PFA: a student or apprentice marked in ratio who is not counted, because the
// version of the profile in force asks trainees for in-date paediatric first aid (England
// from 1 September 2025) and they have none; say so, as STAFF-AGE does for age.

#include <map>

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

class TraineePfa final : public Rule {
 public:
  void day(RuleContext& ctx, const Day& day) override {
    StaffIndex last = kNone;
    for (const StaffSpell& spell : day.staff) {
      if (spell.kind != ShiftKind::work || spell.staff == last) continue;
      last = spell.staff;
      if (!staff_standing(ctx.setting.staff[spell.staff], day.date, ctx.profile).trainee_without_pfa) continue;
      auto& entry = not_counted_[spell.staff];
      if (entry.days++ == 0) entry.first = day.date;
    }
  }
  void finish(RuleContext& ctx) override {
    for (const auto& [index, entry] : not_counted_) {
      Finding f = ctx.make(id());
      f.date = entry.first;
      f.staff = index;
      f.values = {{"days", std::int64_t{entry.days}}};
      f.message = fmt::format(
          "a {} without an in-date paediatric first aid certificate: not counted in ratio on {} rostered",
          role_id(ctx.setting.staff[index].role), count_of(entry.days, "day", "days"));
      ctx.findings.push_back(std::move(f));
    }
  }

 private:
  struct Entry {
    int days = 0;
    Date first{};
  };
  std::map<StaffIndex, Entry> not_counted_;
};

}  // namespace

extern const RuleInfo kTraineePfa{
    .id = "TRAINEE-PFA",
    .family = RuleFamily::statutory,
    .severity = Severity::info,
    .scope = RuleScope::staff,
    .title = "Students and apprentices without first aid are not counted",
    .checks = "Where the profile's version in force asks trainees for paediatric first aid ([staff] "
              "trainees_need_pfa_to_count), a student or apprentice marked in ratio with no in-date certificate on a "
              "date is not counted in ratio that day (extra staff, not unqualified staff); the finding names each one "
              "rostered to work, the first such day and how many. Never applied when staff.csv has no pfa_expiry "
              "column.",
    .why = "From 1 September 2025 in England a student or apprentice counts in ratio only with a current paediatric "
           "first aid certificate: a rota that relies on them without one is short.",
    .fix = "Book their paediatric first aid course, or plan ratios without them until they hold the certificate "
           "(record it in staff.csv pfa_expiry).",
    .reads = "[staff] trainees_need_pfa_to_count; staff.csv role, in_ratio, pfa_expiry",
    .enabled_by_default = false,
    .numbers = [](const RuleProfile& p, const ContinuityPolicy&) -> std::vector<std::string> {
      if (!p.trainees_need_pfa_to_count) return {"students and apprentices count in ratio without first aid"};
      return {"students and apprentices count in ratio only with in-date paediatric first aid"};
    },
    .make = make<TraineePfa>,
};

}  // namespace attune::rules
