#include <doctest/doctest.h>

#include "attune/age_band.hpp"

using namespace attune;

namespace {
Date d(const char* iso) { return *parse_iso_date(iso); }
}  // namespace

TEST_CASE("bands change on the birthday itself, not a day before") {
  const Date born = d("2024-11-04");
  CHECK(age_band_on(born, d("2026-11-03")) == AgeBand::under_2);
  CHECK(age_band_on(born, d("2026-11-04")) == AgeBand::age_2);
  CHECK(age_band_on(born, d("2027-11-03")) == AgeBand::age_2);
  CHECK(age_band_on(born, d("2027-11-04")) == AgeBand::age_3_plus);
}

TEST_CASE("a 29 February birthday falls on 1 March in other years") {
  const Date born = d("2024-02-29");
  CHECK(birthday(born, 2) == d("2026-03-01"));
  CHECK(birthday(born, 4) == d("2028-02-29"));
  CHECK(age_band_on(born, d("2026-02-28")) == AgeBand::under_2);
  CHECK(age_band_on(born, d("2026-03-01")) == AgeBand::age_2);
  CHECK(age_band_on(born, d("2027-02-28")) == AgeBand::age_2);
  CHECK(age_band_on(born, d("2027-03-01")) == AgeBand::age_3_plus);
}

TEST_CASE("ages in completed years") {
  CHECK(age_in_years(d("2009-11-05"), d("2026-11-04")) == 16);
  CHECK(age_in_years(d("2009-11-05"), d("2026-11-05")) == 17);
  CHECK(age_in_years(d("2026-11-05"), d("2026-11-04")) == -1);
}

TEST_CASE("band ids round-trip") {
  for (AgeBand b : kAgeBands) CHECK(parse_age_band(age_band_id(b)) == b);
  CHECK_FALSE(parse_age_band("age_4").has_value());
}

TEST_CASE("band dates worked out once agree with the band on every day") {
  // By hand: born 2024-02-29 -> 2 on 2026-03-01 (no 29 February in 2026), 3 on 2027-03-01.
  const BandDates leap = band_dates(d("2024-02-29"));
  CHECK(leap.turns_2 == d("2026-03-01"));
  CHECK(leap.turns_3 == d("2027-03-01"));
  CHECK(leap.on(d("2026-02-28")) == AgeBand::under_2);
  CHECK(leap.on(d("2026-03-01")) == AgeBand::age_2);
  CHECK(leap.on(d("2027-02-28")) == AgeBand::age_2);
  CHECK(leap.on(d("2027-03-01")) == AgeBand::age_3_plus);
  // And for births on every day of four years, on every day of the five after them.
  for (Date born = d("2023-01-01"); born < d("2027-01-01"); born += std::chrono::days{1}) {
    const BandDates dates = band_dates(born);
    for (Date on = born; on < born + std::chrono::days{5 * 366}; on += std::chrono::days{7}) {
      if (dates.on(on) != age_band_on(born, on)) {
        FAIL_CHECK("born " << format_iso_date(born) << ", on " << format_iso_date(on));
        return;
      }
    }
  }
}
