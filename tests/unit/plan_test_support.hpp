#pragma once
// Helpers for attune plan's unit tests: a setting folder and a bundled profile loaded,
// and the statutory breaches `attune check` finds in a planned rota.

#include <doctest/doctest.h>

#include <string>

#include "attune/check.hpp"
#include "attune/load.hpp"
#include "attune/plan.hpp"
#include "plan/rota.hpp"

namespace attune::test {

/// Loads a setting folder; fails the test if it has input errors.
inline Setting load_case(const std::string& dir) {
  LoadResult loaded = load_setting(dir, LoadOptions{});
  REQUIRE(loaded.setting.has_value());
  return *loaded.setting;
}

/// A bundled profile by name (templates/profiles/NAME.toml).
inline RuleProfile profile_named(const char* name) {
  Diagnostics d;
  auto p = load_profile(std::string(ATTUNE_TEMPLATES_DIR) + "/profiles/" + name + ".toml", d);
  REQUIRE(p.has_value());
  return *p;
}

/// Statutory breaches `attune check --only statutory` would report in the planned rota.
inline long statutory_breaches(const Setting& s, const RuleProfile& profile, const RotaPlan& plan) {
  CheckOptions only;
  only.only = {"statutory"};
  const CheckResult r = check_setting(plan::with_rota(s, plan.shifts), profile, only);
  long n = 0;
  for (const Finding& f : r.findings)
    if (f.severity == Severity::error && !f.accepted) ++n;
  return n;
}

}  // namespace attune::test
