// A profile's age bands: when a child leaves each one.

#include <chrono>

#include <fmt/format.h>

#include "attune/profile.hpp"

namespace attune {

namespace {

/// The same day `months` months after `birth`; a day the month lacks (31 January + 1
/// month) is the first of the month after, as a 29 February birthday is 1 March.
Date months_after(Date birth, int months) {
  using namespace std::chrono;
  const year_month_day b{birth};
  const year_month first = b.year() / b.month() + std::chrono::months{months};
  const year_month_day target = first / b.day();
  if (target.ok()) return Date{target};
  return Date{(first + std::chrono::months{1}) / 1};
}

}  // namespace

Date AgeLimit::reached(Date birth) const {
  using namespace std::chrono;
  switch (unit) {
    case Unit::months: return months_after(birth, count);
    case Unit::weeks: return birth + days{7 * count};
    case Unit::school_year: {
      // "Until the 1 September following the 5th birthday": a child whose 5th birthday
      // is 31 August is young until then; one born 1 September, until a year later.
      const Date birthday_n = birthday(birth, count);
      const year_month_day b{birthday_n};
      const Date september{b.year() / September / 1};
      return september > birthday_n ? september : Date{(b.year() + years{1}) / September / 1};
    }
  }
  return birth;
}

std::string describe_age_limit(const AgeLimit& limit) {
  switch (limit.unit) {
    case AgeLimit::Unit::months:
      if (limit.count % 12 == 0) return fmt::format("{} years", limit.count / 12);
      return fmt::format("{} months", limit.count);
    case AgeLimit::Unit::weeks: return fmt::format("{} weeks", limit.count);
    case AgeLimit::Unit::school_year:
      return fmt::format("the 1 September after the {}{} birthday", limit.count,
                         limit.count == 1 ? "st" : limit.count == 2 ? "nd" : limit.count == 3 ? "rd" : "th");
  }
  return {};
}

std::vector<ProfileBand> RuleProfile::default_bands() {
  return {ProfileBand{"under_2", "under 2", AgeLimit{AgeLimit::Unit::months, 24}},
          ProfileBand{"age_2", "aged 2", AgeLimit{AgeLimit::Unit::months, 36}},
          ProfileBand{"age_3_plus", "aged 3 and over", std::nullopt}};
}

int RuleProfile::band_index(std::string_view band_id) const {
  for (std::size_t i = 0; i < bands.size(); ++i) {
    if (bands[i].id == band_id) return static_cast<int>(i);
  }
  return -1;
}

ProfileBandDates RuleProfile::band_dates(Date birth) const {
  ProfileBandDates out;
  for (const ProfileBand& band : bands) {
    if (!band.until || out.count == kMaxBands) break;
    out.ends[out.count++] = band.until->reached(birth);
  }
  return out;
}

}  // namespace attune
