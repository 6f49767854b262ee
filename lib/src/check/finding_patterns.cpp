// Repeated findings as patterns: the same rule, room, person, time and message on
// several days (a finding whose numbers differ from day to day is not the same problem:
// it is listed on its own, so no day is shown with another day's numbers).

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <utility>

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

/// One 64-bit hash of what makes two findings of a rule the same problem.
std::uint64_t pattern_hash(const Finding& f) {
  const auto mix = [](std::uint64_t h, std::uint64_t v) {
    // splitmix64's finaliser over the running value: every bit of v reaches every bit.
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
  };
  std::uint64_t h = std::hash<std::string_view>{}(f.message);
  h = mix(h, (std::uint64_t{f.room} << 32) | f.child);
  h = mix(h, (std::uint64_t{f.staff} << 32) | static_cast<std::uint32_t>(f.severity));
  h = mix(h, (static_cast<std::uint64_t>(static_cast<std::uint32_t>(f.time->start)) << 32) |
                 static_cast<std::uint32_t>(f.time->end));
  return h;
}

}  // namespace

std::vector<FindingPattern> find_patterns(std::vector<Finding>& findings, const std::vector<Day>& days) {
  // The findings are sorted by rule: each rule's run is grouped on its own, by one
  // 64-bit hash of the integer keys (room, child, staff, start, end, severity) and the
  // message, ties in finding order; findings of equal hashes are compared whole, so a
  // collision splits a run instead of merging two problems. Sorting (hash, index) pairs
  // costs a quarter of sorting the eight-member keys it replaced.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
  std::vector<std::uint32_t> run, members;
  std::vector<FindingPattern> patterns;
  const auto same = [&findings](std::uint32_t a, std::uint32_t b) {
    const Finding& x = findings[a];
    const Finding& y = findings[b];
    return x.room == y.room && x.child == y.child && x.staff == y.staff && x.time->start == y.time->start &&
           x.time->end == y.time->end && x.severity == y.severity && x.message == y.message;
  };
  const auto emit = [&](const std::vector<std::uint32_t>& group) {
    FindingPattern p;
    p.findings = group;
    p.dates.reserve(group.size());
    for (std::uint32_t k : group) p.dates.push_back(*findings[k].date);
    patterns.push_back(std::move(p));
  };
  for (std::size_t first = 0; first < findings.size();) {
    std::size_t last = first;
    while (last < findings.size() && findings[last].rule == findings[first].rule) ++last;
    keys.clear();
    for (std::size_t i = first; i < last; ++i) {
      const Finding& f = findings[i];
      if (f.accepted || !f.date || !f.time) continue;
      keys.emplace_back(pattern_hash(f), static_cast<std::uint32_t>(i));
    }
    first = last;
    if (keys.size() < 2) continue;
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 0; i < keys.size();) {
      std::size_t j = i + 1;
      while (j < keys.size() && keys[j].first == keys[i].first) ++j;
      if (j - i < 2) {  // most findings are no pattern: nothing to gather
        i = j;
        continue;
      }
      // Usually every member of a run of equal hashes is the same finding; otherwise
      // each distinct one's members, in finding order.
      run.clear();
      for (std::size_t k = i; k < j; ++k) run.push_back(keys[k].second);
      while (run.size() >= 2) {
        members.clear();
        std::size_t kept = 0;
        for (std::uint32_t index : run) {
          if (members.empty() || same(members.front(), index)) members.push_back(index);
          else run[kept++] = index;
        }
        run.resize(kept);
        if (members.size() >= 2) emit(members);
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
