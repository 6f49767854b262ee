#pragma once
// Helpers for unit tests: the bundled profile, and settings written inline as YAML.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "attune/check.hpp"
#include "attune/load.hpp"
#include "attune/profile.hpp"

namespace attune::test {

/// How many random cases a property test runs: the environment variable `name` when it is
/// set (at least 1), else `fallback`, the number CI runs (kept fast under the sanitizers).
inline int property_cases(const char* name, int fallback) {
  const char* n = std::getenv(name);
  return n != nullptr ? std::max(1, std::atoi(n)) : fallback;
}

inline RuleProfile group_profile() {
  Diagnostics d;
  auto p = load_profile(std::string(ATTUNE_TEMPLATES_DIR) + "/profiles/eyfs-2024-group.toml", d);
  REQUIRE(p.has_value());
  return *p;
}

inline Date day(const char* iso) { return *parse_iso_date(iso); }

/// Loads a setting.yaml given as text; fails the test with the diagnostics if it has errors.
inline Setting load_yaml(const std::string& yaml) {
  LoadResult r = load_setting_text(yaml, true, "setting.yaml", ".", LoadOptions{});
  std::string problems;
  for (const auto& d : r.diagnostics.sorted()) problems += format_diagnostic(d) + "\n";
  INFO(problems);
  REQUIRE(r.setting.has_value());
  return std::move(*r.setting);
}

/// The diagnostics of a setting.yaml that is expected to fail, one per line.
inline std::string load_errors(const std::string& yaml) {
  LoadResult r = load_setting_text(yaml, true, "setting.yaml", ".", LoadOptions{});
  CHECK_FALSE(r.setting.has_value());
  std::string out;
  for (const auto& d : r.diagnostics.sorted()) out += format_diagnostic(d) + "\n";
  return out;
}

/// The findings of `rule` in a check of `setting`.
inline std::vector<Finding> findings_of(const CheckResult& r, std::string_view rule) {
  std::vector<Finding> out;
  for (const auto& f : r.findings) {
    if (f.rule == rule) out.push_back(f);
  }
  return out;
}

/// A one-room setting header for YAML tests: a baby room with lunch 11:30-12:15, a
/// pre-school room, period Mon 2 Nov to Fri 6 Nov 2026.
inline std::string header() {
  return R"(setting: { name: Test Nursery, profile: eyfs-2024-group, opening: { open: "07:30", close: "18:30" } }
period: { from: 2026-11-02, to: 2026-11-06 }
rooms:
  - { id: babies, name: Baby Room, capacity: 12, meals: [ { start: "11:30", end: "12:15" } ] }
  - { id: pre, name: Pre-school, capacity: 30 }
)";
}

inline long minutes(const std::optional<TimeWindow>& w) { return w ? w->length() : 0; }

}  // namespace attune::test
