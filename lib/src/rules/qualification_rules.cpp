// QUAL-LEVEL3, QUAL-LEVEL2-HALF, QUAL-BABY-TRAINING and U2-ROOM-LEAD: who is in the room,
// not just how many.

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

constexpr std::size_t kUnder2 = static_cast<std::size_t>(AgeBand::under_2);

/// The smallest whole number of people that is at least `percent` per cent of `of`.
int share_needed(int of, int percent) { return (of * percent + 99) / 100; }

class QualLevel3 final : public Rule {
 public:
  std::string_view id() const override { return "QUAL-LEVEL3"; }
  void room_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    BreachRun run(ctx, id(), day, rd.room, [](const Finding& f) {
      return fmt::format("no one at level 3 or above in ratio ({} in ratio, {})",
                         count_of(int_value(f, "staff"), "staff", "staff"),
                         count_of(int_value(f, "children"), "child", "children"));
    });
    for (const Segment& s : rd.segments) {
      if (s.level3_in_ratio > 0) {
        run.close();
        continue;
      }
      run.add(s.time, s.child_count(), [&] {
        return std::vector<NamedValue>{{"children", std::int64_t{s.child_count()}},
                                       {"staff", std::int64_t{s.staff_in_ratio}},
                                       {"level3", std::int64_t{0}}};
      });
    }
  }
};

class QualLevel2Half final : public Rule {
 public:
  std::string_view id() const override { return "QUAL-LEVEL2-HALF"; }
  void room_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    BreachRun run(ctx, id(), day, rd.room, [](const Finding& f) {
      return fmt::format("{} of {} other staff in ratio hold level 2 or above; {} needed",
                         int_value(f, "others_level2"), int_value(f, "others"),
                         int_value(f, "required"));
    });
    for (const Segment& s : rd.segments) {
      // The one level 3 practitioner the framework asks for is set aside; the rest are
      // "the other staff".
      const int lead = s.level3_in_ratio > 0 ? 1 : 0;
      const int others = s.staff_in_ratio - lead;
      const int others_level2 = s.level2_in_ratio - lead;
      const int needed = share_needed(others, ctx.profile.level2_min_percent);
      if (others <= 0 || others_level2 >= needed) {
        run.close();
        continue;
      }
      run.add(s.time, (needed - others_level2) * 1000L + s.child_count(), [&] {
        return std::vector<NamedValue>{{"staff", std::int64_t{s.staff_in_ratio}},
                                       {"others", std::int64_t{others}},
                                       {"others_level2", std::int64_t{others_level2}},
                                       {"required", std::int64_t{needed}}};
      });
    }
  }
};

class QualBabyTraining final : public Rule {
 public:
  std::string_view id() const override { return "QUAL-BABY-TRAINING"; }
  void start(RuleContext& ctx) override {
    skip_ = !ctx.setting.recorded.baby_training;
    if (skip_) ctx.not_evaluated(id(), "staff.csv has no baby_training column; add it (yes or no for each member of staff)");
  }
  void room_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    if (skip_) return;
    BreachRun run(ctx, id(), day, rd.room, [](const Finding& f) {
      return fmt::format("{} of {} in ratio trained in the care of babies; {} needed",
                         int_value(f, "baby_trained"), count_of(int_value(f, "staff"), "staff", "staff"),
                         int_value(f, "required"));
    });
    for (const Segment& s : rd.segments) {
      const int needed = share_needed(s.staff_in_ratio, ctx.profile.baby_training_min_percent);
      if (s.children[kUnder2] == 0 || s.staff_in_ratio == 0 || s.baby_trained_in_ratio >= needed) {
        run.close();
        continue;
      }
      run.add(s.time, (needed - s.baby_trained_in_ratio) * 1000L + s.children[kUnder2], [&] {
        return std::vector<NamedValue>{{"under_2", std::int64_t{s.children[kUnder2]}},
                                       {"staff", std::int64_t{s.staff_in_ratio}},
                                       {"baby_trained", std::int64_t{s.baby_trained_in_ratio}},
                                       {"required", std::int64_t{needed}}};
      });
    }
  }

 private:
  bool skip_ = false;
};

class Under2RoomLead final : public Rule {
 public:
  std::string_view id() const override { return "U2-ROOM-LEAD"; }
  void start(RuleContext& ctx) override {
    skip_ = !ctx.setting.recorded.under_2_experience;
    if (skip_) ctx.not_evaluated(id(), "staff.csv has no under_2_experience column; add it (yes or no for each member of staff)");
  }
  void room_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    if (skip_) return;
    BreachRun run(ctx, id(), day, rd.room, [](const Finding& f) {
      return fmt::format("no one in ratio with under-2 experience ({} under 2, {} in ratio)",
                         int_value(f, "under_2"), count_of(int_value(f, "staff"), "staff", "staff"));
    });
    for (const Segment& s : rd.segments) {
      if (s.children[kUnder2] == 0 || s.under_2_experienced > 0) {
        run.close();
        continue;
      }
      run.add(s.time, s.children[kUnder2], [&] {
        return std::vector<NamedValue>{{"under_2", std::int64_t{s.children[kUnder2]}},
                                       {"staff", std::int64_t{s.staff_in_ratio}}};
      });
    }
  }

 private:
  bool skip_ = false;
};

}  // namespace

void add_qualification_rules(std::vector<std::unique_ptr<Rule>>& rules) {
  rules.push_back(std::make_unique<QualLevel3>());
  rules.push_back(std::make_unique<QualLevel2Half>());
  rules.push_back(std::make_unique<QualBabyTraining>());
  rules.push_back(std::make_unique<Under2RoomLead>());
}

}  // namespace attune::rules
