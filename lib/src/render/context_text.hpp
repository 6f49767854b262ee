#pragma once
// A finding's context and pattern in words, for the text report, Markdown and HTML:
// "counted: Grace Obi (s02), level 3", "could fix: move Lucy Wren (s03)'s break (12:45–13:15)".

#include <string>
#include <vector>

#include "attune/check.hpp"
#include "attune/setting.hpp"

namespace attune::render {

/// One labelled part of a finding's context: {"counted", {"Grace Obi (s02), level 3", ...}}.
struct ContextLine {
  /// "counted", "not counted", "on a break", "on non-contact time", "there, without
  /// in-date first aid" (first-aid findings), "could fix"
  std::string label;
  std::vector<std::string> items;
  /// The items joined: "Grace Obi (s02), level 3; Ben Ray (s04), level 2".
  [[nodiscard]] std::string text() const;
};

/// The lines of `context` for the finding `f` (empty lines are left out). `date` is the
/// finding's date (ages are worked out on it).
std::vector<ContextLine> context_lines(const Setting& setting, const Finding& f, const FindingContext& context,
                                       bool redact);

/// "level 3", "unqualified", "QTS".
std::string qualification_words(Qualification q);

/// For a finding that belongs to a pattern: "every weekday" and "5 days: Mon 2 Nov–Fri 6 Nov".
struct PatternWords {
  std::string label;
  std::string dates;
};
PatternWords pattern_words(const Setting& setting, const FindingPattern& pattern);

}  // namespace attune::render
