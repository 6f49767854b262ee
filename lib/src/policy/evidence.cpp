#include "evidence.hpp"

#include <fmt/format.h>

#include "attune/rule_catalog.hpp"

namespace attune::policy {

std::string describe_findings(std::string_view rule, const std::vector<const Finding*>& findings,
                              const SettingReport& r, bool redact) {
  if (findings.empty()) return {};
  const RuleInfo* info = find_rule(rule);
  if (info != nullptr && info->evidence != nullptr) {
    const EvidenceInput in{findings, [&](std::uint32_t c) { return child_label(r.setting, c, redact); },
                           [&](std::uint32_t s) { return staff_label(r.setting, s, redact); }};
    return info->evidence(in);
  }
  // A rule without its own sentence: how many findings, and for how long.
  const std::size_t n = findings.size();
  long minutes = 0;
  for (const Finding* f : findings) minutes += f->time ? f->time->length() : 0;
  const std::string found = fmt::format("{} {} {}", n, rule, n == 1 ? "finding" : "findings");
  if (minutes > 0) return fmt::format("{}, {} {} in all", found, minutes, minutes == 1 ? "minute" : "minutes");
  return found;
}

}  // namespace attune::policy
