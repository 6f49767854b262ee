#include "attune/finding.hpp"

#include <algorithm>
#include <tuple>

#include "attune/rules.hpp"
#include "enum_names.hpp"
#include "names.hpp"

namespace attune {

namespace detail {
constexpr auto kSeverityNames = make_enum_names<Severity>(
    std::pair{Severity::info, "info"}, std::pair{Severity::warning, "warning"},
    std::pair{Severity::error, "error"});
std::string severity_choices() { return kSeverityNames.choices(); }
}  // namespace detail

std::string_view severity_id(Severity severity) { return detail::kSeverityNames.name(severity); }
std::optional<Severity> parse_severity(std::string_view text) {
  return detail::kSeverityNames.parse(text);
}

const FindingValue* Finding::value(std::string_view name) const {
  for (const auto& v : values) {
    if (v.name == name) return &v.value;
  }
  return nullptr;
}

FindingCounts count_findings(const std::vector<Finding>& findings) {
  FindingCounts counts;
  for (const auto& f : findings) {
    if (f.accepted) {
      ++counts.accepted;
      continue;
    }
    switch (f.severity) {
      case Severity::error: ++counts.errors; break;
      case Severity::warning: ++counts.warnings; break;
      case Severity::info: ++counts.infos; break;
    }
  }
  return counts;
}

void sort_findings(std::vector<Finding>& findings) {
  auto key = [](const Finding& f) {
    const Date no_date{};
    return std::make_tuple(rule_order(f.rule), f.date.value_or(no_date),
                           f.time ? f.time->start : -1, f.room, f.child, f.staff);
  };
  std::stable_sort(findings.begin(), findings.end(),
                   [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
}

}  // namespace attune
