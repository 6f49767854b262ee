#pragma once
// A setting's trends as named series of numbers, one value per run it was in: what the
// text sparklines and the HTML charts draw.

#include <optional>
#include <string>
#include <vector>

#include "attune/history.hpp"

namespace attune::history {

struct Series {
  std::string label;  ///< "errors", "RATIO-ROOM", "RATIO-ROOM accepted", ...
  std::vector<std::optional<double>> values;  ///< nullopt: not checked that run, or nothing to measure
  bool share = false;  ///< a share (0..1) shown as a percentage, scaled from 0 to 1
};

/// errors, warnings, accepted, breach minutes, under-2 key-person coverage (average,
/// worst), then each rule's findings, and its accepted findings when there were any.
std::vector<Series> setting_series(const SettingTrend& trend);

/// The group's totals per run (group_trend): settings not checked, errors, warnings,
/// breach minutes, under-2 key-person coverage; nullopt for a run with nothing checked.
std::vector<Series> group_series(const Trends& trends);

/// "5 RATIO-ROOM (was 2, worse)", "RATIO-ROOM resolved (was 3)", ...: one rule's change.
std::string rule_change_text(const RuleChange& change);
/// "Little Acorns (EY123456)", or the path of a setting never loaded.
std::string setting_change_who(const SettingChange& change);
/// What changed for the setting, in words: its rules' changes, or that it could not be
/// checked (with what the previous run found), or was checked again.
std::string setting_change_text(const SettingChange& change);

/// The first, latest, lowest and highest values of a series (nullopt when it has none).
struct SeriesStats {
  std::optional<double> first, latest, lowest, highest;
};
SeriesStats series_stats(const Series& series);

/// "2026-11-23T02:30:00Z" -> "2026-11-23 02:30".
std::string short_utc_time(const std::string& utc);

/// A run's --from/--to, "2026-11-02 to 2026-11-06", or "each setting's own".
std::string run_period_text(const RunSummary& run);

/// "12", "72%" (a share), "·" (nothing).
std::string series_value_text(const Series& series, const std::optional<double>& value);

}  // namespace attune::history
