#include "evidence.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include "../util/text.hpp"

namespace attune::policy {
namespace {

double number(const Finding& f, std::string_view name) {
  const FindingValue* v = f.value(name);
  if (v == nullptr) return 0;
  if (const auto* d = std::get_if<double>(v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(v)) return static_cast<double>(*i);
  return 0;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::size_t distinct_children(const std::vector<const Finding*>& findings) {
  std::set<std::uint32_t> children;
  for (const Finding* f : findings) children.insert(f->child);
  return children.size();
}

/// The finding with the smallest (or largest) value of `name`.
const Finding* extreme(const std::vector<const Finding*>& findings, std::string_view name, bool smallest) {
  return *std::min_element(findings.begin(), findings.end(), [&](const Finding* a, const Finding* b) {
    return smallest ? number(*a, name) < number(*b, name) : number(*a, name) > number(*b, name);
  });
}

std::string coverage(const std::vector<const Finding*>& findings, const SettingReport& r, bool redact,
                     std::string_view who) {
  const Finding* worst = extreme(findings, "coverage", true);
  return fmt::format("{} had their {} present less than {} of their time (worst: {}, {})",
                     plural(findings.size(), "child", "children"), who, util::percent(number(*worst, "threshold")),
                     util::percent(number(*worst, "coverage")), child_label(r.setting, worst->child, redact));
}

}  // namespace

std::string describe_findings(std::string_view rule, const std::vector<const Finding*>& findings,
                              const SettingReport& r, bool redact) {
  if (findings.empty()) return {};
  const std::size_t n = findings.size();
  if (rule == "KP-COVERAGE") return coverage(findings, r, redact, "key person");
  if (rule == "KP-BUDDY-COVERAGE") return coverage(findings, r, redact, "key person or buddy");
  if (rule == "BUDDY-ASSIGNED")
    return fmt::format("{} under 2 had no buddy", plural(n, "child", "children"));
  if (rule == "KP-HANDOVER")
    return fmt::format("{} without the key person or buddy ({})", plural(n, "arrival or departure", "arrivals and departures"),
                       plural(distinct_children(findings), "child", "children"));
  if (rule == "CARERS-DISTINCT") {
    const Finding* worst = extreme(findings, "carers", false);
    return fmt::format("{} more adults in a week than the policy allows ({}; worst: {:.0f} adults)",
                       n == 1 ? "1 child-week had" : fmt::format("{} child-weeks had", n),
                       plural(distinct_children(findings), "child", "children"), number(*worst, "carers"));
  }
  if (rule == "KP-CASELOAD") {
    const Finding* worst = extreme(findings, "load", false);
    return fmt::format("{} over the caseload the policy allows (worst: {}, {:.0f} key children)",
                       plural(n, "key person", "key persons"), staff_label(r.setting, worst->staff, redact),
                       number(*worst, "key_children"));
  }
  if (rule == "CARE-PRIMARY") {
    double moments = 0;
    for (const Finding* f : findings) moments += number(*f, "by_others");
    return fmt::format("{} of intimate care by adults other than the key person or buddy",
                       plural(static_cast<std::size_t>(moments), "moment", "moments"));
  }
  if (rule == "KP-ASSIGNED" || rule == "KP-VALID")
    return fmt::format("{} without a valid key person ({})", plural(n, "child-day", "child-days"),
                       plural(distinct_children(findings), "child", "children"));
  if (rule == "SETTLING-IN")
    return fmt::format("{} without the key person throughout", plural(n, "settling-in session", "settling-in sessions"));
  if (rule == "TRANSITION")
    return fmt::format("{} not prepared with the new key person", plural(n, "transition", "transitions"));
  if (rule == "KP-ROOM")
    return fmt::format("{} whose key person works mostly in another room", plural(n, "child", "children"));
  long minutes = 0;
  for (const Finding* f : findings) minutes += f->time ? f->time->length() : 0;
  const std::string found = fmt::format("{} {} {}", n, rule, n == 1 ? "finding" : "findings");
  if (minutes > 0) return fmt::format("{}, {} in all", found, plural(static_cast<std::size_t>(minutes), "minute", "minutes"));
  return found;
}

}  // namespace attune::policy
