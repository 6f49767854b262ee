#include <fmt/format.h>

#include "attune/render.hpp"
#include "attune/rules.hpp"

namespace attune {

std::string_view version() { return ATTUNE_VERSION; }

std::string child_label(const Setting& setting, std::uint32_t child, bool redact) {
  if (child >= setting.children.size()) return {};
  const Child& c = setting.children[child];
  if (redact || c.name == c.id) return c.id;
  return fmt::format("{} ({})", c.name, c.id);
}

std::string staff_label(const Setting& setting, std::uint32_t staff, bool redact) {
  if (staff >= setting.staff.size()) return {};
  const Staff& s = setting.staff[staff];
  if (redact || s.name == s.id) return s.id;
  return fmt::format("{} ({})", s.name, s.id);
}

std::string accepted_label(const Setting& setting, const Finding& f, bool redact) {
  if (f.accepted_category.empty()) return f.accepted_reason;
  const std::string child = child_label(setting, f.accepted_child, redact);
  return fmt::format("{}{}: {}", f.accepted_category, child.empty() ? "" : ", for " + child, f.accepted_reason);
}

std::string exceptions_by_category(const std::vector<Finding>& findings) {
  std::string out;
  for (std::string_view category : {"siblings", "own_child", "continuity"}) {
    std::size_t n = 0;
    for (const Finding& f : findings) n += f.accepted && f.accepted_category == category ? 1 : 0;
    if (n > 0) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, category);
  }
  return out;
}

std::string verdict(const CheckResult& result) {
  if (result.counts.errors > 0) return "Statutory breaches found";
  bool statutory = false, policy = false;
  for (const Finding& f : result.findings) {
    if (f.severity != Severity::warning || f.accepted) continue;
    const RuleInfo* info = find_rule(f.rule);
    (info != nullptr && info->family == RuleFamily::statutory ? statutory : policy) = true;
  }
  if (statutory && policy) return "No statutory breaches; statutory warnings to act on, and below the setting's own policy";
  if (statutory) return "No statutory breaches; statutory warnings to act on";
  if (policy) return "No statutory breaches; below the setting's own policy";
  return "No breaches found";
}

std::string room_label(const Setting& setting, std::uint32_t room) {
  if (room >= setting.rooms.size()) return "premises";
  return setting.rooms[room].name;
}

}  // namespace attune
