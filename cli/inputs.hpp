#pragma once
// The inputs every command that reads settings shares: PATH..., --from, --to,
// --profile; loading them, and printing every input problem to stderr.

#include <optional>
#include <string>
#include <vector>

#include "attune/diagnostic.hpp"
#include "attune/profile.hpp"
#include "attune/setting.hpp"
#include "command.hpp"

namespace attune::cli {

struct InputOptions {
  std::vector<std::string> paths;
  std::string from;
  std::string to;
  std::string profile;  ///< overrides the setting's profile
};

void add_input_options(CLI::App& app, InputOptions& options);

struct LoadedSetting {
  Setting setting;
  RuleProfile profile;
};

struct LoadedInputs {
  std::vector<LoadedSetting> settings;
  bool failed = false;  ///< some input could not be loaded (exit 2)
  bool group = false;   ///< several paths, or a folder of settings: report as a group
  std::size_t rows_read = 0;
};

/// Loads every setting below the paths and its profile. Problems go to stderr.
LoadedInputs load_inputs(const InputOptions& options, const Environment& env);

/// Prints diagnostics as `file:line:col: error: ...` with the source line and a caret.
void print_diagnostics(const Diagnostics& diagnostics, bool colour);

}  // namespace attune::cli
