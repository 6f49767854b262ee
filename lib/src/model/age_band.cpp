#include "attune/age_band.hpp"

namespace attune {

std::string_view age_band_id(AgeBand band) {
  switch (band) {
    case AgeBand::under_2: return "under_2";
    case AgeBand::age_2: return "age_2";
    case AgeBand::age_3_plus: return "age_3_plus";
  }
  return "under_2";
}

std::string_view age_band_label(AgeBand band) {
  switch (band) {
    case AgeBand::under_2: return "under 2";
    case AgeBand::age_2: return "aged 2";
    case AgeBand::age_3_plus: return "aged 3 and over";
  }
  return "under 2";
}

std::optional<AgeBand> parse_age_band(std::string_view text) {
  for (AgeBand band : kAgeBands) {
    if (age_band_id(band) == text) return band;
  }
  return std::nullopt;
}

Date birthday(Date birth, int years) {
  using namespace std::chrono;
  const year_month_day ymd{birth};
  const year_month_day target{ymd.year() + std::chrono::years{years}, ymd.month(), ymd.day()};
  if (target.ok()) return Date{target};
  // 29 February in a year that is not a leap year: the birthday is 1 March.
  return Date{target.year() / March / 1};
}

int age_in_years(Date birth, Date on) {
  using namespace std::chrono;
  if (on < birth) return -1;
  const year_month_day b{birth};
  const year_month_day o{on};
  int years = static_cast<int>(o.year()) - static_cast<int>(b.year());
  if (birthday(birth, years) > on) --years;
  return years;
}

AgeBand age_band_on(Date birth, Date on) {
  // Whole years from the calendar fields (this runs for every child's every session):
  // the birthday has not come yet this year while (month, day) is before the birth's.
  // A child born on 29 February turns a year older on 1 March in other years, as
  // birthday() says: 28 February is before (2, 29), 1 March is not.
  using namespace std::chrono;
  const year_month_day b{birth};
  const year_month_day o{on};
  int years = static_cast<int>(o.year()) - static_cast<int>(b.year());
  const auto month_day = [](const year_month_day& d) {
    return static_cast<unsigned>(d.month()) * 32 + static_cast<unsigned>(d.day());
  };
  if (month_day(o) < month_day(b)) --years;
  if (years < 2) return AgeBand::under_2;
  if (years == 2) return AgeBand::age_2;
  return AgeBand::age_3_plus;
}

BandDates band_dates(Date birth) { return BandDates{birthday(birth, 2), birthday(birth, 3)}; }

}  // namespace attune
