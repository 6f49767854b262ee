#pragma once
/// Calendar dates: parsing, formatting, weekdays and ISO weeks.
///
///     parse_iso_date("2026-11-03")  -> 2026-11-03
///     weekday_index(2026-11-03)     -> 1   (Tuesday; Monday is 0)
///     format_day_label(2026-11-03)  -> "Tue 3 Nov"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace attune {

/// A calendar day. Arithmetic is in whole days: `date + std::chrono::days{1}`.
using Date = std::chrono::sys_days;

/// Strict `YYYY-MM-DD`; rejects impossible dates such as 2026-02-30.
std::optional<Date> parse_iso_date(std::string_view text);

/// `dd/mm/yyyy` (two-digit day and month) or `d/m/yyyy` when `allow_short` is set.
std::optional<Date> parse_uk_date(std::string_view text, bool allow_short);

/// `YYYY-MM-DD`.
std::string format_iso_date(Date date);

/// 0 = Monday ... 6 = Sunday.
int weekday_index(Date date);

/// "Mon".."Sun", also full names ("Monday"), any letter case.
std::optional<int> parse_weekday(std::string_view text);

/// "Mon".."Sun" for 0..6.
std::string_view weekday_short_name(int index);

/// "Tue 3 Nov".
std::string format_day_label(Date date);

/// ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday.
struct IsoWeek {
  int year = 0;
  unsigned week = 0;
  auto operator<=>(const IsoWeek&) const = default;
};
IsoWeek iso_week(Date date);

/// The Monday of the ISO week holding `date`.
Date week_start(Date date);

}  // namespace attune
