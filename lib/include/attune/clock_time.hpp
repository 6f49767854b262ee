#pragma once
/// Wall-clock times of day as whole minutes since local midnight (0..1440).
///
///     parse_clock_time("07:30") -> 450
///     format_clock_time(450)    -> "07:30"

#include <optional>
#include <string>
#include <string_view>

namespace attune {

/// Minutes since midnight. Intervals of the day are half-open: [start, end).
using Minute = int;

inline constexpr Minute kMinutesPerDay = 24 * 60;

/// `HH:MM` (also `H:MM`), 00:00 to 24:00 inclusive. An `HH:MM:SS` time is accepted
/// when the seconds are zero, as TOML time literals carry them.
std::optional<Minute> parse_clock_time(std::string_view text);

/// `h:mm am` / `h:mm pm` (12-hour, as some management systems export).
std::optional<Minute> parse_clock_time_12h(std::string_view text);

/// `HH:MM`.
std::string format_clock_time(Minute minute);

/// A half-open time window within one day, [start, end).
struct TimeWindow {
  Minute start = 0;
  Minute end = 0;
  [[nodiscard]] Minute length() const { return end > start ? end - start : 0; }
  [[nodiscard]] bool contains(Minute m) const { return m >= start && m < end; }
  friend bool operator==(const TimeWindow&, const TimeWindow&) = default;
};

/// Minutes two windows share.
inline Minute overlap_minutes(TimeWindow a, TimeWindow b) {
  const Minute lo = a.start > b.start ? a.start : b.start;
  const Minute hi = a.end < b.end ? a.end : b.end;
  return hi > lo ? hi - lo : 0;
}

/// "07:30–08:15" (an en dash, as printed in reports).
std::string format_window(TimeWindow window);

}  // namespace attune
