#include <algorithm>
#include <numeric>

#include "attune/timeline.hpp"

namespace attune {
namespace {

std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return (a + b - 1) / b; }

/// One group of children counted at one ratio.
struct RatioClass {  // no default values: an array of them is filled, not zeroed, per segment
  std::int64_t children;
  std::int64_t ratio;
  std::uint8_t band;
};

/// ceil(sum of children_i / ratio_i), exactly: the fractions are added over a common
/// denominator (a/b + c/d = (ad + cb)/bd), so 6 babies at 1:3 need exactly 2, and 7
/// need 3. No division until the last step, because this runs for every segment of
/// every room and day. A product that would overflow (many classes of large ratios)
/// falls back to the least common multiple, which the profile reader keeps below 10^12.
std::int64_t fractional(const RatioClass* classes, std::size_t n) {
  std::int64_t units = 0;
  std::int64_t denominator = 1;
  for (std::size_t i = 0; i < n; ++i) {
    const RatioClass& c = classes[i];
    if (c.children <= 0) continue;
    std::int64_t scaled = 0, added = 0, next = 0;
    if (__builtin_mul_overflow(units, c.ratio, &scaled) || __builtin_mul_overflow(c.children, denominator, &added) ||
        __builtin_mul_overflow(denominator, c.ratio, &next)) {
      const std::int64_t lcm = std::lcm(denominator, c.ratio);
      units = units * (lcm / denominator) + c.children * (lcm / c.ratio);
      denominator = lcm;
      continue;
    }
    units = scaled + added;
    denominator = next;
  }
  return ceil_div(units, denominator);
}

}  // namespace

int required_staff(const Segment& segment, const RuleProfile& profile) {
  // The classes: each band at its ratio (or the window's, where that allows more
  // children per adult), and the graduate and short-session children of their bands.
  // Only the first n entries are written and read: no zeroing (this runs per segment).
  std::array<RatioClass, kMaxBands + 2> classes;  // NOLINT(cppcoreguidelines-pro-type-member-init)
  std::array<std::int64_t, kMaxBands> band_ratio;  // NOLINT(cppcoreguidelines-pro-type-member-init): set for bands present
  std::size_t n = 0;
  const std::size_t bands = std::min(profile.bands.size(), kMaxBands);
  const std::int64_t graduate =
      profile.graduate_children_per_adult > 0 ? segment.graduate_ratio_children : 0;
  if (segment.window < 0 && !profile.short_session) {
    // The usual case (England's group profile): each band at its ratio, and the
    // graduate band's children at the graduate ratio where it applies.
    for (std::size_t b = 0; b < bands; ++b) {
      std::int64_t count = segment.children[b];
      const int ratio = profile.children_per_adult[b];
      if (count == 0 || ratio <= 0) continue;
      band_ratio[b] = ratio;
      if (graduate > 0 && b == profile.graduate_band) {
        classes[n++] = RatioClass{graduate, profile.graduate_children_per_adult, static_cast<std::uint8_t>(b)};
        count -= graduate;
      }
      classes[n++] = RatioClass{count, ratio, static_cast<std::uint8_t>(b)};
    }
  } else {
    const RatioWindow* window =
        segment.window >= 0 ? &profile.windows[static_cast<std::size_t>(segment.window)] : nullptr;
    const std::int64_t short_session = profile.short_session ? segment.short_session_children : 0;
    for (std::size_t b = 0; b < bands; ++b) {
      std::int64_t count = segment.children[b];
      const int own = profile.children_per_adult[b];
      if (count == 0 || own <= 0) continue;  // no children, or a band without a ratio (a childminder's)
      std::int64_t ratio = own;
      if (window != nullptr && std::find(window->bands.begin(), window->bands.end(), b) != window->bands.end())
        ratio = std::max<std::int64_t>(ratio, window->children_per_adult);
      band_ratio[b] = ratio;
      if (graduate > 0 && b == profile.graduate_band) {
        classes[n++] = RatioClass{graduate, profile.graduate_children_per_adult, static_cast<std::uint8_t>(b)};
        count -= graduate;
      }
      if (short_session > 0 && b == profile.short_session->band) {
        classes[n++] = RatioClass{short_session,
                                  std::max(ratio, std::int64_t{profile.short_session->children_per_adult}),
                                  static_cast<std::uint8_t>(b)};
        count -= short_session;
      }
      classes[n++] = RatioClass{count, ratio, static_cast<std::uint8_t>(b)};
    }
  }
  if (n == 0) return 0;
  switch (profile.mixed_age_method) {
    case MixedAgeMethod::fractional:
      return static_cast<int>(fractional(classes.data(), n));
    case MixedAgeMethod::per_band: {
      std::int64_t total = 0;
      for (std::size_t i = 0; i < n; ++i) total += ceil_div(classes[i].children, classes[i].ratio);
      return static_cast<int>(total);
    }
    case MixedAgeMethod::youngest:
    case MixedAgeMethod::most_common: {
      // One band present: its children by their own classes. Several: every child at
      // the ratio of the youngest band, or of the band with the most children.
      std::array<std::int64_t, kMaxBands> by_band{};
      std::int64_t all = 0;
      // band_ratio is set for the bands with children, the only ones chosen below.
      for (std::size_t i = 0; i < n; ++i) by_band[classes[i].band] += classes[i].children, all += classes[i].children;
      std::size_t chosen = bands;
      std::size_t present = 0;
      for (std::size_t b = 0; b < bands; ++b) {
        if (by_band[b] == 0) continue;
        ++present;
        if (chosen == bands) chosen = b;
        else if (profile.mixed_age_method == MixedAgeMethod::most_common && by_band[b] > by_band[chosen]) chosen = b;
      }
      if (present <= 1) return static_cast<int>(fractional(classes.data(), n));
      return static_cast<int>(ceil_div(all, band_ratio[chosen]));
    }
  }
  return 0;
}

}  // namespace attune
