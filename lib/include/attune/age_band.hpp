#pragma once
/// Age bands of the EYFS ratios, from a child's date of birth.
///
/// under_2 before the 2nd birthday; age_2 from the 2nd birthday to the day before the
/// 3rd; age_3_plus from the 3rd birthday ("not a day before"). A 29 February birthday
/// falls on 1 March in years that are not leap years.

#include <array>
#include <optional>
#include <string_view>

#include "attune/calendar.hpp"

namespace attune {

enum class AgeBand : unsigned char { under_2 = 0, age_2 = 1, age_3_plus = 2 };
inline constexpr std::array<AgeBand, 3> kAgeBands{AgeBand::under_2, AgeBand::age_2,
                                                  AgeBand::age_3_plus};
inline constexpr std::size_t kAgeBandCount = 3;

/// "under_2", "age_2", "age_3_plus" (the JSON and TOML spelling).
std::string_view age_band_id(AgeBand band);
/// "under 2", "2-year-old", "3 and over" (for people).
std::string_view age_band_label(AgeBand band);
std::optional<AgeBand> parse_age_band(std::string_view text);

/// The date of the `years`th birthday of someone born on `birth`.
Date birthday(Date birth, int years);

/// Completed years of age on `on`.
int age_in_years(Date birth, Date on);

/// The band on a date.
AgeBand age_band_on(Date birth, Date on);

/// The dates a child moves up a band, worked out once: then the band on any date is
/// two comparisons (the checks ask it for every child on every day of a year).
struct BandDates {
  Date turns_2{};
  Date turns_3{};
  [[nodiscard]] AgeBand on(Date date) const {
    if (date < turns_2) return AgeBand::under_2;
    return date < turns_3 ? AgeBand::age_2 : AgeBand::age_3_plus;
  }
};

BandDates band_dates(Date birth);

}  // namespace attune
