// `attune rules`, `attune explain` and `attune profiles`, as text.

#include "attune/rule_text.hpp"

#include <fmt/format.h>

namespace attune {
namespace {

Severity severity_under(const RuleProfile& p, const RuleInfo& info) {
  const auto it = p.rules.find(info.id);
  return it != p.rules.end() && it->second.severity ? *it->second.severity : info.severity;
}

/// The versions of a profile in date order: the profile itself, then its dated ones.
std::vector<const RuleProfile*> versions_of(const RuleProfile& p) {
  std::vector<const RuleProfile*> out{&p};
  for (const RuleProfile& v : p.versions) out.push_back(&v);
  return out;
}

std::string from_date(const RuleProfile& v) {
  return v.effective_from ? format_iso_date(*v.effective_from) : std::string("the start");
}

/// "" when a rule is on in every version; else when it applies, e.g. "from 2025-09-01".
std::string when_enabled(const RuleProfile& p, const RuleInfo& info) {
  const auto all = versions_of(p);
  std::vector<std::string> spans;
  bool every = true;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!all[i]->rule_enabled(info.id)) {
      every = false;
      continue;
    }
    if (i > 0 && all[i - 1]->rule_enabled(info.id)) continue;  // continues the span before
    std::size_t j = i;
    while (j + 1 < all.size() && all[j + 1]->rule_enabled(info.id)) ++j;
    const bool ends = j + 1 < all.size();
    const std::string last_day = ends ? format_iso_date(*all[j + 1]->effective_from - std::chrono::days{1}) : "";
    if (i == 0 && !all[0]->effective_from) spans.push_back(fmt::format("until {}", last_day));  // ends: not every version
    else spans.push_back(fmt::format("from {}{}", from_date(*all[i]), ends ? " until " + last_day : ""));
  }
  if (every) return {};
  std::string out;
  for (const auto& s : spans) out += (out.empty() ? "" : "; ") + s;
  return out;
}

bool enabled_somewhere(const RuleProfile& p, const RuleInfo& info) {
  for (const RuleProfile* v : versions_of(p)) {
    if (v->rule_enabled(info.id)) return true;
  }
  return false;
}

}  // namespace

std::string wrap_text(std::string_view text, std::string_view indent) {
  std::string out;
  std::string line(indent);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t space = text.find(' ', pos);
    const std::string_view word = text.substr(pos, space == std::string_view::npos ? text.npos : space - pos);
    if (line.size() > indent.size() && line.size() + 1 + word.size() > 78) {
      out += line + "\n";
      line = std::string(indent);
    }
    if (line.size() > indent.size()) line += ' ';
    line += word;
    if (space == std::string_view::npos) break;
    pos = space + 1;
  }
  return out + line + "\n";
}

std::string render_rules_listing(const RuleProfile& p) {
  std::string out = fmt::format("Rules of profile {}: {}\n", p.id, p.title);
  if (!p.framework.empty()) out += fmt::format("{}\n", p.framework);
  std::vector<std::string> off;
  for (RuleFamily family : {RuleFamily::statutory, RuleFamily::continuity}) {
    bool heading = false;
    for (const RuleInfo& info : rule_catalog()) {
      if (info.family != family) continue;
      if (!enabled_somewhere(p, info)) {
        off.emplace_back(info.id);
        continue;
      }
      if (!heading) {
        out += family == RuleFamily::statutory
                   ? fmt::format("\nStatutory ({})\n", p.jurisdiction.empty() ? p.id : p.jurisdiction)
                   : std::string("\nContinuity of care (the setting's policy)\n");
        heading = true;
      }
      const std::string when = when_enabled(p, info);
      out += fmt::format("  {:<20} {:<8} {}{}\n", info.id, severity_id(severity_under(p, info)), info.title,
                         when.empty() ? "" : fmt::format(" ({})", when));
    }
  }
  if (!off.empty()) out += "\n" + wrap_text(fmt::format("Not checked under this profile: {}.", fmt::join(off, ", ")), "");
  out += "\nRun `attune explain RULE` for what a rule checks, why, and its source.\n";
  return out;
}

std::string render_rule_explanation(const RuleInfo& info, const RuleProfile& p, const ContinuityPolicy& policy) {
  std::string out = fmt::format("{}: {}\n", info.id, info.title);
  const bool on = enabled_somewhere(p, info);
  const std::string when = when_enabled(p, info);
  out += fmt::format("Severity: {} ({}){}\n\n", severity_id(severity_under(p, info)),
                     info.family == RuleFamily::statutory ? "statutory requirement" : "continuity of care",
                     !on ? "; not checked under this profile" : when.empty() ? "" : fmt::format("; {}", when));
  out += "What it checks\n" + wrap_text(info.checks, "  ") + "\n";
  out += "Why it matters\n" + wrap_text(info.why, "  ") + "\n";
  out += "What to change\n" + wrap_text(info.fix, "  ") + "\n";
  if (info.numbers != nullptr) {
    // The numbers of each version where they differ from the version before.
    const auto all = versions_of(p);
    std::vector<std::string> last;
    bool any = false;
    for (const RuleProfile* v : all) {
      if (!v->rule_enabled(info.id) && on) continue;
      const auto numbers = info.numbers(*v, policy);
      if (numbers.empty() || numbers == last) continue;
      if (!any) {
        out += info.family == RuleFamily::statutory
                   ? fmt::format("Numbers in profile {}\n", p.id)
                   : std::string("Numbers (the default [policy]; a setting's setting.toml can change them)\n");
        any = true;
      }
      if (info.family == RuleFamily::statutory && all.size() > 1)
        out += fmt::format("  {}{}:\n", v->effective_from ? fmt::format("From {}", format_iso_date(*v->effective_from))
                                                          : std::string("In the first version"),
                           v->version_label.empty() ? "" : fmt::format(" ({})", v->version_label));
      for (const auto& n : numbers) out += wrap_text("- " + n, all.size() > 1 && info.family == RuleFamily::statutory ? "    " : "  ");
      last = numbers;
    }
    if (any) out += "\n";
  }
  const RuleProfile& latest = p.versions.empty() ? p : p.versions.back();
  const std::string_view source = latest.rule_source(info.id);
  out += "Source\n" + wrap_text(source.empty() ? "not given in this profile" : source, "  ");
  return out;
}

std::string render_profiles_listing(const std::vector<RuleProfile>& profiles) {
  std::string out;
  for (const RuleProfile& p : profiles) {
    if (!out.empty()) out += "\n";
    out += fmt::format("{}  {}\n", p.id, p.title);
    out += fmt::format("  {}, {} settings\n", p.jurisdiction.empty() ? "jurisdiction not given" : p.jurisdiction,
                       provision_kind_id(p.kind));
    for (const RuleProfile* v : versions_of(p)) {
      const std::string when =
          v->effective_from ? fmt::format("from {}", format_iso_date(*v->effective_from)) : std::string("always");
      out += fmt::format("  {:<15} {}\n", when, v->version_label.empty() ? v->framework : v->version_label);
    }
  }
  return out;
}

}  // namespace attune
