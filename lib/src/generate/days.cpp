// Calendar helpers of the generator: the bank holidays of England and Wales (the
// nursery is closed), and the Mondays and Fridays that start and end enrolments.

#include <array>

#include "plan.hpp"

namespace attune::gen {
namespace {

using namespace std::chrono;

/// Easter Sunday (the anonymous Gregorian algorithm).
Date easter(int y) {
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int mm = (h + l - 7 * m + 114) / 31, dd = (h + l - 7 * m + 114) % 31 + 1;
  return Date{year{y} / month{static_cast<unsigned>(mm)} / day{static_cast<unsigned>(dd)}};
}

Date first_monday(int y, unsigned month_number) {
  return Date{year{y} / month{month_number} / Monday[1]};
}

Date last_monday(int y, unsigned month_number) {
  return Date{year{y} / month{month_number} / Monday[last]};
}

bool weekend(Date d) { return weekday_index(d) >= 5; }

}  // namespace

Date days_after(Date d, int n) { return d + days{n}; }

Date friday_on_or_before(Date d) {
  const int wd = weekday_index(d);  // Monday 0 ... Friday 4
  return d - days{(wd - 4 + 7) % 7};
}

Date monday_on_or_after(Date d) {
  const int wd = weekday_index(d);
  return d + days{(7 - wd) % 7};
}

bool is_bank_holiday(Date d) {
  if (weekend(d)) return false;
  const year_month_day ymd{d};
  const int y = static_cast<int>(ymd.year());
  const Date new_year{year{y} / January / 1};
  const Date christmas{year{y} / December / 25};
  const Date sunday = easter(y);
  std::array<Date, 8> holidays{
      weekend(new_year) ? monday_on_or_after(new_year) : new_year,
      sunday - days{2},  // Good Friday
      sunday + days{1},  // Easter Monday
      first_monday(y, 5),
      last_monday(y, 5),
      last_monday(y, 8),
      christmas,
      christmas + days{1},
  };
  // Christmas and Boxing Day on a weekend move to the next free weekdays.
  const int wd = weekday_index(christmas);
  if (wd == 5) {  // Saturday: Monday 27 and Tuesday 28
    holidays[6] = christmas + days{2};
    holidays[7] = christmas + days{3};
  } else if (wd == 6) {  // Sunday: Boxing Day Monday 26, Christmas Tuesday 27
    holidays[6] = christmas + days{2};
  } else if (wd == 4) {  // Friday: Boxing Day on Saturday moves to Monday 28
    holidays[7] = christmas + days{3};
  }
  for (Date h : holidays) {
    if (h == d) return true;
  }
  return false;
}

std::vector<Date> open_days(Date from, Date to) {
  std::vector<Date> out;
  for (Date d = from; d <= to; d += days{1}) {
    if (!weekend(d) && !is_bank_holiday(d)) out.push_back(d);
  }
  return out;
}

}  // namespace attune::gen
