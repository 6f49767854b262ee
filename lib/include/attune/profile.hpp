#pragma once
/// A rule profile: the statutory numbers of one framework, read from
/// templates/profiles/<name>.toml. No ratio or threshold lives in code.

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "attune/age_band.hpp"
#include "attune/clock_time.hpp"
#include "attune/diagnostic.hpp"
#include "attune/finding.hpp"
#include "attune/staff.hpp"

namespace attune {

/// How the staff needed for a room of mixed ages is counted.
enum class MixedAgeMethod : unsigned char {
  fractional,  ///< ceil(sum over bands of children / ratio), exact in integers (default)
  per_band,    ///< sum over bands of ceil(children / ratio)
  youngest,    ///< every child at the ratio of the youngest band present (strictest)
};
std::string_view mixed_age_method_id(MixedAgeMethod method);

/// What the profile says about one rule.
struct RuleSettings {
  bool enabled = true;
  std::optional<Severity> severity;  ///< overrides the rule's default
  std::string source;                ///< framework paragraph or principle
};

struct RuleProfile {
  std::string id;
  std::string title;
  std::string framework;  ///< version of the framework the numbers come from
  std::filesystem::path path;

  /// Children per adult counted in ratio, by band (EYFS: 3, 5, 8).
  std::array<int, kAgeBandCount> children_per_adult{0, 0, 0};
  MixedAgeMethod mixed_age_method = MixedAgeMethod::fractional;

  /// 3-and-over children per adult while a graduate works in the room (EYFS: 13);
  /// 0 = no graduate ratio.
  int graduate_children_per_adult = 0;
  std::vector<Qualification> graduate_qualifications;
  bool graduate_needs_other_level3 = true;
  std::optional<TimeWindow> graduate_hours;  ///< older frameworks limited 1:13 to hours

  int minimum_age = 17;             ///< to count in ratio
  int minimum_age_apprentice = 16;
  std::vector<Role> in_ratio_roles;  ///< roles counted in ratio unless in_ratio says no
  bool trainees_count_level_below = true;  ///< students/apprentices at the level below `studying`
  bool trainees_need_pfa = true;           ///< ... and only with in-date PFA (Sept 2025)

  /// At least this percentage of the other staff in ratio hold level 2 or above.
  int level2_min_percent = 50;
  /// At least this percentage of staff in ratio in a room with under-2s have baby training.
  int baby_training_min_percent = 50;
  /// Whether someone on a break on the premises still counts for PFA-ON-SITE.
  bool pfa_counts_during_break = false;

  std::map<std::string, RuleSettings, std::less<>> rules;

  [[nodiscard]] bool rule_enabled(std::string_view rule) const;
  [[nodiscard]] std::string_view rule_source(std::string_view rule) const;
  [[nodiscard]] bool is_graduate(Qualification q) const;
  [[nodiscard]] bool counts_in_ratio_by_default(Role role) const;
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
