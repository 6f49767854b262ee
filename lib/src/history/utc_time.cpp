// Run times: UTC, to the second, as "2026-11-23T02:30:00Z" (sorts as text).

#include <charconv>

#include <fmt/format.h>

#include "attune/history.hpp"

namespace attune::history {

std::string format_utc_time(std::chrono::sys_seconds time) {
  const auto day = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::hh_mm_ss hms{time - day};
  return fmt::format("{}T{:02}:{:02}:{:02}Z", format_iso_date(day), hms.hours().count(), hms.minutes().count(),
                     hms.seconds().count());
}

std::optional<std::chrono::sys_seconds> parse_utc_time(std::string_view text) {
  // 2026-11-23T02:30:00Z
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return std::nullopt;
  const auto date = parse_iso_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  int parts[3] = {0, 0, 0};
  for (std::size_t i = 0; i < 3; ++i) {
    const char* first = text.data() + 11 + 3 * i;
    if (first[0] < '0' || first[0] > '9' || first[1] < '0' || first[1] > '9') return std::nullopt;
    std::from_chars(first, first + 2, parts[i]);
  }
  if (parts[0] > 23 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
  return std::chrono::sys_seconds{*date} + std::chrono::hours{parts[0]} + std::chrono::minutes{parts[1]} +
         std::chrono::seconds{parts[2]};
}

}  // namespace attune::history
