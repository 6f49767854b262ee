// A setting against its profile: what neither can say alone.

#include <fmt/format.h>

#include "attune/load.hpp"
#include "attune/profile.hpp"
#include "attune/rule_catalog.hpp"

namespace attune {
namespace {

SourceRegion profile_place(const Setting& s) {
  return SourceRegion{s.path.lexically_normal().string(), s.profile_line, s.profile_column, 0};
}

void check_exceptions(const Setting& setting, const RuleProfile& profile, Diagnostics& d) {
  for (const Override& o : setting.overrides) {
    const RuleProfile& version = profile.on(o.date);
    const auto it = version.rules.find(o.rule);
    if (it == version.rules.end() || !it->second.exceptions) continue;
    const auto& allowed = *it->second.exceptions;
    Diagnostic problem;
    problem.where = o.where;
    problem.source_line = o.source_line;
    if (allowed.empty()) {
      problem.message = fmt::format("profile {} allows no exception to {}", profile.id, o.rule);
      problem.hint = "this limit is absolute: change the bookings instead";
    } else if (o.category.empty()) {
      problem.message = fmt::format("an exception to {} needs its category", o.rule);
      problem.hint = fmt::format("give category: {}", fmt::join(allowed, ", "));
    } else if (std::find(allowed.begin(), allowed.end(), o.category) == allowed.end()) {
      problem.message = fmt::format("profile {} allows no {} exception to {}", profile.id, o.category, o.rule);
      problem.hint = fmt::format("the exceptions it allows: {}", fmt::join(allowed, ", "));
    } else {
      continue;
    }
    d.add(std::move(problem));
  }
}

}  // namespace

void check_profile_fit(const Setting& setting, const RuleProfile& profile, Diagnostics& d) {
  if (setting.kind != profile.kind) {
    d.error(profile_place(setting),
            fmt::format("profile {} is for {} settings, and this setting is a {}", profile.id,
                        profile.kind == ProvisionKind::childminder ? "childminder" : "group (nursery or centre)",
                        setting.kind == ProvisionKind::childminder ? "childminder" : "group setting"),
            setting.kind == ProvisionKind::childminder
                ? "name a childminder profile (attune profiles lists them), e.g. profile = \"eyfs-2024-childminder\""
                : "name a group profile (attune profiles lists them), or write kind = \"childminder\" under [setting]");
  }
  if (profile.effective_from && setting.period.from < *profile.effective_from) {
    // Say exactly what is covered: the first day and every dated version.
    std::vector<std::string> dates{format_iso_date(*profile.effective_from)};
    for (const RuleProfile& v : profile.versions) {
      if (v.effective_from) dates.push_back(format_iso_date(*v.effective_from));
    }
    const std::string first = dates.front();
    d.error(profile_place(setting),
            fmt::format("profile {} has no numbers for days before {} (its versions start on {}), and the period "
                        "starts on {}",
                        profile.id, first, fmt::join(dates, ", "), format_iso_date(setting.period.from)),
            fmt::format("check from {} on (--from {}, or [period] from); for earlier days, name a profile that has "
                        "the earlier framework's numbers (see docs/frameworks.md)",
                        first, first));
  }
  check_exceptions(setting, profile, d);
}

}  // namespace attune
