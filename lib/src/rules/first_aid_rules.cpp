// PFA-ON-SITE, PFA-MEALTIME and PFA-EXPIRY: paediatric first aid, where and when it counts.

#include <algorithm>

#include <fmt/format.h>

#include "rule.hpp"

namespace attune::rules {
namespace {

constexpr std::string_view kPfaExpiryId = "PFA-EXPIRY";

constexpr std::string_view kNoPfaColumn =
    "staff.csv has no pfa_expiry column; add it (the last day each certificate is valid, "
    "empty for no certificate). Until then students and apprentices count at the level "
    "below their study as if they held one";

class PfaOnSite final : public Rule {
 public:
  void start(RuleContext& ctx) override {
    skip_ = !ctx.setting.recorded.pfa_expiry;
    if (skip_) ctx.not_evaluated(id(), kNoPfaColumn);
  }
  void premises_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    if (skip_) return;
    BreachRun run(ctx, id(), day, kNone, [](const Finding& f) {
      return fmt::format("no one with in-date paediatric first aid on the premises ({} present)",
                         count_of(int_value(f, "children"), "child", "children"));
    });
    for (const Segment& s : rd.segments) {
      if (s.pfa_on_premises > 0) {
        run.close();
        continue;
      }
      run.add(s.time, s.child_count(), [&] {
        return std::vector<NamedValue>{{"children", std::int64_t{s.child_count()}}};
      });
    }
  }

 private:
  bool skip_ = false;
};

class PfaMealtime final : public Rule {
 public:
  void start(RuleContext& ctx) override {
    skip_ = !ctx.setting.recorded.pfa_expiry;
    if (skip_) ctx.not_evaluated(id(), kNoPfaColumn);
  }
  void room_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    if (skip_) return;
    const auto& meals = ctx.setting.rooms[rd.room].meals;
    if (meals.empty()) return;
    BreachRun run(ctx, id(), day, rd.room, [](const Finding& f) {
      const auto* meal = std::get_if<std::string>(f.value("meal"));
      return fmt::format("no one with in-date paediatric first aid in the room during the {} meal ({})",
                         meal != nullptr ? *meal : std::string{},
                         count_of(int_value(f, "children"), "child", "children"));
    });
    std::size_t current_meal = meals.size();
    for (const Segment& s : rd.segments) {
      const auto meal = std::find_if(meals.begin(), meals.end(), [&](const TimeWindow& m) {
        return m.start <= s.time.start && s.time.end <= m.end;
      });
      const auto index = static_cast<std::size_t>(meal - meals.begin());
      if (index != current_meal) run.close();
      current_meal = index;
      if (meal == meals.end() || s.pfa_present > 0) {
        run.close();
        continue;
      }
      run.add(s.time, s.child_count(), [&] {
        return std::vector<NamedValue>{
            {"children", std::int64_t{s.child_count()}},
            {"meal", fmt::format("{}-{}", format_clock_time(meal->start), format_clock_time(meal->end))}};
      });
    }
  }

 private:
  bool skip_ = false;
};

/// True if `staff` is on the premises (work or non-contact) at some minute of `window` on `day`.
bool on_premises(const Day& day, StaffIndex staff, TimeWindow window) {
  auto it = std::lower_bound(day.staff.begin(), day.staff.end(), staff,
                             [](const StaffSpell& s, StaffIndex i) { return s.staff < i; });
  for (; it != day.staff.end() && it->staff == staff; ++it) {
    if (it->kind != ShiftKind::on_break && overlap_minutes(it->time, window) > 0) return true;
  }
  return false;
}

/// A time with children on the premises and no one with in-date first aid.
struct FirstAidGap {
  Date date{};
  TimeWindow time;
};

class PfaExpiry final : public Rule {
 public:
  /// The gaps are found here, not read from PFA-ON-SITE's findings, so this rule says
  /// the same whichever other rules run.
  void premises_day(RuleContext&, const Day& day, const RoomDay& rd) override {
    for (const Segment& s : rd.segments) {
      if (s.pfa_on_premises > 0) continue;
      if (!gaps_.empty() && gaps_.back().date == day.date && gaps_.back().time.end == s.time.start)
        gaps_.back().time.end = s.time.end;
      else
        gaps_.push_back(FirstAidGap{day.date, s.time});
    }
  }
  void finish(RuleContext& ctx) override {
    if (!ctx.setting.recorded.pfa_expiry) return;
    const Period& period = ctx.setting.period;
    const auto& gaps = gaps_;
    for (StaffIndex i = 0; i < ctx.setting.staff.size(); ++i) {
      const Staff& staff = ctx.setting.staff[i];
      if (!staff.pfa_expiry || !employed_during(staff, period)) continue;
      const Date expiry = *staff.pfa_expiry;
      if (expiry < period.to) expired(ctx, i, expiry, gaps);
      else if ((expiry - period.to).count() <= ctx.setting.policy.pfa_expiry_warning_days)
        expiring(ctx, i, expiry);
    }
  }

