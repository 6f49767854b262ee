#include "attune/clock_time.hpp"

#include <cctype>

#include <fmt/format.h>

namespace attune {
namespace {

/// Parses "H:MM" or "HH:MM" (and ":00" seconds) into hours and minutes.
bool split_hours_minutes(std::string_view text, int& hours, int& minutes) {
  if (text.size() == 8 && text.substr(5) == ":00") text = text.substr(0, 5);
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3)
    return false;
  hours = 0;
  for (std::size_t i = 0; i < colon; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    hours = hours * 10 + (text[i] - '0');
  }
  const char m1 = text[colon + 1];
  const char m2 = text[colon + 2];
  if (!std::isdigit(static_cast<unsigned char>(m1)) || !std::isdigit(static_cast<unsigned char>(m2)))
    return false;
  minutes = (m1 - '0') * 10 + (m2 - '0');
  return minutes < 60;
}

}  // namespace

std::optional<Minute> parse_clock_time(std::string_view text) {
  int hours = 0;
  int minutes = 0;
  if (!split_hours_minutes(text, hours, minutes)) return std::nullopt;
  if (hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 60 + minutes;
}

std::optional<Minute> parse_clock_time_12h(std::string_view text) {
  const auto space = text.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  std::string suffix;
  for (char c : text.substr(space + 1)) suffix += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  int hours = 0;
  int minutes = 0;
  if (!split_hours_minutes(text.substr(0, space), hours, minutes)) return std::nullopt;
  if (hours < 1 || hours > 12) return std::nullopt;
  if (suffix == "am") return (hours % 12) * 60 + minutes;
  if (suffix == "pm") return (hours % 12 + 12) * 60 + minutes;
  return std::nullopt;
}

std::string format_clock_time(Minute minute) {
  if (minute < 0 || minute >= 100 * 60) return fmt::format("{:02}:{:02}", minute / 60, minute % 60);
  // By hand: this runs for every finding of every report, and fmt's parsing of the
  // format string cost more than the rest.
  const int h = minute / 60, m = minute % 60;
  return std::string{static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':',
                     static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10)};
}

std::string format_window(TimeWindow window) {
  return fmt::format("{}\u2013{}", format_clock_time(window.start), format_clock_time(window.end));
}

}  // namespace attune
