// attune: the command-line front end. Parses the command line with CLI11, dispatches
// through the command table, and maps every failure to the documented exit codes.

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <exception>
#include <system_error>
#include <iostream>

#include <fmt/format.h>

#include "attune/render.hpp"
#include "attune/suggest.hpp"
#include "allocator.hpp"
#include "command.hpp"
#include "environment.hpp"

namespace attune::cli {

std::span<const Command> commands() {
  static const Command table[] = {
      {"init", "a new setting to fill in: a commented setting.toml and CSV files with an example row", setup_init},
      {"check", "validate rosters against the rules; print findings (exit 0, 1 or 2)", setup_check},
      {"report", "the full report (HTML with charts, or Markdown)", setup_report},
      {"register", "the daily record: children present, their hours, each child's key person", setup_register},
      {"validate", "load and check the input files only", setup_validate},
      {"policy", "policy checklists: `policy summary SETTING`, `policy template`", setup_policy},
      {"rules", "list the rules of a profile", setup_rules},
      {"explain", "what one rule checks, why, and its source", setup_explain},
      {"profiles", "the rule profiles installed: frameworks, their versions and dates", setup_profiles},
      {"history", "trends from the runs stored by `check --history FILE.db`", setup_history},
      {"allocate", "propose key persons and buddies: the provably best allocation", setup_allocate},
      {"cover", "who covers an absence so the rules hold and babies keep an adult they know", setup_cover},
      {"plan", "a week's rota from bookings and availability that meets every rule", setup_plan},
      {"generate", "synthetic settings for demos and benchmarks", setup_generate},
  };
  return table;
}

namespace {

/// "attune: unknown command "chek"; did you mean "check"?"
int unknown_command(std::string_view word) {
  std::vector<std::string> names;
  for (const auto& c : commands()) names.emplace_back(c.name);
  const auto close = closest_matches(word, names, 1);
  const std::string suggestion = close.empty() ? std::string{} : close.front();
  fmt::print(stderr, "attune: unknown command \"{}\"{}\n", word,
             suggestion.empty() ? "" : fmt::format("; did you mean \"{}\"?", suggestion));
  fmt::print(stderr, "Run `attune --help` for the list of commands.\n");
  return kBadInput;
}

int run(int argc, char** argv) {
  const Environment env = detect_environment();
  CLI::App app{"attune: continuity of care and EYFS rota checks for early-years settings", "attune"};
  app.set_version_flag("--version", std::string(version()));
  app.require_subcommand(1);
  app.fallthrough(false);
  std::function<int()> action;
  for (const Command& command : commands()) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
    auto run_command = command.setup(*sub, env);
    sub->callback([&action, run_command] { action = run_command; });
  }
  if (argc > 1 && argv[1][0] != '-') {
    bool known = false;
    for (const auto& c : commands()) known = known || c.name == argv[1];
    if (!known) return unknown_command(argv[1]);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version arrive here too, as "errors" that exit 0.
    return app.exit(e) == 0 ? kOk : kBadInput;
  }
  return action ? action() : kBadInput;
}

}  // namespace
}  // namespace attune::cli

// Whatever escapes a command is an internal error (exit 3), said in one line: never an
// abort, a stack trace or a bare exception text.
int main(int argc, char** argv) {
  attune::cli::keep_freed_memory_for_reuse();
  // A reader that goes away (`attune check . | head -3`) is a closed output, exit 2 as
  // documented, said by nobody: not death by SIGPIPE (exit 141).
  std::signal(SIGPIPE, SIG_IGN);
  const char* what = "unknown exception";
  try {
    const int code = attune::cli::run(argc, argv);
    if (std::fflush(stdout) != 0) return attune::cli::kBadInput;  // the tail of what was printed
    return code;
  } catch (const std::bad_alloc&) {
    what = "out of memory";
  } catch (const std::system_error& e) {
    if (e.code() == std::errc::broken_pipe) return attune::cli::kBadInput;
    std::fprintf(stderr, "attune: internal error: %s\nPlease report this with the command you ran.\n", e.what());
    return attune::cli::kInternal;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "attune: internal error: %s\nPlease report this with the command you ran.\n", e.what());
    return attune::cli::kInternal;
  } catch (...) {
  }
  std::fprintf(stderr, "attune: internal error: %s\nPlease report this with the command you ran.\n", what);
  return attune::cli::kInternal;
}