 private:
  std::vector<FirstAidGap> gaps_;

  static bool employed_during(const Staff& s, const Period& p) {
    return (!s.start_date || *s.start_date <= p.to) && (!s.leave_date || *s.leave_date >= p.from);
  }

  static void expired(RuleContext& ctx, StaffIndex i, Date expiry, const std::vector<FirstAidGap>& gaps) {
    const Period& period = ctx.setting.period;
    Finding f = ctx.make(kPfaExpiryId);
    f.staff = i;
    std::int64_t needed = 0;
    for (const FirstAidGap& gap : gaps) {
      if (gap.date <= expiry) continue;
      const Day& day = ctx.setting.days[static_cast<std::size_t>((gap.date - period.from).count())];
      if (!on_premises(day, i, gap.time)) continue;
      if (needed++ == 0) {
        f.date = gap.date;
        f.time = gap.time;
      }
    }
    f.values = {{"expiry", format_iso_date(expiry)}, {"needed", needed}};
    if (needed > 0) {
      f.message = fmt::format(
          "certificate valid until {}; after that they were on the premises when no one else had paediatric "
          "first aid ({})",
          format_iso_date(expiry), count_of(needed, "time", "times"));
    } else {
      f.severity = Severity::warning;
      const Date first_day = expiry + std::chrono::days{1};
      if (first_day >= period.from) f.date = first_day;
      f.message = first_day >= period.from
                      ? fmt::format("certificate valid until {}; not valid from {}", format_iso_date(expiry),
                                    format_iso_date(first_day))
                      : fmt::format("certificate expired on {}", format_iso_date(expiry));
    }
    ctx.findings.push_back(std::move(f));
  }

  static void expiring(RuleContext& ctx, StaffIndex i, Date expiry) {
    Finding f = ctx.make(kPfaExpiryId);
    f.severity = Severity::warning;
    f.staff = i;
    const std::int64_t days = (expiry - ctx.setting.period.to).count();
    f.values = {{"expiry", format_iso_date(expiry)}, {"days_after_period", days}};
    f.message = fmt::format("certificate expires on {}, {} after the period", format_iso_date(expiry),
                            count_of(days, "day", "days"));
    ctx.findings.push_back(std::move(f));
  }
};

}  // namespace

extern const RuleInfo kPfaOnSite{
    .id = "PFA-ON-SITE",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::premises,
    .title = "A paediatric first aider on the premises",
    .checks = "Whenever children are present, at least one person with an in-date paediatric first aid "
              "certificate is on the premises and available: on a work or non-contact shift, not on a break "
              "(unless the profile's pfa_counts_during_break says so).",
    .why = "A choking or allergic reaction needs a trained first aider within moments, at any time of the day, "
           "including the first and last half hour.",
    .fix = "Rota a first aider across opening and closing, and make sure first aiders' breaks do not coincide.",
    .reads = "[staff] pfa_counts_during_break",
    .numbers = [](const RuleProfile& p, const ContinuityPolicy&) -> std::vector<std::string> {
      return {p.pfa_counts_during_break ? "staff on a break count as available"
                                        : "staff on a break do not count as available"};
    },
    .make = make<PfaOnSite>,
};

extern const RuleInfo kPfaMealtime{
    .id = "PFA-MEALTIME",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::room,
    .title = "A paediatric first aider in the room at mealtimes",
    .checks = "During each meal time of a room (the room's meals in setting.toml), while children are there, "
              "someone on a work shift in the room holds an in-date paediatric first aid certificate.",
    .why = "Since September 2025 the framework requires a member of staff with paediatric first aid in the room "
           "while children eat, to act at once if a child chokes.",
    .fix = "Move a first aider's break out of the meal time, or deploy a first aider to the room for the meal.",
    .reads = "[[rooms]] meals",
    .make = make<PfaMealtime>,
};

extern const RuleInfo kPfaExpiry{
    .id = kPfaExpiryId,
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::staff,
    .title = "Paediatric first aid certificates in date",
    .checks = "Certificates that have expired by the end of the period: an error when the holder was on the "
              "premises while PFA-ON-SITE failed (a valid certificate would have covered it), a warning "
              "otherwise. Certificates expiring within pfa_expiry_warning_days after the period: a warning.",
    .why = "A certificate lasts three years; an expired one does not count, and renewing takes booking ahead.",
    .fix = "Book the renewal course before the expiry date.",
    .reads = "[policy] pfa_expiry_warning_days",
    .numbers = [](const RuleProfile&, const ContinuityPolicy& c) -> std::vector<std::string> {
      return {fmt::format("warn {} days before a certificate expires", c.pfa_expiry_warning_days)};
    },
    .make = make<PfaExpiry>,
};

}  // namespace attune::rules
