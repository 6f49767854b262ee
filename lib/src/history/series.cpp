#include "series.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include "../util/text.hpp"

namespace attune::history {
namespace {

template <typename Get>
Series make(std::string label, const SettingTrend& trend, Get get, bool share = false) {
  Series s{std::move(label), {}, share};
  s.values.reserve(trend.points.size());
  for (const SettingPoint& p : trend.points) s.values.push_back(p.checked ? get(p) : std::nullopt);
  return s;
}

std::optional<double> number(std::size_t n) { return static_cast<double>(n); }

}  // namespace

std::vector<Series> setting_series(const SettingTrend& trend) {
  std::vector<Series> out;
  out.push_back(make("errors", trend, [](const SettingPoint& p) { return number(p.counts.errors); }));
  out.push_back(make("warnings", trend, [](const SettingPoint& p) { return number(p.counts.warnings); }));
  out.push_back(make("accepted", trend, [](const SettingPoint& p) { return number(p.counts.accepted); }));
  out.push_back(make("breach minutes", trend,
                     [](const SettingPoint& p) { return std::optional<double>(static_cast<double>(p.breach_minutes)); }));
  out.push_back(make("under-2 key person, average", trend,
                     [](const SettingPoint& p) { return p.under_2_coverage_average; }, true));
  out.push_back(make("under-2 key person, worst", trend,
                     [](const SettingPoint& p) { return p.under_2_coverage_worst; }, true));
  // Every checked point lists the same rules (read_trends aligns them).
  const auto first = std::find_if(trend.points.begin(), trend.points.end(), [](const SettingPoint& p) { return p.checked; });
  if (first == trend.points.end()) return out;
  for (std::size_t i = 0; i < first->rules.size(); ++i) {
    const std::string& rule = first->rules[i].rule;
    out.push_back(make(rule, trend, [i](const SettingPoint& p) { return number(p.rules[i].findings); }));
    const bool any_accepted = std::any_of(trend.points.begin(), trend.points.end(), [i](const SettingPoint& p) {
      return p.checked && p.rules[i].accepted > 0;
    });
    if (any_accepted)
      out.push_back(make(rule + " accepted", trend, [i](const SettingPoint& p) { return number(p.rules[i].accepted); }));
  }
  return out;
}

std::vector<Series> group_series(const Trends& trends) {
  const std::vector<GroupPoint> points = group_trend(trends);
  const auto make_group = [&](std::string label, auto get, bool share = false) {
    Series s{std::move(label), {}, share};
    for (const GroupPoint& g : points) s.values.push_back(get(g));
    return s;
  };
  const auto count = [](const std::optional<FindingCounts>& c, std::size_t FindingCounts::*field) {
    return c ? std::optional<double>(static_cast<double>((*c).*field)) : std::nullopt;
  };
  std::vector<Series> out;
  out.push_back(make_group("settings not checked", [](const GroupPoint& g) { return number(g.not_checked); }));
  out.push_back(make_group("errors", [&](const GroupPoint& g) { return count(g.counts, &FindingCounts::errors); }));
  out.push_back(make_group("warnings", [&](const GroupPoint& g) { return count(g.counts, &FindingCounts::warnings); }));
  out.push_back(make_group("breach minutes", [](const GroupPoint& g) {
    return g.breach_minutes ? std::optional<double>(static_cast<double>(*g.breach_minutes)) : std::nullopt;
  }));
  out.push_back(make_group("under-2 key person, average", [](const GroupPoint& g) { return g.under_2_coverage_average; },
                           true));
  return out;
}

std::string rule_change_text(const RuleChange& c) {
  switch (c.kind) {
    case RuleChange::Kind::new_findings: return fmt::format("{} {} (new)", c.after, c.rule);
    case RuleChange::Kind::resolved: return fmt::format("{} resolved (was {})", c.rule, c.before);
    case RuleChange::Kind::worse: return fmt::format("{} {} (was {}, worse)", c.after, c.rule, c.before);
    case RuleChange::Kind::better: return fmt::format("{} {} (was {}, better)", c.after, c.rule, c.before);
  }
  return c.rule;
}

namespace {

std::string counts_text(const FindingCounts& c) {
  return fmt::format("{} error{}, {} warning{}", c.errors, c.errors == 1 ? "" : "s", c.warnings,
                     c.warnings == 1 ? "" : "s");
}

}  // namespace

std::string setting_change_who(const SettingChange& c) {
  if (c.name.empty()) return c.path;
  return c.urn.empty() ? c.name : fmt::format("{} ({})", c.name, c.urn);
}

std::string setting_change_text(const SettingChange& c) {
  if (!c.checked_now)
    return c.checked_before ? "not checked (input errors); the previous run found " + counts_text(c.before)
                            : "not checked (input errors), as in the previous run";
  if (!c.in_previous) return "first run: " + counts_text(c.after);
  if (!c.checked_before) return "checked again (not checked in the previous run): " + counts_text(c.after);
  std::vector<std::string> parts;
  for (const RuleChange& r : c.rules) parts.push_back(rule_change_text(r));
  return fmt::format("{}", fmt::join(parts, "; "));
}

SeriesStats series_stats(const Series& series) {
  SeriesStats s;
  for (const auto& v : series.values) {
    if (!v) continue;
    if (!s.first) s.first = v;
    s.latest = v;
    s.lowest = s.lowest ? std::min(*s.lowest, *v) : *v;
    s.highest = s.highest ? std::max(*s.highest, *v) : *v;
  }
  return s;
}

std::string short_utc_time(const std::string& utc) {
  return utc.size() >= 16 ? utc.substr(0, 10) + " " + utc.substr(11, 5) : utc;
}

std::string run_period_text(const RunSummary& run) {
  if (!run.from && !run.to) return "each setting's own";
  return fmt::format("{} to {}", run.from ? format_iso_date(*run.from) : "…", run.to ? format_iso_date(*run.to) : "…");
}

std::string series_value_text(const Series& series, const std::optional<double>& value) {
  if (!value) return "·";
  if (series.share) return util::percent(*value);
  return fmt::format("{}", static_cast<long long>(std::llround(*value)));
}

}  // namespace attune::history
