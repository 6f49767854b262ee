#include "what_if.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "attune/cover.hpp"
#include "attune/render.hpp"
#include "attune/rules.hpp"
#include "attune/suggest.hpp"

namespace attune::cli {
namespace {

bool statutory_error(const Finding& f) {
  const RuleInfo* info = find_rule(f.rule);
  return f.severity == Severity::error && info != nullptr && info->family == RuleFamily::statutory;
}

auto key(const Finding& f) {
  return std::tie(f.rule, f.date, f.time, f.room, f.child, f.staff, f.message);
}

}  // namespace

std::optional<WhatIf> apply_absence(LoadedSetting& loaded, const std::vector<std::string>& ids,
                                    const CheckOptions& options, std::string& problems) {
  WhatIf out;
  bool ok = true;
  std::vector<std::string> known;
  for (const Staff& s : loaded.setting.staff) known.push_back(s.id);
  for (const std::string& id : ids) {
    const auto it = std::find(known.begin(), known.end(), id);
    if (it == known.end()) {
      const auto close = closest_matches(id, known, 1);
      problems += fmt::format("attune check: --absent: no staff member \"{}\" in staff.csv{}\n", id,
                              close.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", close.front()));
      ok = false;
      continue;
    }
    const auto i = static_cast<StaffIndex>(it - known.begin());
    if (std::find(out.absent.begin(), out.absent.end(), i) == out.absent.end()) out.absent.push_back(i);
  }
  if (!ok) return std::nullopt;
  out.baseline = check_setting(loaded.setting, loaded.profile, options);
  remove_absent(loaded.setting, out.absent);
  return out;
}

std::string what_if_note(const LoadedSetting& loaded, const WhatIf& what_if, const CheckResult& result,
                         const std::string& path, bool redact) {
  const Setting& s = loaded.setting;
  std::vector<const Finding*> caused;
  for (const Finding& f : result.findings) {
    if (!statutory_error(f)) continue;
    const bool before = std::any_of(what_if.baseline.findings.begin(), what_if.baseline.findings.end(),
                                    [&](const Finding& b) { return key(b) == key(f); });
    if (!before) caused.push_back(&f);
  }
  std::string who, ids;
  for (StaffIndex i : what_if.absent) {
    who += (who.empty() ? "" : ", ") + staff_label(s, i, redact);
    ids += (ids.empty() ? "" : ",") + s.staff[i].id;
  }
  const std::string days = s.period.from == s.period.to
                               ? format_day_label(s.period.from)
                               : fmt::format("{} to {}", format_day_label(s.period.from), format_day_label(s.period.to));
  std::string out = fmt::format("\nWhat if {} {} absent on {}: ", who, what_if.absent.size() == 1 ? "is" : "are", days);
  if (caused.empty()) return out + "no statutory breach that the rota with everyone there does not have.\n";
  long minutes = 0;
  for (const Finding* f : caused)
    if (f->time && f->rule != "PFA-EXPIRY") minutes += f->time->length();
  out += fmt::format("{} statutory {} that the rota with everyone there does not have ({} breach-minutes):\n",
                     caused.size(), caused.size() == 1 ? "breach" : "breaches", minutes);
  for (const Finding* f : caused) {
    out += fmt::format("  {} {} {} {}: {}\n", f->date ? format_day_label(*f->date) : std::string(),
                       f->time ? fmt::format("{}-{}", format_clock_time(f->time->start), format_clock_time(f->time->end)) : "",
                       room_label(s, f->room), f->rule, f->message);
  }
  const std::string dates = s.period.from == s.period.to
                                ? fmt::format("--date {}", format_iso_date(s.period.from))
                                : fmt::format("--from {} --to {}", format_iso_date(s.period.from), format_iso_date(s.period.to));
  out += fmt::format("For the least change that covers them: attune cover {} --absent {} {}\n", shell_word(path),
                     shell_word(ids), dates);
  return out;
}

}  // namespace attune::cli
