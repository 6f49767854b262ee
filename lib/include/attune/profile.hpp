#pragma once
/// A rule profile: the statutory numbers of one framework, read from
/// templates/profiles/<name>.toml. No ratio or threshold lives in code.
///
/// A profile defines its own age bands (by age in months or weeks, or by the
/// school-year rule), a ratio per band and how mixed rooms count, who counts in ratio,
/// which rules it enables with their sources and numbers, and dated versions: each day
/// of a period is checked under the version in force that day.
///
///     const RuleProfile& v = profile.on(day.date);  // the version in force
///     v.children_per_adult[band]                   // that version's ratio

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "attune/age_band.hpp"
#include "attune/clock_time.hpp"
#include "attune/diagnostic.hpp"
#include "attune/finding.hpp"
#include "attune/provision.hpp"
#include "attune/staff.hpp"

namespace attune {

/// How the staff needed for a room of mixed ages is counted.
enum class MixedAgeMethod : unsigned char {
  fractional,   ///< ceil(sum over bands of children / ratio), exact in integers (default)
  per_band,     ///< sum over bands of ceil(children / ratio)
  youngest,     ///< every child at the ratio of the youngest band present (strictest)
  most_common,  ///< every child at the ratio of the band with the most children (ties: the younger)
};
std::string_view mixed_age_method_id(MixedAgeMethod method);

/// The most age bands a profile may define (Texas and New York have eight).
inline constexpr std::size_t kMaxBands = 10;

/// An age a child is "under" until the day they reach it.
struct AgeLimit {
  enum class Unit : unsigned char {
    months,       ///< the day `count` months after birth (a missing day: the 1st of the next month)
    weeks,        ///< `count` weeks after birth
    school_year,  ///< the first 1 September after the `count`th birthday
  };
  Unit unit = Unit::months;
  int count = 0;
  /// The first day on which a child born on `birth` is no longer under this limit.
  [[nodiscard]] Date reached(Date birth) const;
};
/// "24 months", "6 weeks", "the 1 September after the 5th birthday".
std::string describe_age_limit(const AgeLimit& limit);

/// One of the profile's age bands, youngest first; each runs from the end of the one
/// before to `until`.
struct ProfileBand {
  std::string id;     ///< "under_2", "toddler"; JSON values.profile_band
  std::string label;  ///< "under 2", for people
  std::optional<AgeLimit> until;  ///< nullopt: the oldest band, no upper limit
};

/// The day each band of a child ends, worked out once: then the band on any date is a
/// few comparisons.
struct ProfileBandDates {
  std::array<Date, kMaxBands> ends{};  ///< ends[b]: first day past band b
  std::uint8_t count = 0;              ///< bands with an end (the last band has none)
  [[nodiscard]] std::uint8_t on(Date date) const {
    std::uint8_t b = 0;
    while (b < count && date >= ends[b]) ++b;
    return b;
  }
};

/// A ratio for children whose attendance that day is one short session (Scotland: 3 and
/// over at 1:10 in a session of under 4 hours).
struct ShortSessionRatio {
  std::uint8_t band = 0;
  int under_minutes = 0;       ///< the whole day's attendance is one session shorter than this
  int children_per_adult = 0;
};

/// A ratio by time of day (Texas: 18 months and over at 1:16 in the first and last 45
/// minutes of the day, with 13 or more children in care). It only ever allows more
/// children per adult than a band's own ratio, never fewer.
struct RatioWindow {
  int after_opening_minutes = 0;
  int before_closing_minutes = 0;
  int children_per_adult = 0;
  std::vector<std::uint8_t> bands;  ///< the bands it applies to
  int min_children_present = 0;     ///< ... only with at least this many children on the premises
};

/// A rule's own number in a profile ([rules.ID] key = value), as its RuleOption says.
struct RuleOptionValue {
  std::int64_t number = 0;
  int band = -1;                     ///< a band of the profile
  std::vector<std::int64_t> by_band;  ///< per band, 0 where none is given
  std::optional<Qualification> qualification;
};

/// What the profile says about one rule.
struct RuleSettings {
  bool enabled = true;
  std::optional<Severity> severity;  ///< overrides the rule's default
  std::string source;                ///< framework paragraph or principle
  std::map<std::string, RuleOptionValue, std::less<>> options;  ///< the rule's own numbers
  /// The exceptions overrides.csv may record for it (siblings, own_child, continuity);
  /// nullopt: any override; empty: none (England's 6 under 8 per adult is absolute).
  std::optional<std::vector<std::string>> exceptions;
};

/// A profile, or one dated version of it: every version is a whole RuleProfile with
/// its numbers in force from `effective_from`; the profile itself is the first version.
struct RuleProfile {
  std::string id;
  std::string title;
  std::string framework;     ///< version of the framework the numbers come from
  std::string jurisdiction;  ///< "England", "Wales", "Texas", ...
  ProvisionKind kind = ProvisionKind::group;
  std::filesystem::path path;
  /// This version's first day; nullopt: the first version, in force before any other.
  std::optional<Date> effective_from;
  std::string version_label;  ///< what changed ("2-year-olds 1:5"), for `attune profiles`

