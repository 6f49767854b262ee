#include "attune/finding.hpp"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <vector>

#include "attune/rule_catalog.hpp"
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
  // The sort key of each finding is worked out once, then the findings are put in the
  // order of their keys, ties kept in order.
  using Key = std::tuple<int, Date, Minute, std::size_t, std::size_t, std::size_t, std::size_t>;
  std::vector<Key> keys;
  keys.reserve(findings.size());
  const Date no_date{};
  std::string_view last_rule;
  int last_order = 0;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (i == 0 || f.rule != last_rule) last_order = rule_order(f.rule), last_rule = f.rule;
    keys.emplace_back(last_order, f.date.value_or(no_date), f.time ? f.time->start : Minute{-1}, f.room, f.child,
                      f.staff, i);
  }
  std::sort(keys.begin(), keys.end());  // the index makes every key distinct: stable
  std::vector<Finding> sorted;
  sorted.reserve(findings.size());
  for (const Key& k : keys) sorted.push_back(std::move(findings[std::get<6>(k)]));
  findings = std::move(sorted);
}

}  // namespace attune
