#pragma once
// The command table: every subcommand is one entry, so `attune --help`, the dispatch and
// "did you mean" can never disagree.

#include <filesystem>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace attune::cli {

/// Exit codes (docs/cli.md).
enum ExitCode : int { kOk = 0, kFindings = 1, kBadInput = 2, kInternal = 3 };

/// The exit code of a group run that wrote its report (docs/cli.md#exit-codes): 1 when
/// findings fail the run or some settings could not be checked (the report names them;
/// the others are in full), 0 otherwise; with --strict-inputs, 2 for any input error.
inline int group_exit_code(bool failing, bool some_not_checked, bool strict_inputs) {
  if (some_not_checked && strict_inputs) return kBadInput;
  return failing || some_not_checked ? kFindings : kOk;
}

/// What a command may know about where it runs.
struct Environment {
  std::vector<std::filesystem::path> data_dirs;  ///< where templates/ is found, in order
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;
  bool no_color = false;  ///< NO_COLOR is set
};

/// Adds a subcommand's options to `app` (bound to an options struct the command owns)
/// and returns what to run once the command line is parsed.
using Setup = std::function<std::function<int()>(CLI::App& app, const Environment& env)>;

struct Command {
  std::string_view name;
  std::string_view summary;
  Setup setup;
};

std::span<const Command> commands();

// One per file in cli/commands/.
std::function<int()> setup_check(CLI::App& app, const Environment& env);
std::function<int()> setup_validate(CLI::App& app, const Environment& env);
std::function<int()> setup_rules(CLI::App& app, const Environment& env);
std::function<int()> setup_explain(CLI::App& app, const Environment& env);
std::function<int()> setup_profiles(CLI::App& app, const Environment& env);
std::function<int()> setup_report(CLI::App& app, const Environment& env);
std::function<int()> setup_register(CLI::App& app, const Environment& env);
std::function<int()> setup_policy(CLI::App& app, const Environment& env);
std::function<int()> setup_generate(CLI::App& app, const Environment& env);
std::function<int()> setup_history(CLI::App& app, const Environment& env);
std::function<int()> setup_init(CLI::App& app, const Environment& env);
std::function<int()> setup_allocate(CLI::App& app, const Environment& env);
std::function<int()> setup_cover(CLI::App& app, const Environment& env);
std::function<int()> setup_plan(CLI::App& app, const Environment& env);

}  // namespace attune::cli
