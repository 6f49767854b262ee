// The numbers behind each rule, read from the profile and policy, for `attune explain`.

#include <fmt/format.h>

#include "attune/policy.hpp"
#include "attune/profile.hpp"
#include "attune/rules.hpp"
#include "../util/text.hpp"

namespace attune {
namespace {

std::vector<std::string> ratio_numbers(const RuleProfile& p) {
  std::vector<std::string> out;
  for (AgeBand band : kAgeBands) {
    out.push_back(fmt::format("{}: 1:{}", age_band_label(band), p.children_per_adult[static_cast<std::size_t>(band)]));
  }
  if (p.graduate_children_per_adult > 0) {
    std::vector<std::string> quals;
    for (auto q : p.graduate_qualifications) quals.emplace_back(qualification_id(q));
    out.push_back(fmt::format("3 and over: 1:{} while a graduate ({}) works in the room{}{}",
                              p.graduate_children_per_adult, fmt::join(quals, ", "),
                              p.graduate_needs_other_level3 ? " with at least one other level 3" : "",
                              p.graduate_hours ? fmt::format(", between {}", format_window(*p.graduate_hours)) : ""));
  }
  out.push_back(fmt::format("mixed ages counted by the {} method", mixed_age_method_id(p.mixed_age_method)));
  std::vector<std::string> roles;
  for (auto r : p.in_ratio_roles) roles.emplace_back(role_id(r));
  out.push_back(fmt::format("counted in ratio: {} (others only when in_ratio is yes); minimum age {} "
                            "(apprentices {})",
                            fmt::join(roles, ", "), p.minimum_age, p.minimum_age_apprentice));
  if (p.trainees_count_level_below)
    out.push_back(fmt::format("students and apprentices count at the level below the one they study for{}",
                              p.trainees_need_pfa ? ", only with in-date paediatric first aid" : ""));
  return out;
}

std::string by_band(const std::array<int, kAgeBandCount>& values) {
  return fmt::format("under 2: {}; aged 2: {}; aged 3 and over: {}", values[0], values[1], values[2]);
}

std::vector<std::string> continuity_numbers(std::string_view rule, const ContinuityPolicy& c) {
  const auto pct = [](double share) { return util::percent(share); };
  if (rule == "KP-COVERAGE") return {fmt::format("key_person_coverage_min = {}", pct(c.key_person_coverage_min))};
  if (rule == "KP-BUDDY-COVERAGE")
    return {fmt::format("key_or_buddy_coverage_min = {}", pct(c.key_or_buddy_coverage_min))};
  if (rule == "KP-HANDOVER") return {fmt::format("handover_window_minutes = {}", c.handover_window_minutes)};
  if (rule == "KP-CASELOAD") return {fmt::format("max_key_children: {}", by_band(c.max_key_children))};
  if (rule == "KP-ROOM") return {fmt::format("key_person_room_share_min = {}", pct(c.key_person_room_share_min))};
  if (rule == "CARERS-DISTINCT")
    return {fmt::format("max_distinct_carers_per_week: {}", by_band(c.max_distinct_carers_per_week))};
  if (rule == "SETTLING-IN") return {fmt::format("settling_in_sessions = {}", c.settling_in_sessions)};
  if (rule == "TRANSITION")
    return {fmt::format("transition_together_minutes = {}", c.transition_together_minutes)};
  return {};
}

}  // namespace

std::vector<std::string> rule_numbers(std::string_view rule, const RuleProfile& p,
                                      const ContinuityPolicy& policy) {
  if (rule == "RATIO-ROOM" || rule == "RATIO-SETTING") return ratio_numbers(p);
  if (rule == "QUAL-LEVEL2-HALF")
    return {fmt::format("at least {}% of the other staff in ratio at level 2 or above", p.level2_min_percent)};
  if (rule == "QUAL-BABY-TRAINING")
    return {fmt::format("at least {}% of staff in ratio trained in the care of babies", p.baby_training_min_percent)};
  if (rule == "QUAL-LEVEL3" && p.trainees_count_level_below)
    return {"a student or apprentice studying for level 6 (or QTS, EYTS, EYPS) counts at level 3"};
  if (rule == "PFA-ON-SITE")
    return {p.pfa_counts_during_break ? "staff on a break count as available"
                                      : "staff on a break do not count as available"};
  if (rule == "PFA-EXPIRY")
    return {fmt::format("warn {} days before a certificate expires", policy.pfa_expiry_warning_days)};
  if (rule == "STAFF-AGE")
    return {fmt::format("minimum age {} (apprentices {})", p.minimum_age, p.minimum_age_apprentice)};
  return continuity_numbers(rule, policy);
}

}  // namespace attune
