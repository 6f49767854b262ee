#include "examined.hpp"

#include <algorithm>

namespace attune::policy {
namespace {

bool any_attended(const CheckResult& r) {
  return std::any_of(r.metrics.children.begin(), r.metrics.children.end(),
                     [](const ChildMetrics& c) { return c.attended_minutes > 0; });
}

bool baby_attended(const CheckResult& r) {
  return std::any_of(r.metrics.children.begin(), r.metrics.children.end(), [](const ChildMetrics& c) {
    return c.attended_minutes > 0 && c.band == AgeBand::under_2;
  });
}

/// A child whose start date is in the period and who attended: someone settling in.
bool someone_started(const SettingReport& report) {
  const Setting& s = report.setting;
  for (const ChildMetrics& c : report.result.metrics.children) {
    const Child& child = s.children[c.child];
    if (c.attended_minutes > 0 && child.start_date && s.period.contains(*child.start_date)) return true;
  }
  return false;
}

/// A change of key person (allocations.csv) or of room (attendance) inside the period.
bool some_transition(const SettingReport& report) {
  const Setting& s = report.setting;
  for (const Allocation& a : s.allocations) {
    if (a.from > s.period.from && a.from <= s.period.to) return true;
  }
  std::vector<RoomIndex> last_room(s.children.size(), kNone);
  for (const Day& day : s.days) {
    for (const ChildSpell& spell : day.children) {
      RoomIndex& last = last_room[spell.child];
      if (last != kNone && last != spell.room) return true;
      last = spell.room;
    }
  }
  return false;
}

bool some_care_logged(const Setting& s) {
  return std::any_of(s.days.begin(), s.days.end(), [](const Day& d) { return !d.care.empty(); });
}

bool some_key_person(const Setting& s) {
  for (ChildIndex c = 0; c < s.children.size(); ++c) {
    for (const Day& day : s.days) {
      if (s.children[c].enrolled_on(day.date) && s.key_people_on(c, day.date).first != kNone) return true;
    }
  }
  return false;
}

}  // namespace

std::string nothing_to_examine(std::string_view rule, const SettingReport& report) {
  const CheckResult& r = report.result;
  const Setting& s = report.setting;
  if (rule == "STAFF-AGE" || rule == "PFA-EXPIRY") return s.staff.empty() ? "no staff in this period" : "";
  if (rule == "KP-CASELOAD") return some_key_person(s) ? "" : "no child has a key person in this period";
  if (!any_attended(r)) return "no child attended in this period";
  if (rule == "BUDDY-ASSIGNED" || rule == "QUAL-BABY-TRAINING" || rule == "U2-ROOM-LEAD")
    return baby_attended(r) ? "" : "no child under 2 attended in this period";
  if (rule == "SETTLING-IN") return someone_started(report) ? "" : "no child started in this period";
  if (rule == "TRANSITION")
    return some_transition(report) ? "" : "no child changed key person or room in this period";
  if (rule == "CARE-PRIMARY") return some_care_logged(s) ? "" : "no care was logged in this period";
  return "";
}

}  // namespace attune::policy
