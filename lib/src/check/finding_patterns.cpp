// Repeated findings as patterns: the same rule, room, person, time and message on
// several days (a finding whose numbers differ from day to day is not the same problem:
// it is listed on its own, so no day is shown with another day's numbers).

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <tuple>

#include <fmt/format.h>

#include "attune/finding.hpp"
#include "attune/finding_pattern.hpp"
#include "attune/setting.hpp"

namespace attune {
namespace {

/// "Mon", "Mon and Wed", "Mon, Wed and Fri".
std::string weekday_list(const std::array<bool, 7>& days) {
  std::vector<std::string> names;
  for (int d = 0; d < 7; ++d) {
    if (days[static_cast<std::size_t>(d)]) names.emplace_back(weekday_short_name(d));
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

constexpr std::string_view kLongNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                           "Sunday"};

/// Days with children attending, by weekday: what "every Tuesday" is measured against.
std::array<std::size_t, 7> open_days_by_weekday(const std::vector<Day>& days) {
  std::array<std::size_t, 7> out{};
  for (const Day& day : days) {
    if (!day.children.empty()) ++out[static_cast<std::size_t>(weekday_index(day.date))];
  }
  return out;
}

/// The label of a pattern's dates, against the days with children attending.
std::string label_for(const std::vector<Date>& dates, const std::array<std::size_t, 7>& open) {
  std::array<bool, 7> weekdays{};
  for (Date d : dates) weekdays[static_cast<std::size_t>(weekday_index(d))] = true;
  std::size_t open_on_those = 0;  // days with children on the pattern's weekdays
  for (std::size_t w = 0; w < 7; ++w) open_on_those += weekdays[w] ? open[w] : 0;
  const std::size_t kinds = static_cast<std::size_t>(std::count(weekdays.begin(), weekdays.end(), true));
  const bool every = dates.size() == open_on_those;
  const bool mon_to_fri = kinds == 5 && !weekdays[5] && !weekdays[6];
  if (every && mon_to_fri) return "every weekday";
  if (every && kinds == 7) return "every day";
  if (kinds == 1) {
    const auto name = kLongNames[std::find(weekdays.begin(), weekdays.end(), true) - weekdays.begin()];
    if (every) return fmt::format("every {}", name);
    return fmt::format("{} of {} {}s", dates.size(), open_on_those, name);
  }
  if (every) return fmt::format("every {}", weekday_list(weekdays));
  return fmt::format("on {} days", dates.size());
}

}  // namespace

std::vector<FindingPattern> find_patterns(std::vector<Finding>& findings, const std::vector<Day>& days) {
  // The findings are sorted by rule: each rule's run is grouped on its own, by integer
  // keys (room, child, staff, start, end, severity, the message's hash), ties in finding
  // order; equal hashes are confirmed on the messages themselves.
  using Key = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, Minute, Minute, Severity, std::size_t,
                         std::uint32_t>;
  std::vector<Key> keys;
  std::vector<FindingPattern> patterns;
  for (std::size_t first = 0; first < findings.size();) {
    std::size_t last = first;
    while (last < findings.size() && findings[last].rule == findings[first].rule) ++last;
    keys.clear();
    for (std::size_t i = first; i < last; ++i) {
      const Finding& f = findings[i];
      if (f.accepted || !f.date || !f.time) continue;
      keys.emplace_back(f.room, f.child, f.staff, f.time->start, f.time->end, f.severity,
                        std::hash<std::string>{}(f.message), static_cast<std::uint32_t>(i));
    }
    first = last;
    if (keys.size() < 2) continue;
    std::sort(keys.begin(), keys.end());
    const auto same = [&findings](const Key& a, const Key& b) {
      return std::get<0>(a) == std::get<0>(b) && std::get<1>(a) == std::get<1>(b) && std::get<2>(a) == std::get<2>(b) &&
             std::get<3>(a) == std::get<3>(b) && std::get<4>(a) == std::get<4>(b) && std::get<5>(a) == std::get<5>(b) &&
             std::get<6>(a) == std::get<6>(b) && findings[std::get<7>(a)].message == findings[std::get<7>(b)].message;
    };
    for (std::size_t i = 0; i < keys.size();) {
      std::size_t j = i + 1;
      while (j < keys.size() && same(keys[i], keys[j])) ++j;
      if (j - i >= 2) {
        FindingPattern p;
        p.findings.reserve(j - i);
        p.dates.reserve(j - i);
        for (std::size_t k = i; k < j; ++k) {
          p.findings.push_back(std::get<7>(keys[k]));
          p.dates.push_back(*findings[std::get<7>(keys[k])].date);
        }
        patterns.push_back(std::move(p));
      }
      i = j;
    }
  }
  // In the order of each pattern's first finding, as reports list them.
  std::sort(patterns.begin(), patterns.end(),
            [](const FindingPattern& a, const FindingPattern& b) { return a.findings.front() < b.findings.front(); });
  const auto open = open_days_by_weekday(days);
  for (std::uint32_t p = 0; p < patterns.size(); ++p) {
    patterns[p].label = label_for(patterns[p].dates, open);
    for (std::uint32_t index : patterns[p].findings) findings[index].pattern = p;
  }
  return patterns;
}

std::string describe_dates(const std::vector<Date>& dates, const std::vector<Day>& days, std::size_t runs) {
  // A run is dates that follow one another among the days with children (a weekend or
  // a closed day between them does not break it).
  std::vector<Date> open;
  for (const Day& day : days) {
    if (!day.children.empty()) open.push_back(day.date);
  }
  const auto position = [&](Date d) { return std::lower_bound(open.begin(), open.end(), d) - open.begin(); };
  std::vector<std::pair<Date, Date>> spans;
  for (Date d : dates) {
    if (!spans.empty() && position(d) == position(spans.back().second) + 1) spans.back().second = d;
    else spans.emplace_back(d, d);
  }
  std::string out;
  std::size_t shown_days = 0;
  for (std::size_t i = 0; i < spans.size() && i < runs; ++i) {
    const auto [from, to] = spans[i];
    if (i > 0) out += ", ";
    out += from == to ? format_day_label(from) : fmt::format("{}\u2013{}", format_day_label(from), format_day_label(to));
    shown_days += static_cast<std::size_t>(position(to) - position(from) + 1);
  }
  if (spans.size() > runs) out += fmt::format(" and {} more days", dates.size() - shown_days);
  return out;
}

}  // namespace attune
