#include <doctest/doctest.h>

#include "attune/calendar.hpp"
#include "attune/clock_time.hpp"

using namespace attune;

TEST_CASE("ISO dates parse strictly") {
  CHECK(format_iso_date(*parse_iso_date("2026-11-03")) == "2026-11-03");
  CHECK(parse_iso_date("2028-02-29").has_value());
  CHECK_FALSE(parse_iso_date("2026-02-29").has_value());  // not a leap year
  CHECK_FALSE(parse_iso_date("2026-02-30").has_value());
  CHECK_FALSE(parse_iso_date("2026-13-01").has_value());
  CHECK_FALSE(parse_iso_date("03/11/2026").has_value());
  CHECK_FALSE(parse_iso_date("2026-11-3").has_value());
  CHECK_FALSE(parse_iso_date("").has_value());
}

TEST_CASE("UK dates are read only in the format asked for") {
  CHECK(parse_uk_date("03/11/2026", false) == parse_iso_date("2026-11-03"));
  CHECK_FALSE(parse_uk_date("3/11/2026", false).has_value());
  CHECK(parse_uk_date("3/11/2026", true) == parse_iso_date("2026-11-03"));
  CHECK_FALSE(parse_uk_date("31/02/2026", true).has_value());
}

TEST_CASE("weekdays") {
  CHECK(weekday_index(*parse_iso_date("2026-11-02")) == 0);  // Monday
  CHECK(weekday_index(*parse_iso_date("2026-11-08")) == 6);  // Sunday
  CHECK(parse_weekday("Mon") == 0);
  CHECK(parse_weekday("friday") == 4);
  CHECK(parse_weekday("SUN") == 6);
  CHECK_FALSE(parse_weekday("Mo").has_value());
  CHECK(format_day_label(*parse_iso_date("2026-11-03")) == "Tue 3 Nov");
}

TEST_CASE("ISO weeks across month and year boundaries") {
  // Mon 30 Nov 2026 and Sun 6 Dec 2026 share week 49.
  CHECK(iso_week(*parse_iso_date("2026-11-30")) == IsoWeek{2026, 49});
  CHECK(iso_week(*parse_iso_date("2026-12-06")) == IsoWeek{2026, 49});
  // Thu 1 Jan 2026 is in week 1 of 2026; Mon 29 Dec 2025 too.
  CHECK(iso_week(*parse_iso_date("2025-12-29")) == IsoWeek{2026, 1});
  // Fri 1 Jan 2027 belongs to week 53 of 2026.
  CHECK(iso_week(*parse_iso_date("2027-01-01")) == IsoWeek{2026, 53});
  CHECK(week_start(*parse_iso_date("2026-12-03")) == *parse_iso_date("2026-11-30"));
}

TEST_CASE("clock times") {
  CHECK(parse_clock_time("07:30") == 450);
  CHECK(parse_clock_time("7:30") == 450);
  CHECK(parse_clock_time("00:00") == 0);
  CHECK(parse_clock_time("24:00") == 1440);
  CHECK(parse_clock_time("08:00:00") == 480);
  CHECK_FALSE(parse_clock_time("24:01").has_value());
  CHECK_FALSE(parse_clock_time("12:60").has_value());
  CHECK_FALSE(parse_clock_time("1230").has_value());
  CHECK_FALSE(parse_clock_time("").has_value());
  CHECK(parse_clock_time_12h("8:30 am") == 510);
  CHECK(parse_clock_time_12h("12:15 pm") == 735);
  CHECK(parse_clock_time_12h("12:00 am") == 0);
  CHECK(format_clock_time(450) == "07:30");
  CHECK(format_window({450, 495}) == "07:30\u201308:15");
}

TEST_CASE("overlap of two windows") {
  //  a  |=========|        08:00-12:00
  //  b        |=====|      11:00-13:00
  //  overlap  |===|        = 60 min
  CHECK(overlap_minutes({480, 720}, {660, 780}) == 60);
  //  a  |====|             touching windows share nothing
  //  b       |====|
  CHECK(overlap_minutes({480, 540}, {540, 600}) == 0);
  CHECK(overlap_minutes({480, 720}, {500, 510}) == 10);
}
