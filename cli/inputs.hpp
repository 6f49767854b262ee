#pragma once
// The inputs every command that reads settings shares: PATH..., --from, --to,
// --profile; loading them, and printing every input problem to stderr.

#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "attune/diagnostic.hpp"
#include "attune/load.hpp"
#include "attune/profile.hpp"
#include "attune/setting.hpp"
#include "command.hpp"

namespace attune::cli {

struct InputOptions {
  std::vector<std::string> paths;
  std::string from;
  std::string to;
  std::string profile;  ///< overrides the setting's profile
  bool keep_shift_rows = false;  ///< keep every shifts.csv row (LoadedSetting::shift_rows)
  std::string shifts_file;       ///< read the rota from this file instead (LoadOptions::shifts_file)
};

void add_input_options(CLI::App& app, InputOptions& options);

/// Checks an option's value is a date, YYYY-MM-DD ("DATE" in --help).
const CLI::Validator& iso_date_validator();

/// Checks an option's value is a number of seconds above 0 ("SECONDS" in --help): the
/// planners' --time-limit.
const CLI::Validator& seconds_validator();

struct LoadedSetting {
  Setting setting;
  RuleProfile profile;
  std::vector<ShiftRecord> shift_rows;  ///< with InputOptions::keep_shift_rows
};

struct LoadedInputs {
  std::vector<LoadedSetting> settings;
  bool failed = false;  ///< some input could not be loaded (exit 2)
  bool group = false;   ///< several paths, or a folder of settings: report as a group
  std::size_t rows_read = 0;
};

/// Loads every setting below the paths and its profile. Problems go to stderr.
LoadedInputs load_inputs(const InputOptions& options, const Environment& env);

/// A word as a shell reads it back: as it is when plain, else in single quotes
/// ("my nursery" -> 'my nursery'), for commands attune suggests.
std::string shell_word(const std::string& word);

/// `attune validate PATH` with the options of `input` that change what is loaded
/// (--from, --to, --profile), words quoted for a shell where needed: the advice to a
/// user whose setting was not checked, which must fail as the run did.
std::string validate_command(const std::string& path, const InputOptions& input);

/// False, after saying why on stderr (a usage error), when --from is after --to.
bool period_options_ok(const InputOptions& options);

/// The settings the paths name, in order. Paths that do not exist are reported.
/// Nothing, when the period options are wrong (period_options_ok).
struct SettingPaths {
  std::vector<std::filesystem::path> settings;
  bool group = false;   ///< several paths, or a folder of settings
  bool failed = false;  ///< a path was missing or held no setting
};
SettingPaths expand_setting_paths(const InputOptions& options);

/// One setting and its profile; on failure, the problems as they would be printed.
struct LoadedOne {
  std::optional<LoadedSetting> loaded;
  std::string problems;  ///< diagnostics text for stderr (also warnings of a good load)
  std::size_t error_count = 0;
  std::size_t rows_read = 0;
  /// When not loaded: its input errors as values (the first 50, in file order), and its
  /// name and URN when the setting file could be read.
  std::vector<Diagnostic> errors;
  std::string name, urn;
};
/// `in_group`: the setting is one of several, so its problems name it as not checked
/// (group_inputs_note says what became of the others).
LoadedOne load_one(const std::filesystem::path& path, const InputOptions& options, const Environment& env,
                   bool in_group = false);

/// The last line on standard error of a group run some of whose settings could not be
/// loaded: "2 of 30 settings were not checked (their input errors are above); the report
/// covers the other 28" ("1 of 3 ... was not checked (its input errors ...); ... the other 2"), or "none of the 30 settings could be checked; nothing was
/// written". Empty when every setting was checked.
std::string group_inputs_note(std::string_view command, std::size_t settings, std::size_t not_checked,
                              std::string_view written = "the report covers");

/// "little-acorns/setting.toml: ok: 1 room, 5 children, 3 staff, 5 days (2026-11-02 to
/// 2026-11-06), profile eyfs-2024-group": what `validate` says of a setting that loads.
std::string ok_line(const LoadedSetting& loaded);

/// Diagnostics as text, as print_diagnostics prints them.
/// Ends with "N errors in the input; <consequence>".
std::string format_diagnostics(const Diagnostics& diagnostics, bool colour,
                               std::string_view consequence = "nothing was checked");

/// Prints diagnostics as `file:line:col: error: ...` with the source line and a caret.
void print_diagnostics(const Diagnostics& diagnostics, bool colour);

}  // namespace attune::cli
