// STAFF-AGE: staff under the profile's minimum age are not counted in ratio; say so.

#include <map>

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

class StaffAge final : public Rule {
 public:
  void start(RuleContext& ctx) override {
    skip_ = !ctx.setting.recorded.staff_date_of_birth;
    if (skip_) {
      ctx.not_evaluated(id(), "staff.csv has no date_of_birth column; everyone is taken to be old enough");
      return;
    }
    std::vector<std::string> unknown;
    for (const Staff& s : ctx.setting.staff) {
      if (!s.date_of_birth) unknown.push_back(s.id);
    }
    if (!unknown.empty()) {
      ctx.not_evaluated(id(), fmt::format("no date of birth for {}; taken to be old enough to count in ratio",
                                          fmt::join(unknown, ", ")));
    }
  }
  void day(RuleContext& ctx, const Day& day) override {
    if (skip_) return;
    StaffIndex last = kNone;
    for (const StaffSpell& spell : day.staff) {
      if (spell.kind != ShiftKind::work || spell.staff == last) continue;
      last = spell.staff;
      const Staff& staff = ctx.setting.staff[spell.staff];
      if (!staff_standing(staff, day.date, ctx.profile).under_age) continue;
      auto& entry = under_age_[spell.staff];
      if (entry.days++ == 0) entry.first = day.date;
    }
  }
  void finish(RuleContext& ctx) override {
    for (const auto& [index, entry] : under_age_) {
      const Staff& staff = ctx.setting.staff[index];
      const RuleProfile& version = ctx.profile.on(entry.first);
      const int minimum = staff.role == Role::apprentice ? version.minimum_age_apprentice : version.minimum_age;
      const int age = age_in_years(*staff.date_of_birth, entry.first);
      Finding f = ctx.make(id());
      f.date = entry.first;
      f.staff = index;
      f.values = {{"age", std::int64_t{age}}, {"minimum_age", std::int64_t{minimum}},
                  {"days", std::int64_t{entry.days}}};
      f.message = fmt::format("aged {}, under the minimum age of {}: not counted in ratio on {} rostered",
                              age, minimum, count_of(entry.days, "day", "days"));
      ctx.findings.push_back(std::move(f));
    }
  }

 private:
  struct Entry {
    int days = 0;
    Date first{};
  };
  bool skip_ = false;
  std::map<StaffIndex, Entry> under_age_;
};

}  // namespace

extern const RuleInfo kStaffAge{
    .id = "STAFF-AGE",
    .family = RuleFamily::statutory,
    .severity = Severity::info,
    .scope = RuleScope::staff,
    .title = "Staff under the minimum age are not counted",
    .checks = "Staff younger than the profile's minimum age on a date (17; apprentices 16) are not counted in "
              "ratio; the finding lists those rostered to work with children.",
    .why = "Under-17s may help but must be supervised at all times; they cannot be relied on for ratios.",
    .fix = "Plan ratios without them, and make sure they are always working alongside an adult.",
    .reads = "[staff] minimum_age, minimum_age_apprentice",
    .numbers = [](const RuleProfile& p, const ContinuityPolicy&) -> std::vector<std::string> {
      return {fmt::format("minimum age {} (apprentices {})", p.minimum_age, p.minimum_age_apprentice)};
    },
    .make = make<StaffAge>,
};

}  // namespace attune::rules
