// The pointer from `attune check` and `attune report` to `attune allocate`: computed, so
// the manager sees that a better allocation exists, and how good it is.

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "attune/allocate.hpp"

namespace attune {

std::optional<AllocationHint> allocation_hint(const Setting& setting, const CheckResult& result,
                                              double time_limit_seconds) {
  const bool fired = std::any_of(result.findings.begin(), result.findings.end(), [](const Finding& f) {
    return f.rule == "KP-COVERAGE" || f.rule == "KP-BUDDY-COVERAGE";
  });
  if (!fired) return std::nullopt;
  AllocateOptions options;
  options.first_stage_only = true;
  options.time_limit_seconds = time_limit_seconds;
  const AllocationProposal p = allocate(setting, options);
  if (p.status != AllocationStatus::optimal) return std::nullopt;
  AllocationHint hint;
  hint.babies = p.after.min_under_2_coverage.has_value();
  const std::optional<Share> best = hint.babies ? p.after.min_under_2_coverage : p.after.min_coverage;
  if (!best) return std::nullopt;
  hint.best = best->value();
  // Today's, as the metrics measured it, over the same children (babies: under 2 on the
  // first day they attend).
  std::vector<std::optional<Date>> first(setting.children.size());
  for (const Day& d : setting.days)
    for (const ChildSpell& s : d.children)
      if (s.child < first.size() && !first[s.child]) first[s.child] = d.date;
  std::optional<double> now;
  for (const ChildMetrics& m : result.metrics.children) {
    if (m.attended_minutes == 0 || m.child >= first.size() || !first[m.child]) continue;
    if (hint.babies && age_band_on(setting.children[m.child].date_of_birth, *first[m.child]) != AgeBand::under_2)
      continue;
    const double c = static_cast<double>(m.key_person_minutes) / static_cast<double>(m.attended_minutes);
    now = now ? std::min(*now, c) : c;
  }
  hint.now = now.value_or(0.0);
  return hint;
}

std::string allocation_hint_text(const AllocationHint& hint, bool plain) {
  const std::string command = plain ? "attune allocate" : "`attune allocate`";
  const char* whose = hint.babies ? "the lowest baby coverage" : "the lowest coverage of all children";
  if (hint.best > hint.now)
    return fmt::format("{} finds an allocation with {} at {:.0f}% ({:.0f}% today)", command, whose, hint.best * 100.0,
                       hint.now * 100.0);
  return fmt::format("{} finds no allocation with {} above today's {:.0f}%: the rota itself has to change", command,
                     whose, hint.now * 100.0);
}

}  // namespace attune
