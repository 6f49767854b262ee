#include "attune/timeline.hpp"

namespace attune {
namespace {

std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return (a + b - 1) / b; }

/// ceil(sum of count_i / ratio_i), exactly: the fractions are added over a common
/// denominator (a/b + c/d = (ad + cb)/bd), so 6 babies at 1:3 need exactly 2, and 7
/// need 3. Ratios are at most 100 (the profile reader's limit), so the denominator
/// stays below 10^8 and nothing overflows; no division until the last step, because
/// this runs for every segment of every room and day.
std::int64_t fractional(const std::array<std::int64_t, 4>& counts, const std::array<std::int64_t, 4>& ratios) {
  std::int64_t units = 0;
  std::int64_t denominator = 1;
  for (std::size_t i = 0; i < 4; ++i) {
    if (counts[i] <= 0) continue;
    units = units * ratios[i] + counts[i] * denominator;
    denominator *= ratios[i];
  }
  return ceil_div(units, denominator);
}

}  // namespace

int required_staff(const Segment& segment, const RuleProfile& profile) {
  const auto& r = profile.children_per_adult;
  const std::int64_t graduate = profile.graduate_children_per_adult > 0 ? segment.graduate_ratio_children : 0;
  // Classes: under 2, aged 2, 3 and over at the usual ratio, 3 and over at the graduate ratio.
  std::array<std::int64_t, 4> counts{segment.children[0], segment.children[1],
                                     segment.children[2] - graduate, graduate};
  const std::array<std::int64_t, 4> ratios{r[0], r[1], r[2],
                                           std::max(1, profile.graduate_children_per_adult)};
  switch (profile.mixed_age_method) {
    case MixedAgeMethod::fractional:
      return static_cast<int>(fractional(counts, ratios));
    case MixedAgeMethod::per_band: {
      std::int64_t total = 0;
      for (std::size_t i = 0; i < 4; ++i) total += ceil_div(counts[i], ratios[i]);
      return static_cast<int>(total);
    }
    case MixedAgeMethod::youngest: {
      // Every child counts at the ratio of the youngest band present.
      for (std::size_t band = 0; band < 2; ++band) {
        if (counts[band] == 0) continue;
        const std::int64_t all = counts[0] + counts[1] + counts[2] + counts[3];
        return static_cast<int>(ceil_div(all, ratios[band]));
      }
      return static_cast<int>(fractional(counts, ratios));
    }
  }
  return 0;
}

}  // namespace attune
