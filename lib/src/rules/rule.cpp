#include "rule.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "../util/text.hpp"

namespace attune::rules {

Severity RuleContext::severity(std::string_view rule) const {
  const auto it = profile.rules.find(rule);
  if (it != profile.rules.end() && it->second.severity) return *it->second.severity;
  const RuleInfo* info = find_rule(rule);
  return info != nullptr ? info->severity : Severity::error;
}

Finding RuleContext::make(std::string_view rule) const {
  if (!last_rule.known || last_rule.id != rule) last_rule = {std::string(rule), severity(rule), true};
  Finding f;
  f.rule = last_rule.id;
  f.severity = last_rule.severity;
  return f;
}

namespace {

/// A one-file setting.yaml has lists, not CSV files: "staff.csv has no pfa_expiry column"
/// becomes "the staff list of setting.yaml has no pfa_expiry field".
std::string in_the_setting_words(std::string_view why, const Setting& setting) {
  std::string text(why);
  const auto ext = setting.path.extension().string();
  if (ext != ".yaml" && ext != ".yml") return text;
  const std::string file = setting.path.filename().string();
  for (std::string_view table : {"children", "staff", "shifts", "attendance", "care_log", "allocations"}) {
    const std::string csv = std::string(table) + ".csv";
    for (std::size_t at = text.find(csv); at != std::string::npos; at = text.find(csv)) {
      const std::string list = fmt::format("the {} list of {}", table, file);
      const bool no_file = at >= 3 && text.compare(at - 3, 3, "no ") == 0;
      if (no_file) text.replace(at - 3, csv.size() + 3, fmt::format("no {} list in {}", table, file));
      else text.replace(at, csv.size(), list);
    }
  }
  for (std::size_t at = text.find(" column"); at != std::string::npos; at = text.find(" column", at + 6))
    text.replace(at, 7, " field");
  return text;
}

}  // namespace

void RuleContext::not_evaluated(std::string_view rule, std::string_view why) const {
  Finding f = make(rule);
  f.severity = Severity::info;
  f.message = fmt::format("not evaluated: {}", in_the_setting_words(why, setting));
  findings.push_back(std::move(f));
}

void BreachRun::close() {
  if (!open_) return;
  open_ = false;
  finding_.message = describe_(finding_);
  if (least_ != worst_ / 1000)
    finding_.message = fmt::format("at worst {}–{}: {}", format_clock_time(worst_time_.start),
                                   format_clock_time(worst_time_.end), finding_.message);
  context_.findings.push_back(std::move(finding_));
  finding_ = Finding{};
}

std::string count_of(long n, std::string_view one, std::string_view many) {
  // Built by hand: a message has a count or two, and a findings-heavy year a million
  // messages (fmt::format parses its format string each time).
  const fmt::format_int number(n);
  const std::string_view word = n == 1 ? one : many;
  std::string text;
  text.reserve(number.size() + 1 + word.size());
  text.append(number.data(), number.size());
  text += ' ';
  text += word;
  return text;
}

std::string percent(double share) { return util::percent(share); }

std::int64_t int_value(const Finding& f, std::string_view name) {
  const FindingValue* v = f.value(name);
  if (v == nullptr) return 0;
  if (const auto* i = std::get_if<std::int64_t>(v)) return *i;
  return 0;
}

double number_value(const Finding& f, std::string_view name) {
  const FindingValue* v = f.value(name);
  if (v == nullptr) return 0;
  if (const auto* d = std::get_if<double>(v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(v)) return static_cast<double>(*i);
  return 0;
}

std::size_t distinct_children(const std::vector<const Finding*>& findings) {
  std::set<std::uint32_t> children;
  for (const Finding* f : findings) children.insert(f->child);
  return children.size();
}

const Finding* extreme(const std::vector<const Finding*>& findings, std::string_view name, bool smallest) {
  return *std::min_element(findings.begin(), findings.end(), [&](const Finding* a, const Finding* b) {
    return smallest ? number_value(*a, name) < number_value(*b, name) : number_value(*a, name) > number_value(*b, name);
  });
}

}  // namespace attune::rules
