#include "attune/calendar.hpp"

#include <array>
#include <cctype>

#include <fmt/format.h>

namespace attune {
namespace {

constexpr std::array<std::string_view, 7> kShortDays{"Mon", "Tue", "Wed", "Thu",
                                                     "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> kLongDays{"monday", "tuesday",  "wednesday", "thursday",
                                                    "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/// Reads exactly `width` digits at `text[pos]`; -1 if any is not a digit.
int read_digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<Date> make_date(int y, int m, int d) {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y},
                                        std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int y = read_digits(text, 0, 4);
  const int m = read_digits(text, 5, 2);
  const int d = read_digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return make_date(y, m, d);
}

std::optional<Date> parse_uk_date(std::string_view text, bool allow_short) {
  const auto first = text.find('/');
  const auto second = first == std::string_view::npos ? first : text.find('/', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const std::size_t day_width = first;
  const std::size_t month_width = second - first - 1;
  const std::size_t year_width = text.size() - second - 1;
  const bool widths_ok = allow_short ? (day_width >= 1 && day_width <= 2 && month_width >= 1 &&
                                        month_width <= 2)
                                     : (day_width == 2 && month_width == 2);
  if (!widths_ok || year_width != 4) return std::nullopt;
  const int d = read_digits(text, 0, day_width);
  const int m = read_digits(text, first + 1, month_width);
  const int y = read_digits(text, second + 1, 4);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return make_date(y, m, d);
}

std::string format_iso_date(Date date) {
  const std::chrono::year_month_day ymd{date};
  const int y = static_cast<int>(ymd.year());
  const auto m = static_cast<int>(static_cast<unsigned>(ymd.month()));
  const auto d = static_cast<int>(static_cast<unsigned>(ymd.day()));
  if (y < 0 || y > 9999) return fmt::format("{:04}-{:02}-{:02}", y, m, d);
  const auto digit = [](int v) { return static_cast<char>('0' + v % 10); };  // by hand: fmt is slow here
  return std::string{digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), '-', digit(m / 10),
                     digit(m),        '-',            digit(d / 10), digit(d)};
}

int weekday_index(Date date) {
  const std::chrono::weekday wd{date};
  return static_cast<int>(wd.iso_encoding()) - 1;
}

std::optional<int> parse_weekday(std::string_view text) {
  for (int i = 0; i < 7; ++i) {
    if (iequals(text, kShortDays[static_cast<std::size_t>(i)]) ||
        iequals(text, kLongDays[static_cast<std::size_t>(i)]))
      return i;
  }
  return std::nullopt;
}

std::string_view weekday_short_name(int index) {
  return kShortDays[static_cast<std::size_t>(index % 7)];
}

std::string format_day_label(Date date) {
  const std::chrono::year_month_day ymd{date};
  return fmt::format("{} {} {}", weekday_short_name(weekday_index(date)),
                     static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1]);
}

Date week_start(Date date) { return date - std::chrono::days{weekday_index(date)}; }

IsoWeek iso_week(Date date) {
  // The Thursday of this week decides the ISO year.
  const Date thursday = week_start(date) + std::chrono::days{3};
  const std::chrono::year_month_day ymd{thursday};
  const Date jan1 = Date{ymd.year() / std::chrono::January / 1};
  const auto day_of_year = (thursday - jan1).count();
  return IsoWeek{static_cast<int>(ymd.year()), static_cast<unsigned>(day_of_year / 7 + 1)};
}

}  // namespace attune
