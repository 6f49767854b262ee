#pragma once
/// Repeated findings as one pattern: the same rule, room, person and time on several
/// days ("every weekday 12:45-13:15"), as a manager fixes a rota: by its weekly shape.
/// Reports show a pattern once, with its dates; JSON keeps every finding and names its
/// pattern.

#include <cstdint>
#include <string>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/clock_time.hpp"

namespace attune {

struct Finding;
struct Day;

struct FindingPattern {
  /// Indices into CheckResult::findings, in order (two or more).
  std::vector<std::uint32_t> findings;
  std::vector<Date> dates;  ///< of the findings, in order
  /// "every weekday", "every Tuesday", "every Mon, Wed and Fri", "4 of 5 Tuesdays",
  /// "on 3 days": against the days of the period on which children attended.
  std::string label;
};

/// Finds the patterns among `findings` (sorted) and sets each member's `pattern`.
/// A pattern is two or more findings, not accepted, with a date and a time, of the same
/// rule, severity, room, child, staff member, time window and message (the same numbers).
/// `days` are the setting's days (the
/// ones with children attending are what "every" is measured against).
std::vector<FindingPattern> find_patterns(std::vector<Finding>& findings, const std::vector<Day>& days);

/// "Mon 2 Nov-Fri 6 Nov, Mon 9 Nov": the dates, runs of consecutive days with children
/// joined, at most `runs` runs then "and 12 more days".
std::string describe_dates(const std::vector<Date>& dates, const std::vector<Day>& days, std::size_t runs = 6);

}  // namespace attune