  std::vector<ProfileBand> bands = default_bands();

  /// Children per adult counted in ratio, by band (EYFS: 3, 5, 8); 0 = no ratio.
  std::array<int, kMaxBands> children_per_adult{};
  MixedAgeMethod mixed_age_method = MixedAgeMethod::fractional;

  /// Children of `graduate_band` per adult while a graduate works in the room (EYFS:
  /// 3 and over at 13); 0 = no graduate ratio.
  int graduate_children_per_adult = 0;
  std::uint8_t graduate_band = 2;
  std::vector<Qualification> graduate_qualifications;
  bool graduate_needs_other_level3 = true;
  std::optional<TimeWindow> graduate_hours;  ///< older frameworks limited 1:13 to hours
  std::optional<ShortSessionRatio> short_session;
  std::vector<RatioWindow> windows;

  int minimum_age = 17;             ///< to count in ratio
  int minimum_age_apprentice = 16;
  std::vector<Role> in_ratio_roles;  ///< roles counted in ratio unless in_ratio says no
  bool trainees_count_level_below = true;  ///< students/apprentices at the level below `studying`
  bool trainees_need_pfa = true;           ///< ... and only with in-date PFA (Sept 2025)
  /// From September 2025 in England: a student or apprentice without in-date PFA is not
  /// in ratio at all (extra staff). Never applied when staff.csv has no pfa_expiry column.
  bool trainees_need_pfa_to_count = false;
  /// England: in a room with under-2s, the level 3 must be the one experienced with under-2s.
  bool under_2_lead_needs_level3 = false;

  /// At least this percentage of the other staff in ratio hold level 2 or above.
  int level2_min_percent = 50;
  /// At least this percentage of staff in ratio in a room with under-2s have baby training.
  int baby_training_min_percent = 50;
  /// Whether someone on a break on the premises still counts for PFA-ON-SITE.
  bool pfa_counts_during_break = false;

  std::map<std::string, RuleSettings, std::less<>> rules;
  /// Dated versions after this one, in order of effective_from (empty in a version).
  std::vector<RuleProfile> versions;

  /// The version in force on `date` (this one, or one of `versions`).
  [[nodiscard]] const RuleProfile& on(Date date) const;
  /// Enabled here: as [rules.ID] says, else the rule's default (attune/rule_catalog.hpp).
  [[nodiscard]] bool rule_enabled(std::string_view rule) const;
  /// Enabled in some version in force during [from, to].
  [[nodiscard]] bool rule_enabled_between(std::string_view rule, Date from, Date to) const;
  [[nodiscard]] std::string_view rule_source(std::string_view rule) const;
  /// The rule's own number `key` here, or nullptr.
  [[nodiscard]] const RuleOptionValue* rule_option(std::string_view rule, std::string_view key) const;
  [[nodiscard]] bool is_graduate(Qualification q) const;
  [[nodiscard]] bool counts_in_ratio_by_default(Role role) const;
  /// The index of the band `id`, or -1.
  [[nodiscard]] int band_index(std::string_view id) const;
  [[nodiscard]] ProfileBandDates band_dates(Date birth) const;

  /// attune's own bands (under_2, age_2, age_3_plus), for profiles that define none.
  static std::vector<ProfileBand> default_bands();
};

/// Reads a profile file. Problems go to `diagnostics`; nullopt if any was an error.
std::optional<RuleProfile> load_profile(const std::filesystem::path& file,
                                        Diagnostics& diagnostics);

/// Where a profile named in setting.toml lives: a name (`eyfs-2024-group`) is looked up
/// as `profiles/<name>.toml` in each data directory in turn; anything with a slash or
/// ending in `.toml` is a path relative to the setting file. Empty if not found.
std::filesystem::path find_profile(std::string_view name,
                                   const std::filesystem::path& setting_dir,
                                   const std::vector<std::filesystem::path>& data_dirs);

/// The names of the profiles in the data directories.
std::vector<std::string> list_profiles(const std::vector<std::filesystem::path>& data_dirs);

}  // namespace attune
