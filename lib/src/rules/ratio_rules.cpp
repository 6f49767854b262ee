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
  // "7 children, 2 staff in ratio, 3 required", built by hand: thousands of these a
  // year, and fmt::format parses its format string each time.
  const fmt::format_int required(int_value(f, "required"));
  std::string text = count_of(int_value(f, "children"), "child", "children");
  text.reserve(48);
  text += ", ";
  text += count_of(int_value(f, "staff"), "staff", "staff");
  text += " in ratio, ";
  text.append(required.data(), required.size());
  text += " required";
  return text;
}

std::string describe_premises_ratio(const Finding& f) {
  return "across the premises: " + describe_ratio(f);
}

void check_ratio(RuleContext& ctx, std::string_view rule, const Day& day, const RoomDay& rd,
                 BreachRun::Describe describe) {
  BreachRun run(ctx, rule, day, rd.room, describe);
  for (const Segment& s : rd.segments) {
    const int required = s.required;
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
  void room_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    check_ratio(ctx, id(), day, rd, describe_ratio);
  }
};

class RatioSetting final : public Rule {
 public:
  void premises_day(RuleContext& ctx, const Day& day, const RoomDay& rd) override {
    check_ratio(ctx, id(), day, rd, describe_premises_ratio);
  }
};

/// The ratios of a profile, in words, by the profile's own bands ("under 2: 1:3", ...,
/// "0-11 months: 1:4"), its graduate, short-session and time-of-day ratios, and who counts.
std::vector<std::string> ratio_numbers(const RuleProfile& p, const ContinuityPolicy&) {
  std::vector<std::string> out;
  const auto label = [&](std::size_t band) { return band < p.bands.size() ? p.bands[band].label : std::string("?"); };
  for (std::size_t b = 0; b < p.bands.size(); ++b) {
    if (p.children_per_adult[b] > 0) out.push_back(fmt::format("{}: 1:{}", label(b), p.children_per_adult[b]));
  }
  if (p.graduate_children_per_adult > 0) {
    std::vector<std::string> quals;
    for (auto q : p.graduate_qualifications) quals.emplace_back(qualification_id(q));
    out.push_back(fmt::format("{}: 1:{} while a graduate ({}) works in the room{}{}", label(p.graduate_band),
                              p.graduate_children_per_adult, fmt::join(quals, ", "),
                              p.graduate_needs_other_level3 ? " with at least one other level 3" : "",
                              p.graduate_hours ? fmt::format(", between {}", format_window(*p.graduate_hours)) : ""));
  }
  if (p.short_session) {
    out.push_back(fmt::format("{}: 1:{} for a child whose attendance that day is one session of under {} minutes",
                              label(p.short_session->band), p.short_session->children_per_adult,
                              p.short_session->under_minutes));
  }
  for (const RatioWindow& w : p.windows) {
    std::vector<std::string> bands;
    for (std::uint8_t b : w.bands) bands.push_back(label(b));
    out.push_back(fmt::format("1:{} for {} in the first {} minutes after opening and the last {} before closing{}",
                              w.children_per_adult, fmt::join(bands, ", "), w.after_opening_minutes,
                              w.before_closing_minutes,
                              w.min_children_present > 0
                                  ? fmt::format(", with at least {} children on the premises", w.min_children_present)
                                  : std::string{}));
  }
  out.push_back(fmt::format("mixed ages counted by the {} method", mixed_age_method_id(p.mixed_age_method)));
  std::vector<std::string> roles;
  for (auto r : p.in_ratio_roles) roles.emplace_back(role_id(r));
  out.push_back(fmt::format("counted in ratio: {} (others only when in_ratio is yes); {}", fmt::join(roles, ", "),
                            p.minimum_age > 0 ? fmt::format("minimum age {} (apprentices {})", p.minimum_age,
                                                            p.minimum_age_apprentice)
                                              : std::string("no minimum age in this profile")));
  if (p.trainees_count_level_below)
    out.push_back(fmt::format("students and apprentices count at the level below the one they study for{}",
                              p.trainees_need_pfa ? ", only with in-date paediatric first aid" : ""));
  return out;
}

}  // namespace

extern const RuleInfo kRatioSetting{
    .id = "RATIO-SETTING",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::premises,
    .title = "Staff:child ratio across the premises",
    .checks = "At every minute children are present, the staff counted in ratio on the premises are at least the "
              "number required for all the children present: each age band at the profile's ratio, mixed ages "
              "counted by the profile's method, 3-and-over children at the graduate ratio where a graduate works "
              "in their room.",
    .why = "Ratios are the legal minimum number of adults for children's safety and care. The framework applies "
           "them to the staff available to work directly with the children.",
    .fix = "Add cover at the times shown, stagger breaks so fewer staff are off at once, or change the sessions "
           "booked at those times.",
    .reads = "[ratios] under_2, age_2, age_3_plus, mixed_age_method, [ratios.graduate]; [staff]",
    .numbers = ratio_numbers,
    .make = make<RatioSetting>,
};

extern const RuleInfo kRatioRoom{
    .id = "RATIO-ROOM",
    .family = RuleFamily::statutory,
    .severity = Severity::error,
    .scope = RuleScope::room,
    .title = "Staff:child ratio in each room",
    .checks = "In every room, at every minute children are present, the staff counted in ratio working in that "
              "room are at least the number required for the children in that room (same arithmetic as "
              "RATIO-SETTING, per room).",
    .why = "A setting can meet its ratio on paper while one room is short: staff on the premises but deployed "
           "elsewhere are not looking after the babies in this room. Deployment is what children experience.",
    .fix = "Deploy staff to the room at these times: stagger lunch breaks, move a floater in, or move a session "
           "to a room with capacity.",
    .reads = "[ratios] under_2, age_2, age_3_plus, mixed_age_method, [ratios.graduate]; [staff]",
    .numbers = ratio_numbers,
    .make = make<RatioRoom>,
};

}  // namespace attune::rules
