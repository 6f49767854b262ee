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
