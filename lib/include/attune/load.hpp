#pragma once
/// Loading a setting from its files: setting.toml + CSV files, or one setting.yaml.
///
///     attune::LoadOptions options;
///     auto loaded = attune::load_setting("examples/sunflower", options);
///     if (!loaded.setting) for (auto& d : loaded.diagnostics.sorted()) ...

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attune/calendar.hpp"
#include "attune/diagnostic.hpp"
#include "attune/setting.hpp"

namespace attune {

struct LoadOptions {
  std::optional<Date> from;  ///< overrides [period] from
  std::optional<Date> to;    ///< overrides [period] to
  std::size_t max_diagnostics = 50;
  /// Keep every row of shifts.csv as read (LoadResult::shift_rows), whatever its date:
  /// for writing the file back amended (`attune cover -o`).
  bool keep_shift_rows = false;
  /// Read the rota from this shifts.csv instead of the one the setting names (`attune
  /// plan --from-rota`); a path as given on the command line. Empty: the setting's.
  std::filesystem::path shifts_file;
};

/// One row of shifts.csv as attune read it (after any column mapping).
struct ShiftRecord {
  StaffIndex staff = kNone;
  std::optional<int> weekday;      ///< 0 = Monday: a weekly pattern row; else dated
  Date date{};                     ///< a dated row's date
  std::optional<TimeWindow> time;  ///< nullopt: a dated row with no times ("not here")
  RoomIndex room = kNone;
  ShiftKind kind = ShiftKind::work;
  std::uint32_t line = 0;          ///< in the file (0 for a setting.yaml list)
};

struct LoadResult {
  std::optional<Setting> setting;  ///< set only when there was no error
  Diagnostics diagnostics;
  /// Input rows read, by kind, for `validate` and the benchmarks.
  std::size_t rows_read = 0;
  /// [setting] name and urn, once the setting file could be read, even when a data file
  /// then had errors: a report can name a setting that was not checked.
  std::string name, urn;
  /// With LoadOptions::keep_shift_rows: every row of shifts.csv, in the file's order.
  std::vector<ShiftRecord> shift_rows;
};

/// The setting file `path` names: for a setting folder, the setting.toml (or
/// setting.yaml, setting.yml) in it; otherwise `path` itself. The one spelling of a
/// setting in every report, whether it could be checked or not.
std::filesystem::path setting_file(const std::filesystem::path& path);

/// `path` is a setting folder (holding setting.toml or setting.yaml) or the file itself.
LoadResult load_setting(const std::filesystem::path& path, const LoadOptions& options);

/// Loads a setting from the text of a setting.toml (`yaml` = false) or setting.yaml.
/// Data files named in it are read relative to `base_dir`. For tests.
LoadResult load_setting_text(std::string_view text, bool yaml,
                             const std::filesystem::path& display_path,
                             const std::filesystem::path& base_dir, const LoadOptions& options);

/// Data files held in memory, keyed by the name setting.toml's [data] gives them (or the
/// default name, e.g. "children.csv"), with '/' between folders.
using DataFiles = std::map<std::string, std::string, std::less<>>;

/// Loads a setting from the text of a setting.toml or setting.yaml whose data files are
/// `files`: nothing is read from the disk, and a file not in `files` is missing. For
/// tests and fuzzing; messages name the files as given.
LoadResult load_setting_in_memory(std::string_view text, bool yaml, const DataFiles& files,
                                  const std::filesystem::path& display_path, const LoadOptions& options);

struct RuleProfile;

/// What a setting must agree with in its profile, checked once both are loaded: the
/// kind of provision (a childminder needs a childminder's profile, and a nursery a
/// group one), a period the profile has a version for, and overrides.csv's exceptions
/// (a rule the profile allows no exception to, a category it does not list). Problems
/// are input errors at the setting file's line naming the profile, or at the override.
void check_profile_fit(const Setting& setting, const RuleProfile& profile, Diagnostics& diagnostics);

/// Every setting below `path`: the setting itself when `path` is one, else each folder
/// below it holding a setting.toml or setting.yaml, sorted by path.
std::vector<std::filesystem::path> find_settings(const std::filesystem::path& path);

}  // namespace attune
